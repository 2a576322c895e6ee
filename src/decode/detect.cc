// detect: content-based guesses — uchardet's statistical detection and the high-byte "shape" check
// used to question a Latin declaration. Must not read declarations (BOM, HTTP, meta) or convert bytes.
#include <uchardet/uchardet.h>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>

#include "decode/internal.h"

namespace lede::decode::detail {
namespace {

// uchardet does not see the page as is but a sample: every non-ASCII byte with kContext bytes of
// context either side, windows merged, up to kSampleCap bytes, gathered from the whole page. Pages often
// carry hundreds of KiB of ASCII scripts around the text, and after the first non-ASCII byte uchardet
// runs all its probers over every byte: ~60 MB/s over ASCII, ~12 MB/s over Cyrillic text. Measured on 238 real pages re-encoded into 20 legacy encodings (docs/decoding.md): the
// sample is as accurate as the whole page from 8 KiB up (16 KiB leaves margin), while a plain prefix
// misses pages whose text starts late.
constexpr std::size_t kContext = 32;
constexpr std::size_t kSampleCap = 16 * 1024;

void build_sample(std::string_view bytes, std::string* out) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t covered = 0;  // end of the last window copied
  bool any = false;
  std::size_t i = 0;
  while (i < n && out->size() < kSampleCap) {
    while (i + 8 <= n && plain_ascii8(p + i)) i += 8;
    if (i >= n) break;
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    std::size_t start = i > kContext ? i - kContext : 0;
    if (any && start <= covered) {
      start = covered;  // continues the previous window
    } else if (any) {
      out->push_back('\n');
    }
    const std::size_t end = std::min(n, i + kContext + 1);
    out->append(bytes.substr(start, end - start));
    covered = end;
    any = true;
    i = end;
  }
}

// uchardet picks an ISO-8859 set where the windows code page of the same script is meant: bytes
// 0x80-0x9F are C1 controls in ISO-8859 but quotes and dashes in windows-125x, so their presence
// settles it. (ISO-8859-1 and -9 are windows-1252 and -1254 by WHATWG label already.)
const Encoding* prefer_windows_sibling(const Encoding* e, std::string_view sample) {
  if (e == nullptr || e->name.substr(0, 9) != "ISO-8859-") return e;
  const char* sibling = nullptr;
  if (e->name == "ISO-8859-2") sibling = "windows-1250";
  else if (e->name == "ISO-8859-7") sibling = "windows-1253";
  else if (e->name == "ISO-8859-8") sibling = "windows-1255";
  else if (e->name == "ISO-8859-13") sibling = "windows-1257";
  if (sibling == nullptr) return e;
  for (const char c : sample) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x80 && b <= 0x9F) return find_by_name(sibling);
  }
  return e;
}

// uchardet knows KOI8-R but not KOI8-U, which puts Ukrainian's і, ї, є, ґ (and their capitals) where
// KOI8-R has box-drawing characters. Box drawing glued to Cyrillic letters is never meant, so two such
// bytes next to a letter (0xC0-0xFF in both) settle it.
const Encoding* prefer_koi8_u(const Encoding* e, std::string_view sample) {
  if (e == nullptr || e->name != "KOI8-R") return e;
  auto ukrainian = [](unsigned char b) {
    const unsigned char low = b & 0xEF;  // 0xA4/0xB4, 0xA6/0xB6, 0xA7/0xB7, 0xAD/0xBD: small and capital
    return low == 0xA4 || low == 0xA6 || low == 0xA7 || low == 0xAD;
  };
  auto letter = [&](std::size_t i) { return i < sample.size() && static_cast<unsigned char>(sample[i]) >= 0xC0; };
  int glued = 0;
  for (std::size_t i = 0; i < sample.size() && glued < 2; ++i) {
    if (ukrainian(static_cast<unsigned char>(sample[i])) && ((i > 0 && letter(i - 1)) || letter(i + 1))) ++glued;
  }
  return glued >= 2 ? find_by_name("KOI8-U") : e;
}

