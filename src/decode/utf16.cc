// utf16: decodes UTF-16LE/BE to UTF-8 by hand (iconv would lose code-unit alignment after an error)
// and sniffs whether BOM-less bytes plausibly are UTF-16. Must not look at BOMs or labels.
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

#include "decode/internal.h"

namespace lede::decode::detail {
namespace {

inline char32_t unit_at(const unsigned char* p, bool big_endian) {
  return big_endian ? static_cast<char32_t>((p[0] << 8) | p[1]) : static_cast<char32_t>(p[0] | (p[1] << 8));
}

}  // namespace

void append_utf16(std::string_view bytes, bool big_endian, std::string* out) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  out->reserve(out->size() + n + n / 2);
  std::size_t i = 0;
  while (i + 1 < n) {
    const char32_t unit = unit_at(p + i, big_endian);
    i += 2;
    if (unit != 0 && unit < 0x80) {
      out->push_back(static_cast<char>(unit));
    } else if (unit == 0 || (unit >= 0xDC00 && unit <= 0xDFFF)) {
      append_code_point(0xFFFD, out);  // NUL, or a trail surrogate without a lead
    } else if (unit >= 0xD800 && unit <= 0xDBFF) {
      if (i + 1 < n) {
        const char32_t next = unit_at(p + i, big_endian);
        if (next >= 0xDC00 && next <= 0xDFFF) {
          append_code_point(0x10000 + ((unit - 0xD800) << 10) + (next - 0xDC00), out);
          i += 2;
          continue;
        }
      }
      append_code_point(0xFFFD, out);  // a lead surrogate without a trail: the next unit is read afresh
    } else {
      append_code_point(unit, out);
    }
  }
  if (i < n) append_code_point(0xFFFD, out);  // an odd byte at the end
}

// HTML is mostly ASCII markup, so real UTF-16 has a zero high byte in a good share of its code units
// and almost never a zero low byte. Looks at the first 4 KiB.
bool looks_like_utf16(std::string_view bytes, bool big_endian) {
  const std::size_t n = std::min<std::size_t>(bytes.size(), 4096) & ~std::size_t{1};
  if (n < 4) return false;
  std::size_t zero_high = 0;
  std::size_t zero_low = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    const char a = bytes[i];
    const char b = bytes[i + 1];
    const bool high_zero = big_endian ? a == 0 : b == 0;
    const bool low_zero = big_endian ? b == 0 : a == 0;
    zero_high += high_zero;
    zero_low += low_zero;
  }
  const std::size_t units = n / 2;
  return zero_high * 5 >= units && zero_low * 4 < zero_high;
}

}  // namespace lede::decode::detail
