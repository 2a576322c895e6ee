// Marking rules: tags that never hold content, hidden elements, ARIA roles and class/id vocabulary.
// One forward pass (parents come before children in the arena), no allocation per node.
#include "clean/clean.h"

#include <string_view>

namespace lede::clean {
namespace {

using parse::Dom;
using parse::NodeId;
using parse::Tag;

// `text` equals the lower-case ASCII word `lower`, whatever its case.
bool equals_ci(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

// Inline styles that hide an element, read declaration by declaration: "display: none" hides,
// "--footer-display: none" (a custom property) does not.
bool style_hides(std::string_view style) {
  auto trim = [](std::string_view v) {
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t' || v.front() == '\n')) v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\n')) v.remove_suffix(1);
    return v;
  };
  constexpr std::string_view kImportant = "!important";
  while (!style.empty()) {
    std::size_t end = style.find(';');
    std::string_view declaration = style.substr(0, end);
    style = end == std::string_view::npos ? std::string_view() : style.substr(end + 1);
    std::size_t colon = declaration.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view property = trim(declaration.substr(0, colon));
    std::string_view value = trim(declaration.substr(colon + 1));
    if (value.size() >= kImportant.size() && equals_ci(value.substr(value.size() - kImportant.size()), kImportant))
      value = trim(value.substr(0, value.size() - kImportant.size()));
    if ((equals_ci(property, "display") && equals_ci(value, "none")) ||
        (equals_ci(property, "visibility") && equals_ci(value, "hidden")))
      return true;
  }
  return false;
}

MarkSet role_marks(std::string_view role) {
  if (role == "navigation" || role == "menu" || role == "menubar" || role == "search" ||
      role == "banner" || role == "contentinfo" || role == "complementary")
    return kSemantic;
  if (role == "dialog" || role == "alertdialog" || role == "tooltip") return kChrome;
  return 0;
}

MarkSet name_marks(const Dom& dom, NodeId id, bool* caption_block) {
  Hint hint = classify_names(dom.attr(id, "class")) | classify_names(dom.attr(id, "id"));
  MarkSet m = 0;
  if (has(hint, Hint::hidden)) m |= kHiddenName;
  bool content = has(hint, Hint::content);
  // A formula is content whatever its renderer calls it: MathJax's "MathJax CtxtMenu_Attached_0" container
  // is no menu.
  const bool formula = has(hint, Hint::chrome) && contains_ci(dom.attr(id, "class"), "mathjax");
  // A paragraph is prose by its tag: a chrome word in its class is at most weak evidence.
  if (has(hint, Hint::chrome) && dom.node(id).tag == Tag::p) hint = hint | Hint::weak_chrome;
  // A chrome word beside a content word ("contentNav", "content-menu") is mixed evidence: a page part that
  // may hold prose, believed only where its text is not prose (a review site's reviews in "contentNav").
  else if (has(hint, Hint::chrome) && !formula) m |= content ? kWeakChrome : kChrome;
  // Code is content whatever its highlighter calls it ("language-tsx", "lang-go").
  Tag tag = dom.node(id).tag;
  bool code = tag == Tag::pre || tag == Tag::code || formula;
  // A <figure> and its <figcaption> are handled as a figure whatever their class says ("caption").
  bool figure = tag == Tag::figure || tag == Tag::figcaption;
  if (has(hint, Hint::weak_chrome) && !content && !code && !figure) m |= kWeakChrome;
  // A caption-named line of text is a caption (left out of the text like <figcaption>); a caption-named
  // block is one too unless it holds the image ("wp-caption": the whole figure), decided after the walk.
  bool line = tag == Tag::p || tag == Tag::span || tag == Tag::small || tag == Tag::em || tag == Tag::i ||
              tag == Tag::cite;
  if (has(hint, Hint::caption) && !figure) {
    if (line) m |= kWeakChrome;
    else *caption_block = true;
  }
  if (has(hint, Hint::comments)) m |= kComments;
  if (has(hint, Hint::related)) m |= kRelated;
  if (content) m |= kContentName;
  if (has(hint, Hint::body) || dom.attr(id, "itemprop") == "articleBody") m |= kBodyName;
  return m;
}

// Containers that HTML4-style parsing can leave open around the rest of the page (an unclosed <button>, a
// self-closed <iframe/>): marked, so the score stage can disbelieve them, instead of dropped.
bool swallows_when_unclosed(Tag tag) {
  switch (tag) {
    case Tag::button: case Tag::noscript: case Tag::dialog: case Tag::object:
    case Tag::output: case Tag::iframe: case Tag::video: case Tag::audio: case Tag::canvas:
    case Tag::select: case Tag::textarea: case Tag::map: case Tag::noembed: case Tag::noframes:
    case Tag::progress: case Tag::slot:
      return true;
    default:
      return false;
  }
}

bool never_hidden(Tag tag) {
  return tag == Tag::img || tag == Tag::picture || tag == Tag::figure || tag == Tag::html ||
         tag == Tag::body || tag == Tag::main || tag == Tag::article;
}

// "modal-open" on <html> or <body>: the page was saved with a dialog open over it (an article opened from a
// stream), so what the dialog holds is what the reader saw.
bool says_modal_open(const Dom& dom, NodeId id) {
  std::string_view names = dom.attr(id, "class");
  for (std::size_t at = names.find("modal-open"); at != std::string_view::npos; at = names.find("modal-open", at + 1)) {
    bool starts = at == 0 || names[at - 1] == ' ';
    bool ends = at + 10 == names.size() || names[at + 10] == ' ';
    if (starts && ends) return true;
  }
  return false;
}

// A dialog over a page saved with it open is a page part that may hold the article: weak chrome, believed
// only where its text is not prose.
MarkSet open_dialog_marks(const Dom& dom, NodeId id, MarkSet own) {
  if (!(own & kChrome)) return own;
  bool dialog = contains_ci(dom.attr(id, "class"), "modal") || contains_ci(dom.attr(id, "id"), "modal") ||
                dom.attr(id, "role") == "dialog";
  if (!dialog) return own;
  return static_cast<MarkSet>((own & ~kChrome) | kWeakChrome);
}

}  // namespace

