// labels: the WHATWG Encoding Standard's encodings and labels as data, plus uchardet's names for them.
// Pure lookup tables: this file must not decode bytes, sniff content or decide which source wins.
#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "decode/decode.h"
#include "decode/internal.h"

namespace lede::decode {
namespace detail {
namespace {

// One row per WHATWG encoding. iconv names are glibc's; where the WHATWG decoder is a superset of the
// encoding its name suggests, the superset decoder is used (GBK -> GB18030, Shift_JIS -> CP932,
// EUC-KR -> CP949/UHC, Big5 -> BIG5-HKSCS, EUC-JP -> EUC-JP-MS).
enum Id : int {
  kUtf8,
  kIbm866,
  kIso8859_2,
  kIso8859_3,
  kIso8859_4,
  kIso8859_5,
  kIso8859_6,
  kIso8859_7,
  kIso8859_8,
  kIso8859_8I,
  kIso8859_10,
  kIso8859_13,
  kIso8859_14,
  kIso8859_15,
  kIso8859_16,
  kKoi8R,
  kKoi8U,
  kMacintosh,
  kWindows874,
  kWindows1250,
  kWindows1251,
  kWindows1252,
  kWindows1253,
  kWindows1254,
  kWindows1255,
  kWindows1256,
  kWindows1257,
  kWindows1258,
  kXMacCyrillic,
  kGbk,
  kGb18030,
  kBig5,
  kEucJp,
  kIso2022Jp,
  kShiftJis,
  kEucKr,
  kReplacementId,
  kUtf16Be,
  kUtf16Le,
  kXUserDefined,
  kEncodingCount,
};

constexpr Kind kSB = Kind::kSingleByte;
constexpr Kind kMB = Kind::kMultiByte;
constexpr Script kLat = Script::kLatin;
constexpr Script kCyr = Script::kCyrillic;
constexpr Script kOth = Script::kOther;

// single_byte_index is filled in order of appearance for kSingleByte rows (checked below).
constexpr std::array<Encoding, kEncodingCount> kEncodings = {{
    {"UTF-8", Kind::kUtf8, Script::kUnicode, nullptr, -1},
    {"IBM866", kSB, kCyr, "IBM866", 0},
    {"ISO-8859-2", kSB, kLat, "ISO-8859-2", 1},
    {"ISO-8859-3", kSB, kLat, "ISO-8859-3", 2},
    {"ISO-8859-4", kSB, kLat, "ISO-8859-4", 3},
    {"ISO-8859-5", kSB, kCyr, "ISO-8859-5", 4},
    {"ISO-8859-6", kSB, kOth, "ISO-8859-6", 5},
    {"ISO-8859-7", kSB, kOth, "ISO-8859-7", 6},
    {"ISO-8859-8", kSB, kOth, "ISO-8859-8", 7},
    {"ISO-8859-8-I", kSB, kOth, "ISO-8859-8", 8},
    {"ISO-8859-10", kSB, kLat, "ISO-8859-10", 9},
    {"ISO-8859-13", kSB, kLat, "ISO-8859-13", 10},
    {"ISO-8859-14", kSB, kLat, "ISO-8859-14", 11},
    {"ISO-8859-15", kSB, kLat, "ISO-8859-15", 12},
    {"ISO-8859-16", kSB, kLat, "ISO-8859-16", 13},
    {"KOI8-R", kSB, kCyr, "KOI8-R", 14},
    {"KOI8-U", kSB, kCyr, "KOI8-U", 15},
    {"macintosh", kSB, kLat, "MACINTOSH", 16},
    {"windows-874", kSB, kOth, "WINDOWS-874", 17},
    {"windows-1250", kSB, kLat, "WINDOWS-1250", 18},
    {"windows-1251", kSB, kCyr, "WINDOWS-1251", 19},
    {"windows-1252", kSB, kLat, "WINDOWS-1252", 20},
    {"windows-1253", kSB, kOth, "WINDOWS-1253", 21},
    {"windows-1254", kSB, kLat, "WINDOWS-1254", 22},
    {"windows-1255", kSB, kOth, "WINDOWS-1255", 23},
    {"windows-1256", kSB, kOth, "WINDOWS-1256", 24},
    {"windows-1257", kSB, kLat, "WINDOWS-1257", 25},
    {"windows-1258", kSB, kLat, "WINDOWS-1258", 26},
    {"x-mac-cyrillic", kSB, kCyr, "MAC-CYRILLIC", 27},
    {"GBK", kMB, kOth, "GB18030", -1},
    {"gb18030", kMB, kOth, "GB18030", -1},
    {"Big5", kMB, kOth, "BIG5-HKSCS", -1},
    {"EUC-JP", kMB, kOth, "EUC-JP-MS", -1},
    {"ISO-2022-JP", kMB, kOth, "ISO-2022-JP-2", -1},
    {"Shift_JIS", kMB, kOth, "CP932", -1},
    {"EUC-KR", kMB, kOth, "CP949", -1},
    {"replacement", Kind::kReplacement, kOth, nullptr, -1},
    {"UTF-16BE", Kind::kUtf16Be, Script::kUnicode, nullptr, -1},
    {"UTF-16LE", Kind::kUtf16Le, Script::kUnicode, nullptr, -1},
    {"x-user-defined", Kind::kUserDefined, kLat, nullptr, -1},
}};

constexpr bool single_byte_indexes_ok() {
  int next = 0;
  for (const Encoding& e : kEncodings) {
    if (e.kind == Kind::kSingleByte) {
      if (e.single_byte_index != next++) return false;
    } else if (e.single_byte_index != -1) {
      return false;
    }
  }
  return next == kSingleByteCount;
}
static_assert(single_byte_indexes_ok(), "single_byte_index must count the kSingleByte rows in order");

struct Label {
  std::string_view label;  // lowercase
  Id id;
};

// The WHATWG labels table (https://encoding.spec.whatwg.org/#names-and-labels), sorted by label so it
// can be binary-searched (checked by the static_assert below).
constexpr Label kLabels[] = {
    {"866", kIbm866},
    {"ansi_x3.4-1968", kWindows1252},
    {"arabic", kIso8859_6},
    {"ascii", kWindows1252},
    {"asmo-708", kIso8859_6},
    {"big5", kBig5},
    {"big5-hkscs", kBig5},
    {"chinese", kGbk},
    {"cn-big5", kBig5},
    {"cp1250", kWindows1250},
    {"cp1251", kWindows1251},
    {"cp1252", kWindows1252},
    {"cp1253", kWindows1253},
    {"cp1254", kWindows1254},
    {"cp1255", kWindows1255},
    {"cp1256", kWindows1256},
    {"cp1257", kWindows1257},
    {"cp1258", kWindows1258},
    {"cp819", kWindows1252},
    {"cp866", kIbm866},
    {"csbig5", kBig5},
    {"cseuckr", kEucKr},
    {"cseucpkdfmtjapanese", kEucJp},
    {"csgb2312", kGbk},
    {"csibm866", kIbm866},
    {"csiso2022jp", kIso2022Jp},
    {"csiso2022kr", kReplacementId},
    {"csiso58gb231280", kGbk},
    {"csiso88596e", kIso8859_6},
    {"csiso88596i", kIso8859_6},
    {"csiso88598e", kIso8859_8},
    {"csiso88598i", kIso8859_8I},
    {"csisolatin1", kWindows1252},
    {"csisolatin2", kIso8859_2},
    {"csisolatin3", kIso8859_3},
    {"csisolatin4", kIso8859_4},
    {"csisolatin5", kWindows1254},
    {"csisolatin6", kIso8859_10},
    {"csisolatin9", kIso8859_15},
    {"csisolatinarabic", kIso8859_6},
    {"csisolatincyrillic", kIso8859_5},
    {"csisolatingreek", kIso8859_7},
    {"csisolatinhebrew", kIso8859_8},
    {"cskoi8r", kKoi8R},
    {"csksc56011987", kEucKr},
    {"csmacintosh", kMacintosh},
    {"csshiftjis", kShiftJis},
    {"csunicode", kUtf16Le},
    {"cyrillic", kIso8859_5},
    {"dos-874", kWindows874},
    {"ecma-114", kIso8859_6},
    {"ecma-118", kIso8859_7},
    {"elot_928", kIso8859_7},
    {"euc-jp", kEucJp},
    {"euc-kr", kEucKr},
    {"gb18030", kGb18030},
    {"gb2312", kGbk},
    {"gb_2312", kGbk},
    {"gb_2312-80", kGbk},
    {"gbk", kGbk},
    {"greek", kIso8859_7},
    {"greek8", kIso8859_7},
    {"hebrew", kIso8859_8},
    {"hz-gb-2312", kReplacementId},
    {"ibm819", kWindows1252},
    {"ibm866", kIbm866},
    {"iso-10646-ucs-2", kUtf16Le},
    {"iso-2022-cn", kReplacementId},
    {"iso-2022-cn-ext", kReplacementId},
    {"iso-2022-jp", kIso2022Jp},
    {"iso-2022-kr", kReplacementId},
    {"iso-8859-1", kWindows1252},
    {"iso-8859-10", kIso8859_10},
    {"iso-8859-11", kWindows874},
    {"iso-8859-13", kIso8859_13},
    {"iso-8859-14", kIso8859_14},
    {"iso-8859-15", kIso8859_15},
    {"iso-8859-16", kIso8859_16},
    {"iso-8859-2", kIso8859_2},
    {"iso-8859-3", kIso8859_3},
    {"iso-8859-4", kIso8859_4},
    {"iso-8859-5", kIso8859_5},
    {"iso-8859-6", kIso8859_6},
    {"iso-8859-6-e", kIso8859_6},
    {"iso-8859-6-i", kIso8859_6},
    {"iso-8859-7", kIso8859_7},
    {"iso-8859-8", kIso8859_8},
    {"iso-8859-8-e", kIso8859_8},
    {"iso-8859-8-i", kIso8859_8I},
    {"iso-8859-9", kWindows1254},
    {"iso-ir-100", kWindows1252},
    {"iso-ir-101", kIso8859_2},
    {"iso-ir-109", kIso8859_3},
    {"iso-ir-110", kIso8859_4},
    {"iso-ir-126", kIso8859_7},
    {"iso-ir-127", kIso8859_6},
    {"iso-ir-138", kIso8859_8},
    {"iso-ir-144", kIso8859_5},
    {"iso-ir-148", kWindows1254},
    {"iso-ir-149", kEucKr},
    {"iso-ir-157", kIso8859_10},
    {"iso-ir-58", kGbk},
    {"iso8859-1", kWindows1252},
    {"iso8859-10", kIso8859_10},
    {"iso8859-11", kWindows874},
    {"iso8859-13", kIso8859_13},
    {"iso8859-14", kIso8859_14},
    {"iso8859-15", kIso8859_15},
    {"iso8859-2", kIso8859_2},
    {"iso8859-3", kIso8859_3},
    {"iso8859-4", kIso8859_4},
    {"iso8859-5", kIso8859_5},
    {"iso8859-6", kIso8859_6},
    {"iso8859-7", kIso8859_7},
    {"iso8859-8", kIso8859_8},
    {"iso8859-9", kWindows1254},
    {"iso88591", kWindows1252},
    {"iso885910", kIso8859_10},
    {"iso885911", kWindows874},
    {"iso885913", kIso8859_13},
    {"iso885914", kIso8859_14},
    {"iso885915", kIso8859_15},
    {"iso88592", kIso8859_2},
    {"iso88593", kIso8859_3},
    {"iso88594", kIso8859_4},
    {"iso88595", kIso8859_5},
    {"iso88596", kIso8859_6},
    {"iso88597", kIso8859_7},
    {"iso88598", kIso8859_8},
    {"iso88599", kWindows1254},
    {"iso_8859-1", kWindows1252},
    {"iso_8859-15", kIso8859_15},
    {"iso_8859-1:1987", kWindows1252},
    {"iso_8859-2", kIso8859_2},
    {"iso_8859-2:1987", kIso8859_2},
    {"iso_8859-3", kIso8859_3},
    {"iso_8859-3:1988", kIso8859_3},
    {"iso_8859-4", kIso8859_4},
    {"iso_8859-4:1988", kIso8859_4},
    {"iso_8859-5", kIso8859_5},
    {"iso_8859-5:1988", kIso8859_5},
    {"iso_8859-6", kIso8859_6},
    {"iso_8859-6:1987", kIso8859_6},
    {"iso_8859-7", kIso8859_7},
    {"iso_8859-7:1987", kIso8859_7},
    {"iso_8859-8", kIso8859_8},
    {"iso_8859-8:1988", kIso8859_8},
    {"iso_8859-9", kWindows1254},
    {"iso_8859-9:1989", kWindows1254},
    {"koi", kKoi8R},
    {"koi8", kKoi8R},
    {"koi8-r", kKoi8R},
    {"koi8-ru", kKoi8U},
    {"koi8-u", kKoi8U},
    {"koi8_r", kKoi8R},
    {"korean", kEucKr},
    {"ks_c_5601-1987", kEucKr},
    {"ks_c_5601-1989", kEucKr},
    {"ksc5601", kEucKr},
    {"ksc_5601", kEucKr},
    {"l1", kWindows1252},
    {"l2", kIso8859_2},
    {"l3", kIso8859_3},
    {"l4", kIso8859_4},
    {"l5", kWindows1254},
    {"l6", kIso8859_10},
    {"l9", kIso8859_15},
    {"latin1", kWindows1252},
    {"latin2", kIso8859_2},
    {"latin3", kIso8859_3},
    {"latin4", kIso8859_4},
    {"latin5", kWindows1254},
    {"latin6", kIso8859_10},
    {"logical", kIso8859_8I},
    {"mac", kMacintosh},
    {"macintosh", kMacintosh},
    {"ms932", kShiftJis},
    {"ms_kanji", kShiftJis},
    {"replacement", kReplacementId},
    {"shift-jis", kShiftJis},
    {"shift_jis", kShiftJis},
    {"sjis", kShiftJis},
    {"sun_eu_greek", kIso8859_7},
    {"tis-620", kWindows874},
    {"ucs-2", kUtf16Le},
    {"unicode", kUtf16Le},
    {"unicode-1-1-utf-8", kUtf8},
    {"unicode11utf8", kUtf8},
    {"unicode20utf8", kUtf8},
    {"unicodefeff", kUtf16Le},
    {"unicodefffe", kUtf16Be},
    {"us-ascii", kWindows1252},
    {"utf-16", kUtf16Le},
    {"utf-16be", kUtf16Be},
    {"utf-16le", kUtf16Le},
    {"utf-8", kUtf8},
    {"utf8", kUtf8},
    {"visual", kIso8859_8},
    {"windows-1250", kWindows1250},
    {"windows-1251", kWindows1251},
    {"windows-1252", kWindows1252},
    {"windows-1253", kWindows1253},
    {"windows-1254", kWindows1254},
    {"windows-1255", kWindows1255},
    {"windows-1256", kWindows1256},
    {"windows-1257", kWindows1257},
    {"windows-1258", kWindows1258},
    {"windows-31j", kShiftJis},
    {"windows-874", kWindows874},
    {"windows-949", kEucKr},
    {"x-cp1250", kWindows1250},
    {"x-cp1251", kWindows1251},
    {"x-cp1252", kWindows1252},
    {"x-cp1253", kWindows1253},
    {"x-cp1254", kWindows1254},
    {"x-cp1255", kWindows1255},
    {"x-cp1256", kWindows1256},
    {"x-cp1257", kWindows1257},
    {"x-cp1258", kWindows1258},
    {"x-euc-jp", kEucJp},
    {"x-gbk", kGbk},
    {"x-mac-cyrillic", kXMacCyrillic},
    {"x-mac-roman", kMacintosh},
    {"x-mac-ukrainian", kXMacCyrillic},
    {"x-sjis", kShiftJis},
    {"x-unicode20utf8", kUtf8},
    {"x-user-defined", kXUserDefined},
    {"x-x-big5", kBig5},
};

constexpr bool labels_sorted() {
  return std::is_sorted(std::begin(kLabels), std::end(kLabels),
                        [](const Label& a, const Label& b) { return a.label < b.label; }) &&
         std::adjacent_find(std::begin(kLabels), std::end(kLabels), [](const Label& a, const Label& b) {
           return a.label == b.label;
         }) == std::end(kLabels);
}
static_assert(labels_sorted(), "kLabels must be sorted and free of duplicates");

// Names uchardet 0.0.7 reports that are not WHATWG labels. The rest ("WINDOWS-1251", "KOI8-R",
// "SHIFT_JIS", "GB18030", "ISO-8859-5", "TIS-620", "UTF-16"...) are labels and go through kLabels.
struct DetectorName {
  std::string_view name;  // lowercase
  int id;                 // an Id, or -1: uchardet's answer has no WHATWG encoding (or says nothing)
};
constexpr DetectorName kDetectorNames[] = {
    {"ascii", -1},  // pure ASCII: no information, the caller's default applies
    {"euc-tw", -1},
    {"ibm852", -1},
    {"ibm855", -1},
    {"mac-centraleurope", -1},
    {"mac-cyrillic", kXMacCyrillic},
    {"uhc", kEucKr},  // Korean: the WHATWG EUC-KR decoder is UHC (windows-949)
    {"utf-32", -1},
    {"viscii", -1},
    {"x-iso-10646-ucs-4-2143", -1},
    {"x-iso-10646-ucs-4-3412", -1},
};

constexpr bool is_ascii_whitespace(char c) {
  return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}

// Trims ASCII whitespace and lowercases ASCII into *buf; false when the label is too long to be one.
bool normalize_label(std::string_view label, std::array<char, 32>* buf, std::string_view* out) {
  std::size_t b = 0;
  std::size_t e = label.size();
  while (b < e && is_ascii_whitespace(label[b])) ++b;
  while (e > b && is_ascii_whitespace(label[e - 1])) --e;
  if (e - b > buf->size()) return false;
  for (std::size_t i = b; i < e; ++i) {
    char c = label[i];
    (*buf)[i - b] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
  }
  *out = std::string_view(buf->data(), e - b);
  return true;
}

const Encoding* lookup_label(std::string_view lower) {
  auto it = std::lower_bound(std::begin(kLabels), std::end(kLabels), lower,
                             [](const Label& l, std::string_view key) { return l.label < key; });
  if (it == std::end(kLabels) || it->label != lower) return nullptr;
  return &kEncodings[it->id];
}

}  // namespace

const Encoding* find_by_label(std::string_view label) {
  std::array<char, 32> buf;
  std::string_view lower;
  if (!normalize_label(label, &buf, &lower) || lower.empty()) return nullptr;
  return lookup_label(lower);
}

const Encoding* find_by_name(std::string_view canonical) {
  for (const Encoding& e : kEncodings) {
    if (e.name == canonical) return &e;
  }
  return nullptr;
}

const Encoding* find_by_detector_name(std::string_view name) {
  std::array<char, 32> buf;
  std::string_view lower;
  if (!normalize_label(name, &buf, &lower) || lower.empty()) return nullptr;
  for (const DetectorName& d : kDetectorNames) {
    if (d.name == lower) return d.id < 0 ? nullptr : &kEncodings[d.id];
  }
  const Encoding* e = lookup_label(lower);
  if (e == nullptr || e->kind == Kind::kReplacement) return nullptr;  // ISO-2022-KR/CN, HZ-GB-2312
  return e;
}

const Encoding& utf8_encoding() { return kEncodings[kUtf8]; }
const Encoding& windows1252_encoding() { return kEncodings[kWindows1252]; }

}  // namespace detail

std::string canonical_encoding(std::string_view label) {
  const detail::Encoding* e = detail::find_by_label(label);
  return e == nullptr ? std::string() : std::string(e->name);
}

}  // namespace lede::decode
