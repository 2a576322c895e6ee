// parse: UTF-8 HTML -> Dom, through libxml2's HTML parser in SAX mode (no libxml2 tree is built).
// See docs/parser-choice.md for why libxml2. Must not judge content: it only stores what the page says,
// dropping the bodies of scripts and styles (except JSON-LD, which the metadata stage reads).
#pragma once

#include <cstddef>
#include <string_view>

#include "parse/dom.h"

namespace lede::parse {

struct ParseLimits {
  std::size_t max_nodes = 2'000'000;  // further elements are not created; their text goes to the parent
  std::size_t max_depth = 512;        // deeper elements are flattened into the deepest allowed one
};

struct ParseResult {
  bool truncated = false;  // a limit was hit
};

// Parses `utf8` (must be valid UTF-8) into *dom (cleared first). Never fails: any byte string gives a tree.
ParseResult parse_html(std::string_view utf8, const ParseLimits& limits, Dom* dom);

}  // namespace lede::parse
