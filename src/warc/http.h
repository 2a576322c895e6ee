// The HTTP message inside a WARC `response` record: its status line and headers, and its payload with the
// transfer coding (chunked) and content codings (gzip, deflate, br) undone under a size cap.
// Knows nothing of WARC headers or of extraction.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace lede::warc {

struct HttpHead {
  int status = 0;
  std::string content_type;
  std::string transfer_encoding;  // lowercased, e.g. "chunked"
  std::string content_encoding;   // lowercased, e.g. "gzip"
  std::size_t body_offset = 0;    // where the payload starts in the message
};

// Header names compare without regard to ASCII case ("Content-Type", "WARC-Type").
bool iequals(std::string_view a, std::string_view b);

// False when `message` does not start with an HTTP status line and a complete header block.
bool parse_http_head(std::string_view message, HttpHead* head);

// True for text/html and application/xhtml+xml; with no Content-Type, when the payload looks like HTML.
bool is_html(std::string_view content_type, std::string_view payload);

// Undoes the codings the head names, in place. Returns an empty string on success, else an error reason
// ("bomb: ..." past max_bytes, "encoding: ..." for a coding that cannot be undone). A payload that is
// plainly not coded as the head says (crawlers often store the decoded body under the original headers)
// is left as it is.
std::string decode_payload(const HttpHead& head, std::string* payload, std::size_t max_bytes);

}  // namespace lede::warc
