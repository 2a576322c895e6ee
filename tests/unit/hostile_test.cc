// Hostile inputs: pages built to make an extractor crash, hang or run out of memory. Each must get an
// answer (an Article, possibly `truncated`, or a clean error) in bounded time, never a crash.
//
// The time asserted here is loose (kBound): the suite also runs under ASan and UBSan on a shared machine,
// and a timed unit test must not be flaky. The real bar (2 s and 1 GB a page in a Release build) is
// measured by bench/hostile, which runs this suite with LEDE_HOSTILE_REPORT=FILE: each case then writes
// its name, milliseconds, peak memory and outcome there. Sizes are chosen to be what the issue names where
// that stays within a few seconds (docs/robustness.md lists them).
#include <gtest/gtest.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include <zlib.h>

#include "lede/extract.h"
#include "lede/render.h"
#include "lede/warc.h"
#include "meta/dates.h"
#include "parse/html_parser.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// Under the sanitizers lede's code runs several times slower, so the same pages need a looser bound.
#if defined(__SANITIZE_ADDRESS__)
constexpr double kBound = 12.0;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr double kBound = 12.0;
#else
constexpr double kBound = 5.0;
#endif
#else
constexpr double kBound = 5.0;       // seconds for one extract() here; the 2 s bar is bench/hostile's
#endif
constexpr double kMemoryMb = 2048;   // peak RSS here (ASan doubles it); the 1 GB bar is bench/hostile's

const std::string kProse =
    "<p>The city council voted on Tuesday to extend the tram line to the northern districts, a project "
    "that has been debated for more than a decade, according to the mayor's office.</p>\n";

