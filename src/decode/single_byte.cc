// single_byte: decodes the ASCII-compatible single-byte encodings (windows-125x, ISO-8859-x, KOI8...)
// through 256-entry byte -> UTF-8 tables built once per process from glibc iconv, and answers questions
// about a page's byte histogram under those tables. Must not call iconv per page, nor pick encodings.
#include <iconv.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <string>
#include <string_view>

#include "decode/internal.h"

namespace lede::decode::detail {
namespace {

// The UTF-8 form of one byte; `len` is 1-3. Four bytes so one unaligned 4-byte copy moves an entry.
struct Entry {
  char utf8[3];
  std::uint8_t len;
};
static_assert(sizeof(Entry) == 4);
using Table = std::array<Entry, 256>;

Entry make_entry(char32_t cp) {
  std::string s;
  append_code_point(cp, &s);
  Entry e{};
  std::memcpy(e.utf8, s.data(), s.size());
  e.len = static_cast<std::uint8_t>(s.size());
  return e;
}

// Bytes 0x00-0x7F are ASCII in every WHATWG single-byte encoding (0x00 becomes U+FFFD, as everywhere
// in lede); 0x80-0xFF come from glibc. A byte glibc does not define becomes U+FFFD.
void build(const Encoding& enc, Table* t) {
  for (int b = 0; b < 0x80; ++b) (*t)[b] = make_entry(b == 0 ? 0xFFFD : static_cast<char32_t>(b));
  const Entry bad = make_entry(0xFFFD);
  iconv_t cd = iconv_open("UTF-8", enc.iconv_name);
  for (int b = 0x80; b < 0x100; ++b) {
    (*t)[b] = bad;
    if (cd == reinterpret_cast<iconv_t>(-1)) continue;
    char in[1] = {static_cast<char>(b)};
    char out[8];
    char* ip = in;
    char* op = out;
    std::size_t il = 1;
    std::size_t ol = sizeof out;
    iconv(cd, nullptr, nullptr, nullptr, nullptr);
    if (iconv(cd, &ip, &il, &op, &ol) == static_cast<std::size_t>(-1) || il != 0) continue;
    // glibc's CP1255 and CP1258 hold a letter back until they see whether a combining mark follows
    // (to compose "e" + U+0301 into "é"); the flush writes it. WHATWG's tables never compose.
    if (iconv(cd, nullptr, nullptr, &op, &ol) == static_cast<std::size_t>(-1)) continue;
    const std::size_t len = sizeof out - ol;
    if (len == 0 || len > 3) continue;
    Entry e{};
    std::memcpy(e.utf8, out, len);
    e.len = static_cast<std::uint8_t>(len);
    (*t)[b] = e;
  }
  if (cd != reinterpret_cast<iconv_t>(-1)) iconv_close(cd);
  // glibc's MAC-CYRILLIC has the old currency sign at 0xFF; the WHATWG x-mac-cyrillic index (Mac OS 9
  // and later) has the euro sign there.
  if (enc.name == "x-mac-cyrillic") (*t)[0xFF] = make_entry(0x20AC);
}

const Table& table_for(const Encoding& enc) {
  static std::array<Table, kSingleByteCount> tables;
  static std::array<std::once_flag, kSingleByteCount> once;
  const int i = enc.single_byte_index;
  std::call_once(once[i], [&] { build(enc, &tables[i]); });
  return tables[i];
}

}  // namespace

void append_single_byte(std::string_view bytes, const Encoding& enc, std::string* out) {
  const Table& t = table_for(enc);
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  const std::size_t old = out->size();
  out->resize(old + n * 3 + 1);  // worst case: every byte becomes 3 bytes, +1 for the 4-byte stores
  char* d = out->data() + old;
  std::size_t i = 0;
  while (i < n) {
    while (i + 8 <= n && plain_ascii8(p + i)) {
      std::memcpy(d, p + i, 8);
      d += 8;
      i += 8;
    }
    const std::size_t stop = i + 8 < n ? i + 8 : n;
    for (; i < stop; ++i) {
      const Entry& e = t[p[i]];
      std::memcpy(d, &e, 4);
      d += e.len;
    }
  }
  out->resize(static_cast<std::size_t>(d - out->data()));
}

ByteHistogram byte_histogram(std::string_view bytes) {
  ByteHistogram h;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    while (i + 8 <= n && plain_ascii8(p + i)) i += 8;  // ASCII is not counted (it never differs)
    const std::size_t stop = i + 8 < n ? i + 8 : n;
    for (; i < stop; ++i) ++h.count[p[i]];
  }
  return h;
}

std::size_t count_differing(const ByteHistogram& h, const Encoding& a, const Encoding& b) {
  const Table& ta = table_for(a);
  const Table& tb = table_for(b);
  std::size_t differing = 0;
  for (int c = 0x80; c < 0x100; ++c) {
    if (h.count[c] == 0) continue;
    const Entry& x = ta[c];
    const Entry& y = tb[c];
    if (x.len != y.len || std::memcmp(x.utf8, y.utf8, x.len) != 0) differing += h.count[c];
  }
  return differing;
}

LetterCase cyrillic_case(const ByteHistogram& h, const Encoding& e) {
  const Table& t = table_for(e);
  LetterCase lc;
  for (int c = 0x80; c < 0x100; ++c) {
    if (h.count[c] == 0 || t[c].len != 2) continue;
    const auto b0 = static_cast<unsigned char>(t[c].utf8[0]);
    const auto b1 = static_cast<unsigned char>(t[c].utf8[1]);
    const char32_t cp = ((b0 & 0x1F) << 6) | (b1 & 0x3F);
    if (cp >= 0x400 && cp <= 0x42F) lc.upper += h.count[c];       // Ѐ-Џ, А-Я
    else if (cp >= 0x430 && cp <= 0x45F) lc.lower += h.count[c];  // а-я, ѐ-џ
    else if (cp == 0x490) lc.upper += h.count[c];                 // Ґ
    else if (cp == 0x491) lc.lower += h.count[c];                 // ґ
  }
  return lc;
}

}  // namespace lede::decode::detail
