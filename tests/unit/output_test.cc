// Tests for the renderers (src/output): exact to_text / to_markdown / to_json output for hand-built Articles,
// robustness against bad spans and bytes, and rendered JSON checked against docs/lede-1.schema.json.
// Articles are built by hand here: these tests must not depend on the extractor.
#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "lede/article.h"
#include "lede/render.h"

namespace lede {
namespace {

// ---- builders -----------------------------------------------------------------------------------------

Span link(std::uint32_t b, std::uint32_t e, std::string href) { return Span{SpanKind::link, b, e, std::move(href)}; }
Span em(std::uint32_t b, std::uint32_t e) { return Span{SpanKind::emphasis, b, e, {}}; }
Span strong(std::uint32_t b, std::uint32_t e) { return Span{SpanKind::strong, b, e, {}}; }
Span code_span(std::uint32_t b, std::uint32_t e) { return Span{SpanKind::code, b, e, {}}; }

Block heading(int level, std::string text) {
  Block b;
  b.kind = BlockKind::heading;
  b.level = level;
  b.text = std::move(text);
  return b;
}

Block para(std::string text, std::vector<Span> spans = {}) {
  Block b;
  b.kind = BlockKind::paragraph;
  b.text = std::move(text);
  b.spans = std::move(spans);
  return b;
}

Block quote(std::string text, std::vector<Span> spans = {}) {
  Block b = para(std::move(text), std::move(spans));
  b.kind = BlockKind::quote;
  return b;
}

Block list(bool ordered, std::vector<std::string> items, std::vector<int> depths = {}) {
  Block b;
  b.kind = BlockKind::list;
  b.ordered = ordered;
  b.items = std::move(items);
  b.item_depths = std::move(depths);
  if (b.item_depths.empty()) b.item_depths.assign(b.items.size(), 0);
  return b;
}

Block table(std::vector<std::vector<std::string>> rows, int header_rows) {
  Block b;
  b.kind = BlockKind::table;
  b.rows = std::move(rows);
  b.header_rows = header_rows;
  return b;
}

Block code(std::string text, std::string language = {}) {
  Block b;
  b.kind = BlockKind::code;
  b.text = std::move(text);
  b.language = std::move(language);
  return b;
}

Block figure(std::string src, std::string alt, std::string caption, std::string credit = {}) {
  Block b;
  b.kind = BlockKind::figure;
  b.src = std::move(src);
  b.alt = std::move(alt);
  b.caption = std::move(caption);
  b.credit = std::move(credit);
  b.text = !b.caption.empty() ? b.caption : b.alt;
  return b;
}

Article article(std::vector<Block> blocks) {
  Article a;
  a.blocks = std::move(blocks);
  return a;
}

std::string md(const Article& a, bool links = false, bool images = false) {
  RenderOptions o;
  o.links = links;
  o.images = images;
  return to_markdown(a, o);
}

std::string md1(Block b, bool links = false, bool images = false) { return md(article({std::move(b)}), links, images); }

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || (n == 2 && c < 0xC2) || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    if (n == 3) {
      const auto c1 = static_cast<unsigned char>(s[i + 1]);
      if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F)) return false;
    }
    if (n == 4) {
      const auto c1 = static_cast<unsigned char>(s[i + 1]);
      if ((c == 0xF0 && c1 < 0x90) || c > 0xF4 || (c == 0xF4 && c1 > 0x8F)) return false;
    }
    i += n;
  }
  return true;
}

// The article of the example in docs/json-schema.md.
Article doc_example() {
  Article a = article({
      heading(2, "What happened"),
      para("The caf\u00e9 vote passed.", {link(4, 14, "https://news.example/vote")}),
      list(false, {"yes", "mostly", "no"}, {0, 1, 0}),
      table({{"City", "Votes"}, {"Lyon", "12"}}, 1),
      code("print(\"hi\")", "python"),
      figure("https://news.example/cafe.jpg", "A caf\u00e9", "The caf\u00e9 at noon.", "Photo: A. Author"),
  });
  a.title = "Caf\u00e9 owners vote";
  a.url = "https://news.example/cafe";
  a.encoding = "utf-8";
  a.encoding_source = "http";
  a.lead = "Lyon's caf\u00e9 owners won the terrace vote.";
  a.authors = {"Ana Lima", "Jo Roe"};
  a.published = "2024-03-14T12:30:00+01:00";
  a.site_name = "News Example";
  a.language = "en";
  a.canonical_url = "https://news.example/cafe";
  a.image = {"https://news.example/cafe.jpg", "The caf\u00e9 at noon.", "Photo: A. Author"};
  a.tags = {"Lyon", "caf\u00e9s"};
  a.section = "City";
  a.page_type = "article";
  a.related = {{"Terraces: the new rules", "https://news.example/rules"}};
  a.quotes = {{"We will keep the terraces open until ten", "Ana Lima", 1, ""}};
  a.sources.title = "h1";
  a.sources.lead = "meta";
  a.sources.authors = "json-ld";
  a.sources.published = "json-ld";
  a.sources.site_name = "meta";
  a.sources.language = "text";
  a.sources.canonical_url = "meta";
  a.sources.image = "json-ld";
  a.sources.tags = "meta";
  a.sources.section = "json-ld";
  a.sources.page_type = "json-ld";
  a.sources.related = "page";
  return a;
}

// =========================================================================================================
// to_text

TEST(OutputText, EmptyArticleIsEmpty) {
  EXPECT_EQ(to_text(Article{}), "");
  Article a = article({para(""), para("  \n \t "), list(false, {"", " "}), table({{"", " "}}, 0), code("\n  \n"),
                       figure("x.png", "", "")});
  EXPECT_EQ(to_text(a), "");
}

TEST(OutputText, EveryBlockKind) {
  Article a = article({
      heading(1, "Title\nline"),
      para("  First para.  \nsecond line\t"),
      list(false, {"a", "b", "b1", "b1x", "c"}, {0, 0, 1, 2, 0}),
      list(true, {"one", "two", "two.a", "two.b", "three"}, {0, 0, 1, 1, 0}),
      quote("Quoted one.\nQuoted two."),
      table({{"h1", "h2"}, {"a", "b|c"}, {"x"}}, 1),
      code("  indented()\n\n  more();  \n\n", "js"),
      figure("img.png", "the alt", "The caption", "credit"),
      figure("img.png", "only alt", ""),
      figure("img.png", "", ""),
      para("end"),
  });
  a.title = "Not in text";
  EXPECT_EQ(to_text(a),
            "Title line\n"
            "\n"
            "First para.\n"
            "second line\n"
            "\n"
            "- a\n"
            "- b\n"
            "  - b1\n"
            "    - b1x\n"
            "- c\n"
            "\n"
            "1. one\n"
            "2. two\n"
            "  1. two.a\n"
            "  2. two.b\n"
            "3. three\n"
            "\n"
            "Quoted one.\n"
            "Quoted two.\n"
            "\n"
            "h1 | h2\n"
            "a | b|c\n"
            "x\n"
            "\n"
            "  indented()\n"
            "\n"
            "  more();\n"
            "\n"
            "end\n");  // figures are blocks of their own, not part of the text
}

TEST(OutputText, NoTrailingBlanksAndOneFinalNewline) {
  Article a = article({para("a  \n\n\n  b   "), table({{"x", "", ""}, {"", "y"}}, 0), code("z  \n\n\n")});
  const std::string t = to_text(a);
  EXPECT_EQ(t, "a\n\nb\n\nx\n| y\n\nz\n");
}

