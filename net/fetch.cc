// The page fetcher (fetch.h): libcurl one hop at a time, each hop's name resolved and checked
// here, the connection pinned to the checked address twice over (CURLOPT_RESOLVE, and an open-socket
// callback that refuses any other address). Must never let curl resolve, follow or proxy on its own.
#include "fetch.h"

#include <curl/curl.h>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <memory>

#include "address_policy.h"

namespace lede::net {
namespace {

using Clock = std::chrono::steady_clock;

// One hop's target, taken apart by curl's own URL parser so that we check what curl will connect to.
struct Target {
  std::string url;
  std::string scheme;
  std::string host;  // without IPv6 brackets
  long port = 0;
};

// The address a hop was checked and pinned to; the open-socket callback compares against it.
struct PinnedAddress {
  sockaddr_storage address{};
  socklen_t length = 0;
};

struct Body {
  std::string bytes;
  std::size_t max_bytes = 0;
  bool overflowed = false;
};

FetchResult failure(FetchError error, std::string message) {
  FetchResult result;
  result.error = error;
  result.message = std::move(message);
  return result;
}

std::string url_part(CURLU* handle, CURLUPart part, unsigned flags = 0) {
  char* value = nullptr;
  if (curl_url_get(handle, part, &value, flags) != CURLUE_OK || value == nullptr) return {};
  std::string text = value;
  curl_free(value);
  return text;
}

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

// Parses `url` into a Target; an empty scheme in the result means the URL did not parse.
FetchResult parse_target(const std::string& url, Target* target) {
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> handle(curl_url(), curl_url_cleanup);
  if (!handle || curl_url_set(handle.get(), CURLUPART_URL, url.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK) {
    return failure(FetchError::invalid_url, "not a URL: " + url);
  }
  target->scheme = lowercase(url_part(handle.get(), CURLUPART_SCHEME));
  if (target->scheme != "http" && target->scheme != "https") {
    return failure(FetchError::unsupported_scheme, "only http and https URLs are fetched, not " + target->scheme + ":");
  }
  std::string host = url_part(handle.get(), CURLUPART_HOST);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (host.empty()) return failure(FetchError::invalid_url, "the URL has no host: " + url);
  target->host = lowercase(host);
  target->port = std::strtol(url_part(handle.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT).c_str(), nullptr, 10);
  target->url = url_part(handle.get(), CURLUPART_URL);
  return {};
}

std::string host_port(const Target& target) {
  const bool ipv6 = target.host.find(':') != std::string::npos;
  return (ipv6 ? "[" + target.host + "]" : target.host) + ":" + std::to_string(target.port);
}

// Resolves the hop's host, refuses it when any address is not public (unless allowed), pins the first.
FetchResult resolve_and_check(const Target& target, bool may_be_private, PinnedAddress* pinned) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  const int rc = getaddrinfo(target.host.c_str(), nullptr, &hints, &found);
  if (rc != 0 || found == nullptr) {
    return failure(FetchError::dns_failed, "cannot resolve " + target.host + ": " + gai_strerror(rc));
  }
  std::unique_ptr<addrinfo, decltype(&freeaddrinfo)> addresses(found, freeaddrinfo);
  for (const addrinfo* entry = found; entry != nullptr; entry = entry->ai_next) {
    const AddressClass address_class = classify_address(entry->ai_addr);
    if (address_class == AddressClass::unknown_family) continue;
    if (address_class != AddressClass::public_address && !may_be_private) {
      return failure(FetchError::forbidden_address, target.host + " resolves to " + address_to_string(entry->ai_addr) +
                                                        " (" + address_class_name(address_class) +
                                                        "): only public addresses are fetched");
    }
  }
  for (const addrinfo* entry = found; entry != nullptr; entry = entry->ai_next) {
    if (entry->ai_family != AF_INET && entry->ai_family != AF_INET6) continue;
    std::memcpy(&pinned->address, entry->ai_addr, entry->ai_addrlen);
    pinned->length = entry->ai_addrlen;
    return {};
  }
  return failure(FetchError::dns_failed, target.host + " has no IPv4 or IPv6 address");
}

bool same_address(const sockaddr* a, const sockaddr_storage& b) {
  if (a->sa_family != b.ss_family) return false;
  if (a->sa_family == AF_INET) {
    return std::memcmp(&reinterpret_cast<const sockaddr_in*>(a)->sin_addr,
                       &reinterpret_cast<const sockaddr_in*>(&b)->sin_addr, sizeof(in_addr)) == 0;
  }
  return std::memcmp(&reinterpret_cast<const sockaddr_in6*>(a)->sin6_addr,
                     &reinterpret_cast<const sockaddr_in6*>(&b)->sin6_addr, sizeof(in6_addr)) == 0;
}

// The last line of defence: curl may only open a socket to the address this hop was checked for.
curl_socket_t open_pinned_socket(void* data, curlsocktype, curl_sockaddr* address) {
  const auto* pinned = static_cast<const PinnedAddress*>(data);
  if (!same_address(&address->addr, pinned->address)) return CURL_SOCKET_BAD;
  return socket(address->family, address->socktype, address->protocol);
}

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* body = static_cast<Body*>(user);
  const std::size_t bytes = size * count;
  if (body->bytes.size() + bytes > body->max_bytes) {
    body->overflowed = true;
    return 0;  // makes curl stop with CURLE_WRITE_ERROR
  }
  body->bytes.append(data, bytes);
  return bytes;
}

struct CurlDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

FetchError classify_curl_error(CURLcode code) {
  if (code == CURLE_OPERATION_TIMEDOUT) return FetchError::timeout;
  if (code == CURLE_FILESIZE_EXCEEDED) return FetchError::too_large;
  if (code == CURLE_COULDNT_CONNECT) return FetchError::network;
  return FetchError::network;
}

// One request to a checked, pinned target; never follows a redirect (the caller does, re-checking).
FetchResult fetch_hop(const Target& target, const PinnedAddress& pinned, long timeout_ms, const FetchOptions& options) {
  const std::size_t max_bytes = options.max_bytes;
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) return failure(FetchError::network, "cannot start a transfer");
  const std::string address = address_to_string(reinterpret_cast<const sockaddr*>(&pinned.address));
  const bool ipv6 = pinned.address.ss_family == AF_INET6;
  std::unique_ptr<curl_slist, SlistDeleter> resolve(curl_slist_append(
      nullptr, (target.host + ":" + std::to_string(target.port) + ":" + (ipv6 ? "[" + address + "]" : address)).c_str()));
  Body body;
  body.max_bytes = max_bytes;
  CURL* handle = curl.get();
  curl_easy_setopt(handle, CURLOPT_URL, target.url.c_str());
  curl_easy_setopt(handle, CURLOPT_RESOLVE, resolve.get());
  curl_easy_setopt(handle, CURLOPT_OPENSOCKETFUNCTION, open_pinned_socket);
  curl_easy_setopt(handle, CURLOPT_OPENSOCKETDATA, &pinned);
  curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(handle, CURLOPT_PROXY, "");  // no proxy from the environment: it would bypass the pin
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, std::max(timeout_ms, 1L));
  curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, std::max(std::min(timeout_ms, 5000L), 1L));
  curl_easy_setopt(handle, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(max_bytes));
  curl_easy_setopt(handle, CURLOPT_ACCEPT_ENCODING, "");  // decoded bytes count against max_bytes
  curl_easy_setopt(handle, CURLOPT_USERAGENT, options.user_agent.c_str());
  curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, append_body);
  curl_easy_setopt(handle, CURLOPT_WRITEDATA, &body);
  const CURLcode code = curl_easy_perform(handle);
  if (body.overflowed || code == CURLE_FILESIZE_EXCEEDED) {
    return failure(FetchError::too_large, target.url + " is larger than " + std::to_string(max_bytes) + " bytes");
  }
  if (code != CURLE_OK) return failure(classify_curl_error(code), target.url + ": " + curl_easy_strerror(code));
  FetchResult result;
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &result.http_status);
  const char* content_type = nullptr;
  if (curl_easy_getinfo(handle, CURLINFO_CONTENT_TYPE, &content_type) == CURLE_OK && content_type) {
    result.content_type = content_type;
  }
  const char* location = nullptr;
  if (result.http_status >= 300 && result.http_status < 400 &&
      curl_easy_getinfo(handle, CURLINFO_REDIRECT_URL, &location) == CURLE_OK && location) {
    result.final_url = location;  // the next hop, absolute (curl resolves a relative Location)
  }
  result.body = std::move(body.bytes);
  return result;
}

