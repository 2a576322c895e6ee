// decode tests: labels, Content-Type and meta prescan parsing, the order of sources, wrong declarations,
// detection and conversion, checked against the UTF-8 originals in tests/fixtures/decode/.
// Must not depend on other stages; regenerate the encoded fixtures with tests/fixtures/decode/make.sh.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include "decode/decode.h"
#include "decode/internal.h"
#include "decode/utf8.h"

namespace lede::decode {
namespace {

using namespace std::string_literals;

const std::string kDir = std::string(LEDE_FIXTURES) + "/decode/";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "missing fixture " << path;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string fixture(const std::string& name) { return read_file(kDir + "gen/" + name); }
std::string original(const std::string& lang) { return read_file(kDir + lang + ".html"); }

// What lies between two markers (inclusive of neither); empty if absent. The declarations differ
// between variants and live in <head>, so the tests compare <title> and <body> with the original.
std::string between(const std::string& s, const std::string& open, const std::string& close) {
  const std::size_t a = s.find(open);
  if (a == std::string::npos) return {};
  const std::size_t b = s.find(close, a + open.size());
  if (b == std::string::npos) return {};
  return s.substr(a + open.size(), b - a - open.size());
}
std::string body(const std::string& s) { return between(s, "<body>", "</body>"); }
std::string title(const std::string& s) { return between(s, "<title>", "</title>"); }

bool valid_utf8_without_nul(std::string_view s) { return detail::scan_utf8(s).clean(); }

const std::string kFffd = "\xEF\xBF\xBD";

// ---- labels ----------------------------------------------------------------------------------------

TEST(DecodeLabels, CanonicalNamesFollowTheWhatwgTable) {
  const std::pair<const char*, const char*> cases[] = {
      {"utf-8", "UTF-8"},           {"UTF8", "UTF-8"},
      {"unicode-1-1-utf-8", "UTF-8"}, {"  utf-8\t\n", "UTF-8"},
      {"latin1", "windows-1252"},   {"ISO-8859-1", "windows-1252"},
      {"ascii", "windows-1252"},    {"us-ascii", "windows-1252"},
      {"cp1251", "windows-1251"},   {"x-cp1251", "windows-1251"},
      {"Windows-1251", "windows-1251"}, {"koi8-r", "KOI8-R"},
      {"koi", "KOI8-R"},            {"koi8-ru", "KOI8-U"},
      {"cp866", "IBM866"},          {"cyrillic", "ISO-8859-5"},
      {"x-mac-ukrainian", "x-mac-cyrillic"}, {"mac", "macintosh"},
      {"iso-8859-9", "windows-1254"}, {"latin5", "windows-1254"},
      {"tis-620", "windows-874"},   {"iso-8859-11", "windows-874"},
      {"l2", "ISO-8859-2"},         {"iso_8859-15", "ISO-8859-15"},
      {"iso-8859-16", "ISO-8859-16"}, {"logical", "ISO-8859-8-I"},
      {"visual", "ISO-8859-8"},     {"greek", "ISO-8859-7"},
      {"gb2312", "GBK"},            {"chinese", "GBK"},
      {"x-gbk", "GBK"},             {"gb18030", "gb18030"},
      {"big5-hkscs", "Big5"},       {"x-euc-jp", "EUC-JP"},
      {"csiso2022jp", "ISO-2022-JP"}, {"sjis", "Shift_JIS"},
      {"windows-31j", "Shift_JIS"}, {"ms932", "Shift_JIS"},
      {"ks_c_5601-1987", "EUC-KR"}, {"windows-949", "EUC-KR"},
      {"utf-16", "UTF-16LE"},       {"unicode", "UTF-16LE"},
      {"unicodefffe", "UTF-16BE"},  {"utf-16be", "UTF-16BE"},
      {"iso-2022-kr", "replacement"}, {"hz-gb-2312", "replacement"},
      {"x-user-defined", "x-user-defined"},
  };
  for (const auto& [label, name] : cases) EXPECT_EQ(canonical_encoding(label), name) << label;
}

TEST(DecodeLabels, UnknownLabelsAreEmpty) {
  for (const char* label : {"", "   ", "utf-7", "utf-32", "latin-1", "windows1251", "koi8r", "x",
                            "a-label-that-is-much-longer-than-any-real-label"}) {
    EXPECT_EQ(canonical_encoding(label), "") << label;
  }
}

TEST(DecodeLabels, UchardetNamesMapToCanonicalNames) {
  const std::pair<const char*, const char*> cases[] = {
      {"WINDOWS-1251", "windows-1251"}, {"KOI8-R", "KOI8-R"},       {"MAC-CYRILLIC", "x-mac-cyrillic"},
      {"ISO-8859-5", "ISO-8859-5"},     {"IBM866", "IBM866"},       {"SHIFT_JIS", "Shift_JIS"},
      {"EUC-JP", "EUC-JP"},             {"ISO-2022-JP", "ISO-2022-JP"}, {"GB18030", "gb18030"},
      {"BIG5", "Big5"},                 {"EUC-KR", "EUC-KR"},       {"UHC", "EUC-KR"},
      {"UTF-8", "UTF-8"},               {"UTF-16", "UTF-16LE"},     {"ISO-8859-1", "windows-1252"},
      {"ISO-8859-9", "windows-1254"},   {"TIS-620", "windows-874"}, {"ISO-8859-11", "windows-874"},
  };
  for (const auto& [name, canonical] : cases) {
    const detail::Encoding* e = detail::find_by_detector_name(name);
    ASSERT_NE(e, nullptr) << name;
    EXPECT_EQ(e->name, canonical) << name;
  }
  for (const char* none : {"", "ASCII", "EUC-TW", "VISCII", "UTF-32", "HZ-GB-2312", "ISO-2022-KR",
                           "ISO-2022-CN", "MAC-CENTRALEUROPE", "IBM852", "IBM855"}) {
    EXPECT_EQ(detail::find_by_detector_name(none), nullptr) << none;
  }
}

// ---- HTTP Content-Type -----------------------------------------------------------------------------

TEST(DecodeContentType, CharsetParameter) {
  using detail::charset_from_content_type;
  EXPECT_EQ(charset_from_content_type("text/html; charset=koi8-r"), "koi8-r");
  EXPECT_EQ(charset_from_content_type("text/html;charset=UTF-8"), "UTF-8");
  EXPECT_EQ(charset_from_content_type("text/html; CharSet=\"windows-1251\""), "windows-1251");
  EXPECT_EQ(charset_from_content_type("text/html; q=\"a;b\"; charset=\"shift\\_jis\"; x=y"), "shift_jis");
  EXPECT_EQ(charset_from_content_type("text/html; foo=bar; charset=gbk ; level=1"), "gbk");
  EXPECT_EQ(charset_from_content_type("text/html; charset=utf-8; charset=koi8-r"), "utf-8");
  EXPECT_EQ(charset_from_content_type("charset=iso-8859-5"), "iso-8859-5");
  EXPECT_EQ(charset_from_content_type("text/html"), "");
  EXPECT_EQ(charset_from_content_type("text/html; charset="), "");
  EXPECT_EQ(charset_from_content_type("text/html; charset"), "");
  EXPECT_EQ(charset_from_content_type(""), "");
}

// ---- meta prescan ----------------------------------------------------------------------------------

std::string prescanned(std::string_view html) {
  const detail::Encoding* e = detail::prescan(html);
  return e == nullptr ? "-" : std::string(e->name);
}

TEST(DecodePrescan, MetaCharset) {
  EXPECT_EQ(prescanned("<html><head><meta charset=\"koi8-r\"></head>"), "KOI8-R");
  EXPECT_EQ(prescanned("<META CHARSET='Windows-1251'>"), "windows-1251");
  EXPECT_EQ(prescanned("<meta charset=koi8-r>"), "KOI8-R");
  EXPECT_EQ(prescanned("<meta charset = \" gb2312 \" >"), "GBK");
  EXPECT_EQ(prescanned("<meta/charset=sjis>"), "Shift_JIS");
  EXPECT_EQ(prescanned("<meta name=x charset=\"euc-jp\"/>"), "EUC-JP");
  EXPECT_EQ(prescanned("<meta charset=euc-jp/>"), "-");  // unquoted: the value is "euc-jp/", unknown
  EXPECT_EQ(prescanned("<meta charset=\"koi8-r\"><meta charset=\"windows-1251\">"), "KOI8-R");
  EXPECT_EQ(prescanned("<meta charset=\"koi8-r\" charset=\"windows-1251\">"), "KOI8-R");  // first wins
}

TEST(DecodePrescan, HttpEquivNeedsBothAttributes) {
  EXPECT_EQ(prescanned("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">"), "KOI8-R");
  EXPECT_EQ(prescanned("<meta content='text/html;charset=\"big5\"' http-equiv=content-type>"), "Big5");
  EXPECT_EQ(prescanned("<meta http-equiv=Content-Type content=\"text/html; charset = euc-kr\">"), "EUC-KR");
  // Without http-equiv=content-type a content attribute does not declare anything.
  EXPECT_EQ(prescanned("<meta name=\"description\" content=\"uses charset=koi8-r\">"), "-");
  EXPECT_EQ(prescanned("<meta http-equiv=refresh content=\"0; charset=koi8-r\">"), "-");
  // A charset attribute beats the content attribute and needs no pragma.
  EXPECT_EQ(prescanned("<meta content=\"text/html; charset=koi8-r\" charset=\"iso-8859-5\">"), "ISO-8859-5");
  // Unmatched quote in the content: nothing.
  EXPECT_EQ(prescanned("<meta http-equiv=content-type content=\"text/html; charset='koi8-r\">"), "-");
}

TEST(DecodePrescan, SpecRules) {
  EXPECT_EQ(prescanned("<meta charset=\"utf-16le\">"), "UTF-8");  // UTF-16 in a meta means UTF-8
  EXPECT_EQ(prescanned("<meta charset=\"utf-16\">"), "UTF-8");
  EXPECT_EQ(prescanned("<meta charset=\"x-user-defined\">"), "windows-1252");
  // An unknown (or unusable) label does not stop the scan.
  EXPECT_EQ(prescanned("<meta charset=\"bogus\"><meta charset=\"koi8-r\">"), "KOI8-R");
  EXPECT_EQ(prescanned("<meta charset=\"iso-2022-kr\"><meta charset=\"koi8-r\">"), "KOI8-R");
  EXPECT_EQ(prescanned("<meta charset=\"\">"), "-");
  EXPECT_EQ(prescanned("<meta charset=\"koi8-r"), "-");  // input ends inside the tag
  EXPECT_EQ(prescanned(""), "-");
}

TEST(DecodePrescan, SkipsCommentsAttributesAndScripts) {
  EXPECT_EQ(prescanned("<!-- <meta charset=koi8-r> --><meta charset=windows-1251>"), "windows-1251");
  EXPECT_EQ(prescanned("<!--><meta charset=koi8-r>"), "KOI8-R");  // "<!-->" is a whole comment
  EXPECT_EQ(prescanned("<!-- unterminated <meta charset=koi8-r>"), "-");
  EXPECT_EQ(prescanned("<div title='<meta charset=\"koi8-r\">'><meta charset=gbk>"), "GBK");
  EXPECT_EQ(prescanned("<img alt=\"<meta charset=koi8-r>\" src=x.png><meta charset=big5>"), "Big5");
  EXPECT_EQ(prescanned("<?xml version=\"1.0\"?><!DOCTYPE html><meta charset=\"euc-jp\">"), "EUC-JP");
  EXPECT_EQ(prescanned("</p class=\"<meta charset=koi8-r>\"><meta charset=euc-kr>"), "EUC-KR");
  // lede's extension: <script> content is skipped.
  EXPECT_EQ(prescanned("<script>document.write('<meta charset=\"koi8-r\">');</script>"
                       "<meta charset=\"windows-1251\">"),
            "windows-1251");
  EXPECT_EQ(prescanned("<SCRIPT type=module>var s = \"<meta charset=koi8-r>\";</SCRIPT >"), "-");
  EXPECT_EQ(prescanned("<scripts><meta charset=koi8-r>"), "KOI8-R");  // not a script element
  // "<meta" must be followed by whitespace or '/'.
  EXPECT_EQ(prescanned("<metadata charset=koi8-r><meta charset=gbk>"), "GBK");
  // Text that merely looks like a declaration is not one.
  EXPECT_EQ(prescanned("<p>Use charset=koi8-r in your meta tags.</p>"), "-");
}

TEST(DecodePrescan, ScansSixteenKibibytes) {
  const std::string late = "<html><head><style>" + std::string(15000, ' ') + "</style>" +
                           "<meta charset=\"koi8-r\">";
  const std::string too_late = "<html><head><style>" + std::string(17000, ' ') + "</style>" +
                               "<meta charset=\"koi8-r\">";
  EXPECT_EQ(to_utf8(late, "", "").source, "meta");
  EXPECT_EQ(to_utf8(late, "", "").encoding, "KOI8-R");
  EXPECT_EQ(to_utf8(too_late, "", "").source, "default");
}

// ---- the fixtures: every variant decodes back to the original --------------------------------------

struct Case {
  const char* file;
  const char* content_type;
  const char* override_label;
  const char* encoding;
  const char* source;
};

void expect_decodes_to_original(const Case& c) {
  SCOPED_TRACE(c.file);
  const std::string bytes = fixture(c.file);
  ASSERT_FALSE(bytes.empty());
  const Decoded d = to_utf8(bytes, c.content_type, c.override_label);
  EXPECT_EQ(d.encoding, c.encoding);
  EXPECT_EQ(d.source, c.source);
  const std::string want = original(std::string(c.file).substr(0, 2));
  EXPECT_EQ(title(d.utf8), title(want));
  EXPECT_EQ(body(d.utf8), body(want));
  EXPECT_FALSE(body(want).empty());
  EXPECT_TRUE(valid_utf8_without_nul(d.utf8));
  EXPECT_NE(d.utf8.substr(0, 3), "\xEF\xBB\xBF") << "BOM not stripped";
}

TEST(DecodeFixtures, DeclaredInMeta) {
  for (const Case& c : {
           Case{"ru.windows-1251.meta.html", "", "", "windows-1251", "meta"},  // meta after 1024 bytes
           Case{"ja.shift_jis.meta.html", "", "", "Shift_JIS", "meta"},
           Case{"zh.gb18030.meta-gb2312.html", "", "", "GBK", "meta"},  // includes a 4-byte GB18030 "©"
           Case{"fr.windows-1252.meta-latin1.html", "", "", "windows-1252", "meta"},  // € œ ’ in 0x80-0x9F
           // glibc composes letters with combining marks in these two (docs/decoding.md)
           Case{"he.windows-1255.meta.html", "", "", "windows-1255", "meta"},
       }) {
    expect_decodes_to_original(c);
  }
}

TEST(DecodeFixtures, Windows1258KeepsItsCombiningMarks) {
  // Vietnamese in windows-1258 writes most tone marks as combining characters after the letter, and the
  // WHATWG decoder maps byte to code point: "tới" comes out as t, ơ, U+0301, i (not composed).
  const Decoded d = to_utf8(fixture("vi.windows-1258.meta.html"), "", "");
  EXPECT_EQ(d.encoding, "windows-1258");
  EXPECT_EQ(d.source, "meta");
  EXPECT_EQ(d.utf8.find(kFffd), std::string::npos);
  EXPECT_NE(d.utf8.find("Thư viê\xCC\xA3n thành phô\xCC\x81 Đà La\xCC\xA3t"), std::string::npos) << title(d.utf8);
}

TEST(DecodeFixtures, DeclaredWithHttpEquiv) {
  for (const Case& c : {
           Case{"ru.koi8-r.http-equiv.html", "", "", "KOI8-R", "meta"},
           Case{"ja.euc-jp.http-equiv.html", "", "", "EUC-JP", "meta"},
           Case{"ja.iso-2022-jp.http-equiv.html", "", "", "ISO-2022-JP", "meta"},
       }) {
    expect_decodes_to_original(c);
  }
}

TEST(DecodeFixtures, DeclaredOnlyInHttpHeader) {
  for (const Case& c : {
           Case{"ru.windows-1251.none.html", "text/html; charset=windows-1251", "", "windows-1251", "http"},
           Case{"ru.koi8-r.none.html", "text/html;charset=\"KOI8-R\"", "", "KOI8-R", "http"},
           Case{"ja.shift_jis.none.html", "text/html; charset=x-sjis", "", "Shift_JIS", "http"},
           Case{"zh.gb18030.none.html", "text/html; charset=GB2312", "", "GBK", "http"},
           Case{"fr.windows-1252.none.html", "text/html; charset=ISO-8859-1", "", "windows-1252", "http"},
       }) {
    expect_decodes_to_original(c);
  }
}

TEST(DecodeFixtures, HttpHeaderBeatsMeta) {
  // The meta lies, the header is right.
  expect_decodes_to_original({"ru.windows-1251.claims-utf-8.html", "text/html; charset=cp1251", "",
                              "windows-1251", "http"});
}

TEST(DecodeFixtures, WrongHttpHeaderFallsBackToMeta) {
  // Header says UTF-8 but the bytes are not: the meta is next in line.
  expect_decodes_to_original({"ru.windows-1251.meta.html", "text/html; charset=utf-8", "", "windows-1251", "meta"});
  // A server default of ISO-8859-1 over a Cyrillic page with a correct meta.
  expect_decodes_to_original(
      {"ru.windows-1251.meta.html", "text/html; charset=ISO-8859-1", "", "windows-1251", "meta"});
  // Header says UTF-16 but the page is 8-bit.
  expect_decodes_to_original({"ru.koi8-r.http-equiv.html", "text/html; charset=utf-16", "", "KOI8-R", "meta"});
}

TEST(DecodeFixtures, UndeclaredIsDetected) {
  for (const Case& c : {
           Case{"ru.windows-1251.none.html", "", "", "windows-1251", "detected"},
           Case{"ru.koi8-r.none.html", "", "", "KOI8-R", "detected"},
           Case{"ru.x-mac-cyrillic.none.html", "", "", "x-mac-cyrillic", "detected"},
           Case{"ru.iso-8859-5.none.html", "", "", "ISO-8859-5", "detected"},
           Case{"ru.ibm866.none.html", "", "", "IBM866", "detected"},
           Case{"ja.shift_jis.none.html", "", "", "Shift_JIS", "detected"},
           Case{"ja.euc-jp.none.html", "", "", "EUC-JP", "detected"},
           Case{"ja.iso-2022-jp.none.html", "", "", "ISO-2022-JP", "detected"},
           Case{"zh.gb18030.none.html", "", "", "gb18030", "detected"},
           Case{"fr.windows-1252.none.html", "", "", "windows-1252", "detected"},
           Case{"uk.koi8-u.none.html", "", "", "KOI8-U", "detected"},  // uchardet says KOI8-R
           Case{"fr.utf-8.none.html", "", "", "UTF-8", "detected"},
           Case{"ru.utf-8.none.html", "", "", "UTF-8", "detected"},
           Case{"ru.windows-1251.none.html", "text/html", "", "windows-1251", "detected"},
       }) {
    expect_decodes_to_original(c);
  }
}

TEST(DecodeFixtures, WronglyDeclaredIsCorrected) {
  for (const Case& c : {
           // Declares UTF-8, is windows-1251 / windows-1252.
           Case{"ru.windows-1251.claims-utf-8.html", "", "", "windows-1251", "detected"},
           Case{"fr.windows-1252.claims-utf-8.html", "", "", "windows-1252", "detected"},
           // Declares ISO-8859-1 (windows-1252), is windows-1251: long Cyrillic text, uchardet agrees.
           Case{"ru.windows-1251.claims-latin1.html", "", "", "windows-1251", "detected"},
           Case{"ru.windows-1251.claims-latin1.html", "text/html; charset=latin1", "", "windows-1251", "detected"},
           // Declares one Cyrillic code page, is the other: read as declared, the text is mostly capitals.
           Case{"ru.windows-1251.claims-koi8-r.html", "", "", "windows-1251", "detected"},
           Case{"ru.koi8-r.claims-windows-1251.html", "", "", "KOI8-R", "detected"},
           Case{"ru.koi8-r.none.html", "text/html; charset=windows-1251", "", "KOI8-R", "detected"},
           // Declares a legacy encoding, is valid UTF-8.
           Case{"ru.utf-8.claims-windows-1251.html", "", "", "UTF-8", "detected"},
           Case{"zh.utf-8.claims-gbk.html", "", "", "UTF-8", "detected"},
       }) {
    expect_decodes_to_original(c);
  }
}

TEST(DecodeFixtures, BomBeatsMetaAndHttp) {
  for (const Case& c : {
           Case{"ru.utf-8-bom.claims-windows-1251.html", "", "", "UTF-8", "bom"},
           Case{"ru.utf-8-bom.claims-windows-1251.html", "text/html; charset=koi8-r", "", "UTF-8", "bom"},
           Case{"ru.utf-16le-bom.html", "", "", "UTF-16LE", "bom"},
           Case{"ru.utf-16be-bom.html", "", "", "UTF-16BE", "bom"},
           Case{"zh.utf-16be-bom.claims-gb2312.html", "text/html; charset=gbk", "", "UTF-16BE", "bom"},
           Case{"fr.utf-16le-bom.html", "", "", "UTF-16LE", "bom"},
       }) {
    expect_decodes_to_original(c);
  }
}

TEST(DecodeFixtures, CallerOverrideBeatsEverything) {
  for (const Case& c : {
           Case{"ru.windows-1251.claims-utf-8.html", "text/html; charset=utf-8", "cp1251", "windows-1251", "caller"},
           Case{"ru.koi8-r.none.html", "", " KOI8-R ", "KOI8-R", "caller"},
           Case{"ru.utf-8-bom.claims-windows-1251.html", "", "utf-8", "UTF-8", "caller"},  // BOM still stripped
           Case{"ru.utf-16le-bom.html", "", "utf-16", "UTF-16LE", "caller"},
           // An unknown or unusable override is ignored: the next source decides.
           Case{"ru.windows-1251.meta.html", "", "no-such-charset", "windows-1251", "meta"},
           Case{"ru.windows-1251.meta.html", "", "iso-2022-kr", "windows-1251", "meta"},
       }) {
    expect_decodes_to_original(c);
  }
  // The caller wins even when wrong: the koi8-r page read as windows-1251 is not the original.
  const Decoded wrong = to_utf8(fixture("ru.koi8-r.none.html"), "", "windows-1251");
  EXPECT_EQ(wrong.encoding, "windows-1251");
  EXPECT_EQ(wrong.source, "caller");
  EXPECT_NE(body(wrong.utf8), body(original("ru")));
  // x-user-defined reads as windows-1252.
  const Decoded xud = to_utf8(fixture("fr.windows-1252.none.html"), "", "x-user-defined");
  EXPECT_EQ(xud.encoding, "windows-1252");
  EXPECT_EQ(body(xud.utf8), body(original("fr")));
}

TEST(DecodeFixtures, TruncatedUtf8AtTheEnd) {
  const std::string whole = fixture("ru.utf-8.none.html");
  const std::size_t at = whole.rfind("\xD1\x8B");  // the last "ы" of the page
  ASSERT_NE(at, std::string::npos);
  const std::string cut = whole.substr(0, at + 1);  // ends with half of it
  const Decoded d = to_utf8(cut, "text/html; charset=utf-8", "");
  EXPECT_EQ(d.encoding, "UTF-8");
  EXPECT_EQ(d.source, "http");
  EXPECT_EQ(d.utf8, whole.substr(0, at) + kFffd);
}

TEST(DecodeFixtures, DeclaredUtf8WithAFewBadBytesStaysUtf8) {
  std::string page = "<meta charset=\"utf-8\">" + fixture("ru.utf-8.none.html");
  std::string want = page;
  // Three stray windows-1251 bytes among thousands of good UTF-8 letters.
  // (Spliced with substr: GCC 12 at -O3 warns falsely about std::string::replace here.)
  auto splice = [](const std::string& s, const char* word, const std::string& with) {
    const std::size_t at = s.find(word);
    return s.substr(0, at) + with + s.substr(at + 2);  // replaces the word's 2-byte first letter
  };
  for (const char* word : {"Политика", "Экономика", "Культура"}) {
    page = splice(page, word, "\xCF");  // "П" in windows-1251, then UTF-8 "о"...
    want = splice(want, word, kFffd);
  }
  const Decoded d = to_utf8(page, "", "");
  EXPECT_EQ(d.encoding, "UTF-8");
  EXPECT_EQ(d.source, "meta");
  EXPECT_EQ(d.utf8, want);
}

TEST(DecodeFixtures, ShortLatinDeclarationIsKept) {
  // Too little text to overrule a windows-1252 declaration: six Cyrillic letters in windows-1251.
  const std::string page = "<meta charset=\"windows-1252\"><p>\xCF\xF0\xE8\xE2\xE5\xF2</p>";
  const Decoded d = to_utf8(page, "", "");
  EXPECT_EQ(d.encoding, "windows-1252");
  EXPECT_EQ(d.source, "meta");
  EXPECT_EQ(d.utf8, "<meta charset=\"windows-1252\"><p>\xC3\x8F\xC3\xB0\xC3\xA8\xC3\xA2\xC3\xA5\xC3\xB2</p>");
}

TEST(DecodeFixtures, ShortCyrillicDeclarationIsKept) {
  // "ПРИВЕТ МИР" in windows-1251 under a KOI8-R meta: capitals, but far too few letters to judge.
  const std::string page = "<meta charset=\"koi8-r\"><p>\xEF\xF0\xE8\xE2\xE5\xF2 \xEC\xE8\xF0</p>";
  const Decoded d = to_utf8(page, "", "");
  EXPECT_EQ(d.encoding, "KOI8-R");
  EXPECT_EQ(d.source, "meta");
}

TEST(DecodeDetect, CyrillicLetterCase) {
  const std::string cp1251 = "\xCF\xF0\xE8\xE2\xE5\xF2, \xEC\xE8\xF0! \xB8\xEB\xEA\xE0";  // "Привет, мир! ёлка"
  const detail::ByteHistogram h = detail::byte_histogram(cp1251);
  const detail::LetterCase right = detail::cyrillic_case(h, *detail::find_by_name("windows-1251"));
  EXPECT_EQ(right.upper, 1u);
  EXPECT_EQ(right.lower, 12u);
  const detail::LetterCase wrong = detail::cyrillic_case(h, *detail::find_by_name("KOI8-R"));
  EXPECT_EQ(wrong.upper, 11u);  // "пРИВЕТ, МИР! ╦ЛКА": 0xB8 is a box-drawing character in KOI8-R
  EXPECT_EQ(wrong.lower, 1u);
}

// ---- detection details -----------------------------------------------------------------------------

TEST(DecodeDetect, PureAsciiIsTheDefault) {
  const std::string page = "<html><head><title>Hello</title></head><body><p>Plain text.</p></body></html>";
  const Decoded d = to_utf8(page, "", "");
  EXPECT_EQ(d.encoding, "windows-1252");
  EXPECT_EQ(d.source, "default");
  EXPECT_EQ(d.utf8, page);
}

TEST(DecodeDetect, EmptyInput) {
  const Decoded d = to_utf8("", "", "");
  EXPECT_EQ(d.utf8, "");
  EXPECT_EQ(d.encoding, "windows-1252");
  EXPECT_EQ(d.source, "default");
  EXPECT_EQ(to_utf8("", "text/html; charset=utf-8", "").utf8, "");
  EXPECT_EQ(to_utf8("", "", "shift_jis").utf8, "");
}

TEST(DecodeDetect, ThinEvidenceStaysWindows1252) {
  // An English page with two curly quotes and an "é": uchardet alone may name a Central European
  // code page, but nothing here says anything other than windows-1252.
  std::string page = "<html><body>";
  for (int i = 0; i < 40; ++i) page += "<p>The committee met on Tuesday to discuss the budget.</p>\n";
  page += "<p>It\x92s the caf\xE9\x92s best year, said the mayor.</p></body></html>";
  const Decoded d = to_utf8(page, "", "");
  EXPECT_EQ(d.encoding, "windows-1252");
  EXPECT_EQ(d.source, "detected");
  EXPECT_NE(d.utf8.find("It\xE2\x80\x99s the caf\xC3\xA9\xE2\x80\x99s best year"), std::string::npos);
}

TEST(DecodeDetect, AnEnglishPageFromJapanInShiftJis) {
  // Shift_JIS writes an English page's curly quotes as 0x81 0x67 / 0x81 0x68, and 0x81 is undefined in
  // windows-1252: the page is Shift_JIS. With a byte windows-1252 defines in between, it is not.
  std::string page = "<html><body>";
  for (int i = 0; i < 40; ++i) page += "<p>The committee met on Tuesday to discuss the budget.</p>\n";
  const std::string quoted = page + "<p>He said: \x81gWe will decide step by step.\x81h</p></body></html>";
  const Decoded d = to_utf8(quoted, "", "");
  EXPECT_EQ(d.encoding, "Shift_JIS");
  EXPECT_NE(d.utf8.find("He said: \xE2\x80\x9CWe will decide step by step.\xE2\x80\x9D"), std::string::npos);
  const Decoded broken = to_utf8(page + "<p>\x81gIt\x92s the caf\xE9\x92s best year.</p></body></html>", "", "");
  EXPECT_NE(broken.encoding, "Shift_JIS");
}

TEST(DecodeDetect, SingleStrayByteInDeclaredUtf8) {
  // Declared UTF-8, one windows-1252 byte and nothing else non-ASCII: more bad sequences (1) than good
  // ones (0), so the declaration is dropped and the byte reads as windows-1252.
  const std::string page = "<meta charset=utf-8><p>Caf\xE9 au lait</p>";
  const Decoded d = to_utf8(page, "", "");
  EXPECT_EQ(d.encoding, "windows-1252");
  EXPECT_EQ(d.source, "detected");
  EXPECT_EQ(d.utf8, "<meta charset=utf-8><p>Caf\xC3\xA9 au lait</p>");
}

TEST(DecodeDetect, Utf16WithoutBomFromHttp) {
  // "<p>Привет</p>" in UTF-16LE and UTF-16BE, no BOM: believed when the header says so.
  const std::string le = "<\0p\0>\0\x1F\x04@\x04\x38\x04\x32\x04\x35\x04\x42\x04<\0/\0p\0>\0"s;
  const std::string be = "\0<\0p\0>\x04\x1F\x04@\x04\x38\x04\x32\x04\x35\x04\x42\0<\0/\0p\0>"s;
  const std::string want = "<p>Привет</p>";
  const Decoded a = to_utf8(le, "text/html; charset=utf-16", "");
  EXPECT_EQ(a.encoding, "UTF-16LE");
  EXPECT_EQ(a.source, "http");
  EXPECT_EQ(a.utf8, want);
  const Decoded b = to_utf8(be, "text/html; charset=utf-16be", "");
  EXPECT_EQ(b.encoding, "UTF-16BE");
  EXPECT_EQ(b.utf8, want);
  // The same header over an 8-bit page is ignored.
  EXPECT_EQ(to_utf8(want, "text/html; charset=utf-16le", "").encoding, "UTF-8");
}

// ---- conversion ------------------------------------------------------------------------------------

std::string forced(const std::string& bytes, const char* label) {
  const Decoded d = to_utf8(bytes, "", label);
  EXPECT_EQ(d.source, "caller") << label;
  EXPECT_TRUE(valid_utf8_without_nul(d.utf8)) << label;
  return d.utf8;
}

TEST(DecodeConvert, Utf8InvalidSequencesBecomeReplacementCharacters) {
  // One U+FFFD per maximal ill-formed subpart, as the WHATWG UTF-8 decoder does.
  const std::pair<std::string, std::string> cases[] = {
      {"plain ascii", "plain ascii"},
      {"a\xC3(b", "a" + kFffd + "(b"},
      {"\x80x", kFffd + "x"},
      {"x\xC0\xAF", "x" + kFffd + kFffd},                  // overlong
      {"x\xED\xA0\x80", "x" + kFffd + kFffd + kFffd},      // a surrogate
      {"x\xF4\x90\x80\x80", "x" + kFffd + kFffd + kFffd + kFffd},  // above U+10FFFF
      {"x\xF5", "x" + kFffd},
      {"x\xE2\x82", "x" + kFffd},                          // truncated at the end
      {"x\xE2\x82" "A", "x" + kFffd + "A"},
      {"x\xF0\x9F\x98", "x" + kFffd},
      {"x\xF0\x9F\x98\x80", "x\xF0\x9F\x98\x80"},            // a valid emoji stays
      {"a\0b"s, "a" + kFffd + "b"},                         // NUL
      {"\xEF\xBB\xBF" "bom", "bom"},                           // BOM stripped
      {"12345678\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82" "12345678\xFF" "12345678",
       "12345678Привет12345678" + kFffd + "12345678"},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(forced(in, "utf-8"), want);
}

TEST(DecodeConvert, SingleByteTables) {
  EXPECT_EQ(forced("\x80\x92\x9C\xE9", "windows-1252"), "€’œé");
  EXPECT_EQ(forced("a\x81z", "windows-1252"), "a" + kFffd + "z");  // undefined in windows-1252
  EXPECT_EQ(forced("a\0z"s, "windows-1251"), "a" + kFffd + "z");
  EXPECT_EQ(forced("\xCF\xF0\xE8\xE2\xE5\xF2, \xB8\xEB\xEA\xE0!", "windows-1251"), "Привет, ёлка!");
  EXPECT_EQ(forced("\xF0\xD2\xC9\xD7\xC5\xD4", "koi8-r"), "Привет");
  EXPECT_EQ(forced("\xAD\xA4", "koi8-u"), "ґє");
  EXPECT_EQ(forced("\x8F\xE0\xA8\xA2\xA5\xE2", "ibm866"), "Привет");
  EXPECT_EQ(forced("\xBF\xE0\xD8\xD2\xD5\xE2", "iso-8859-5"), "Привет");
  EXPECT_EQ(forced("\x8F\xF0\xE8\xE2\xE5\xF2\xFF", "x-mac-cyrillic"), "Привет€");
  EXPECT_EQ(forced("\xA5", "iso-8859-3"), kFffd);  // a hole in ISO-8859-3
  EXPECT_EQ(forced("\xE1\xE2\xE3", "iso-8859-7"), "αβγ");
  EXPECT_EQ(forced("\xA1", "windows-874"), "ก");
  EXPECT_EQ(forced("\x8E", "macintosh"), "é");
  EXPECT_EQ(forced("\xFE", "windows-1254"), "ş");
  EXPECT_EQ(forced("\xB9\xEA", "windows-1250"), "ąę");
  // glibc composes letters and combining marks in these two, holding each letter back for the next byte;
  // WHATWG's tables map byte to code point (the Hebrew letters and Vietnamese "Đ", "à" were U+FFFD).
  EXPECT_EQ(forced("\xF9\xEC\xE5\xED", "windows-1255"), "שלום");
  EXPECT_EQ(forced("\xD0" "au b\xE0n \xF5", "windows-1258"), "Đau bàn ơ");
  EXPECT_EQ(forced("e\xEC", "windows-1258"), "e\xCC\x81");  // a combining mark stays one
  // The 8-byte ASCII fast path next to high bytes.
  EXPECT_EQ(forced("abcdefgh\xE9ijklmnopqrstuvwx\xE9y", "latin1"), "abcdefghéijklmnopqrstuvwxéy");
}

TEST(DecodeConvert, Utf16) {
  EXPECT_EQ(forced("a\0b\0"s, "utf-16le"), "ab");
  EXPECT_EQ(forced("\0a\0b"s, "utf-16be"), "ab");
  EXPECT_EQ(forced("\x3D\xD8\x00\xDE"s, "utf-16le"), "\xF0\x9F\x98\x80");        // a surrogate pair
  EXPECT_EQ(forced("\x3D\xD8" "a\0"s, "utf-16le"), kFffd + "a");                  // lone lead
  EXPECT_EQ(forced("\x00\xDC" "a\0"s, "utf-16le"), kFffd + "a");                  // lone trail
  EXPECT_EQ(forced("a\0\x3D\xD8"s, "utf-16le"), "a" + kFffd);                     // lead at the end
  EXPECT_EQ(forced("a\0b"s, "utf-16le"), "a" + kFffd);                            // odd byte
  EXPECT_EQ(forced("a\0\0\0b\0"s, "utf-16le"), "a" + kFffd + "b");                // NUL
  EXPECT_EQ(forced("\xFF\xFE" "a\0"s, "utf-16le"), "a");                          // BOM stripped
}

TEST(DecodeConvert, MultiByteWithIconv) {
  EXPECT_EQ(forced("\x82\xA0\x88\x9F", "shift_jis"), "あ亜");
  EXPECT_EQ(forced("\xB1\xB2", "shift_jis"), "ｱｲ");  // halfwidth katakana
  EXPECT_EQ(forced("\x81\x60", "shift_jis"), "～");   // windows-31j mapping, as WHATWG
  EXPECT_EQ(forced("x\x82", "shift_jis"), "x" + kFffd);  // truncated at the end
  EXPECT_EQ(forced("\x82\x20x", "shift_jis"), kFffd + " x");  // bad trail: skip one byte, go on
  EXPECT_EQ(forced("a\0b"s, "shift_jis"), "a" + kFffd + "b");
  EXPECT_EQ(forced("\xA4\xA2\x8E\xB1", "euc-jp"), "あｱ");
  EXPECT_EQ(forced("\x8F\xB0\xA1", "euc-jp"), "丂");  // JIS X 0212
  EXPECT_EQ(forced("\x1B$B$\"\x1B(B!", "iso-2022-jp"), "あ!");
  EXPECT_EQ(forced("\xC4\xE3\xBA\xC3", "gbk"), "你好");
  EXPECT_EQ(forced("\x81\x30\x81\x30", "gbk"), "\xC2\x80");  // a 4-byte gb18030 sequence
  EXPECT_EQ(forced("\x80", "gb18030"), "€");
  EXPECT_EQ(forced("\x81\x30\x81", "gb18030"), kFffd + "0" + kFffd);
  EXPECT_EQ(forced("\xA4\x40\xA4\x41", "big5"), "一乙");
  EXPECT_EQ(forced("\xB0\xA1\x81\x41", "euc-kr"), "가갂");  // the second is a UHC extension
}

TEST(DecodeConvert, AnyBytesGiveValidUtf8) {
  std::mt19937 rng(20240312);
  const char* labels[] = {"", "utf-8", "utf-16le", "utf-16be", "windows-1251", "koi8-r", "windows-1252",
                          "iso-8859-7", "x-mac-cyrillic", "shift_jis", "euc-jp", "iso-2022-jp", "gbk",
                          "gb18030", "big5", "euc-kr"};
  for (int round = 0; round < 60; ++round) {
    std::string bytes(rng() % 3000, '\0');
    const bool mostly_ascii = round % 2 == 0;
    for (char& c : bytes) {
      const unsigned r = rng();
      c = static_cast<char>(mostly_ascii && r % 4 != 0 ? 0x20 + (r >> 8) % 0x5F : (r >> 8) & 0xFF);
    }
    for (const char* label : labels) {
      const Decoded d = to_utf8(bytes, "", label);
      EXPECT_TRUE(valid_utf8_without_nul(d.utf8)) << label << " round " << round;
      EXPECT_FALSE(d.encoding.empty());
    }
  }
}

TEST(DecodeConvert, ConcurrentCallsAgree) {
  const std::string sjis = fixture("ja.shift_jis.none.html");
  const std::string koi = fixture("ru.koi8-r.none.html");
  const std::string want_ja = body(original("ja"));
  const std::string want_ru = body(original("ru"));
  std::vector<std::thread> threads;
  std::vector<int> bad(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) {
        if (body(to_utf8(sjis, "", "").utf8) != want_ja) ++bad[t];
        if (body(to_utf8(koi, "", "").utf8) != want_ru) ++bad[t];
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(bad[t], 0);
}

TEST(DecodeUtf8Reader, ReadsWellFormedCharactersAndStrayBytesOneByOne) {
  auto read = [](std::string_view s, std::size_t i) {
    const Utf8Char u = utf8_at(s, i);
    return std::tuple<char32_t, int, bool>(u.cp, u.length, u.valid);
  };
  using R = std::tuple<char32_t, int, bool>;
  EXPECT_EQ(read("a", 0), (R{U'a', 1, true}));
  EXPECT_EQ(read("\xC3\x9C", 0), (R{U'\u00DC', 2, true}));              // Ü
  EXPECT_EQ(read("\xE2\x80\x8D", 0), (R{U'\u200D', 3, true}));          // zero-width joiner
  EXPECT_EQ(read("\xF0\x9F\x92\xBB", 0), (R{U'\U0001F4BB', 4, true}));  // an emoji
  EXPECT_EQ(read("\xC3\x9C", 1), (R{kReplacementCharacter, 1, false}));  // inside a character
  EXPECT_EQ(read("\xC0\xB0", 0), (R{kReplacementCharacter, 1, false}));  // an overlong "0" is no digit
  EXPECT_EQ(read("\xED\xA0\x80", 0), (R{kReplacementCharacter, 1, false}));  // a UTF-16 surrogate
  EXPECT_EQ(read("\xF4\x90\x80\x80", 0), (R{kReplacementCharacter, 1, false}));  // past U+10FFFF
  EXPECT_EQ(read("\xE2\x80", 0), (R{kReplacementCharacter, 1, false}));  // cut short
}

TEST(DecodeUtf8Reader, LowerCaseCoversTheScriptsOfDatesAndNamesAndKeepsStrayBytes) {
  EXPECT_EQ(lower("ÜBER Řekl ΆΘΉΝΑ Київ ҐАНОК"), "über řekl άθήνα київ ґанок");
  EXPECT_EQ(lower("東京 ABC"), "東京 abc");
  EXPECT_EQ(lower("\x9C\xC3"), "\x9C\xC3");  // not characters: copied as they are
  std::string out = "left over";
  lower_into("MIT", &out);
  EXPECT_EQ(out, "mit");
}

}  // namespace
}  // namespace lede::decode
