// decode internals: what the decode/*.cc files share (included only by src/decode and its unit test).
// Each function here does one job; the order in which they are consulted lives only in decode.cc.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "decode/utf8.h"

namespace lede::decode::detail {

// ---- labels.cc: the WHATWG encodings and how lede decodes each -------------------------------------

enum class Kind : std::uint8_t {
  kUtf8,
  kUtf16Le,
  kUtf16Be,
  kSingleByte,   // ASCII-compatible, one byte per character: decoded through a 256-entry table
  kMultiByte,    // decoded with glibc iconv
  kReplacement,  // WHATWG "replacement" (ISO-2022-KR/CN, HZ): treated as an unusable declaration
  kUserDefined,  // x-user-defined: decoded as windows-1252 (see docs/decoding.md)
};

enum class Script : std::uint8_t {
  kUnicode,  // UTF-8, UTF-16
  kLatin,     // single-byte encodings for Latin-script languages (windows-1252, ISO-8859-2, ...)
  kCyrillic,  // single-byte Cyrillic: windows-1251, KOI8-R/U, IBM866, ISO-8859-5, x-mac-cyrillic
  kOther,     // everything else: Greek, Arabic, Hebrew, Thai, CJK
};

struct Encoding {
  std::string_view name;  // WHATWG canonical name, e.g. "windows-1251"
  Kind kind;
  Script script;
  const char* iconv_name;  // glibc iconv name used to decode (or build the single-byte table); may be null
  int single_byte_index;   // index into the single-byte table cache, or -1
};

inline constexpr int kSingleByteCount = 28;  // number of kSingleByte encodings in the table

// The encoding for a label (ASCII whitespace trimmed, ASCII case-insensitive), or null if unknown.
const Encoding* find_by_label(std::string_view label);
// The encoding with this exact canonical name, or null.
const Encoding* find_by_name(std::string_view canonical);
// The encoding for a name uchardet reports ("WINDOWS-1251", "MAC-CYRILLIC", "ASCII"...), or null when
// uchardet said nothing useful or named an encoding the WHATWG standard does not have (EUC-TW, VISCII...).
// "ASCII" maps to null: pure ASCII carries no information.
const Encoding* find_by_detector_name(std::string_view name);

const Encoding& utf8_encoding();
const Encoding& windows1252_encoding();

// ---- content_type.cc -------------------------------------------------------------------------------

// The charset parameter of an HTTP Content-Type value ("text/html; charset=\"koi8-r\"" -> "koi8-r"),
// unquoted; empty when there is none.
std::string charset_from_content_type(std::string_view content_type);

// ---- prescan.cc ------------------------------------------------------------------------------------

// The WHATWG "algorithm for extracting a character encoding from a meta element" over a content
// attribute value ("text/html; charset=utf-8" -> "utf-8"); empty when there is none.
std::string_view charset_from_meta_content(std::string_view content);

// The WHATWG prescan over `bytes` (the caller passes the prefix to scan). Returns the declared encoding
// after the prescan's own rules (UTF-16 -> UTF-8, x-user-defined -> windows-1252), or null.
const Encoding* prescan(std::string_view bytes);

// True when the eight bytes at p are all ASCII and none is 0x00: the fast path of every decoder.
inline bool plain_ascii8(const unsigned char* p) {
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  const std::uint64_t has_zero = (w - kOnes) & ~w & kHigh;
  return ((w & kHigh) | has_zero) == 0;
}

// ---- utf8.cc ---------------------------------------------------------------------------------------

struct Utf8Stats {
  std::size_t multibyte = 0;   // well-formed sequences of 2-4 bytes
  std::size_t errors = 0;      // ill-formed subsequences (each becomes one U+FFFD)
  std::size_t nuls = 0;        // 0x00 bytes (each becomes one U+FFFD)
  bool truncated_tail = false;  // the input ends inside a sequence that was well-formed so far

