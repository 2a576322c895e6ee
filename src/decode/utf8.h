// UTF-8 for every later stage: one character read (strictly), one code point written, a hex digit's value
// (for the stages that decode escapes themselves: character references, JSON and percent escapes), and
// lower case. The decode stage owns these; later stages include this and walk text with nothing else.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace lede::decode {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

inline bool is_continuation_byte(unsigned char c) { return (c & 0xC0) == 0x80; }

// One character of a byte string: a well-formed UTF-8 sequence, or a single byte that is not part of one
// (then `valid` is false, `length` 1 and `cp` U+FFFD). Overlong forms, surrogates and code points past
// U+10FFFF are not well-formed: an overlong "0" never reads as a digit. Reading each stray byte on its own
// keeps the walk local: whether a byte starts a character can be told from at most 3 bytes before it.
struct Utf8Char {
  char32_t cp;
  std::uint8_t length;
  bool valid;
};

// The character starting at s[i] (i < s.size()).
inline Utf8Char utf8_at(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return {b0, 1, true};
  const std::size_t left = s.size() - i;
  auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (left >= 2 && is_continuation_byte(at(1))) return {char32_t((b0 & 0x1F) << 6 | (at(1) & 0x3F)), 2, true};
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (left >= 3) {
      const unsigned char b1 = at(1);
      const unsigned char lo = b0 == 0xE0 ? 0xA0 : 0x80;
      const unsigned char hi = b0 == 0xED ? 0x9F : 0xBF;  // no UTF-16 surrogates
      if (b1 >= lo && b1 <= hi && is_continuation_byte(at(2)))
        return {char32_t((b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (at(2) & 0x3F)), 3, true};
    }
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (left >= 4) {
      const unsigned char b1 = at(1);
      const unsigned char lo = b0 == 0xF0 ? 0x90 : 0x80;
      const unsigned char hi = b0 == 0xF4 ? 0x8F : 0xBF;  // nothing above U+10FFFF
      if (b1 >= lo && b1 <= hi && is_continuation_byte(at(2)) && is_continuation_byte(at(3)))
        return {char32_t((b0 & 0x07) << 18 | (b1 & 0x3F) << 12 | (at(2) & 0x3F) << 6 | (at(3) & 0x3F)), 4,
                true};
    }
  }
  return {kReplacementCharacter, 1, false};
}

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

// `text` in lower case by lower_code_point; characters it leaves alone (and stray bytes) are copied as they
// are. The second form writes into *out (cleared first), whose capacity a caller can reuse in a loop.
std::string lower(std::string_view text);
void lower_into(std::string_view text, std::string* out);

// Appends code point `cp` to *out as UTF-8.
inline void append_code_point(char32_t cp, std::string* out) {
  char buf[4];
  out->append(buf, encode_utf8(cp, buf));
}

}  // namespace lede::decode