TEST(OutputText, ListDepthsAreClampedAndBlankItemsSkipped) {
  // A first item at depth 2 cannot be nested under nothing; depths may only grow one step at a time.
  Article a = article({list(true, {"deep", "", "deeper", "back"}, {2, 1, 5, -3})});
  EXPECT_EQ(to_text(a), "1. deep\n  1. deeper\n2. back\n");
}

TEST(OutputText, ListAndTableWithoutDataFallBackToText) {
  Block l = list(false, {});
  l.text = "plain list text";
  Block t = table({}, 0);
  t.text = "plain table text";
  EXPECT_EQ(to_text(article({l, t})), "plain list text\n\nplain table text\n");
}

TEST(OutputText, InvalidUtf8BecomesReplacementCharacter) {
  Article a = article({para("bad \xff byte, cut \xe2\x82")});
  const std::string t = to_text(a);
  EXPECT_EQ(t, "bad \xef\xbf\xbd byte, cut \xef\xbf\xbd\xef\xbf\xbd\n");
  EXPECT_TRUE(valid_utf8(t));
}

TEST(OutputText, CrLfInCodeBecomesLf) {
  EXPECT_EQ(to_text(article({code("a\r\nb\r\n")})), "a\nb\n");
}

// =========================================================================================================
// to_markdown: blocks

TEST(OutputMarkdown, EmptyArticleIsEmpty) {
  EXPECT_EQ(md(Article{}), "");
  EXPECT_EQ(md(article({para(" "), heading(2, ""), list(true, {}), code("")})), "");
}

TEST(OutputMarkdown, AFormulaIsKeptAsItIs) {
  // "where $E_{l,u} = h*f$ holds": the TeX's '_' and '*' are not escaped, the text around it is.
  Article a = article({para("where $E_{l,u} = h*f$ holds *twice*", {Span{SpanKind::math, 6, 21, {}}})});
  EXPECT_EQ(md(a), "where $E_{l,u} = h*f$ holds \\*twice\\*\n");
}

TEST(OutputMarkdown, Headings) {
  EXPECT_EQ(md1(heading(1, "One")), "# One\n");
  EXPECT_EQ(md1(heading(3, "Three\nlines")), "### Three lines\n");
  EXPECT_EQ(md1(heading(0, "Zero")), "# Zero\n");
  EXPECT_EQ(md1(heading(9, "Nine")), "###### Nine\n");
  // A trailing run of '#' after a blank would be read as a closing sequence and dropped.
  EXPECT_EQ(md1(heading(2, "Learn C #")), "## Learn C \\#\n");
  EXPECT_EQ(md1(heading(2, "C#")), "## C#\n");
  EXPECT_EQ(md1(heading(2, "###")), "## \\###\n");
}

TEST(OutputMarkdown, BlocksAreSeparatedByOneBlankLine) {
  Article a = article({heading(2, "H"), para("P"), quote("Q1\nQ2"), code("x = 1", "py")});
  EXPECT_EQ(md(a), "## H\n\nP\n\n> Q1\n>\n> Q2\n\n```py\nx = 1\n```\n");
}

TEST(OutputMarkdown, ParagraphLineBreaksAndParagraphBreaks) {
  EXPECT_EQ(md1(para("one\ntwo\n\n\nthree")), "one\\\ntwo\n\nthree\n");
  // The title is not part of the body.
  Article a = article({para("body")});
  a.title = "Title";
  EXPECT_EQ(md(a), "body\n");
}

TEST(OutputMarkdown, NestedBulletList) {
  EXPECT_EQ(md1(list(false, {"a", "b", "b1", "b1x", "c"}, {0, 0, 1, 2, 0})),
            "- a\n"
            "- b\n"
            "  - b1\n"
            "    - b1x\n"
            "- c\n");
}

TEST(OutputMarkdown, NestedOrderedListIndentsUnderTheParentsText) {
  std::vector<std::string> items;
  std::vector<int> depths;
  for (int i = 1; i <= 10; ++i) {
    items.push_back("item " + std::to_string(i));
    depths.push_back(0);
  }
  items.push_back("sub");
  depths.push_back(1);
  EXPECT_EQ(md1(list(true, items, depths)),
            "1. item 1\n2. item 2\n3. item 3\n4. item 4\n5. item 5\n6. item 6\n7. item 7\n8. item 8\n"
            "9. item 9\n10. item 10\n    1. sub\n");
  EXPECT_EQ(md1(list(true, {"a", "a.1", "a.2", "b"}, {0, 1, 1, 0})), "1. a\n   1. a.1\n   2. a.2\n2. b\n");
}

TEST(OutputMarkdown, AdjacentListsGetDifferentMarkers) {
  Article a = article({list(false, {"a"}), list(false, {"b"}), list(false, {"c"}), list(true, {"d"}),
                       list(true, {"e"}), para("p"), list(false, {"f"})});
  EXPECT_EQ(md(a), "- a\n\n* b\n\n- c\n\n1. d\n\n1) e\n\np\n\n- f\n");
}

TEST(OutputMarkdown, ListItemsAreEscapedAndFlat) {
  EXPECT_EQ(md1(list(false, {"- not nested", "1. not ordered", "two\nlines", "*star*"})),
            "- \\- not nested\n- 1\\. not ordered\n- two lines\n- \\*star\\*\n");
}

TEST(OutputMarkdown, TableWithHeaderRow) {
  EXPECT_EQ(md1(table({{"Name", "Qty"}, {"apple", "3"}, {"pear", "10"}}, 1)),
            "| Name | Qty |\n"
            "| --- | --- |\n"
            "| apple | 3 |\n"
            "| pear | 10 |\n");
}

TEST(OutputMarkdown, TableWithoutHeaderRowsUsesTheFirstRow) {
  EXPECT_EQ(md1(table({{"a", "b"}, {"c", "d"}}, 0)), "| a | b |\n| --- | --- |\n| c | d |\n");
}

TEST(OutputMarkdown, TableRaggedRowsPipesAndNewlines) {
  EXPECT_EQ(md1(table({{"h"}, {"a|b", "two\nlines", "x"}, {"", "", ""}, {"*c*"}}, 1)),
            "| h |  |  |\n"
            "| --- | --- | --- |\n"
            "| a\\|b | two<br>lines | x |\n"
            "| \\*c\\* |  |  |\n");
}

TEST(OutputMarkdown, CodeFenceIsLongerThanAnyBacktickRunInside) {
  EXPECT_EQ(md1(code("```\ninside\n```", "md")), "````md\n```\ninside\n```\n````\n");
  EXPECT_EQ(md1(code("a `` b ````` c")), "``````\na `` b ````` c\n``````\n");
  // A backtick in the info string is not allowed after a backtick fence: tildes then.
  EXPECT_EQ(md1(code("x ~~~~ y", "we`ird")), "~~~~~we`ird\nx ~~~~ y\n~~~~~\n");
  // Only the first word of the language; leading blank lines and trailing blanks go, indentation stays.
  EXPECT_EQ(md1(code("\n\n    deep\n  *x*  \n\n", " c++ extra")), "```c++\n    deep\n  *x*\n```\n");
}

