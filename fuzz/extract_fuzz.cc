// Fuzz target: the whole pipeline (decode, parse, clean, score, assemble, metadata) through lede::extract,
// then all three renderers. Options come from the input's tail, small limits included, so the truncation
// paths run too. Properties: every rendering is valid UTF-8 and the JSON is well-formed JSON.
#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <string>

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
  std::string json = lede::to_json(article);
  lede::fuzz::require_utf8("JSON rendering", json);
  static simdjson::dom::parser parser;
  simdjson::dom::element root;
  lede::fuzz::require(!parser.parse(json).get(root), "the JSON rendering parses");
  return 0;
}
