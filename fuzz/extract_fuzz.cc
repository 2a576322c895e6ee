// Fuzz target: the whole pipeline (decode, parse, clean, score, assemble, metadata) through lede::extract,
// then all four renderers. Options come from the input's tail, small limits included, so the truncation
// paths run too. Properties: every rendering is valid UTF-8, the JSON is well-formed JSON, and the HTML holds
// no tag but its renderer's own and no link or image but a web address.
#include <simdjson.h>

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "lede/extract.h"
#include "lede/render.h"

namespace {

constexpr const char* kUrls[] = {"", "https://example.com/news/2024/story.html", "http://a/b?c#d", "not a url",
                                 "https://пример.рф/статья", "//cdn.example.org/x"};
constexpr const char* kDates[] = {"", "2024-03-14", "2024-03-14T12:30+03:00", "1999-12-31", "garbage"};

void check_all_field_text(const lede::Article& article) {
  using lede::fuzz::require_utf8;
  require_utf8("title", article.title);
  for (const lede::Block& block : article.blocks) {
    require_utf8("block text", block.text);
    for (const std::string& item : block.items) require_utf8("list item", item);
    for (const auto& row : block.rows) {
      for (const std::string& cell : row) require_utf8("table cell", cell);
    }
    for (const lede::Span& span : block.spans) {
      lede::fuzz::require(span.begin <= span.end && span.end <= block.text.size(), "spans lie inside the text");
    }
  }
}

}  // namespace

// Every '<' of the HTML rendering opens or closes one of the renderer's own tags: the page's text and
// attributes were escaped, so no markup of the page, and every link and image points to http(s).
static void require_own_markup(const std::string& html) {
  static constexpr std::string_view kTags[] = {
      "!DOCTYPE", "html", "head", "meta", "title", "link", "body", "article", "header", "h1", "h2", "h3", "h4",
      "h5", "h6", "p", "br", "span", "a", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "table",
      "thead", "tbody", "tr", "th", "td", "figure", "img", "figcaption", "small", "time", "aside"};
  for (std::size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1)) {
    const std::size_t close = html.find('>', at);
    lede::fuzz::require(close != std::string::npos, "every tag of the HTML rendering is closed");
    const std::string_view tag = std::string_view(html).substr(at + 1, close - at - 1);
    const std::size_t name = tag.starts_with('/') ? 1 : 0;
    const std::size_t space = tag.find(' ');
    const std::string_view tag_name = tag.substr(name, space == std::string_view::npos ? space : space - name);
    bool known = false;
    for (std::string_view t : kTags) known |= tag_name == t;
    lede::fuzz::require(known, "every tag of the HTML rendering is the renderer's own");
    // Its attributes, name="value" (a value holds no '"': the renderer escapes it): links and images are web
    // addresses. (Text may say href=" as it likes: it is escaped text.)
    for (std::size_t i = tag_name.size() + name; i < tag.size();) {
      while (i < tag.size() && tag[i] == ' ') ++i;
      const std::size_t eq = tag.find('=', i);
      if (eq == std::string_view::npos) break;
      const std::string_view attribute = tag.substr(i, eq - i);
      lede::fuzz::require(eq + 1 < tag.size() && tag[eq + 1] == '"',
                          "attribute values of the HTML rendering are quoted");
      const std::size_t end_quote = tag.find('"', eq + 2);
      lede::fuzz::require(end_quote != std::string_view::npos, "attribute values of the HTML rendering are closed");
      if (attribute == "href" || attribute == "src") {
        std::string url(tag.substr(eq + 2, std::min<std::size_t>(8, end_quote - eq - 2)));
        for (char& c : url) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        const bool web = url.starts_with("http://") || url.starts_with("https://");
        if (!web)
          std::fprintf(stderr, "fuzz: tag <%.*s>\n", static_cast<int>(std::min<std::size_t>(tag.size(), 300)),
                       tag.data());
        lede::fuzz::require(web, "links and images of the HTML rendering are web addresses");
      }
      i = end_quote + 1;
    }
  }
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  static lede::Extractor extractor;  // reused across inputs, as a crawl reuses one a thread
  FuzzedDataProvider data(bytes, size);
  lede::Options options;
  auto flags = data.ConsumeIntegral<std::uint8_t>();
  options.include_comments = flags & 1;
  options.include_links = !(flags & 2);
  options.include_images = !(flags & 4);
  options.include_metadata = !(flags & 8);
  if (flags & 16) {
    options.max_nodes = data.ConsumeIntegralInRange<std::size_t>(0, 200);
    options.max_depth = data.ConsumeIntegralInRange<std::size_t>(0, 40);
  }
  if (flags & 32) options.content_type = lede::fuzz::pick_content_type(data);
  if (flags & 64) options.charset = lede::fuzz::pick_label(data);
  options.url = kUrls[data.ConsumeIntegralInRange<std::size_t>(0, std::size(kUrls) - 1)];
  options.reference_date = kDates[data.ConsumeIntegralInRange<std::size_t>(0, std::size(kDates) - 1)];
  std::string page = data.ConsumeRemainingBytesAsString();

  lede::Article article;
  lede::Status status = extractor.extract(page, options, &article);
  if (!status.ok()) return 0;
  check_all_field_text(article);

  lede::fuzz::require_utf8("text rendering", lede::to_text(article));
  lede::RenderOptions render;
  render.links = flags & 1;
  render.images = flags & 2;
  lede::fuzz::require_utf8("Markdown rendering", lede::to_markdown(article, render));
  render.fragment = flags & 128;
  const std::string html = lede::to_html(article, render);
  lede::fuzz::require_utf8("HTML rendering", html);
  require_own_markup(html);
  std::string json = lede::to_json(article);
  lede::fuzz::require_utf8("JSON rendering", json);
  static simdjson::dom::parser parser;
  simdjson::dom::element root;
  lede::fuzz::require(!parser.parse(json).get(root), "the JSON rendering parses");
  return 0;
}
