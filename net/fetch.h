// Fetching a page by URL — for `lede serve`'s fetch=URL and for URLs given to `lede extract` — behind the
// SSRF guard: http(s) only, every hop's name resolved here and every address checked (address_policy.h),
// the connection pinned to the checked address, redirects followed by hand and re-checked, size and time
// capped. Never extracts and never logs.
#pragma once

#include <cstddef>
#include <string>

namespace lede::net {

struct FetchOptions {
  std::size_t max_bytes = 16u << 20;  // the page after content decoding; more is fetch_too_large
  long timeout_ms = 10'000;           // the whole redirect chain, connects and transfers included
  int max_redirects = 5;
  bool allow_private = false;  // --allow-private: loopback, private and link-local addresses are fetched
  std::string user_agent = "lede/1 (+article extraction)";
  // Tests only (the hidden --testing-allow-origin): "host:port" that the first hop alone may reach
  // whatever its address; redirect hops are checked as usual, so a redirect back there is refused.
  std::string testing_start_origin;
};

enum class FetchError {
  none,
  invalid_url,         // not a URL curl can parse, or no host
  unsupported_scheme,  // anything but http and https
  forbidden_address,   // the name resolves to (or the URL names) a non-public address
  dns_failed,          // the name does not resolve
  too_many_redirects,
  too_large,           // the page is larger than FetchOptions::max_bytes
  timeout,
  upstream_status,     // the final answer was not 2xx
  network,             // connect refused, TLS failure, reset, ...
};

struct FetchResult {
  FetchError error = FetchError::none;
  std::string message;       // for the client: which URL and why
  std::string body;          // the page's bytes, content-decoded
  std::string content_type;  // the final response's Content-Type
  std::string final_url;     // after redirects
  long http_status = 0;
};

// Call once before any fetch_page(), before threads start (curl_global_init is not thread-safe).
void init_fetching();

// Fetches `url`, following up to options.max_redirects redirects. Thread-safe; blocks.
FetchResult fetch_page(const std::string& url, const FetchOptions& options);

// Stable lowercase name of the error ("forbidden_address", ...) for JSON errors and metrics.
const char* fetch_error_name(FetchError error);

}  // namespace lede::net