struct UchardetDeleter {
  void operator()(uchardet_t u) const { uchardet_delete(u); }
};
using Uchardet = std::unique_ptr<std::remove_pointer_t<uchardet_t>, UchardetDeleter>;

// One detector per thread, reset between pages (uchardet_new allocates a dozen probers).
uchardet_t thread_detector() {
  thread_local Uchardet detector(uchardet_new());
  return detector.get();
}

}  // namespace

const Encoding* detect_statistically(std::string_view bytes) {
  uchardet_t ud = thread_detector();
  if (ud == nullptr) return nullptr;
  thread_local std::string sample;
  sample.clear();
  build_sample(bytes, &sample);
  // A 7-bit page (ISO-2022-JP is the one such encoding uchardet knows): its escape sequences need
  // the bytes as they are, so uchardet reads a prefix instead.
  const std::string_view input =
      sample.empty() ? bytes.substr(0, kSampleCap) : std::string_view(sample);
  uchardet_reset(ud);
  if (uchardet_handle_data(ud, input.data(), input.size()) != 0) return nullptr;
  uchardet_data_end(ud);
  const char* name = uchardet_get_charset(ud);
  if (name == nullptr) return nullptr;
  return prefer_koi8_u(prefer_windows_sibling(find_by_detector_name(name), sample), sample);
}

HighByteShape high_byte_shape(std::string_view bytes) {
  HighByteShape shape;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  for (std::size_t i = 0; i < n; ++i) {
    while (i + 8 <= n && plain_ascii8(p + i)) i += 8;
    if (i >= n) break;
    if (p[i] < 0xC0) continue;
    ++shape.letters;
    const bool before = i > 0 && p[i - 1] >= 0x80;
    const bool after = i + 1 < n && p[i + 1] >= 0x80;
    shape.in_runs += before || after;
  }
  return shape;
}

// Latin-script text in a single-byte encoding: accented letters (0xC0-0xFF in windows-1252 and the
// ISO-8859 Latin sets) mostly stand alone between ASCII letters ("café", "Straße"); Portuguese "ção"
// is the common exception, well under half. Cyrillic in windows-1251/KOI8-R (letters at 0xC0-0xFF),
// Greek, or CJK double-byte text is whole words of high bytes: nearly every such byte has a high
// neighbour. Needs enough letters to mean anything.
bool shape_is_non_latin(const HighByteShape& shape) {
  constexpr std::size_t kMinLetters = 64;
  return shape.letters >= kMinLetters && shape.in_runs * 10 >= shape.letters * 7;  // >= 70% in runs
}

bool shape_has_runs(const HighByteShape& shape) {
  return shape.letters >= 4 && shape.in_runs * 10 >= shape.letters * 7;
}

bool has_bytes_undefined_in_1252(std::string_view bytes) {
  // memchr a byte at a time: five vectorised passes cost less than one histogram of the page.
  for (char undefined : {'\x81', '\x8D', '\x8F', '\x90', '\x9D'})
    if (bytes.find(undefined) != std::string_view::npos) return true;
  return false;
}

bool kana_and_punctuation_in_shift_jis(std::string_view bytes) {
  std::size_t pairs = 0, kana = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x80 || (b >= 0xA1 && b <= 0xDF)) continue;  // ASCII, half-width katakana
    const bool lead = (b >= 0x81 && b <= 0x9F) || (b >= 0xE0 && b <= 0xFC);
    if (!lead || i + 1 >= bytes.size()) return false;
    const auto t = static_cast<unsigned char>(bytes[++i]);
    if (t < 0x40 || t == 0x7F || t > 0xFC) return false;
    ++pairs;
    kana += b <= 0x84;
  }
  return pairs > 0 && 2 * kana >= pairs;
}

}  // namespace lede::decode::detail