std::string repeat(const std::string& piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

// Linux keeps the peak RSS in VmHWM and resets it when "5" is written to clear_refs; each case gets its own.
double status_mb(const char* key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  std::size_t n = std::strlen(key);
  while (std::getline(in, line)) {
    if (line.compare(0, n, key) == 0 && line.size() > n && line[n] == ':') {
      return std::strtod(line.c_str() + n + 1, nullptr) / 1024.0;
    }
  }
  return -1;
}
void reset_peak_memory() { std::ofstream("/proc/self/clear_refs") << "5"; }

struct Outcome {
  lede::Status status;
  lede::Article article;
  double seconds = 0;
  double peak_mb = 0;
};

// Runs extract() and all three renderers on the page, checks the bounds, and reports to bench/hostile.
Outcome run(const std::string& page, lede::Options options = {}) {
  Outcome out;
  reset_peak_memory();
  Clock::time_point start = Clock::now();
  out.status = lede::extract(page, options, &out.article);
  out.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (out.status.ok()) {
    lede::RenderOptions render;
    render.links = render.images = true;
    EXPECT_FALSE(lede::to_json(out.article).empty());
    lede::to_text(out.article);
    lede::to_markdown(out.article, render);
  }
  out.peak_mb = status_mb("VmHWM");

  // Cases are named TestName/1, TestName/2, ... in the order a test runs them.
  static std::string last_test;
  static int ordinal = 0;
  std::string name = testing::UnitTest::GetInstance()->current_test_info()->name();
  ordinal = name == last_test ? ordinal + 1 : 1;
  last_test = name;
  name += "/" + std::to_string(ordinal);
  EXPECT_LT(out.seconds, kBound) << name;
  EXPECT_LT(out.peak_mb, kMemoryMb) << name;
  if (const char* report = std::getenv("LEDE_HOSTILE_REPORT")) {
    std::ofstream(report, std::ios::app) << name << '\t' << page.size() << '\t' << out.seconds * 1e3 << '\t'
                                         << out.peak_mb << '\t' << out.status.code_name() << '\t'
                                         << (out.article.truncated ? "truncated" : "-") << '\n';
  }
  return out;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// ---- Depth.

TEST(Hostile, Nesting100kDivs) {
  Outcome out = run("<html><body>" + repeat("<div>", 100'000) + kProse + repeat("</div>", 100'000));
  ASSERT_TRUE(out.status.ok());
  EXPECT_TRUE(out.article.truncated);  // deeper than Options::max_depth
  EXPECT_TRUE(has(lede::to_text(out.article), "tram line"));
}

TEST(Hostile, Nesting100kInlineBold) {
  Outcome out = run("<html><body><p>" + repeat("<b>", 100'000) + "bold" + kProse);
  ASSERT_TRUE(out.status.ok());
}

TEST(Hostile, Nesting100kLinksTablesAndSvg) {
  EXPECT_TRUE(run(repeat("<a href=x>", 100'000) + kProse).status.ok());
  EXPECT_TRUE(run(repeat("<table><tr><td>", 30'000) + kProse).status.ok());
  EXPECT_TRUE(run("<body>" + repeat("<svg><g>", 50'000) + kProse).status.ok());
  EXPECT_TRUE(run(repeat("<ul><li>", 50'000) + kProse).status.ok());
}

// A parser that matches each end tag against its whole stack of open elements spends 10^10 steps on
// 100,000 stray tags under 100,000 open elements (libxml2 did). lede's tree builder counts the open
// elements of each kind and walks at most a fixed number of them.
TEST(Hostile, StrayEndTagsUnderADeepStack) {
  Outcome out = run("<html><body>" + repeat("<div>", 100'000) + repeat("</span>", 100'000) + kProse);
  ASSERT_TRUE(out.status.ok());
  EXPECT_TRUE(out.article.truncated);
  EXPECT_TRUE(run("<html><body>" + repeat("<div>", 100'000) + repeat("<body>", 100'000) + kProse).status.ok());
  EXPECT_TRUE(run("<html><body>" + repeat("<b>", 100'000) + repeat("</div>", 100'000) + kProse).status.ok());
  EXPECT_TRUE(run("<html><body>" + repeat("<div>", 100'000) + repeat("</p>", 100'000) + kProse).status.ok());
}

// ---- Size.

TEST(Hostile, A200MbPageIsRefusedAtOnce) {
  std::string page(200u << 20, 'a');
  Outcome out = run(page);
  EXPECT_EQ(out.status.code(), lede::StatusCode::too_large);
  EXPECT_LT(out.seconds, 0.1);
}

// 60 MB, just under the default 64 MiB limit: the time budget cuts it, the answer says so.
TEST(Hostile, A60MbPageFinishesWithinTheBudget) {
  Outcome out = run("<html><body>" + repeat(kProse, 60'000'000 / kProse.size()));
  ASSERT_TRUE(out.status.ok());
  EXPECT_TRUE(has(lede::to_text(out.article), "tram line"));
}

TEST(Hostile, OneLineOf50Mb) {
  Outcome out = run("<html><body><p>" + repeat("word ", 10'000'000) + "</p>");
  ASSERT_TRUE(out.status.ok());
}

TEST(Hostile, ThousandsOfSiblings) {
  EXPECT_TRUE(run("<body>" + repeat("<table><tr><td>cell</td></tr></table>", 200'000) + kProse).status.ok());
  EXPECT_TRUE(run("<body>" + repeat("<a href=\"/x\">link</a>", 500'000) + kProse).status.ok());
  EXPECT_TRUE(run("<body>" + kProse + "<svg>" + repeat("<path d=\"M0 0L1 1\"/>", 1'000'000) + "</svg>").status.ok());
  EXPECT_TRUE(run("<body>" + repeat("<p>x ", 1'000'000)).status.ok());  // never closed: 1M open <p>
  EXPECT_TRUE(run("<ul>" + repeat("<li>item ", 1'000'000)).status.ok());
  EXPECT_TRUE(run("<body>" + repeat("<figure><img src=a.jpg alt=x><figcaption>c</figcaption></figure>", 200'000)).status.ok());
  EXPECT_TRUE(run("<body>" + repeat("<time datetime=\"2024-03-14\">14 March 2024</time>", 300'000) + kProse).status.ok());
  EXPECT_TRUE(run("<head>" + repeat("<meta property=\"og:title\" content=\"t\">", 300'000) + "</head>" + kProse).status.ok());
  EXPECT_TRUE(run("<body>" + repeat("<p>By John Smith, 14 March 2024</p>", 200'000)).status.ok());
}

// ---- Bytes that are not HTML.

TEST(Hostile, BinaryGarbage) {
  std::mt19937 random(6);
  std::string page(8u << 20, '\0');
  for (char& c : page) c = static_cast<char>(random());
  Outcome out = run(page);
  ASSERT_TRUE(out.status.ok());
}

TEST(Hostile, NulBytes) {
  EXPECT_TRUE(run("<html><body><p>" + repeat(std::string("a\0", 2), 1'000'000) + "</p>" + std::string(5'000'000, '\0'))
                  .status.ok());
  EXPECT_TRUE(run("<html><body><div " + repeat(std::string("a=\0 ", 5), 100'000) + ">" + kProse).status.ok());
  std::string only_nuls(1'000'000, '\0');
  lede::Article article;
  EXPECT_TRUE(lede::extract(only_nuls, {}, &article).ok() ||
              lede::extract(only_nuls, {}, &article).code() == lede::StatusCode::empty_input);
}

TEST(Hostile, TruncatedUtf8AndUtf16) {
  std::string utf8 = repeat("<p>привет мир, 日本語</p>", 100'000);
  utf8.pop_back();
  utf8.pop_back();  // ends inside a sequence
  EXPECT_TRUE(run(utf8 + "\xD0").status.ok());
  std::string utf16 = "\xFF\xFE";
  for (char c : repeat("<p>text</p>", 100'000)) {
    utf16 += c;
    utf16 += '\0';
  }
  EXPECT_TRUE(run(utf16 + "<").status.ok());                    // an odd byte at the end
  EXPECT_TRUE(run(utf16 + "\x00\xD8").status.ok());             // a lone high surrogate at the end
  EXPECT_TRUE(run("\xFE\xFF" + utf16.substr(2)).status.ok());   // a big-endian BOM on little-endian text
}

TEST(Hostile, CharsetsThatLie) {
  EXPECT_TRUE(run("<meta charset=\"utf-16\"><p>" + repeat("plain ascii prose ", 100'000)).status.ok());
  EXPECT_TRUE(run("<meta charset=\"windows-1251\"><p>" + repeat("日本語のテキスト", 100'000)).status.ok());
  lede::Options options;
  options.content_type = "text/html; charset=shift_jis";
  EXPECT_TRUE(run(repeat("<p>привет мир</p>", 100'000), options).status.ok());
  options.content_type = "text/html; charset=\"" + std::string(10'000, 'x') + "\"";
  EXPECT_TRUE(run(kProse, options).status.ok());
  options.content_type.clear();
  options.charset = "bogus";
  EXPECT_TRUE(run(kProse, options).status.ok());
}

// ---- Floods.

TEST(Hostile, TenMillionAmpersandEntities) {
  Outcome out = run("<html><body><p>" + repeat("&amp;", 10'000'000) + "</p>");
  ASSERT_TRUE(out.status.ok());
}

TEST(Hostile, EntityMixesAndBareAmpersands) {
  EXPECT_TRUE(run("<body><p>" + repeat("&#x1F600;&lt;&nbsp;&bogus;&#0;&#xD800;&#99999999;", 500'000)).status.ok());
  EXPECT_TRUE(run("<body><p>" + std::string(20u << 20, '&')).status.ok());
  EXPECT_TRUE(run("<body><p>" + std::string(20u << 20, '<')).status.ok());
}

// A parser comparing each new attribute with all the tag's earlier ones spends 10^12 steps on a million
// (libxml2 did). lede's tokenizer keeps the first max_attributes and finds duplicates by hash.
TEST(Hostile, AMillionAttributesOnOneElement) {
  std::string tag = "<html><body><div";
  for (int i = 0; i < 1'000'000; ++i) tag += " a" + std::to_string(i) + "=x";
  Outcome out = run(tag + ">" + kProse + "</div>");
  ASSERT_TRUE(out.status.ok());
  EXPECT_TRUE(out.article.truncated);
  EXPECT_TRUE(run("<body><div " + repeat("class=x ", 1'000'000) + ">" + kProse).status.ok());
  EXPECT_TRUE(run("<body><div " + std::string(20u << 20, 'x') + ">" + kProse).status.ok());
  EXPECT_TRUE(run("<body><div class=\"" + std::string(20u << 20, 'x')).status.ok());
}

TEST(Hostile, AFewHundredAttributesAreKept) {
  std::string tag = "<html><body><article data-x=1";
  for (int i = 0; i < 500; ++i) tag += " data-a" + std::to_string(i) + "=\"v\"";
  Outcome out = run(tag + ">" + kProse + "</article>");
  ASSERT_TRUE(out.status.ok());
  EXPECT_FALSE(out.article.truncated);
  EXPECT_TRUE(has(lede::to_text(out.article), "tram line"));
}

// ---- Constructs never closed.

TEST(Hostile, NeverClosed) {
  std::string before = "<html><body>" + repeat(kProse, 100);
  for (const char* open : {"<script>", "<style>", "<!--", "<textarea>", "<title>", "<![CDATA[", "<?xml ",
                           "<!DOCTYPE ", "<div ", "<xmp>", "<plaintext>", "<noscript>"}) {
    Outcome out = run(before + open + repeat("<p>x</p> var a = \"<div>\";\n", 500'000));
    ASSERT_TRUE(out.status.ok()) << open;
    EXPECT_TRUE(has(lede::to_text(out.article), "tram line")) << open;
  }
  EXPECT_TRUE(run("<html><head><title>" + repeat("<p>x</p>", 2'000'000)).status.ok());
}

TEST(Hostile, JsonLdFloods) {
  EXPECT_TRUE(run("<script type=\"application/ld+json\">" + repeat("[", 100'000) + repeat("]", 100'000) +
                  "</script>" + kProse)
                  .status.ok());
  std::string authors;
  for (int i = 0; i < 100'000; ++i) authors += (i ? ",{\"name\":\"a" : "{\"name\":\"a") + std::to_string(i) + "\"}";
  EXPECT_TRUE(run("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\"" +
                  std::string(3u << 20, 'x') + "\",\"author\":[" + authors + "]}</script>" + kProse)
                  .status.ok());
  EXPECT_TRUE(run(repeat("<script type=\"application/ld+json\">{\"@type\":\"Article\",\"headline\":\"h\"}</script>",
                         100'000) + kProse)
                  .status.ok());
}

TEST(Hostile, ScriptDataFloods) {
  // A shell page whose script holds megabytes of HTML in strings: read once, linearly.
  EXPECT_TRUE(run("<html><body><script>var a = \"" + repeat("\\u003cp\\u003ex y z\\u003c/p\\u003e", 400'000) +
                  "\";</script></body></html>").status.ok());
  EXPECT_TRUE(run("<html><body><script>" + repeat("\"<p>a</p><p>b</p><p>c</p>\",", 200'000) + "</script></body></html>")
                  .status.ok());
  EXPECT_TRUE(run("<html><body><script>var a = \"" + repeat("\\\\", 3'000'000)).status.ok());  // never closed
}

TEST(Hostile, AParagraphOfAMillionQuotations) {
  Outcome out = run("<html><body><article><p>" + repeat("\"one two three four five\" ", 1'000'000) + "</p>" +
                    kProse + "</article></body></html>");
  ASSERT_TRUE(out.status.ok());
  EXPECT_LE(out.article.quotes.size(), 500u);
}

TEST(Hostile, DashDialogueWithoutEnd) {
  // Paragraphs that open with a dash and hold a hundred thousand commas before (or without) their
  // attribution: each is read once, its attribution at most 160 bytes.
  std::string dialogue;
  for (int i = 0; i < 20; ++i)
    dialogue += "<p>— " + repeat("слово, ", 20'000) + "— сказал Иванов. — " + repeat("и ещё ", 20'000) + "</p>";
  lede::Options whole;
  whole.max_milliseconds = 0;  // the count below needs the whole page, on a loaded machine too
  Outcome out = run("<html><body><article>" + kProse + dialogue + "<p>" + repeat("— а, ", 200'000) +
                        "</p></article></body></html>",
                    whole);
  ASSERT_TRUE(out.status.ok());
  EXPECT_FALSE(out.article.truncated);
  EXPECT_EQ(out.article.quotes.size(), 40u);  // two quotations a paragraph, the dashes alone none
}

TEST(Hostile, AChainOfStreamedSegments) {
  // Each streamed segment holds the placeholder of the next, 400 elements down: placed, they would nest
  // 20,000 deep. The placement flattens past the parser's depth limit, as the parser does.
  std::string shell = "<html><body><article>" + kProse + "<template id='P:0'></template></article>";
  for (int i = 0; i < 50; ++i) {
    shell += "<div hidden id='S:" + std::to_string(i) + "'>" + repeat("<div>", 400) + "<p>Segment " +
             std::to_string(i) + " of the story, placed where its placeholder stood.</p><template id='P:" +
             std::to_string(i + 1) + "'></template>" + repeat("</div>", 400) + "</div>";
  }
  Outcome out = run(shell + "</body></html>");
  ASSERT_TRUE(out.status.ok());
  std::string text = lede::to_text(out.article);
  EXPECT_TRUE(has(text, "Segment 0 of the story")) << text.substr(0, 400);
  EXPECT_TRUE(has(text, "Segment 49 of the story")) << text.substr(0, 400);
}

TEST(Hostile, HalfAMillionBlankLineParagraphsOfLinks) {
  // Every blank line (<br><br>) starts a paragraph, each with its link: the paragraphs and their spans are
  // matched by binary search, not each paragraph against every span (that took 7 s here).
  Outcome out = run("<html><body>" + kProse + "<p>" + repeat("Related <a href=/x>link</a><br><br>", 500'000) +
                    "</p></body></html>");
  ASSERT_TRUE(out.status.ok());
  EXPECT_TRUE(has(lede::to_text(out.article), "tram line"));
}

TEST(Hostile, AHundredThousandParagraphsAlikeAtBothEnds) {
  // Repeated blocks are found by a print of each block's length and ends: paragraphs that share it and
  // differ inside are hashed, not compared pair by pair.
  std::string paragraphs;
  for (int i = 0; i < 100'000; ++i) {
    std::string n = std::to_string(100'000 + i);
    paragraphs += "<p>Paragraph number " + n + " of the long list, always ending the same way.</p>";
  }
  Outcome out = run("<html><body><article>" + kProse + paragraphs + "</article></body></html>");
  ASSERT_TRUE(out.status.ok());
  EXPECT_GT(out.article.blocks.size(), 1000u);
}

TEST(Hostile, SpansOnEveryCellOfABigDataTable) {
  // colspan and rowspan of a million on 100,000 cells: each span is capped, and so are the empty cells a
  // table may gain in all.
  Outcome out = run("<html><body><article>" + kProse + "<table><tr><th>a</th><th>b</th></tr>" +
                    repeat("<tr><td colspan=1000000 rowspan=1000000>x</td><td>y</td></tr>", 50'000) +
                    "</table></article></body></html>");
  ASSERT_TRUE(out.status.ok());
  for (const lede::Block& b : out.article.blocks) {
    if (b.kind != lede::BlockKind::table) continue;
    std::size_t cells = 0;
    for (const auto& row : b.rows) cells += row.size();
    EXPECT_LE(cells, 3 * 50'000u + 10'000u + 64u);
  }
}

TEST(Hostile, TwoHundredThousandTagAndAuthorMetas) {
  // Tags are kept once each and at most fifty (deduplicating them all took 28 s here).
  std::string head;
  for (int i = 0; i < 200'000; ++i) head += "<meta property=\"article:tag\" content=\"tag" + std::to_string(i) + "\">";
  for (int i = 0; i < 100'000; ++i) head += "<meta name=\"author\" content=\"Jane Doe" + std::to_string(i) + "\">";
  Outcome out = run("<html><head>" + head + "</head><body>" + kProse + "</body></html>");
  ASSERT_TRUE(out.status.ok());
  EXPECT_EQ(out.article.tags.size(), 50u);
  EXPECT_LE(out.article.authors.size(), 12u);
}

// ---- Limits.

TEST(Hostile, TheTimeBudgetStopsTheParserAndSaysSo) {
  std::string page = "<html><body>" + repeat(kProse, 200'000);  // ~40 MB
  lede::Options options;
  options.max_milliseconds = 20;
  Outcome out = run(page, options);
  ASSERT_TRUE(out.status.ok());
  EXPECT_TRUE(out.article.truncated);
  EXPECT_LT(out.seconds, 2.0);
  EXPECT_TRUE(has(lede::to_text(out.article), "tram line"));  // the start of the page is kept
}

TEST(Hostile, NoTimeBudgetMeansNone) {
  lede::Options options;
  options.max_milliseconds = 0;
  Outcome out = run("<html><body>" + repeat(kProse, 20), options);
  ASSERT_TRUE(out.status.ok());
  EXPECT_FALSE(out.article.truncated);
  options.max_milliseconds = static_cast<std::size_t>(-1);  // absurdly large: no limit, no overflow
  out = run("<html><body>" + repeat(kProse, 20), options);
  EXPECT_FALSE(out.article.truncated);
}

TEST(Hostile, NodeAndDepthLimitsSayTruncated) {
  lede::Options options;
  options.max_nodes = 1000;
  Outcome out = run("<html><body>" + repeat(kProse, 2000), options);
  ASSERT_TRUE(out.status.ok());
  EXPECT_TRUE(out.article.truncated);
  options = {};
  options.max_input_bytes = 100;
  EXPECT_EQ(run(repeat(kProse, 2), options).status.code(), lede::StatusCode::too_large);
}

// ---- Regressions: inputs the fuzzers found (tests/fixtures/hostile/).

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Each guard-*.kN.html once let an element through with more than N attributes (found when a pre-pass
// guarded libxml2; the tokenizer now enforces the limit itself): no element may have more.
TEST(Hostile, NoElementKeepsMoreAttributesThanTheLimit) {
  int files = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(fs::path(LEDE_FIXTURES) / "hostile")) {
    std::string name = entry.path().filename().string();
    if (name.rfind("guard-", 0) != 0) continue;
    ++files;
    std::size_t k = name.find(".k");
    ASSERT_NE(k, std::string::npos) << name;
    lede::parse::ParseLimits limits;
    limits.max_attributes = std::stoul(name.substr(k + 2));
    limits.max_depth = 1u << 30;
    lede::parse::Dom dom;
    lede::parse::parse_html(read_file(entry.path()), limits, &dom);
    for (lede::parse::NodeId id = 0; id < dom.size(); ++id) {
      EXPECT_LE(dom.node(id).attr_count, limits.max_attributes) << name << " element " << dom.name(id);
    }
  }
  EXPECT_GE(files, 9);
}

// An overlong UTF-8 "0" (E0 80 B0) passed for a digit and sent the date tokenizer into an endless loop.
TEST(Hostile, DatesWithOverlongDigitsEnd) {
  std::string text = read_file(fs::path(LEDE_FIXTURES) / "hostile" / "date-overlong-digit.bin");
  ASSERT_FALSE(text.empty());
  lede::meta::DateTime reference;
  reference.year = 2024, reference.month = 3, reference.day = 14;
  lede::meta::DateTime out;
  Clock::time_point start = Clock::now();
  lede::meta::parse_date(text, &reference, lede::meta::NumericOrder::day_first, &out);
  lede::meta::parse_date("\xE0\x80\xB0\xE0\x80\xB1 \xE0\x80\xB2", nullptr, lede::meta::NumericOrder::day_first, &out);
  lede::meta::parse_declared_date(text, &out);
  EXPECT_LT(std::chrono::duration<double>(Clock::now() - start).count(), 1.0);
}

// ---- A gzip bomb inside a WARC record: 512 MB of zeros in ~500 KB, refused at the payload cap.

std::string gzip_of_zeros(std::size_t size) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, Z_BEST_SPEED, Z_DEFLATED, 31, 9, Z_DEFAULT_STRATEGY), Z_OK);
  std::string zeros(1u << 20, '\0'), out;
  char buffer[1 << 16];
  for (std::size_t done = 0; done < size; done += zeros.size()) {
    z.next_in = reinterpret_cast<Bytef*>(zeros.data());
    z.avail_in = static_cast<uInt>(zeros.size());
    int flush = done + zeros.size() >= size ? Z_FINISH : Z_NO_FLUSH;
    do {
      z.next_out = reinterpret_cast<Bytef*>(buffer);
      z.avail_out = sizeof buffer;
      deflate(&z, flush);
      out.append(buffer, sizeof buffer - z.avail_out);
    } while (z.avail_out == 0);
  }
  deflateEnd(&z);
  return out;
}

TEST(Hostile, AGzipBombInAWarcRecordIsRefused) {
  std::string payload = gzip_of_zeros(512u << 20);
  std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" + payload;
  std::string record = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.com/bomb\r\n"
                       "WARC-Date: 2024-03-14T12:00:00Z\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
                       "Content-Type: application/http; msgtype=response\r\nContent-Length: " +
                       std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
  fs::path path = fs::temp_directory_path() / ("lede-bomb-" + std::to_string(::getpid()) + ".warc");
  std::ofstream(path, std::ios::binary) << record;

  reset_peak_memory();
  Clock::time_point start = Clock::now();
  lede::WarcReader reader;
  ASSERT_TRUE(reader.open(path.string()).ok());
  lede::WarcRecord page;
  lede::WarcNext next = reader.next(&page);
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  fs::remove(path);
  EXPECT_EQ(next.event, lede::WarcEvent::error);
  EXPECT_EQ(next.reason.rfind("bomb", 0), 0u) << next.reason;
  EXPECT_EQ(reader.next(&page).event, lede::WarcEvent::end);
  EXPECT_LT(seconds, kBound);
  EXPECT_LT(status_mb("VmHWM"), kMemoryMb);
}

// ---- The CLI goes on after a page that trips a limit.

TEST(Hostile, TheCliGoesOnAfterAPageOverALimit) {
  fs::path dir = fs::temp_directory_path() / ("lede-hostile-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  {
    std::ofstream(dir / "a-huge.html", std::ios::binary) << std::string((64u << 20) + 1, ' ') << "<p>x</p>";
    std::ofstream(dir / "b-deep.html", std::ios::binary) << repeat("<div>", 100'000) << kProse;
    std::ofstream(dir / "c-fine.html", std::ios::binary) << "<html><body><article>" << kProse << "</article>";
  }
  std::string command = "'" + std::string(LEDE_CLI) + "' extract --format json --threads 1 '" + dir.string() +
                        "' 2>'" + (dir / "stderr").string() + "'";
  std::FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string out;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  int status = pclose(pipe);
  std::string err = read_file(dir / "stderr");
  fs::remove_all(dir);

  EXPECT_EQ(WEXITSTATUS(status), 1) << err;  // one page failed
  EXPECT_TRUE(has(err, "a-huge.html")) << err;
  EXPECT_TRUE(has(out, "\"truncated\":true")) << out.substr(0, 500);  // b-deep: cut, answered
  EXPECT_TRUE(has(out, "tram line")) << out.substr(0, 500);           // c-fine: after both
}

}  // namespace
