// parse: UTF-8 HTML -> Dom, through libxml2's HTML parser in SAX mode (no libxml2 tree is built).
// See docs/parser-choice.md for why libxml2. Must not judge content: it only stores what the page says,
// dropping the bodies of scripts and styles (except JSON-LD, which the metadata stage reads).
#pragma once

#include <chrono>
#include <cstddef>
#include <string_view>

#include "parse/dom.h"

namespace lede::parse {

struct ParseLimits {
  std::size_t max_nodes = 2'000'000;  // further elements are not created; their text goes to the parent
  std::size_t max_depth = 512;        // deeper elements are flattened into the deepest allowed one
  // A start tag with more attributes is ended after this many (attribute_guard.h): libxml2's cost is
  // quadratic in a tag's attributes, and no page needs a thousand on one element.
  std::size_t max_attributes = 1000;
  // The parser stops here, keeping the tree built so far (docs/robustness.md). The clock is read every
  // 16 parser events (elements, text runs, recovered errors), so the stop comes within
  // milliseconds of the deadline.
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
};

struct ParseResult {
  bool truncated = false;    // a limit was hit
  bool out_of_time = false;  // the deadline stopped the parser (truncated is set too)
};

// Parses `utf8` (must be valid UTF-8) into *dom (cleared first). Never fails: any byte string gives a tree.
ParseResult parse_html(std::string_view utf8, const ParseLimits& limits, Dom* dom);

}  // namespace lede::parse
