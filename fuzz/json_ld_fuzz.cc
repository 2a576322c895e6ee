// Fuzz target: the JSON-LD reader (meta/collect.h) over any bytes placed as the text of one
// <script type="application/ld+json">, built straight into a Dom so no HTML parsing stands between the
// fuzzer and the JSON (and its repair of broken JSON). Property: no crash, and what it returns is UTF-8
// wherever the input was.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_util.h"
#include "meta/collect.h"
#include "parse/dom.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  static lede::meta::JsonLdReader reader;  // reused, as each Extractor reuses its own
  static lede::parse::Dom dom;
  static lede::meta::PageIndex index;
  std::string_view json(reinterpret_cast<const char*>(bytes), size);

  dom.clear();
  lede::parse::NodeId html = dom.add_element(dom.root(), lede::parse::Tag::html, "");
  lede::parse::NodeId head = dom.add_element(html, lede::parse::Tag::head, "");
  lede::parse::NodeId script = dom.add_element(head, lede::parse::Tag::script, "");
  dom.add_attr(script, "type", "application/ld+json");
  dom.add_text(script, json);

  lede::meta::Declared declared;
  lede::meta::index_page(dom, &index);
  reader.read(dom, index, &declared);
  if (lede::fuzz::first_invalid_utf8(json) == std::string_view::npos) {
    lede::fuzz::require_utf8("title", declared.title);
    lede::fuzz::require_utf8("description", declared.description);
    for (const auto& author : declared.authors) lede::fuzz::require_utf8("author", author);
  }
  return 0;
}