TEST(OutputMarkdown, Figures) {
  Block f = figure("https://x.test/a b(1).png", "An [alt]", "A caption", "Photo: Someone");
  EXPECT_EQ(md1(f, false, true),
            "![An \\[alt\\]](https://x.test/a%20b\\(1\\).png)\n\n*A caption \u2014 Photo: Someone*\n");
  EXPECT_EQ(md1(f, false, false), "*A caption \u2014 Photo: Someone*\n");
  EXPECT_EQ(md1(figure("p.png", "just alt", ""), false, true), "![just alt](p.png)\n");
  EXPECT_EQ(md1(figure("p.png", "just alt", ""), false, false), "*just alt*\n");
  EXPECT_EQ(md1(figure("", "alt", "cap *x*"), false, true), "*cap \\*x\\**\n");
  EXPECT_EQ(md1(figure("p.png", "", ""), false, false), "");
}

// =========================================================================================================
// to_markdown: escaping

TEST(OutputMarkdown, EscapesInlineMarkup) {
  EXPECT_EQ(md1(para("a *b* c")), "a \\*b\\* c\n");
  EXPECT_EQ(md1(para("_x_ and snake_case_name")), "\\_x\\_ and snake_case_name\n");
  EXPECT_EQ(md1(para("`tick` and ~strike~")), "\\`tick\\` and \\~strike\\~\n");
  EXPECT_EQ(md1(para("[a](b) and [c]: d and [e][f]")), "[a\\](b) and [c\\]: d and [e\\][f]\n");
  EXPECT_EQ(md1(para("<b>bold</b> but a < b and 1 <2")), "\\<b>bold\\</b> but a < b and 1 <2\n");
  EXPECT_EQ(md1(para("&amp; &#42; &#x2A; & AT&T;x")), "\\&amp; \\&#42; \\&#x2A; & AT\\&T;x\n");
  EXPECT_EQ(md1(para("C:\\dir\\*.txt ends in \\")), "C:\\dir\\\\\\*.txt ends in \\\\\n");
}

TEST(OutputMarkdown, LeavesOrdinaryPunctuationAlone) {
  const std::string s = "Hello, world! (Yes.) 50% off - #1 in \"town\"; isn't it? {a} a+b=c @me 3.14 [1] x_y";
  EXPECT_EQ(md1(para(s)), s + "\n");
}

TEST(OutputMarkdown, EscapesBlockStartsAtLineStart) {
  EXPECT_EQ(md1(para("# not a heading")), "\\# not a heading\n");
  EXPECT_EQ(md1(para("#hashtag")), "#hashtag\n");
  EXPECT_EQ(md1(para("1. not a list")), "1\\. not a list\n");
  EXPECT_EQ(md1(para("2) nor this")), "2\\) nor this\n");
  EXPECT_EQ(md1(para("1999. A year")), "1999\\. A year\n");
  EXPECT_EQ(md1(para("3.14 is pi")), "3.14 is pi\n");
  EXPECT_EQ(md1(para("- dash")), "\\- dash\n");
  EXPECT_EQ(md1(para("-- em")), "-- em\n");  // not a list marker, not a thematic break
  EXPECT_EQ(md1(para("+ plus")), "\\+ plus\n");
  EXPECT_EQ(md1(para("> quote")), "\\> quote\n");
  EXPECT_EQ(md1(para("---")), "\\---\n");
  EXPECT_EQ(md1(para("a\n===")), "a\\\n\\===\n");
  EXPECT_EQ(md1(para("a | b\n--- | ---")), "a | b\\\n\\--- | ---\n");
  EXPECT_EQ(md1(para("    indented is not code")), "indented is not code\n");
  EXPECT_EQ(md1(para("x\n# two\n1. three")), "x\\\n\\# two\\\n1\\. three\n");
  // Inside a quote the same holds after "> ".
  EXPECT_EQ(md1(quote("> nested?\n- item?")), "> \\> nested?\n>\n> \\- item?\n");
  // A heading's text is inline: no block escapes there.
  EXPECT_EQ(md1(heading(2, "1. Intro")), "## 1. Intro\n");
}

// =========================================================================================================
// to_markdown: spans

TEST(OutputMarkdown, InlineSpans) {
  // 0123456789012345678901234567
  // "Some bold, some em, x() done"
  Block p = para("Some bold, some em, x() done", {strong(5, 9), em(16, 18), code_span(20, 23)});
  EXPECT_EQ(md1(p), "Some **bold**, some *em*, `x()` done\n");
}

TEST(OutputMarkdown, LinksOnlyWhenAsked) {
  Block p = para("Read the docs now.", {link(9, 13, "https://d.test/x")});
  EXPECT_EQ(md1(p, false), "Read the docs now.\n");
  EXPECT_EQ(md1(p, true), "Read the [docs](https://d.test/x) now.\n");
  // Link destinations keep any URL intact.
  Block q = para("see here", {link(4, 8, "https://d.test/a b/(c)\\d?e=<f>&amp;")});
  EXPECT_EQ(md1(q, true), "see [here](https://d.test/a%20b/\\(c\\)\\\\d?e=\\<f\\>\\&amp;)\n");
  // Brackets inside link text are escaped; an empty href is no link.
  Block r = para("[1] note", {link(0, 8, "u"), link(0, 3, "")});
  EXPECT_EQ(md1(r, true), "[\\[1\\] note](u)\n");
}

TEST(OutputMarkdown, NestedSpans) {
  // "very important link"
  Block p = para("very important link", {strong(0, 19), em(5, 14), link(15, 19, "u")});
  EXPECT_EQ(md1(p, true), "**very *important* [link](u)**\n");
  // Same kind inside same kind is redundant and dropped; so is a link in a link.
  Block q = para("a b c", {em(0, 5), em(2, 3), link(0, 5, "u"), link(2, 3, "v")});
  EXPECT_EQ(md1(q, true), "[*a b c*](u)\n");
  // Nothing inside inline code.
  Block r = para("f(x*y)", {code_span(0, 6), strong(2, 5)});
  EXPECT_EQ(md1(r), "`f(x*y)`\n");
}

TEST(OutputMarkdown, SpanWhitespaceMovesOutsideTheDelimiters) {
  Block p = para("a  bold  b", {strong(1, 8)});
  EXPECT_EQ(md1(p), "a  **bold**  b\n");
  Block q = para("a   b", {em(1, 4)});  // only blanks: nothing to emphasize
  EXPECT_EQ(md1(q), "a   b\n");
}

TEST(OutputMarkdown, TouchingSpansOfOneKindMerge) {
  Block p = para("onetwo", {em(0, 3), em(3, 6)});
  EXPECT_EQ(md1(p), "*onetwo*\n");
}

TEST(OutputMarkdown, EmphasisThatWouldNotParseIsDropped) {
  // Intra-word emphasis with nothing around it is fine with '*'.
  EXPECT_EQ(md1(para("foobarbaz", {em(3, 6)})), "foo*bar*baz\n");
  // "a*\"q\"*b": the '*' before a quote mark after a letter cannot open: keep the text, drop the markup.
  EXPECT_EQ(md1(para("a\"q\"b", {em(1, 4)})), "a\"q\"b\n");
  // A nested span whose delimiters could pair the wrong way (here inside a word) is dropped, the outer one
  // kept; one that cannot is kept.
  EXPECT_EQ(md1(para("x abc z", {em(0, 7), strong(3, 4)})), "*x abc z*\n");
  EXPECT_EQ(md1(para("x (y) z", {em(0, 7), strong(3, 4)})), "*x (**y**) z*\n");
  EXPECT_EQ(md1(para("say \"hi\" now", {strong(4, 8)})), "say **\"hi\"** now\n");
}

