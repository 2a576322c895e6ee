// score: weighs every text block of the page (length, link density, sentence shape, the clean stage's
// marks) and selects the element whose subtree holds the most content net of chrome. It decides which
// marks to believe; it does not build output.
#pragma once

#include <cstdint>
#include <vector>

#include "clean/clean.h"
#include "parse/dom.h"

namespace lede::score {

struct Selection {
  parse::NodeId root = parse::kNoNode;  // the main content's container (kNoNode: the page has no text)
  // Per node: the clean marks that were believed (inherited down the tree), kDropped included.
  std::vector<std::uint8_t> zone;
  // Per node: visible non-space code points below it, and those inside links.
  std::vector<std::uint32_t> chars;
  std::vector<std::uint32_t> link_chars;
};

void select_content(const parse::Dom& dom, const clean::Marks& marks, Selection* selection);

}  // namespace lede::score
