// decode: the order of sources for a page's encoding — caller, BOM, HTTP charset, meta prescan,
// content detection, default — and the sanity checks that let content overrule a wrong declaration.
// Must not parse HTML or convert bytes itself: it only decides, then hands off to convert().
#include "decode/decode.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "decode/internal.h"

namespace lede::decode {
namespace {

using detail::Encoding;
using detail::Kind;
using detail::Script;
using detail::Utf8Stats;

// The meta prescan looks this far. The spec says 1024 bytes, but many real pages put <meta charset>
// after large inline scripts, styles or comments.
constexpr std::size_t kPrescanBytes = 16 * 1024;

// Fewer bytes than this that uchardet's single-byte answer and windows-1252 read differently is too
// little evidence to leave the default for (see the detection step of to_utf8).
constexpr std::size_t kThinEvidence = 32;

// Fewer non-ASCII bytes than this are too few to call a Cyrillic declaration wrong.
constexpr std::size_t kMinCyrillicLetters = 64;

struct Bom {
  const Encoding* encoding = nullptr;
  std::size_t length = 0;
};

Bom sniff_bom(std::string_view b) {
  if (b.size() >= 3 && b.substr(0, 3) == "\xEF\xBB\xBF") return {&detail::utf8_encoding(), 3};
  if (b.size() >= 2 && b.substr(0, 2) == "\xFE\xFF") return {detail::find_by_name("UTF-16BE"), 2};
  if (b.size() >= 2 && b.substr(0, 2) == "\xFF\xFE") return {detail::find_by_name("UTF-16LE"), 2};
  return {};
}

// A label's encoding as lede decodes it: "replacement" is unusable, x-user-defined reads as
// windows-1252 (see docs/decoding.md).
const Encoding* usable(const Encoding* e) {
  if (e == nullptr || e->kind == Kind::kReplacement) return nullptr;
  if (e->kind == Kind::kUserDefined) return &detail::windows1252_encoding();
  return e;
}

// A declared UTF-8 that is mostly not UTF-8: more ill-formed subsequences than well-formed multi-byte
// characters. Keeping UTF-8 would then lose more characters (as U+FFFD) than switching could garble.
bool utf8_is_implausible(const Utf8Stats& st) { return st.errors > st.multibyte; }

// Bytes that are UTF-8 beyond reasonable doubt although something else was declared: at least four
// well-formed multi-byte characters and at most 1% as many ill-formed subsequences. Legacy-encoded
// text almost never forms even a few valid UTF-8 sequences by chance.
bool utf8_is_certain(const Utf8Stats& st) { return st.multibyte >= 4 && st.errors * 100 <= st.multibyte; }

// Per-page facts computed at most once, only when a decision needs them.
class Page {
 public:
  explicit Page(std::string_view bytes) : bytes_(bytes) {}
  std::string_view bytes() const { return bytes_; }
  const Utf8Stats& utf8() {
    if (!utf8_) utf8_ = detail::scan_utf8(bytes_);
    return *utf8_;
  }
  const Encoding* detected() {
    if (!detected_done_) {
      detected_ = detail::detect_statistically(bytes_);
      detected_done_ = true;
    }
    return detected_;
  }