TEST(OutputMarkdown, CodeSpanFences) {
  EXPECT_EQ(md1(para("use a`b here", {code_span(4, 7)})), "use ``a`b`` here\n");
  EXPECT_EQ(md1(para("x `y` z", {code_span(2, 5)})), "x `` `y` `` z\n");
}

TEST(OutputMarkdown, BangBeforeALinkIsNotAnImage) {
  Block p = para("Wow!link", {link(4, 8, "u")});
  EXPECT_EQ(md1(p, true), "Wow\\![link](u)\n");
  EXPECT_EQ(md1(p, false), "Wow!link\n");
}

TEST(OutputMarkdown, BadSpansNeverBreakOutput) {
  const std::string text = "caf\u00e9 \xf0\x9f\x98\x80 end";  // "café 😀 end": é is 2 bytes, the emoji 4
  std::vector<Span> spans = {
      strong(4, 5),           // splits é: widened to the whole character
      em(7, 9),               // inside the emoji
      em(9, 1),               // begin after end
      strong(100, 200),       // past the end
      code_span(11, 400),     // runs past the end: clamped
      em(3, 3),               // empty
      link(0, 100, "https://x.test/"),
  };
  const std::string out = md1(para(text, spans), true);
  EXPECT_TRUE(valid_utf8(out));
  EXPECT_EQ(out, "[caf**\u00e9** *\xf0\x9f\x98\x80* `end`](https://x.test/)\n");
}

TEST(OutputMarkdown, CrossingSpansAreCutToNest) {
  // em [0,7) "one two", strong [4,11) "two six": strong is cut at em's end.
  Block p = para("one two six", {em(0, 7), strong(4, 11)});
  EXPECT_EQ(md1(p), "*one **two*** six\n");
}

TEST(OutputMarkdown, SpansAcrossLinesAreSplitPerLine) {
  Block p = para("first line\nsecond line", {strong(6, 17)});
  EXPECT_EQ(md1(p), "first **line**\\\n**second** line\n");
}

TEST(OutputMarkdown, InvalidUtf8IsReplaced) {
  const std::string out = md1(para("a\xff\xfe b \xc3", {em(0, 3)}));
  EXPECT_TRUE(valid_utf8(out));
  EXPECT_EQ(out, "*a\xef\xbf\xbd\xef\xbf\xbd* b \xef\xbf\xbd\n");
}

TEST(OutputMarkdown, LoneCarriageReturnCannotStartABlock) {
  // CommonMark ends a line at a lone CR: "# b" would become a heading, "```" would close the fence.
  EXPECT_EQ(md1(para("a\r# b")), "a # b\n");
  EXPECT_EQ(md1(code("x\r```\ry")), "````\nx\n```\ny\n````\n");
}

// =========================================================================================================
// to_json

// ---- HTML ---------------------------------------------------------------------------------------------

std::string html1(Block b, bool links = false, bool images = false) {
  RenderOptions o;
  o.links = links;
  o.images = images;
  o.fragment = true;
  return to_html(article({std::move(b)}), o);
}

TEST(OutputHtml, AWholeDocumentAroundOneArticle) {
  Article a = article({para("The wall is done.")});
  a.title = "Breakwater <finished>";
  a.language = "en";
  a.authors = {"Jane Doe", "John Roe"};
  a.published = "2023-11-02T09:15:00Z";
  a.canonical_url = "https://h.example/breakwater";
  const std::string out = to_html(a);
  EXPECT_EQ(out.rfind("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Breakwater &lt;finished&gt;"
                      "</title>\n<meta name=\"author\" content=\"Jane Doe, John Roe\">\n",
                      0),
            0u)
      << out;
  EXPECT_NE(out.find("<link rel=\"canonical\" href=\"https://h.example/breakwater\">"), std::string::npos);
  EXPECT_NE(out.find("<article>\n<header>\n<h1>Breakwater &lt;finished&gt;</h1>\n<p class=\"byline\"><span "
                     "class=\"author\">Jane Doe</span>, <span class=\"author\">John Roe</span> · <time "
                     "datetime=\"2023-11-02T09:15:00Z\">2023-11-02</time></p>\n</header>\n<p>The wall is done.</p>\n"
                     "</article>\n</body>\n</html>\n"),
            std::string::npos)
      << out;
}

TEST(OutputHtml, AFragmentCarriesItsLanguageAndDirection) {
  Article a = article({para("\u0627\u0644\u0633\u0644\u0627\u0645")});
  a.language = "ar";
  RenderOptions o;
  o.fragment = true;
  const std::string out = to_html(a, o);
  EXPECT_EQ(out.rfind("<article lang=\"ar\" dir=\"rtl\">\n<p>", 0), 0u) << out;
  EXPECT_EQ(out.find("<html"), std::string::npos);
}

TEST(OutputHtml, EveryBlockKind) {
  EXPECT_EQ(html1(heading(1, "Part one")), "<article>\n<h2>Part one</h2>\n</article>\n");  // the title is the <h1>
  EXPECT_EQ(html1(para("One\ntwo & three")), "<article>\n<p>One<br>two &amp; three</p>\n</article>\n");
  EXPECT_EQ(html1(quote("First.\nSecond.")),
            "<article>\n<blockquote>\n<p>First.</p>\n<p>Second.</p>\n</blockquote>\n</article>\n");
  EXPECT_EQ(html1(list(false, {"a", "b", "c", "d"}, {0, 1, 2, 0})),
            "<article>\n<ul>\n<li>a\n<ul>\n<li>b\n<ul>\n<li>c</li></ul></li></ul></li>\n<li>d</li>\n</ul>\n</article>\n");
  EXPECT_EQ(html1(list(true, {"x", "y"})), "<article>\n<ol>\n<li>x</li>\n<li>y</li>\n</ol>\n</article>\n");
  EXPECT_EQ(html1(table({{"Name", "Age"}, {"Ann", "<3"}}, 1)),
            "<article>\n<table>\n<thead>\n<tr><th>Name</th><th>Age</th></tr>\n</thead>\n<tbody>\n"
            "<tr><td>Ann</td><td>&lt;3</td></tr>\n</tbody>\n</table>\n</article>\n");
  EXPECT_EQ(html1(table({{"Only"}}, 3)),  // more header rows than rows: the head still closes
            "<article>\n<table>\n<thead>\n<tr><th>Only</th></tr>\n</thead>\n</table>\n</article>\n");
  EXPECT_EQ(html1(code("if (a < b) {}\n", "cpp\"><script>")),
            "<article>\n<pre><code class=\"language-cpp&quot;&gt;&lt;script&gt;\">if (a &lt; b) {}\n</code></pre>\n"
            "</article>\n");
  // A figure: its image only with images on, and only from a web address.
  EXPECT_EQ(html1(figure("https://h.example/w.jpg", "The \"wall\"", "The wall", "Photo: J. Doe"), false, true),
            "<article>\n<figure><img src=\"https://h.example/w.jpg\" alt=\"The &quot;wall&quot;\"><figcaption>The "
            "wall <small class=\"credit\">Photo: J. Doe</small></figcaption></figure>\n</article>\n");
  EXPECT_EQ(html1(figure("https://h.example/w.jpg", "", "The wall"), false, false),
            "<article>\n<figure><figcaption>The wall</figcaption></figure>\n</article>\n");
  EXPECT_EQ(html1(figure("data:image/png;base64,AAAA", "x", ""), false, true), "<article>\n</article>\n");
}

