// Fuzz target: the HTML parser alone (src/parse), with small limits chosen from the input's tail. The page
// is made valid UTF-8 first (the decode stage guarantees that much). Properties: the Dom's links are one
// consistent tree in document order, no element holds more attributes than the limit or sits deeper than
// max_depth, elements stop at max_nodes, and every text, name and attribute is valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "parse/html_parser.h"

namespace {

using lede::fuzz::require;
using lede::parse::Dom;
using lede::parse::kNoNode;
using lede::parse::NodeId;
using lede::parse::Tag;

// Each invalid byte becomes '?', so the parser sees what decode would hand it.
std::string valid_utf8(std::string bytes) {
  std::size_t from = 0;
  for (;;) {
    std::size_t bad = lede::fuzz::first_invalid_utf8(std::string_view(bytes).substr(from));
    if (bad == std::string_view::npos) return bytes;
    bytes[from + bad] = '?';
    from += bad + 1;
  }
}

void check(const Dom& dom, const lede::parse::ParseLimits& limits) {
  static std::vector<std::size_t> depth;
  depth.assign(dom.size(), 0);
  for (NodeId id = 0; id < dom.size(); ++id) {
    const auto& n = dom.node(id);
    if (id == 0) {
      require(n.parent == kNoNode, "the document has no parent");
    } else {
      require(n.parent < id, "a parent comes before its children");
      depth[id] = depth[n.parent] + 1;
    }
    if (n.tag != Tag::text && id != 0) require(id < limits.max_nodes, "elements stop at max_nodes");
    NodeId previous = kNoNode;
    std::size_t children = 0;
    for (NodeId child = n.first_child; child != kNoNode; child = dom.node(child).next_sibling) {
      require(child > id && child < dom.size(), "children follow their parent");
      require(dom.node(child).parent == id, "a child names its parent");
      require(dom.node(child).prev_sibling == previous, "siblings link both ways");
      require(previous == kNoNode || child > previous, "siblings in document order");
      previous = child;
      require(++children <= dom.size(), "no cycle among siblings");
    }
    require(n.last_child == previous, "last_child is the last sibling");
    if (n.tag == Tag::text) {
      require(n.first_child == kNoNode, "text has no children");
      lede::fuzz::require_utf8("text", dom.text(id));
      continue;
    }
    lede::fuzz::require_utf8("element name", dom.name(id));
    require(n.attr_count <= limits.max_attributes, "no element over max_attributes");
    for (const auto* a = dom.attrs_begin(id); a != dom.attrs_end(id); ++a) {
      lede::fuzz::require_utf8("attribute name", dom.attr_name(*a));
      lede::fuzz::require_utf8("attribute value", dom.attr_value(*a));
    }
    require(depth[id] <= limits.max_depth, "no element deeper than max_depth");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  static Dom dom;  // reused across inputs, as the extractor reuses one
  FuzzedDataProvider data(bytes, size);
  lede::parse::ParseLimits limits;
  auto flags = data.ConsumeIntegral<std::uint8_t>();
  if (flags & 1) limits.max_attributes = data.ConsumeIntegralInRange<std::size_t>(0, 8);
  if (flags & 2) limits.max_depth = data.ConsumeIntegralInRange<std::size_t>(0, 40);
  if (flags & 4) limits.max_nodes = data.ConsumeIntegralInRange<std::size_t>(0, 300);
  std::string page = valid_utf8(data.ConsumeRemainingBytesAsString());
  lede::parse::parse_html(page, limits, &dom);
  check(dom, limits);
  return 0;
}
