// UTF-8 encoding of one code point, for every stage that writes text it decoded itself (character
// references, JSON escapes, case folding). The decode stage owns UTF-8; later stages include this.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace lede::decode {

// Writes code point `cp` (a scalar value, at most U+10FFFF) as UTF-8 to out[0..3]; returns its length.
inline std::size_t encode_utf8(char32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

// Appends code point `cp` to *out as UTF-8.
inline void append_code_point(char32_t cp, std::string* out) {
  char buf[4];
  out->append(buf, encode_utf8(cp, buf));
}

}  // namespace lede::decode