TEST(OutputHtml, LinksAreWebAddressesOnly) {
  const Block b = para("Read this and that.", {link(5, 9, "https://h.example/?a=1&b=\"2\""), link(14, 18, "javascript:alert(1)")});
  EXPECT_EQ(html1(b, true), "<article>\n<p>Read <a href=\"https://h.example/?a=1&amp;b=&quot;2&quot;\">this</a> and "
                            "that.</p>\n</article>\n");
  EXPECT_EQ(html1(b, false), "<article>\n<p>Read this and that.</p>\n</article>\n");
  // The scheme's letters in any case; any other byte as it is.
  EXPECT_EQ(html1(para("one two", {link(0, 3, "HTTPS://h.example/"), link(4, 7, "http\x1A//h.example/")}), true),
            "<article>\n<p><a href=\"HTTPS://h.example/\">one</a> two</p>\n</article>\n");
}

TEST(OutputHtml, SpansNestAndBadOnesAreDropped) {
  // Nested spans; a span crossing another's end, one past the text and one inside a character are dropped
  // or clamped, and the output stays well-formed.
  EXPECT_EQ(html1(para("bold and italic", {strong(0, 15), em(9, 15)})),
            "<article>\n<p><strong>bold and <em>italic</em></strong></p>\n</article>\n");
  EXPECT_EQ(html1(para("abcdef", {em(0, 4), strong(2, 6)})), "<article>\n<p><em>abcd</em>ef</p>\n</article>\n");
  const std::string odd = html1(para("caf\xC3\xA9 \xFF", {code_span(4, 400), em(100, 200)}));
  EXPECT_TRUE(valid_utf8(odd)) << odd;
  EXPECT_NE(odd.find("<code>\xC3\xA9 \xEF\xBF\xBD</code>"), std::string::npos) << odd;
}

TEST(OutputJson, EmptyArticle) {
  EXPECT_EQ(to_json(Article{}),
            "{\"schema\":\"lede/1\",\"title\":\"\",\"url\":\"\",\"encoding\":\"\",\"encoding_source\":\"\","
            "\"truncated\":false,"
            "\"lead\":\"\",\"authors\":[],\"published\":\"\",\"modified\":\"\",\"site_name\":\"\",\"language\":\"\","
            "\"canonical_url\":\"\",\"image\":{\"url\":\"\",\"caption\":\"\",\"credit\":\"\"},\"tags\":[],\"section\":\"\","
            "\"page_type\":\"\",\"related\":[],\"sources\":{},"
            "\"text\":\"\",\"blocks\":[],\"quotes\":[]}");
}

TEST(OutputJson, EveryBlockKind) {
  Article a = article({
      heading(8, "Head"),
      para("Para with link.", {link(10, 14, " https://l.test/ "), em(0, 4)}),
      list(true, {"a", "b"}),
      list(false, {"a", "a1"}, {0, 1}),
      quote("Q"),
      table({{"h"}, {"a", "b"}}, 7),
      code("x\n", ""),
      code("y", " rust "),
      figure("i.png", "", "Cap"),
      figure("", "", ""),
  });
  a.title = "T";
  a.url = "https://u.test/";
  a.encoding = "windows-1251";
  a.encoding_source = "meta";
  a.truncated = true;
  EXPECT_EQ(to_json(a),
            "{\"schema\":\"lede/1\",\"title\":\"T\",\"url\":\"https://u.test/\",\"encoding\":\"windows-1251\","
            "\"encoding_source\":\"meta\",\"truncated\":true,"
            "\"lead\":\"\",\"authors\":[],\"published\":\"\",\"modified\":\"\",\"site_name\":\"\",\"language\":\"\","
            "\"canonical_url\":\"\",\"image\":{\"url\":\"\",\"caption\":\"\",\"credit\":\"\"},\"tags\":[],\"section\":\"\","
            "\"page_type\":\"\",\"related\":[],\"sources\":{},"
            "\"text\":\"Head\\n\\nPara with link.\\n\\n1. a\\n2. b\\n\\n- a\\n  - a1\\n\\nQ\\n\\nh\\na | b\\n\\nx\\n\\ny\\n\","
            "\"blocks\":["
            "{\"type\":\"heading\",\"level\":6,\"text\":\"Head\"},"
            "{\"type\":\"paragraph\",\"text\":\"Para with link.\","
            "\"links\":[{\"text\":\"link\",\"href\":\"https://l.test/\",\"start\":10,\"end\":14}]},"
            "{\"type\":\"list\",\"ordered\":true,\"items\":[\"a\",\"b\"]},"
            "{\"type\":\"list\",\"ordered\":false,\"items\":[\"a\",\"a1\"],\"depths\":[0,1]},"
            "{\"type\":\"quote\",\"text\":\"Q\"},"
            "{\"type\":\"table\",\"header_rows\":2,\"rows\":[[\"h\"],[\"a\",\"b\"]]},"
            "{\"type\":\"code\",\"text\":\"x\\n\"},"
            "{\"type\":\"code\",\"language\":\"rust\",\"text\":\"y\"},"
            "{\"type\":\"figure\",\"src\":\"i.png\",\"caption\":\"Cap\"},"
            "{\"type\":\"figure\"}"
            "],\"quotes\":[]}");
}

TEST(OutputJson, TextKeyIsExactlyToText) {
  Article a = doc_example();
  const std::string json = to_json(a);
  // The text has no quotes or backslashes that need escaping other than newlines and the code's quotes.
  std::string expected = to_text(a);
  std::string escaped;
  for (char c : expected) {
    if (c == '\n') escaped += "\\n";
    else if (c == '"') escaped += "\\\"";
    else escaped.push_back(c);
  }
  EXPECT_NE(json.find(",\"text\":\"" + escaped + "\",\"blocks\":"), std::string::npos) << json;
}

TEST(OutputJson, StringEscaping) {
  Article a;
  a.title = std::string("q\" b\\ nl\n cr\r tab\t nul") + '\0' + " bel\x07 us\x1f del\x7f";
  EXPECT_NE(to_json(a).find("\"title\":\"q\\\" b\\\\ nl\\n cr\\r tab\\t nul\\u0000 bel\\u0007 us\\u001f del\x7f\","),
            std::string::npos);
  a.title = "\b\f";
  EXPECT_NE(to_json(a).find("\"title\":\"\\b\\f\""), std::string::npos);
}

TEST(OutputJson, NonAsciiStaysRawAndLineSeparatorsAreEscaped) {
  Article a;
  a.title = "\u00e9\u4e2d\xf0\x9f\x98\x80 \u2028 \u2029";
  EXPECT_NE(to_json(a).find("\"title\":\"\u00e9\u4e2d\xf0\x9f\x98\x80 \\u2028 \\u2029\""), std::string::npos);
}

