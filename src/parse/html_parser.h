// parse: UTF-8 HTML -> Dom, through lede's own HTML5 tokenizer (tokenizer.h) and a simplified tree builder
// (tree_builder.cc); docs/parser-choice.md says why and what is simplified. Must not judge content: it only
// stores what the page says, dropping the bodies of scripts and styles (except JSON-LD, which the metadata
// stage reads).
#pragma once

#include <chrono>
#include <cstddef>
#include <string_view>

#include "parse/dom.h"

namespace lede::parse {

struct ParseLimits {
  std::size_t max_nodes = 2'000'000;  // further elements are not created; their text goes to the parent
  std::size_t max_depth = 512;        // deeper elements are flattened into the deepest allowed one
  // A start tag keeps this many distinct attributes; the tokenizer reads the rest and drops them (no page
  // needs a thousand on one element, and each kept one is checked against the others for duplicates).
  std::size_t max_attributes = 1000;
  // The parser stops here, keeping the tree built so far (docs/robustness.md). The clock is read every
  // 64 tokens, and no token costs more than its length, so the stop comes within milliseconds.
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
};

struct ParseResult {
  bool truncated = false;    // a limit was hit
  bool out_of_time = false;  // the deadline stopped the parser (truncated is set too)
};

// Parses `utf8` (must be valid UTF-8) into *dom (cleared first). Never fails: any byte string gives a tree.
ParseResult parse_html(std::string_view utf8, const ParseLimits& limits, Dom* dom);

}  // namespace lede::parse
