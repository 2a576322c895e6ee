// clean: drops what is never content (scripts, styles, embeds, form fields) and marks what the page says
// about each element: hidden, chrome, comments, related rails, body. It marks; it never deletes and never
// measures text — the score stage weighs the marks against the text, so a mark on the element that holds
// the article (a streamed page's hidden div, a mis-nested <button>) can be disbelieved.
#pragma once

#include <cstdint>
#include <vector>

#include "clean/vocabulary.h"
#include "parse/dom.h"

namespace lede::clean {

using MarkSet = std::uint16_t;

enum Mark : MarkSet {
  kDropped = 1,    // never content: this node and everything below it
  kChrome = 2,     // named as chrome: share bars, ads, prompts, menus (believed unless it holds the article)
  kComments = 4,   // a comment section
  kRelated = 8,    // a related / read-also rail or insert
  kContentName = 16,  // named as the article body
  kSemantic = 32,  // <nav>, <footer>, <aside>, or a navigation/banner/contentinfo role
  kHidden = 64,    // the hidden attribute or aria-hidden: believed unless it holds the article
  kWeakChrome = 128,  // named like a page part that may hold prose (header, footer, widget, byline):
                      // believed only when its text is not prose
  kBodyName = 512,    // named as the story's body ("article-body", "entry-content", itemprop=articleBody)
  kHiddenName = 256,  // a class that hides it ("hidden", "invisible", "sr-only"): responsive variants and
                      // animations hide prose this way too, so it is believed only when its text is not prose
};

struct Marks {
  // One entry per Dom node: the node's own marks (not inherited; see below).
  std::vector<MarkSet> own;
  // One entry per Dom node: kDropped when the node or an ancestor is dropped.
  std::vector<std::uint8_t> dropped;
};

void mark(const parse::Dom& dom, Marks* marks);

// `haystack` holds the lower-case ASCII `needle`, ASCII letters compared in any case ("Author" in
// "nofollow Author"). Read by the metadata stage too.
bool contains_ci(std::string_view haystack, std::string_view needle);

// A formula left for the browser to render (MathJax's <script type="math/tex">): the one script that is
// content, its TeX read by the assemble stage.
bool is_formula_script(const parse::Dom& dom, parse::NodeId id);

}  // namespace lede::clean