bool contains_ci(std::string_view haystack, std::string_view needle) {
  if (needle.size() > haystack.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    std::size_t j = 0;
    while (j < needle.size()) {
      char c = haystack[i + j];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != needle[j]) break;
      ++j;
    }
    if (j == needle.size()) return true;
  }
  return false;
}

bool is_formula_script(const Dom& dom, NodeId id) {
  return dom.node(id).tag == Tag::script && dom.attr(id, "type").starts_with("math/tex");
}

void mark(const Dom& dom, Marks* marks) {
  const std::size_t n = dom.size();
  bool modal_open = false;
  marks->own.assign(n, 0);
  marks->dropped.assign(n, 0);
  std::vector<NodeId> caption_blocks;
  for (NodeId id = 1; id < n; ++id) {
    const parse::Node& node = dom.node(id);
    if (marks->dropped[node.parent]) {
      marks->dropped[id] = kDropped;
      continue;
    }
    if (node.tag == Tag::text) continue;
    bool drop = parse::is_never_content(node.tag) && !is_formula_script(dom, id);
    MarkSet own = 0;
    // Controls and fallbacks that HTML4-style parsing can leave open around the rest of the page.
    if (drop && swallows_when_unclosed(node.tag)) {
      drop = false;
      own |= kChrome;
    }
    if (!drop && node.attr_count > 0) {
      // An inline style that hides is the author's last word; the hidden attribute is often lifted by
      // a script (streamed server rendering), so it only marks. A hidden tracking <iframe> that the
      // parser left open around the page only marks too.
      std::string_view style = dom.attr(id, "style");
      bool style_hidden = !style.empty() && style_hides(style) && !never_hidden(node.tag);
      if (style_hidden && !swallows_when_unclosed(node.tag)) drop = true;
      bool hidden = style_hidden || dom.has_attr(id, "hidden") || dom.attr(id, "aria-hidden") == "true";
      own |= role_marks(dom.attr(id, "role"));
      bool caption_block = false;
      own |= name_marks(dom, id, &caption_block);
      if (caption_block) caption_blocks.push_back(id);
      // Images are often hidden until lazy-loaded, and whole pages are hidden until a script shows
      // them: hiding never marks those.
      if (hidden && !never_hidden(node.tag)) own |= kHidden;
    }
    if (node.tag == Tag::nav || node.tag == Tag::footer || node.tag == Tag::aside || node.tag == Tag::menu)
      own |= kSemantic;
    if (node.tag == Tag::form && contains_ci(dom.attr(id, "class"), "search")) drop = true;
    // A form in a page is a sign-up, log-in, comment or newsletter form; a page wrapped whole in one
    // (ASP.NET) keeps it, since the mark yields to the majority of the prose.
    if (node.tag == Tag::form) own |= kChrome;
    if ((node.tag == Tag::html || node.tag == Tag::body) && says_modal_open(dom, id)) modal_open = true;
    if (modal_open) own = open_dialog_marks(dom, id, own);
    marks->own[id] = own;
    if (drop) marks->dropped[id] = kDropped;
  }
  if (caption_blocks.empty()) return;
  // Children follow their parents in the arena: a backward pass tells which elements hold an image.
  std::vector<std::uint8_t> has_image(n, 0);
  for (NodeId id = static_cast<NodeId>(n - 1); id > 0; --id) {
    Tag tag = dom.node(id).tag;
    if (tag == Tag::img || tag == Tag::picture) has_image[id] = 1;
    if (has_image[id]) has_image[dom.node(id).parent] = 1;
  }
  for (NodeId id : caption_blocks) {
    if (!has_image[id]) marks->own[id] |= kWeakChrome;
  }
}

}  // namespace lede::clean
