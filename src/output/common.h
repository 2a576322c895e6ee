// Internal helpers shared by the three renderers: UTF-8 walking and repair, span clamping, line trimming.
// Header-only and allocation-free; nothing here knows about an output format or touches an Article's
// meaning, and nothing outside src/output may include it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "decode/utf8.h"

namespace lede::output {

inline constexpr std::string_view kReplacementUtf8 = "\xEF\xBF\xBD";

// The start of the unit that contains byte i (i <= s.size(); s.size() maps to itself).
inline std::size_t unit_start(std::string_view s, std::size_t i) {
  if (i >= s.size() || !decode::is_continuation_byte(static_cast<unsigned char>(s[i]))) return i;
  for (std::size_t back = 1; back <= 3 && back <= i; ++back) {
    const std::size_t q = i - back;
    if (decode::is_continuation_byte(static_cast<unsigned char>(s[q]))) continue;
    const decode::Utf8Char u = decode::utf8_at(s, q);
    return (u.valid && q + u.length > i) ? q : i;
  }
  return i;
}

// The end of the unit that contains byte i-1, i.e. i rounded up to a unit boundary.
inline std::size_t unit_end(std::string_view s, std::size_t i) {
  if (i == 0 || i >= s.size()) return i > s.size() ? s.size() : i;
  const std::size_t q = unit_start(s, i);
  if (q == i) return i;
  return q + decode::utf8_at(s, q).length;
}

// Clamps a span's byte range [begin, end) to s and widens it to whole units. False when nothing is left.
inline bool clamp_range(std::string_view s, std::uint32_t begin, std::uint32_t end, std::size_t* b,
                        std::size_t* e) {
  std::size_t lo = begin, hi = end;
  if (hi > s.size()) hi = s.size();
  if (lo >= hi) return false;
  *b = unit_start(s, lo);
  *e = unit_end(s, hi);
  return *b < *e;
}

// Appends s to out as well-formed UTF-8: every stray byte becomes U+FFFD.
inline void append_utf8(std::string& out, std::string_view s) {
  std::size_t i = 0, run = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const decode::Utf8Char u = decode::utf8_at(s, i);
    if (u.valid) {
      i += u.length;
      continue;
    }
    out.append(s.data() + run, i - run);
    out.append(kReplacementUtf8);
    run = ++i;
  }
  out.append(s.data() + run, s.size() - run);
}

inline bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// s without leading and trailing ASCII blanks (spaces, tabs, CR, FF, VT; never '\n', which splits lines).
inline std::string_view trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && is_ascii_space(s[b])) ++b;
  while (e > b && is_ascii_space(s[e - 1])) --e;
  return s.substr(b, e - b);
}

// True when s holds nothing but ASCII blanks and newlines.
inline bool is_blank(std::string_view s) {
  for (char c : s)
    if (!is_ascii_space(c) && c != '\n') return false;
  return true;
}

inline std::string_view trim_right(std::string_view s) {
  std::size_t e = s.size();
  while (e > 0 && (is_ascii_space(s[e - 1]) || s[e - 1] == '\n')) --e;
  return s.substr(0, e);
}

// Calls f(line) for each '\n'-separated line of s, each trimmed of blanks on both sides.
template <class F>
inline void for_each_trimmed_line(std::string_view s, F&& f) {
  std::size_t pos = 0;
  while (true) {
    const std::size_t nl = s.find('\n', pos);
    const std::size_t end = nl == std::string_view::npos ? s.size() : nl;
    f(trim(s.substr(pos, end - pos)));
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
}

// Appends s with its lines joined by one space and empty lines dropped: a heading, a list item or a
// table cell must stay on one line. Emits well-formed UTF-8.
inline void append_flat(std::string& out, std::string_view s) {
  bool first = true;
  for_each_trimmed_line(s, [&](std::string_view line) {
    if (line.empty()) return;
    if (!first) out.push_back(' ');
    append_utf8(out, line);
    first = false;
  });
}

// A code block's text, verbatim but for leading blank lines and trailing blanks, CR LF as LF, well-formed
// UTF-8, each line ending in '\n'. Appends nothing for blank code.
inline void append_code_body(std::string& out, std::string_view text) {
  std::size_t start = 0;
  while (true) {  // drop leading lines that hold only blanks
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos || !trim(text.substr(start, nl - start)).empty()) break;
    start = nl + 1;
  }
  text = trim_right(text.substr(start));
  if (text.empty()) return;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::size_t line_end = end;
    if (line_end > pos && text[line_end - 1] == '\r') --line_end;
    append_utf8(out, text.substr(pos, line_end - pos));
    out.push_back('\n');
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
}

}  // namespace lede::output
