// UTF-8 encoding of one code point, and a hex digit's value, for every stage that decodes escapes itself
// (character references, JSON and percent escapes) or writes code points (case folding). The decode stage
// owns these; later stages include this.
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

// The value of hex digit `c` (0-9, a-f, A-F), or -1.
inline int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The lower-case form of a capital letter of Latin (ASCII, Latin-1, Latin Extended-A), Greek (accented
// capitals included) and Cyrillic (the basic block with its paired letters: Є, І, Ї, Ґ …); any other code
// point unchanged. One table for every stage that folds case (chrome phrases, names, dates).
char32_t lower_code_point(char32_t c);

// Appends code point `cp` to *out as UTF-8.
inline void append_code_point(char32_t cp, std::string* out) {
  char buf[4];
  out->append(buf, encode_utf8(cp, buf));
}

}  // namespace lede::decode
