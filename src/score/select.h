// score: weighs every text block of the page (length, link density, sentence shape, the clean stage's
// marks) and selects the element whose subtree holds the most content net of chrome. It decides which
// marks to believe; it does not build output.
#pragma once

#include <cstdint>
#include <vector>

#include "clean/clean.h"
#include "parse/dom.h"

namespace lede::score {

// What the selected content is: a story, the cards of a listing (a section front, a shop's category, a blog's
// index), or a discussion whose comments are the content (a forum thread, a guestbook).
enum class Shape : std::uint8_t { story, listing, discussion };

struct Selection {
  parse::NodeId root = parse::kNoNode;  // the main content's container (kNoNode: the page has no text)
  Shape shape = Shape::story;
  // Per node: the clean marks that were believed (inherited down the tree), kDropped included. Children
  // of the root's branch left out of the content (a rail beside the article's paragraphs) carry kChrome.
  std::vector<clean::MarkSet> zone;
  // Per node: 1 when it or an ancestor is named hidden, believed or not — a responsive variant that may
  // repeat text shown elsewhere.
  std::vector<std::uint8_t> variant;
  // Per node: visible non-space code points below it, and those inside links.
  std::vector<std::uint32_t> chars;
  std::vector<std::uint32_t> link_chars;
  // No element outweighs its chrome (a link aggregator's front page, a directory, a stub): the content is
  // the page's text as it stands, its link text included.
  bool links_are_content = false;
};

void select_content(const parse::Dom& dom, const clean::Marks& marks, Selection* selection);

// The last resort when the selected content assembles to nothing (a notice whose root was taken for the
// copyright line beside it): the page's <body> becomes the root, the zones select_content gave left as they
// are, so chrome, hidden and dropped parts still stay out. False when the page has no <body> to read.
bool select_whole_page(const parse::Dom& dom, Selection* selection);

}  // namespace lede::score
