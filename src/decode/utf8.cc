// utf8: the fast UTF-8 validator (counts well-formed and ill-formed sequences) and the repairing copy.
// Hot path: skips ASCII eight bytes at a time. Must not allocate per byte or choose encodings.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "decode/internal.h"
#include "decode/utf8.h"

namespace lede::decode::detail {
namespace {

enum class Step : std::uint8_t { kAscii, kNul, kValid, kError, kTruncated };

// Classifies the sequence starting at p[0] (a byte >= 0x80 or 0x00 or ASCII); *len is how many bytes
// it covers. For kError, *len is the maximal subpart to replace with one U+FFFD (at least 1); the byte
// after it is examined afresh. kTruncated means the input ends inside a well-formed prefix.
inline Step classify(const unsigned char* p, std::size_t left, std::size_t* len) {
  const unsigned char b = p[0];
  if (b < 0x80) {
    *len = 1;
    return b == 0 ? Step::kNul : Step::kAscii;
  }
  std::size_t need;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (b >= 0xC2 && b <= 0xDF) {
    need = 1;
  } else if (b >= 0xE0 && b <= 0xEF) {
    need = 2;
    if (b == 0xE0) lo = 0xA0;       // no overlong forms
    else if (b == 0xED) hi = 0x9F;  // no surrogates
  } else if (b >= 0xF0 && b <= 0xF4) {
    need = 3;
    if (b == 0xF0) lo = 0x90;       // no overlong forms
    else if (b == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    *len = 1;  // 0x80-0xC1, 0xF5-0xFF never start a sequence
    return Step::kError;
  }
  for (std::size_t k = 1; k <= need; ++k) {
    if (k >= left) {
      *len = left;
      return Step::kTruncated;
    }
    const unsigned char c = p[k];
    if (c < lo || c > hi) {
      *len = k;
      return Step::kError;
    }
    lo = 0x80;
    hi = 0xBF;
  }
  *len = need + 1;
  return Step::kValid;
}

constexpr char kReplacement[] = "\xEF\xBF\xBD";

}  // namespace

Utf8Stats scan_utf8(std::string_view bytes, bool stop_at_error) {
  Utf8Stats st;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    while (i + 8 <= n && plain_ascii8(p + i)) i += 8;
    if (i >= n) break;
    std::size_t len;
    switch (classify(p + i, n - i, &len)) {
      case Step::kAscii:
        break;
      case Step::kNul:
        ++st.nuls;
        break;
      case Step::kValid:
        ++st.multibyte;
        break;
      case Step::kError:
        ++st.errors;
        if (stop_at_error) return st;
        break;
      case Step::kTruncated:
        st.truncated_tail = true;
        break;
    }
    i += len;
  }
  return st;
}

void append_utf8_repaired(std::string_view bytes, std::string* out) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t run = 0;  // start of the bytes not yet copied out
  std::size_t i = 0;
  while (i < n) {
    while (i + 8 <= n && plain_ascii8(p + i)) i += 8;
    if (i >= n) break;
    std::size_t len;
    const Step step = classify(p + i, n - i, &len);
    if (step == Step::kAscii || step == Step::kValid) {
      i += len;
      continue;
    }
    out->append(bytes.data() + run, i - run);
    out->append(kReplacement, 3);
    i += len;
    run = i;
  }
  out->append(bytes.data() + run, n - run);
}

}  // namespace lede::decode::detail

namespace lede::decode {

char32_t lower_code_point(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c >= 0x100 && c <= 0x17F) {
    // Latin Extended-A pairs: mostly even upper / odd lower, with a shifted run 0x139-0x148 and 0x179-0x17E.
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c & 1) ? c + 1 : c;
    if (c == 0x130) return 'i';
    if (c == 0x178) return 0xFF;
    if (c == 0x138 || c == 0x149 || c == 0x17F) return c;
    return (c & 1) ? c : c + 1;
  }
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 32;  // Greek
  if (c == 0x386) return 0x3AC;                               // Greek with tonos: Ά Έ Ή Ί Ό Ύ Ώ
  if (c >= 0x388 && c <= 0x38A) return c + 0x25;
  if (c == 0x38C) return 0x3CC;
  if (c == 0x38E || c == 0x38F) return c + 0x3F;
  if (c >= 0x410 && c <= 0x42F) return c + 32;                // Cyrillic А-Я
  if (c >= 0x400 && c <= 0x40F) return c + 80;                // Ѐ-Џ (Є, І, Ї, Ў ...)
  if (c >= 0x4C1 && c <= 0x4CE) return (c & 1) ? c + 1 : c;
  if (c >= 0x460 && c <= 0x4FF && !(c >= 0x482 && c <= 0x489) && c != 0x4C0 && c != 0x4CF)
    return (c & 1) ? c : c + 1;  // Ґ and the other paired letters
  return c;
}

std::string lower(std::string_view text) {
  std::string out;
  lower_into(text, &out);
  return out;
}

void lower_into(std::string_view text, std::string* out) {
  out->clear();
  out->reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      out->push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
      ++i;
      continue;
    }
    const Utf8Char u = utf8_at(text, i);
    const char32_t l = lower_code_point(u.cp);
    if (!u.valid || l == u.cp) out->append(text.data() + i, u.length);
    else append_code_point(l, out);
    i += u.length;
  }
}

}  // namespace lede::decode