 private:
  std::string_view bytes_;
  std::optional<Utf8Stats> utf8_;
  bool detected_done_ = false;
  const Encoding* detected_ = nullptr;
};

// Whether the page's content is consistent with a declared (HTTP or meta) encoding.
bool declaration_holds(const Encoding& e, Page& page) {
  switch (e.kind) {
    case Kind::kUtf16Le:
    case Kind::kUtf16Be:  // only HTTP can declare UTF-16 without a BOM; servers get it wrong
      return detail::looks_like_utf16(page.bytes(), e.kind == Kind::kUtf16Be);
    case Kind::kUtf8:
      return !utf8_is_implausible(page.utf8());
    default:
      break;
  }
  const Utf8Stats& st = page.utf8();
  if (st.ascii_only()) return true;
  if (utf8_is_certain(st)) return false;
  // A Latin single-byte declaration over text that is runs of high bytes (Cyrillic, Greek, CJK...):
  // believe uchardet when it too says "not Latin".
  if (e.script == Script::kLatin && detail::shape_is_non_latin(detail::high_byte_shape(page.bytes()))) {
    const Encoding* d = page.detected();
    if (d != nullptr && d->script != Script::kLatin && d->script != Script::kUnicode) return false;
  }
  // A Cyrillic declaration under which most high bytes do not read as small letters is probably the
  // wrong Cyrillic code page (windows-1251 and KOI8-R swap the cases; IBM866 turns windows-1251 text
  // into box drawing): believe uchardet when its answer reads as mostly small letters.
  if (e.script == Script::kCyrillic) {
    const detail::ByteHistogram h = detail::byte_histogram(page.bytes());
    std::size_t high = 0;
    for (int b = 0x80; b < 0x100; ++b) high += h.count[b];
    if (high >= kMinCyrillicLetters && detail::cyrillic_case(h, e).lower * 2 < high) {
      const Encoding* d = page.detected();
      if (d != nullptr && d != &e && d->script == Script::kCyrillic) {
        const detail::LetterCase other = detail::cyrillic_case(h, *d);
        if (other.lower * 2 >= high && other.lower > 2 * other.upper) return false;
      }
    }
  }
  return true;
}

Decoded finish(std::string_view body, const Encoding& e, const char* source) {
  Decoded d;
  detail::convert(body, e, &d.utf8);
  d.encoding = std::string(e.name);
  d.source = source;
  return d;
}

// UTF-8 output when the stats of `body` are already known: skips convert()'s own scan.
Decoded finish_utf8(std::string_view body, const Utf8Stats& st, std::string_view name, const char* source) {
  Decoded d;
  if (st.clean()) {
    d.utf8.assign(body);
  } else {
    detail::append_utf8_repaired(body, &d.utf8);
  }
  d.encoding = std::string(name);
  d.source = source;
  return d;
}

// A declaration that holds. ASCII-only content in an ASCII-compatible encoding is copied as is (the
// stats are known already) instead of going through a decoder.
Decoded finish_declared(const Encoding& e, Page& page, const char* source) {
  const bool ascii_compatible = e.kind == Kind::kUtf8 || e.kind == Kind::kSingleByte ||
                                (e.kind == Kind::kMultiByte && e.name != "ISO-2022-JP");
  if (ascii_compatible) {
    const Utf8Stats& st = page.utf8();
    if (e.kind == Kind::kUtf8 || st.ascii_only()) return finish_utf8(page.bytes(), st, e.name, source);
  }
  return finish(page.bytes(), e, source);
}

}  // namespace

Decoded to_utf8(std::string_view bytes, std::string_view content_type, std::string_view override_label) {
  const Bom bom = sniff_bom(bytes);

  // 1. The caller knows best; a BOM of the same encoding is still stripped.
  if (!override_label.empty()) {
    if (const Encoding* e = usable(detail::find_by_label(override_label))) {
      const std::size_t skip = bom.encoding == e ? bom.length : 0;
      return finish(bytes.substr(skip), *e, "caller");
    }
  }

  // 2. A byte order mark.
  if (bom.encoding != nullptr) return finish(bytes.substr(bom.length), *bom.encoding, "bom");

  // 3-4. Declarations, each checked against the content; one the content contradicts passes the
  // word to the next source. No prescan when the HTTP header settles it.
  Page page(bytes);
  const std::string http_label = detail::charset_from_content_type(content_type);
  if (const Encoding* e = http_label.empty() ? nullptr : usable(detail::find_by_label(http_label))) {
    if (declaration_holds(*e, page)) return finish_declared(*e, page, "http");
  }
  if (const Encoding* e = detail::prescan(bytes.substr(0, kPrescanBytes))) {
    if (declaration_holds(*e, page)) return finish_declared(*e, page, "meta");
  }

  // 5. The content itself.
  const Utf8Stats& st = page.utf8();
  const Encoding& fallback = detail::windows1252_encoding();
  // Pure ASCII decodes the same in every candidate: report the default, copy the bytes. (Unless it has
  // ESC bytes: ISO-2022-JP is 7-bit, and only uchardet recognises its escape sequences.)
  if (st.ascii_only() && bytes.find('\x1B') == std::string_view::npos) {
    return finish_utf8(bytes, st, fallback.name, "default");
  }
  // Mostly well-formed UTF-8 is UTF-8: no statistical guess beats that.
  if (st.multibyte > st.errors) return finish_utf8(bytes, st, detail::utf8_encoding().name, "detected");
  const Encoding* d = page.detected();
  if (d != nullptr && (d->kind == Kind::kUtf16Le || d->kind == Kind::kUtf16Be)) {
    if (detail::looks_like_utf16(bytes, false)) {
      d = detail::find_by_name("UTF-16LE");
    } else if (detail::looks_like_utf16(bytes, true)) {
      d = detail::find_by_name("UTF-16BE");
    } else {
      d = nullptr;
    }
  }
  if (d != nullptr && d->kind == Kind::kUtf8) d = nullptr;  // contradicts the scan above
  // Thin evidence: on a mostly-English page with a few curly quotes or an odd "é", uchardet picks
  // among windows-1250, ISO-8859-2/-7/-13, windows-1258... almost at random. When its choice and
  // windows-1252 disagree on fewer than kThinEvidence bytes and no word is made of high bytes (which
  // would be Cyrillic, Greek...), the web's default is the better bet.
  if (d != nullptr && d->kind == Kind::kSingleByte && d != &fallback &&
      detail::count_differing(detail::byte_histogram(bytes), *d, fallback) < kThinEvidence &&
      !detail::shape_has_runs(detail::high_byte_shape(bytes))) {
    d = &fallback;
  }
  // windows-1252 leaves five bytes undefined, and Shift_JIS writes the punctuation of English pages from
  // Japan with one of them ("“" is 0x81 0x67): a page that has them and reads as Shift_JIS punctuation and
  // kana is Shift_JIS, whatever the statistics made of its few high bytes.
  if ((d == nullptr || d == &fallback) && detail::has_bytes_undefined_in_1252(bytes) &&
      detail::kana_and_punctuation_in_shift_jis(bytes)) {
    d = detail::find_by_name("Shift_JIS");
  }
  if (d != nullptr) return finish(bytes, *d, "detected");

  // 6. Nothing knew: the WHATWG default for an unknown locale.
  return finish(bytes, fallback, "default");
}

}  // namespace lede::decode