TEST(OutputJson, InvalidUtf8BecomesReplacementCharacterPerByte) {
  Article a;
  // stray continuation, lone lead, truncated 3-byte, overlong '/', UTF-16 surrogate, above U+10FFFF
  a.title = "a\x80 b\xc3 c\xe2\x82 d\xc0\xaf e\xed\xa0\x80 f\xf4\x90\x80\x80 g";
  const std::string json = to_json(a);
  EXPECT_TRUE(valid_utf8(json));
  const std::string r = "\xef\xbf\xbd";
  EXPECT_NE(json.find("\"title\":\"a" + r + " b" + r + " c" + r + r + " d" + r + r + " e" + r + r + r + " f" + r +
                      r + r + r + " g\""),
            std::string::npos)
      << json;
}

TEST(OutputJson, LinkOffsetsAreCodePoints) {
  // "Ça 😀 link" — Ç is 2 bytes, the emoji 4: "link" is bytes [9,13) and code points [5,9).
  Block p = para("\u00c7a \xf0\x9f\x98\x80 link", {link(9, 13, "u2"), link(0, 2, "u1"), link(9, 9, "empty"),
                                                   link(0, 3, ""), em(0, 4)});
  const std::string json = to_json(article({p}));
  EXPECT_NE(json.find("\"links\":[{\"text\":\"\u00c7\",\"href\":\"u1\",\"start\":0,\"end\":1},"
                      "{\"text\":\"link\",\"href\":\"u2\",\"start\":5,\"end\":9}]}"),
            std::string::npos)
      << json;
}

TEST(OutputJson, LinkSplittingACharacterOrPastTheEndIsClamped) {
  // [1,50) starts inside "é" and runs past the end: widened to [0, 6) bytes = code points [0,5).
  Block p = para("\u00e9abcd", {link(1, 50, "u")});
  const std::string json = to_json(article({p}));
  EXPECT_NE(json.find("\"links\":[{\"text\":\"\u00e9abcd\",\"href\":\"u\",\"start\":0,\"end\":5}]"), std::string::npos)
      << json;
  // Offsets count a replaced stray byte as one code point.
  Block q = para("\xff\xffxy", {link(2, 4, "u")});
  EXPECT_NE(to_json(article({q})).find("\"start\":2,\"end\":4"), std::string::npos);
}

TEST(OutputJson, CommentsOnlyWhenPresent) {
  Article a = article({para("body")});
  EXPECT_EQ(to_json(a).find("\"comments\""), std::string::npos);
  a.comments.push_back(para("first!"));
  const std::string json = to_json(a);
  EXPECT_NE(json.find(",\"comments\":[{\"type\":\"paragraph\",\"text\":\"first!\"}]}"), std::string::npos) << json;
  // Comments are not part of "text".
  EXPECT_NE(json.find("\"text\":\"body\\n\""), std::string::npos);
}

TEST(OutputJson, IsOneLineWithoutTrailingNewline) {
  const std::string json = to_json(doc_example());
  EXPECT_EQ(json.find('\n'), std::string::npos);
  EXPECT_EQ(json.back(), '}');
}

// =========================================================================================================
// The JSON document against docs/lede-1.schema.json and the example in docs/json-schema.md.

