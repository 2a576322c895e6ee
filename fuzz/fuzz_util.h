// Helpers shared by the fuzz targets: choosing option strings from the fuzzer's bytes, and the properties
// every output must keep (valid UTF-8). Fuzz-only code: never linked into the library or the CLI.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <fuzzer/FuzzedDataProvider.h>

namespace lede::fuzz {

// Charset labels worth reaching: every family the decoder converts, aliases, and labels it must reject.
inline constexpr std::string_view kLabels[] = {
    "utf-8",     "UTF8",         "utf-16le",     "utf-16be",   "utf-16",      "windows-1251", "cp1251",
    "koi8-r",    "koi8-u",       "iso-8859-1",   "latin1",     "windows-1252", "iso-8859-2",  "iso-8859-5",
    "ibm866",    "x-mac-cyrillic", "shift_jis",  "euc-jp",     "iso-2022-jp", "gbk",         "gb18030",
    "big5",      "euc-kr",       "windows-874",  "x-user-defined", "replacement", "macintosh", "hz-gb-2312",
    "bogus",     "",             " utf-8 ",      "\"utf-8\"",  "utf-7",       "ascii",        "unicode",
};

// The tail of the input carries the choices (FuzzedDataProvider reads integers from the end), so seed
// pages keep their front intact; a choice past the table takes a short string from the front instead.
inline std::string pick_label(FuzzedDataProvider& data) {
  constexpr std::size_t count = sizeof kLabels / sizeof kLabels[0];
  auto choice = data.ConsumeIntegral<std::uint8_t>();
  if (choice < count) return std::string(kLabels[choice]);
  if (choice < 2 * count) return {};
  return data.ConsumeRandomLengthString(48);
}

// A Content-Type header value: none, a plain type, a type with a chosen charset, or raw bytes.
inline std::string pick_content_type(FuzzedDataProvider& data) {
  switch (data.ConsumeIntegral<std::uint8_t>() & 7) {
    case 0:
    case 1: return {};
    case 2: return "text/html";
    case 3: return "application/octet-stream; charset=utf-16";
    case 4: return "text/html; charset=" + pick_label(data);
    case 5: return "text/html;charset=\"" + pick_label(data) + "\"; q=1";
    default: return data.ConsumeRandomLengthString(96);
  }
}

// Strict UTF-8 (no surrogates, no overlongs, nothing past U+10FFFF). Returns the offset of the first bad
// byte, or npos.
inline std::size_t first_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t n = s.size(), i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    if (i + len > n) return i;
    if (p[i + 1] < lo || p[i + 1] > hi) return i;
    for (std::size_t k = 2; k < len; ++k) {
      if (p[i + k] < 0x80 || p[i + k] > 0xBF) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

// A broken property is a finding: say which, and abort so libFuzzer saves the input.
inline void require_utf8(std::string_view what, std::string_view s) {
  std::size_t bad = first_invalid_utf8(s);
  if (bad == std::string_view::npos) return;
  std::fprintf(stderr, "fuzz: %.*s is not valid UTF-8 at byte %zu of %zu\n", static_cast<int>(what.size()),
               what.data(), bad, s.size());
  std::abort();
}

inline void require(bool condition, const char* what) {
  if (condition) return;
  std::fprintf(stderr, "fuzz: property broken: %s\n", what);
  std::abort();
}

}  // namespace lede::fuzz
