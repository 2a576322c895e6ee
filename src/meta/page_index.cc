// The metadata collectors' one walk over the page (collect.h, PageIndex): the elements each of them reads,
// found once instead of by a walk of every node per collector. Finds; never reads values or judges.
#include <string_view>

#include "clean/clean.h"
#include "meta/collect.h"

namespace lede::meta {

using parse::Dom;
using parse::NodeId;
using parse::Tag;

void index_page(const Dom& dom, PageIndex* index) {
  index->declarations.clear();
  index->json_ld.clear();
  index->microdata.clear();
  index->author_links.clear();
  const std::size_t n = dom.size();
  for (NodeId id = 1; id < n; ++id) {
    const parse::Node& node = dom.node(id);
    switch (node.tag) {
      case Tag::text: continue;
      case Tag::html:
      case Tag::meta:
      case Tag::link:
      case Tag::title:
      case Tag::h1: index->declarations.push_back(id); break;
      case Tag::script:
        if (node.first_child != parse::kNoNode && dom.attr(id, "type").find("ld+json") != std::string_view::npos)
          index->json_ld.push_back(id);
        break;
      default: break;
    }
    if (node.attr_count == 0) continue;
    bool microdata = false;
    for (const parse::Attr* a = dom.attrs_begin(id); a != dom.attrs_end(id); ++a) {
      const std::string_view name = dom.attr_name(*a);
      microdata |= name == "itemscope" || name == "itemprop" || name == "property";
      if (node.tag == Tag::a && name == "rel" && clean::contains_ci(dom.attr_value(*a), "author")) index->author_links.push_back(id);
    }
    if (microdata) index->microdata.push_back(id);
  }
}

}  // namespace lede::meta