std::string docs_path(const std::string& name) {
#ifdef LEDE_FIXTURES
  return std::string(LEDE_FIXTURES) + "/../../docs/" + name;
#else
  return "docs/" + name;
#endif
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A small JSON reader, enough for the schema and for to_json's output; fails loudly on anything else.
struct Json {
  enum Type { null, boolean, number, string, array, object } type = null;
  bool b = false;
  double n = 0;
  bool integral = false;
  std::string s;
  std::vector<Json> a;
  std::vector<std::pair<std::string, Json>> o;
  const Json* get(std::string_view k) const {
    for (const auto& [key, v] : o)
      if (key == k) return &v;
    return nullptr;
  }
};

class JsonReader {
 public:
  explicit JsonReader(std::string_view t) : t_(t) {}
  bool parse(Json* out) {
    if (!value(out, 0)) return false;
    ws();
    return i_ == t_.size();
  }

 private:
  void ws() {
    while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\n' || t_[i_] == '\r' || t_[i_] == '\t')) ++i_;
  }
  bool lit(std::string_view w) {
    if (t_.substr(i_, w.size()) != w) return false;
    i_ += w.size();
    return true;
  }
  static void put_utf8(std::string& s, unsigned cp) {
    if (cp < 0x80) {
      s.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      s.push_back(static_cast<char>(0xC0 | cp >> 6));
      s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      s.push_back(static_cast<char>(0xE0 | cp >> 12));
      s.push_back(static_cast<char>(0x80 | (cp >> 6 & 0x3F)));
      s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      s.push_back(static_cast<char>(0xF0 | cp >> 18));
      s.push_back(static_cast<char>(0x80 | (cp >> 12 & 0x3F)));
      s.push_back(static_cast<char>(0x80 | (cp >> 6 & 0x3F)));
      s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
  bool str(std::string* out) {
    if (i_ >= t_.size() || t_[i_] != '"') return false;
    ++i_;
    while (i_ < t_.size()) {
      const char c = t_[i_++];
      if (c == '"') return true;
      if (static_cast<unsigned char>(c) < 0x20) return false;  // raw control characters are not JSON
      if (c != '\\') {
        out->push_back(c);
        continue;
      }
      if (i_ >= t_.size()) return false;
      const char e = t_[i_++];
      switch (e) {
        case '"': case '\\': case '/': out->push_back(e); break;
        case 'b': out->push_back('\b'); break;
        case 'f': out->push_back('\f'); break;
        case 'n': out->push_back('\n'); break;
        case 'r': out->push_back('\r'); break;
        case 't': out->push_back('\t'); break;
        case 'u': {
          if (i_ + 4 > t_.size()) return false;
          unsigned cp = 0;
          for (int k = 0; k < 4; ++k) {
            const char h = t_[i_++];
            int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
            if (d < 0) return false;
            cp = cp * 16 + static_cast<unsigned>(d);
          }
          if (cp >= 0xD800 && cp <= 0xDFFF) return false;  // to_json never writes surrogate pairs
          put_utf8(*out, cp);
          break;
        }
        default: return false;
      }
    }
    return false;
  }
  bool value(Json* v, int depth) {
    if (depth > 64) return false;
    ws();
    if (i_ >= t_.size()) return false;
    const char c = t_[i_];
    if (c == '{') {
      ++i_;
      v->type = Json::object;
      ws();
      if (i_ < t_.size() && t_[i_] == '}') return ++i_, true;
      while (true) {
        ws();
        std::string k;
        if (!str(&k)) return false;
        ws();
        if (!lit(":")) return false;
        Json x;
        if (!value(&x, depth + 1)) return false;
        if (v->get(k)) return false;  // duplicate key
        v->o.emplace_back(std::move(k), std::move(x));
        ws();
        if (lit(",")) continue;
        return lit("}");
      }
    }
    if (c == '[') {
      ++i_;
      v->type = Json::array;
      ws();
      if (i_ < t_.size() && t_[i_] == ']') return ++i_, true;
      while (true) {
        Json x;
        if (!value(&x, depth + 1)) return false;
        v->a.push_back(std::move(x));
        ws();
        if (lit(",")) continue;
        return lit("]");
      }
    }
    if (c == '"') {
      v->type = Json::string;
      return str(&v->s);
    }
    if (lit("true")) return v->type = Json::boolean, v->b = true, true;
    if (lit("false")) return v->type = Json::boolean, true;
    if (lit("null")) return true;
    const std::size_t start = i_;
    if (i_ < t_.size() && t_[i_] == '-') ++i_;
    while (i_ < t_.size() && ((t_[i_] >= '0' && t_[i_] <= '9') || t_[i_] == '.' || t_[i_] == 'e' || t_[i_] == 'E' ||
                              t_[i_] == '+' || t_[i_] == '-'))
      ++i_;
    if (i_ == start) return false;
    const std::string num(t_.substr(start, i_ - start));
    v->type = Json::number;
    v->n = std::stod(num);
    v->integral = num.find_first_of(".eE") == std::string::npos;
    return true;
  }

  std::string_view t_;
  std::size_t i_ = 0;
};

// Validates against the subset of JSON Schema 2020-12 that lede-1.schema.json uses. Any other keyword is an
// error, so the schema cannot grow a constraint this check silently skips. With `strict`, an object may
// only hold keys its schema lists under "properties": every key to_json writes must be documented.
class SchemaCheck {
 public:
  SchemaCheck(const Json& root, bool strict) : root_(root), strict_(strict) {}
  std::vector<std::string> errors;

  // Checks v; with record == false (an "if" probe) the errors found are not kept.
  bool valid(const Json& v, const Json& schema, const std::string& where, bool record = true) {
    std::vector<std::string> outer;
    outer.swap(errors);
    const bool strict = strict_;
    if (!record) strict_ = false;  // an "if" schema lists only the keys it tests
    check(v, schema, where);
    strict_ = strict;
    const bool ok = errors.empty();
    if (record) outer.insert(outer.end(), errors.begin(), errors.end());
    errors.swap(outer);
    return ok;
  }

 private:
  void fail(const std::string& where, const std::string& what) { errors.push_back(where + ": " + what); }

  static bool equal(const Json& x, const Json& y) {
    if (x.type != y.type) return false;
    switch (x.type) {
      case Json::null: return true;
      case Json::boolean: return x.b == y.b;
      case Json::number: return x.n == y.n;
      case Json::string: return x.s == y.s;
      default: return false;
    }
  }

  static bool has_type(const Json& v, const std::string& t) {
    if (t == "object") return v.type == Json::object;
    if (t == "array") return v.type == Json::array;
    if (t == "string") return v.type == Json::string;
    if (t == "boolean") return v.type == Json::boolean;
    if (t == "integer") return v.type == Json::number && v.integral;
    if (t == "number") return v.type == Json::number;
    if (t == "null") return v.type == Json::null;
    return false;
  }

  static std::size_t code_points(const std::string& s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
  }

  void check(const Json& v, const Json& schema, const std::string& where) {
    static const std::set<std::string> ignored = {"$schema", "$id", "title", "description", "$defs"};
    const Json* props = schema.get("properties");
    for (const auto& [kw, arg] : schema.o) {
      if (ignored.count(kw) || kw == "then") continue;
      if (kw == "$ref") {
        const std::string prefix = "#/$defs/";
        if (arg.s.rfind(prefix, 0) != 0) return fail(where, "unsupported $ref " + arg.s);
        const Json* target = root_.get("$defs") ? root_.get("$defs")->get(arg.s.substr(prefix.size())) : nullptr;
        if (!target) return fail(where, "dangling $ref " + arg.s);
        check(v, *target, where);
      } else if (kw == "type") {
        if (!has_type(v, arg.s)) fail(where, "not of type " + arg.s);
      } else if (kw == "const") {
        if (!equal(v, arg)) fail(where, "not the const value");
      } else if (kw == "required") {
        if (v.type != Json::object) continue;
        for (const Json& k : arg.a)
          if (!v.get(k.s)) fail(where, "missing key " + k.s);
      } else if (kw == "properties") {
        if (v.type != Json::object) continue;
        for (const auto& [k, sub] : arg.o)
          if (const Json* x = v.get(k)) check(*x, sub, where + "." + k);
      } else if (kw == "items") {
        if (v.type != Json::array) continue;
        for (std::size_t i = 0; i < v.a.size(); ++i) check(v.a[i], arg, where + "[" + std::to_string(i) + "]");
      } else if (kw == "minItems") {
        if (v.type == Json::array && v.a.size() < arg.n) fail(where, "too few items");
      } else if (kw == "minimum") {
        if (v.type == Json::number && v.n < arg.n) fail(where, "below minimum");
      } else if (kw == "maximum") {
        if (v.type == Json::number && v.n > arg.n) fail(where, "above maximum");
      } else if (kw == "minLength") {
        if (v.type == Json::string && code_points(v.s) < arg.n) fail(where, "too short");
      } else if (kw == "allOf") {
        for (const Json& sub : arg.a) check(v, sub, where);
      } else if (kw == "if") {
        const Json* then = schema.get("then");
        if (!then) return fail(where, "if without then");
        if (valid(v, arg, where, false)) check(v, *then, where);
      } else {
        fail(where, "keyword not supported by this check: " + kw);
      }
    }
    // Strict: keys must be listed, by this schema or by the branch an if/then picked for this value.
    if (strict_ && v.type == Json::object && props && !schema.get("allOf")) {
      for (const auto& [k, x] : v.o)
        if (!props->get(k)) fail(where, "undocumented key " + k);
    }
  }

  const Json& root_;
  bool strict_;
};

Json parse_or_die(std::string_view text) {
  Json j;
  JsonReader r(text);
  EXPECT_TRUE(r.parse(&j)) << "not valid JSON: " << text.substr(0, 300);
  return j;
}

// An article that exercises every key of the schema.
Article every_key_article() {
  Article a = doc_example();
  a.blocks.push_back(list(true, {"x"}));
  a.blocks.push_back(quote("Q \"uoted\"", {link(0, 1, "q")}));
  a.blocks.push_back(heading(3, "H"));
  a.blocks.back().spans.push_back(link(0, 1, "h"));
  a.blocks.push_back(para("bad \xff\x01 bytes"));
  a.truncated = true;
  a.comments.push_back(para("A comment", {link(2, 9, "c")}));
  a.comments.push_back(figure("f.png", "alt", ""));
  a.modified = "2024-03-15";
  a.sources.modified = "meta";
  a.quotes.push_back({"The rules will change again next spring", "Jo Roe", 2, "she"});
  return a;
}

TEST(OutputJson, AResolvedSpeakerKeepsTheWordsTheTextUsed) {
  const std::string json = to_json(every_key_article());
  EXPECT_NE(json.find("{\"text\":\"We will keep the terraces open until ten\",\"speaker\":\"Ana Lima\",\"block\":1}"),
            std::string::npos) << json;
  EXPECT_NE(json.find("\"speaker\":\"Jo Roe\",\"speaker_as_written\":\"she\",\"block\":2}"), std::string::npos)
      << json;
}

TEST(OutputJsonSchema, SchemaFileParses) {
  const std::string schema_text = read_file(docs_path("lede-1.schema.json"));
  ASSERT_FALSE(schema_text.empty()) << "cannot read " << docs_path("lede-1.schema.json");
  const Json schema = parse_or_die(schema_text);
  ASSERT_EQ(schema.type, Json::object);
  ASSERT_NE(schema.get("properties"), nullptr);
  EXPECT_EQ(schema.get("properties")->get("schema")->get("const")->s, kJsonSchemaVersion);
}

TEST(OutputJsonSchema, RenderedDocumentsValidate) {
  const Json schema = parse_or_die(read_file(docs_path("lede-1.schema.json")));
  for (const Article& a : {Article{}, doc_example(), every_key_article()}) {
    const std::string json = to_json(a);
    const Json doc = parse_or_die(json);
    SchemaCheck check(schema, /*strict=*/true);
    check.valid(doc, schema, "$");
    EXPECT_TRUE(check.errors.empty()) << json << "\n" << ::testing::PrintToString(check.errors);
  }
}

TEST(OutputJsonSchema, BrokenDocumentsFail) {
  const Json schema = parse_or_die(read_file(docs_path("lede-1.schema.json")));
  const std::string good = to_json(every_key_article());
  const std::vector<std::pair<std::string, std::string>> breakages = {
      {"\"schema\":\"lede/1\"", "\"schema\":\"lede/2\""},
      {"\"level\":2", "\"level\":7"},
      {"\"truncated\":true", "\"truncated\":1"},
      {"\"ordered\":false", "\"ordered\":\"no\""},
      {"\"header_rows\":1", "\"header_rows\":-1"},
      {"\"start\":4", "\"start\":4.5"},
      {"\"type\":\"code\",\"language\":\"python\",\"text\"", "\"type\":\"code\",\"language\":\"python\",\"txt\""},
      {"\"url\":", "\"link\":"},
  };
  for (const auto& [from, to] : breakages) {
    std::string bad = good;
    const std::size_t at = bad.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    bad.replace(at, from.size(), to);
    SchemaCheck check(schema, /*strict=*/false);
    EXPECT_FALSE(check.valid(parse_or_die(bad), schema, "$")) << "schema accepts: " << to;
  }
  // Strict mode catches a key the schema does not document; plain mode lets it through (additive change).
  std::string extra = good;
  extra.insert(extra.find("\"level\":2") + 9, ",\"extra\":1");
  SchemaCheck lax(schema, false), strict(schema, true);
  EXPECT_TRUE(lax.valid(parse_or_die(extra), schema, "$"));
  EXPECT_FALSE(strict.valid(parse_or_die(extra), schema, "$"));
}

// Random Articles made of awkward bytes and random spans: every renderer gives valid UTF-8, the JSON parses,
// holds to_text() as "text", and every link's offsets select its text.
TEST(OutputJson, RandomArticlesGiveValidOutput) {
  std::uint32_t seed = 12345;
  auto rnd = [&](std::uint32_t n) {
    seed = seed * 1664525u + 1013904223u;
    return n ? (seed >> 8) % n : 0;
  };
  const std::vector<std::string> pieces = {"a", " ", "\n", "\"", "\\", std::string(1, '\0'), "\x01", "\x7f", "\t",
                                           "\r", "\u00e9", "\xf0\x9f\x98\x80", "\xff", "\xc3", "\xe2\x82", "*",
                                           "_", "`", "[", "]", "(", "#", "1.", "- ", "|", "<b>", "&amp;", "\u2028"};
  auto text = [&](std::uint32_t max) {
    std::string s;
    for (std::uint32_t i = rnd(max + 1); i > 0; --i) s += pieces[rnd(static_cast<std::uint32_t>(pieces.size()))];
    return s;
  };
  for (int round = 0; round < 300; ++round) {
    Article a;
    a.title = text(4);
    for (std::uint32_t n = rnd(6); n > 0; --n) {
      Block b;
      b.kind = static_cast<BlockKind>(rnd(7));
      b.text = text(12);
      b.level = static_cast<int>(rnd(9)) - 1;
      b.ordered = rnd(2);
      for (std::uint32_t i = rnd(4); i > 0; --i) {
        b.items.push_back(text(4));
        b.item_depths.push_back(static_cast<int>(rnd(5)) - 1);
      }
      for (std::uint32_t r = rnd(3); r > 0; --r) {
        b.rows.emplace_back();
        for (std::uint32_t c = rnd(4); c > 0; --c) b.rows.back().push_back(text(3));
      }
      b.header_rows = static_cast<int>(rnd(4)) - 1;
      b.language = text(2);
      b.src = text(3);
      b.alt = text(3);
      b.caption = text(3);
      b.credit = text(2);
      const auto len = static_cast<std::uint32_t>(b.text.size());
      for (std::uint32_t i = rnd(5); i > 0; --i)
        b.spans.push_back(Span{static_cast<SpanKind>(rnd(4)), rnd(len + 3), rnd(len + 4), text(2)});
      (rnd(4) ? a.blocks : a.comments).push_back(std::move(b));
    }
    const std::string t = to_text(a);
    ASSERT_TRUE(valid_utf8(t)) << round;
    ASSERT_TRUE(t.empty() || (t.back() == '\n' && t.front() != '\n' && t.find("\n\n\n") == std::string::npos));
    for (bool links : {false, true})
      for (bool images : {false, true}) ASSERT_TRUE(valid_utf8(md(a, links, images))) << round;
    const std::string json = to_json(a);
    ASSERT_TRUE(valid_utf8(json)) << round;
    ASSERT_EQ(json.find('\n'), std::string::npos);
    Json doc;
    JsonReader reader(json);
    ASSERT_TRUE(reader.parse(&doc)) << json;
    ASSERT_NE(doc.get("text"), nullptr);
    // "text" is to_text() with stray bytes replaced, which to_text() has already done.
    EXPECT_EQ(doc.get("text")->s, t);
    for (const char* list : {"blocks", "comments"}) {
      const Json* blocks = doc.get(list);
      if (!blocks) continue;
      for (const Json& block : blocks->a) {
        const Json* links = block.get("links");
        if (!links) continue;
        std::vector<std::string> cps;  // the block's text split into code points
        const std::string& bt = block.get("text")->s;
        for (std::size_t i = 0; i < bt.size(); ++i) {
          if ((static_cast<unsigned char>(bt[i]) & 0xC0) != 0x80) cps.emplace_back();
          cps.back().push_back(bt[i]);
        }
        for (const Json& l : links->a) {
          const auto start = static_cast<std::size_t>(l.get("start")->n), end = static_cast<std::size_t>(l.get("end")->n);
          ASSERT_LT(start, end);
          ASSERT_LE(end, cps.size());
          std::string sub;
          for (std::size_t k = start; k < end; ++k) sub += cps[k];
          EXPECT_EQ(sub, l.get("text")->s);
        }
      }
    }
  }
}

TEST(OutputJsonSchema, DocsExampleMatchesOutput) {
  const std::string doc = read_file(docs_path("json-schema.md"));
  ASSERT_FALSE(doc.empty());
  const std::string open = "```json\n";
  const std::size_t b = doc.find(open);
  ASSERT_NE(b, std::string::npos);
  const std::size_t e = doc.find("\n```", b + open.size());
  ASSERT_NE(e, std::string::npos);
  // The example is wrapped for reading: a real newline and the indentation after it are not in the output.
  std::string example;
  const std::string wrapped = doc.substr(b + open.size(), e - b - open.size());
  for (std::size_t i = 0; i < wrapped.size(); ++i) {
    if (wrapped[i] == '\n') {
      while (i + 1 < wrapped.size() && wrapped[i + 1] == ' ') ++i;
      continue;
    }
    example.push_back(wrapped[i]);
  }
  EXPECT_EQ(to_json(doc_example()), example);
}

}  // namespace
}  // namespace lede
