// decode: a page's raw bytes -> UTF-8, choosing the encoding in the WHATWG order: caller's override,
// BOM, the HTTP Content-Type charset, the <meta charset>/http-equiv prescan, then statistical detection.
// Must not parse HTML beyond the prescan, and never fails: undecodable bytes become U+FFFD.
#pragma once

#include <string>
#include <string_view>

namespace lede::decode {

struct Decoded {
  std::string utf8;      // the page as valid UTF-8, BOM removed
  std::string encoding;  // WHATWG canonical name of the source encoding, e.g. "windows-1251", "UTF-8"
  std::string source;    // "caller", "bom", "http", "meta", "detected" or "default"
};

// `content_type`: the HTTP Content-Type header value or empty; `override_label`: a charset label the
// caller forces, or empty. An unknown override label is ignored (the next source in order decides).
Decoded to_utf8(std::string_view bytes, std::string_view content_type, std::string_view override_label);

// The WHATWG canonical encoding name for a label ("latin1" -> "windows-1252", "cp1251" ->
// "windows-1251", "utf8" -> "UTF-8"); empty when the label is unknown.
std::string canonical_encoding(std::string_view label);

}  // namespace lede::decode
