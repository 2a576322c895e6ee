// Fuzz target: the attribute guard (parse/attribute_guard.h) against libxml2 itself. The page is parsed
// with a tiny attribute limit; the property is that libxml2 then delivers no element with more attributes
// than the limit. A failure means the guard read the markup differently from libxml2's tokenizer, which an
// attacker could use to get a million-attribute tag past it.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "decode/decode.h"
#include "fuzz_util.h"
#include "parse/html_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  static lede::parse::Dom dom;
  FuzzedDataProvider data(bytes, size);
  lede::parse::ParseLimits limits;
  limits.max_attributes = data.ConsumeIntegralInRange<std::size_t>(1, 6);
  limits.max_depth = 1u << 30;
  limits.max_nodes = 1u << 30;
  std::string page = data.ConsumeRemainingBytesAsString();
  // The parser takes valid UTF-8 only, as extract() gives it.
  lede::decode::Decoded utf8 = lede::decode::to_utf8(page, "", "utf-8");

  lede::parse::parse_html(utf8.utf8, limits, &dom);
  for (lede::parse::NodeId id = 0; id < dom.size(); ++id) {
    if (dom.node(id).attr_count <= limits.max_attributes) continue;
    std::fprintf(stderr, "fuzz: element %u <%.*s> has %u attributes, over the guard's %zu\n", id,
                 static_cast<int>(dom.name(id).size()), dom.name(id).data(), dom.node(id).attr_count,
                 limits.max_attributes);
    std::abort();
  }
  return 0;
}