long remaining_ms(Clock::time_point deadline) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
}

}  // namespace

void init_fetching() { curl_global_init(CURL_GLOBAL_DEFAULT); }

FetchResult fetch_page(const std::string& url, const FetchOptions& options) {
  const Clock::time_point deadline = Clock::now() + std::chrono::milliseconds(options.timeout_ms);
  std::string next_url = url;
  for (int hop = 0; hop <= options.max_redirects; ++hop) {
    Target target;
    if (FetchResult parsed = parse_target(next_url, &target); parsed.error != FetchError::none) return parsed;
    const bool test_origin = hop == 0 && !options.testing_start_origin.empty() &&
                             host_port(target) == options.testing_start_origin;
    PinnedAddress pinned;
    FetchResult checked = resolve_and_check(target, options.allow_private || test_origin, &pinned);
    if (checked.error != FetchError::none) return checked;
    const long left = remaining_ms(deadline);
    if (left <= 0) return failure(FetchError::timeout, "fetching " + url + " took longer than the time limit");
    FetchResult answer = fetch_hop(target, pinned, left, options);
    if (answer.error != FetchError::none) return answer;
    if (answer.http_status >= 300 && answer.http_status < 400 && !answer.final_url.empty()) {
      next_url = answer.final_url;
      continue;
    }
    if (answer.http_status < 200 || answer.http_status >= 300) {
      return failure(FetchError::upstream_status,
                     target.url + " answered HTTP " + std::to_string(answer.http_status));
    }
    answer.final_url = target.url;
    return answer;
  }
  return failure(FetchError::too_many_redirects,
                 url + " redirects more than " + std::to_string(options.max_redirects) + " times");
}

const char* fetch_error_name(FetchError error) {
  switch (error) {
    case FetchError::none: return "ok";
    case FetchError::invalid_url: return "invalid_url";
    case FetchError::unsupported_scheme: return "unsupported_scheme";
    case FetchError::forbidden_address: return "forbidden_address";
    case FetchError::dns_failed: return "dns_failed";
    case FetchError::too_many_redirects: return "too_many_redirects";
    case FetchError::too_large: return "fetch_too_large";
    case FetchError::timeout: return "fetch_timeout";
    case FetchError::upstream_status: return "upstream_status";
    case FetchError::network: return "fetch_failed";
  }
  return "fetch_failed";
}

}  // namespace lede::net