  bool ascii_only() const { return multibyte == 0 && errors == 0 && !truncated_tail; }
  bool clean() const { return errors == 0 && nuls == 0 && !truncated_tail; }
};

// Counts over the whole input. With `stop_at_error`, returns at the first error (errors == 1).
Utf8Stats scan_utf8(std::string_view bytes, bool stop_at_error = false);

// Appends `bytes` to *out as valid UTF-8: each ill-formed subsequence (maximal subpart, as the WHATWG
// UTF-8 decoder and Unicode recommend), a truncated tail and each NUL become U+FFFD.
void append_utf8_repaired(std::string_view bytes, std::string* out);


// ---- utf16.cc --------------------------------------------------------------------------------------

// Appends UTF-16 `bytes` as UTF-8. Unpaired surrogates, an odd trailing byte and NULs become U+FFFD.
void append_utf16(std::string_view bytes, bool big_endian, std::string* out);

// True when `bytes` (no BOM) plausibly is UTF-16 in the given byte order: markup and most text put a
// zero in the high byte of most code units. Guards against an HTTP header that lies about UTF-16.
bool looks_like_utf16(std::string_view bytes, bool big_endian);

// ---- single_byte.cc --------------------------------------------------------------------------------

// Appends single-byte `bytes` decoded with `enc` (enc.kind == kSingleByte). Bytes the encoding does
// not define and NULs become U+FFFD.
void append_single_byte(std::string_view bytes, const Encoding& enc, std::string* out);

// How often each byte value occurs in `bytes`.
struct ByteHistogram {
  std::size_t count[256] = {};
};
ByteHistogram byte_histogram(std::string_view bytes);

// How many bytes of the histogram the single-byte encodings `a` and `b` decode to different
// characters: the evidence a detector had for choosing one over the other.
std::size_t count_differing(const ByteHistogram& h, const Encoding& a, const Encoding& b);

// Capital and small Cyrillic letters the histogram's bytes decode to in single-byte encoding `e`.
// Running text is mostly small letters; read in the wrong Cyrillic code page (KOI8-R as windows-1251
// or back) it is mostly capitals.
struct LetterCase {
  std::size_t upper = 0;
  std::size_t lower = 0;
};
LetterCase cyrillic_case(const ByteHistogram& h, const Encoding& e);

// ---- convert.cc ------------------------------------------------------------------------------------

// Appends `bytes` (BOM already stripped) decoded with `enc` as valid UTF-8; never fails.
void convert(std::string_view bytes, const Encoding& enc, std::string* out);

// ---- detect.cc -------------------------------------------------------------------------------------

// uchardet over a sample of `bytes` (see detect.cc), its answer mapped to a WHATWG encoding and
// corrected where uchardet confuses ISO-8859 sets with their windows siblings; null when it has no
// usable answer.
const Encoding* detect_statistically(std::string_view bytes);

// How non-ASCII bytes are laid out: in Latin-script text an accented letter sits between ASCII letters;
// Cyrillic, Greek or CJK text in a legacy encoding is runs of high bytes.
struct HighByteShape {
  std::size_t letters = 0;  // bytes >= 0xC0
  std::size_t in_runs = 0;  // of those, the ones with a byte >= 0x80 right before or after
};
HighByteShape high_byte_shape(std::string_view bytes);

// True when the shape says "not a Latin-script text" firmly enough to question a Latin declaration.
bool shape_is_non_latin(const HighByteShape& shape);
// The same test with no minimum length beyond a couple of words: "some words are made of high bytes".
bool shape_has_runs(const HighByteShape& shape);

// True when `bytes` hold a byte windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D): no text
// written in windows-1252 has one.
bool has_bytes_undefined_in_1252(std::string_view bytes);
// True when every byte of 0x80 and above is part of a well-formed Shift_JIS character (a lead byte and its
// trail byte, or a half-width katakana), and at least half of the two-byte ones are punctuation, kana or
// full-width letters (lead bytes 0x81-0x84: “ ” ’ ・ カ): an English page from Japan with a few Japanese
// words. (A windows-1252 text read so is kanji: "’s" is 0x92 0x73.)
bool kana_and_punctuation_in_shift_jis(std::string_view bytes);

}  // namespace lede::decode::detail
