// The HTML parser (src/parse): small pages and the tree they must give — implied elements, character
// references, raw text, comments, malformed tags and attributes, and the limits.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "parse/html_parser.h"

namespace {

using lede::parse::Dom;
using lede::parse::kNoNode;
using lede::parse::NodeId;
using lede::parse::ParseLimits;
using lede::parse::ParseResult;
using lede::parse::Tag;

// The tree as one line: elements as name[attr=value ...](children), text in quotes.
void write(const Dom& dom, NodeId id, std::string* out) {
  for (NodeId child = dom.node(id).first_child; child != kNoNode; child = dom.node(child).next_sibling) {
    if (dom.node(child).tag == Tag::text) {
      *out += '"';
      out->append(dom.text(child));
      *out += '"';
      continue;
    }
    out->append(dom.name(child));
    if (dom.node(child).attr_count != 0) {
      *out += '[';
      for (const auto* a = dom.attrs_begin(child); a != dom.attrs_end(child); ++a) {
        if (a != dom.attrs_begin(child)) *out += ' ';
        out->append(dom.attr_name(*a));
        *out += '=';
        out->append(dom.attr_value(*a));
      }
      *out += ']';
    }
    *out += '(';
    write(dom, child, out);
    *out += ')';
  }
}

std::string tree(std::string_view html, const ParseLimits& limits = {}, ParseResult* result = nullptr) {
  Dom dom;
  ParseResult r = lede::parse::parse_html(html, limits, &dom);
  if (result) *result = r;
  std::string out;
  write(dom, dom.root(), &out);
  return out;
}

// The body's content only, for pages where html/head/body are not the point.
std::string body(std::string_view html) {
  std::string all = tree(html);
  std::size_t at = all.find("body(");
  if (at == std::string::npos) return "no body: " + all;
  return all.substr(at + 5, all.size() - at - 7);  // without "body(" and the closing "))"
}

TEST(Parse, TextAsLinesBreaksAtBlocksOnly) {
  Dom dom;
  lede::parse::parse_html("<div id=x><p>Luke Kim</p><small>December 17, 2025</small>Jo<b>h</b>n<br>Doe"
                          "<ul><li>a</li><li>b</li></ul></div>",
                          {}, &dom);
  NodeId div = lede::parse::kNoNode;
  for (NodeId id = 0; id < dom.size(); ++id)
    if (dom.node(id).tag == lede::parse::Tag::div) div = id;
  ASSERT_NE(div, lede::parse::kNoNode);
  std::string plain, lines;
  dom.append_text(div, &plain);
  dom.append_text_as_lines(div, &lines);
  EXPECT_EQ(plain, "Luke KimDecember 17, 2025JohnDoeab");
  // Blocks and <br> break; inline elements ("Jo<b>h</b>n", "<small>…</small>Jo") do not.
  std::string folded;
  for (char c : lines)
    if (c != ' ' || (!folded.empty() && folded.back() != ' ')) folded.push_back(c);
  while (!folded.empty() && folded.back() == ' ') folded.pop_back();
  EXPECT_EQ(folded, "Luke Kim December 17, 2025John Doe a b");
}

TEST(Parse, EveryTagNameIsFoundAndNothingElse) {
  for (int i = 2; i < static_cast<int>(Tag::count_); ++i) {
    auto tag = static_cast<Tag>(i);
    EXPECT_EQ(lede::parse::tag_from_name(lede::parse::tag_name(tag)), tag) << lede::parse::tag_name(tag);
  }
  for (std::string_view name : {"", "x", "divx", "dib", "template_", "Div", "blockquotes", "h7", "#text"})
    EXPECT_EQ(lede::parse::tag_from_name(name), Tag::unknown) << name;
}

// ---- Implied elements and the head.

TEST(Parse, ImpliesHtmlHeadAndBody) {
  EXPECT_EQ(tree("<title>T</title><p>x"), "html(head(title(\"T\"))body(p(\"x\")))");
  EXPECT_EQ(tree("text"), "html(body(\"text\"))");
  EXPECT_EQ(tree("<!DOCTYPE html>\n<html lang=en>\n<head>\n<meta charset=utf-8>\n</head>\n<body class=a>\n<p>x</p>"),
            "html[lang=en](head(meta[charset=utf-8]())body[class=a](\"\n\"p(\"x\")))");
  EXPECT_EQ(tree(""), "");
  EXPECT_EQ(tree("  \n "), "");
}

TEST(Parse, HeadElementsAfterTheHeadGoBackIntoIt) {
  EXPECT_EQ(tree("<head></head><link rel=x><p>y"), "html(head(link[rel=x]())body(p(\"y\")))");
}

TEST(Parse, ContentInTheHeadOpensTheBody) {
  EXPECT_EQ(tree("<head><title>T</title><div>x</div><meta name=a></head><p>y"),
            "html(head(title(\"T\"))body(div(\"x\")meta[name=a]()p(\"y\")))");
  EXPECT_EQ(tree("<head><noscript><img src=a></noscript></head><body class=b><p>y"),
            "html(head(noscript())body[class=b](img[src=a]()p(\"y\")))");
}

TEST(Parse, LaterHtmlAndBodyTagsAddTheirAttributes) {
  EXPECT_EQ(tree("<p>x<body class=modal-open id=b><html lang=de><body class=other>"),
            "html[lang=de](body[class=modal-open id=b](p(\"x\")))");
}

// ---- Implied end tags.

TEST(Parse, ParagraphsCloseAtBlocks) {
  EXPECT_EQ(body("<p>one<p>two<div>block</div>three</p>"), "p(\"one\")p(\"two\")div(\"block\")\"three\"p()");
  EXPECT_EQ(body("<p>lead<article><section>s</section></article>tail"),
            "p(\"lead\")article(section(\"s\"))\"tail\"");
  EXPECT_EQ(body("<p><b>bold<ul><li>x</ul>"), "p(b(\"bold\"))ul(li(\"x\"))");
}

TEST(Parse, ListItemsAndDefinitions) {
  EXPECT_EQ(body("<ul><li>a<li>b<ul><li>c</ul><li>d</ul>"), "ul(li(\"a\")li(\"b\"ul(li(\"c\")))li(\"d\"))");
  EXPECT_EQ(body("<dl><dt>t<dd>d<dt>u</dl>"), "dl(dt(\"t\")dd(\"d\")dt(\"u\"))");
  EXPECT_EQ(body("<select><option>a<option>b<optgroup><option>c</select>"),
            "select(option(\"a\")option(\"b\")optgroup(option(\"c\")))");
}

TEST(Parse, Tables) {
  EXPECT_EQ(body("<table><tr><td>a<td>b<tr><th>c</table>after"),
            "table(tr(td(\"a\")td(\"b\"))tr(th(\"c\")))\"after\"");
  EXPECT_EQ(body("<table><thead><tr><td>h<tbody><tr><td>b</table>"),
            "table(thead(tr(td(\"h\")))tbody(tr(td(\"b\"))))");
  EXPECT_EQ(body("<table><tr><td><table><tr><td>in</table>out</td></tr></table>"),
            "table(tr(td(table(tr(td(\"in\")))\"out\")))");
  // A cell's end tag closes what is open inside it.
  EXPECT_EQ(body("<table><tr><td><div>a</td><td>b</table>"), "table(tr(td(div(\"a\"))td(\"b\")))");
}

TEST(Parse, HeadingsAndRuby) {
  EXPECT_EQ(body("<h1>a<h2>b</h2>c"), "h1(\"a\")h2(\"b\")\"c\"");
  EXPECT_EQ(body("<h3><p>lead</p></h3>"), "h3()p(\"lead\")");
  EXPECT_EQ(body("<ruby>a<rt>b<rp>(<rt>c</ruby>"), "ruby(\"a\"rt(\"b\")rp(\"(\")rt(\"c\"))");
}

TEST(Parse, EndTagsCloseOnlyWhatIsInScope) {
  EXPECT_EQ(body("<button><div>Menu</button><p>text"), "button(div(\"Menu\"))p(\"text\")");
  EXPECT_EQ(body("</div><p>a</span>b</p></p>c"), "p(\"ab\")p()\"c\"");  // a stray </p> is an empty p
  EXPECT_EQ(body("<div><b>x</div>y"), "div(b(\"x\"))\"y\"");
  // An inline end tag does not close a block opened inside it.
  EXPECT_EQ(body("<b><div>x</b>y</div>z"), "b(div(\"xy\")\"z\")");
  EXPECT_EQ(body("<a href=1>one<a href=2>two"), "a[href=1](\"one\")a[href=2](\"two\")");
  EXPECT_EQ(body("<x-card><p>a</p></x-card>b"), "x-card(p(\"a\"))\"b\"");
  EXPECT_EQ(body("a</br>b"), "\"a\"br()\"b\"");
}

TEST(Parse, VoidAndSelfClosingElements) {
  EXPECT_EQ(body("<img src=a>x<br/>y<hr>"), "img[src=a]()\"x\"br()\"y\"hr()");
  EXPECT_EQ(body("<div/>in</div>out"), "div(\"in\")\"out\"");
  EXPECT_EQ(body("<svg><path d=m/><circle r=1 /><g></g></svg>t"), "svg(path[d=m/](circle[r=1]()g()))\"t\"");
  EXPECT_EQ(body("<svg><circle r=1 /><g></g></svg>t"), "svg(circle[r=1]()g())\"t\"");
  EXPECT_EQ(body("<p>x<noscript><iframe src=x /></noscript><p>after"), "p(\"x\"noscript(iframe[src=x]()))p(\"after\")");
  EXPECT_EQ(body("<image src=a>"), "img[src=a]()");
}

// ---- Text: references, raw text, comments.

TEST(Parse, NamedAndNumericReferences) {
  EXPECT_EQ(body("&amp;&lt;&gt;&quot;&nbsp;&eacute;&NotEqualTilde;&fjlig;"),
            "\"&<>\"\xC2\xA0\xC3\xA9\xE2\x89\x82\xCC\xB8" "fj\"");
  EXPECT_EQ(body("&#65;&#x42;&#X43;&#128;&#x9F;&#0;&#xD800;&#x110000;&#99999999999;&#x81;"),
            "\"ABC\xE2\x82\xAC\xC5\xB8\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xC2\x81\"");
  EXPECT_EQ(body("&amp &copy2 &notit; &bogus; & &# &#x; &"), "\"& \xC2\xA9" "2 \xC2\xACit; &bogus; & &# &#x; &\"");
}

TEST(Parse, AttributeValuesKeepLegacyNamesBeforeLettersAndEquals) {
  EXPECT_EQ(body("<a href=\"?a=1&copy=2&amp;b&copy;&not\">x</a>"), "a[href=?a=1&copy=2&b\xC2\xA9\xC2\xAC](\"x\")");
  EXPECT_EQ(body("<a title='&lt;b&gt;' data-x=&quot;y>x</a>"), "a[title=<b> data-x=\"y](\"x\")");
}

TEST(Parse, RawTextElements) {
  EXPECT_EQ(tree("<title>a <b> &amp; c</title>"), "html(head(title(\"a <b> & c\")))");
  EXPECT_EQ(body("<textarea><p>x</textarea>"), "textarea(\"<p>x\")");
  EXPECT_EQ(body("x<script>if (a < b) document.write('<div>');</script>y"), "\"x\"script()\"y\"");
  EXPECT_EQ(body("x<style>p{}</STYLE >y"), "\"x\"style()\"y\"");
  EXPECT_EQ(tree("<script type=application/ld+json>{\"a\":\"</scripts>\"}</script>"),
            "html(head(script[type=application/ld+json](\"{\"a\":\"</scripts>\"}\")))");
  EXPECT_EQ(body("<xmp><b>&amp;</xmp>"), "xmp(\"<b>&amp;\")");
  EXPECT_EQ(body("<plaintext><p>x</plaintext>"), "plaintext(\"<p>x</plaintext>\")");
  EXPECT_EQ(body("x<script>never closed <p>y"), "\"x\"script()");
}

TEST(Parse, CommentsAndOtherMarkupAreSkipped) {
  EXPECT_EQ(body("a<!-- <p>x</p> -->b<!---->c<!-->d<!--->e<!-- x --!>f"), "\"abcdef\"");
  EXPECT_EQ(body("a<![CDATA[x]]>b<?php echo 1 ?>c</ x>d<!x>e</>f"), "\"abcdef\"");
  EXPECT_EQ(body("a<!-- never closed <p>x"), "\"a\"");
  EXPECT_EQ(body("a < b <3 c<"), "\"a < b <3 c<\"");
}

TEST(Parse, LineBreaksAndNul) {
  EXPECT_EQ(body("a\r\nb\rc"), "\"a\nb\nc\"");
  EXPECT_EQ(body(std::string_view("a\0b<p title='x\0'>", 17)), "\"ab\"p[title=x\xEF\xBF\xBD]()");
}

// ---- Malformed tags and attributes.

TEST(Parse, MalformedAttributes) {
  EXPECT_EQ(body("<DIV CLASS=A id = 'b' hidden data-x=\"1\"title=t>x</div>"),
            "div[class=A id=b hidden= data-x=1 title=t](\"x\")");
  EXPECT_EQ(body("<div class=a class=b CLASS=c>x</div>"), "div[class=a](\"x\")");
  EXPECT_EQ(body("<div a=1 / b=2 =c>x</div>"), "div[a=1 b=2 =c=](\"x\")");
  EXPECT_EQ(body("<div\nclass=\"a\nb\">x</div>"), "div[class=a\nb](\"x\")");
  EXPECT_EQ(body("<p>a<div class=\"never closed"), "p(\"a\")");
  EXPECT_EQ(body("<p>a<div"), "p(\"a\")");
}

TEST(Parse, ManyAttributesAreCutAtTheLimit) {
  std::string tag = "<div";
  for (int i = 0; i < 50; ++i) tag += " a" + std::to_string(i) + "=" + std::to_string(i) + " a0=dup";
  ParseLimits limits;
  limits.max_attributes = 20;
  ParseResult result;
  Dom dom;
  result = lede::parse::parse_html(tag + ">x</div>", limits, &dom);
  EXPECT_TRUE(result.truncated);
  NodeId div = kNoNode;
  for (NodeId id = 0; id < dom.size(); ++id) {
    if (dom.node(id).tag == Tag::div) div = id;
  }
  ASSERT_NE(div, kNoNode);
  EXPECT_EQ(dom.node(div).attr_count, 20u);
  EXPECT_EQ(dom.attr(div, "a0"), "0");
  EXPECT_EQ(dom.attr(div, "a19"), "19");
  limits.max_attributes = 1000;
  result = lede::parse::parse_html(tag + ">x</div>", limits, &dom);
  EXPECT_FALSE(result.truncated);
}

// ---- Limits.

TEST(Parse, DeepNestingIsFlattenedBelowMaxDepth) {
  std::string html;
  for (int i = 0; i < 100; ++i) html += "<div>";
  html += "deep";
  for (int i = 0; i < 100; ++i) html += "</div>";
  html += "after";
  ParseLimits limits;
  limits.max_depth = 10;
  ParseResult result;
  std::string t = tree(html, limits, &result);
  EXPECT_TRUE(result.truncated);
  // html, body and 8 divs are created; the text of the deeper ones goes to the 8th.
  std::string expected = "html(body(";
  for (int i = 0; i < 8; ++i) expected += "div(";
  expected += "\"deep\"";
  for (int i = 0; i < 8; ++i) expected += ")";
  expected += "\"after\"))";
  EXPECT_EQ(t, expected);
}

TEST(Parse, MaxNodesStopsCreatingElements) {
  ParseLimits limits;
  limits.max_nodes = 6;  // the document, html, body, p, its text and one more
  ParseResult result;
  EXPECT_EQ(tree("<p>a<p>b<p>c<p>d", limits, &result), "html(body(p(\"a\")p(\"b\")\"cd\"))");
  EXPECT_TRUE(result.truncated);
}

TEST(Parse, TheDeadlineStopsTheParser) {
  std::string html;
  for (int i = 0; i < 100'000; ++i) html += "<p>x</p>";
  ParseLimits limits;
  limits.deadline = std::chrono::steady_clock::now();
  ParseResult result;
  tree(html, limits, &result);
  EXPECT_TRUE(result.out_of_time);
  EXPECT_TRUE(result.truncated);
}

// React's streamed server rendering (parse/streamed.h): each hidden segment goes where its placeholder
// stands, as the page's scripts would have moved it.
TEST(Parse, StreamedSegmentsMoveToTheirPlaceholders) {
  // A boundary completed by a script naming another number, a deferred segment found by its own number, and
  // the placeholder's fallback kept.
  EXPECT_EQ(body("<main><p>one</p><template id=\"B:0\"></template><i>Loading</i><p>three</p>"
                 "<template id=\"P:1\"></template></main><footer>f</footer>"
                 "<div hidden id=\"S:2\"><p>two</p></div><script>$RC(\"B:0\",\"S:2\")</script>"
                 "<div hidden id=\"S:1\"><p>four</p></div><script>$RS(\"S:1\",\"P:1\")</script>"),
            "main(p(\"one\")p(\"two\")i(\"Loading\")p(\"three\")p(\"four\"))footer(\"f\")script()script()");
  // The first script defines the function before calling it; single quotes; a segment that holds the
  // placeholder of another, completed later.
  EXPECT_EQ(body("<div><template id=\"B:0\"></template></div>"
                 "<div hidden id=\"S:0\"><h2>Part</h2><template id=\"B:1\"></template></div>"
                 "<script>$RC=function(b,c,e){c=document.getElementById(c)};$RC('B:0','S:0')</script>"
                 "<div hidden id=\"S:1\"><p>later</p></div><script>$RC(\"B:1\", \"S:1\")</script>"),
            "div(h2(\"Part\")p(\"later\"))script()script()");
  // React's external runtime writes the move as a template's data attributes.
  EXPECT_EQ(body("<p>a</p><template id=\"B:3\"></template><p>c</p>"
                 "<div hidden id=\"S:4\"><p>b</p></div><template data-rci=\"\" data-bid=\"B:3\" data-sid=\"S:4\"></template>"),
            "p(\"a\")p(\"b\")p(\"c\")template[data-rci= data-bid=B:3 data-sid=S:4]()");
}

TEST(Parse, StreamedSegmentsPlacedPastTheDepthLimitAreFlattened) {
  // A segment inside a segment: placed, its elements would stand deeper than max_depth allows.
  ParseLimits limits;
  limits.max_depth = 6;  // html, body, div, b, i, u
  EXPECT_EQ(tree("<div><template id=\"P:0\"></template></div><div hidden id=\"S:0\"><b><i><template id=\"P:1\">"
                 "</template></i></b></div><div hidden id=\"S:1\"><u><s>deep</s></u></div>", limits),
            "html(body(div(b(i(u(\"deep\"))))))");
}

TEST(Parse, AStreamedSegmentWithNowhereToGoStaysWhereItIs) {
  // No script says which segment completes the boundary: nothing is guessed.
  EXPECT_EQ(body("<p>a</p><template id=\"B:0\"></template><div hidden id=\"S:0\"><p>x</p></div>"),
            "p(\"a\")template[id=B:0]()div[hidden= id=S:0](p(\"x\"))");
  // A segment whose placeholder stands inside itself would be lost: the page keeps its order.
  EXPECT_EQ(body("<div hidden id=\"S:1\"><p>x</p><template id=\"P:1\"></template></div>"),
            "div[hidden= id=S:1](p(\"x\")template[id=P:1]())");
  // A segment is hidden, and its id ends in hexadecimal digits.
  EXPECT_EQ(body("<p>a</p><template id=\"P:1\"></template><div id=\"S:1\"><p>x</p></div>"
                 "<template id=\"P:1x\"></template><div hidden id=\"S:1x\"><p>y</p></div>"),
            "p(\"a\")template[id=P:1]()div[id=S:1](p(\"x\"))template[id=P:1x]()div[hidden= id=S:1x](p(\"y\"))");
}

}  // namespace
