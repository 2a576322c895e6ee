// Body blocks from the selected container: a walk in document order that turns elements into typed
// blocks and inline runs into paragraphs, dropping what the selection zoned out and the block-level chrome
// (link lists, chrome phrases, the headline repeated).
#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "assemble/assemble.h"
#include "assemble/caption.h"
#include "assemble/compare.h"
#include "assemble/inline_text.h"
#include "assemble/math.h"
#include "assemble/url.h"
#include "clean/vocabulary.h"
#include "score/text_stats.h"

namespace lede::assemble {
namespace {

using parse::Dom;
using parse::kNoNode;
using parse::NodeId;
using parse::Tag;

constexpr clean::MarkSet kZoneMarks = clean::kDropped | clean::kChrome | clean::kComments | clean::kRelated |
                                      clean::kSemantic | clean::kHidden | clean::kWeakChrome | clean::kHiddenName;

// A table's cells placed as a browser lays them out: a cell spanning columns is followed by empty cells, and
// one spanning rows leaves an empty cell in the rows below, so that every column lines up in the rows.
class SpanGrid {
 public:
  static constexpr std::size_t kMaxSpan = 32;
  // Empty cells a table may gain in all; past it spans are ignored (a colspan on every cell of a big table).
  static constexpr std::size_t kMaxAdded = 10'000;

  void place(std::string text, std::size_t colspan, std::size_t rowspan, std::vector<std::string>* cells) {
    fill_covered(cells);
    if (added_ >= kMaxAdded) colspan = rowspan = 1;
    const std::size_t col = cells->size();
    cells->push_back(std::move(text));
    cells->resize(col + colspan);
    if (below_.size() < col + colspan) below_.resize(col + colspan, 0);
    for (std::size_t k = 0; k < colspan; ++k) below_[col + k] = rowspan - 1;
    added_ += colspan - 1 + (rowspan - 1) * colspan;
  }

  // The columns after the row's last cell that a cell above still covers.
  void end_row(std::vector<std::string>* cells) {
    for (std::size_t c = cells->size(); c < below_.size(); ++c) {
      if (below_[c] == 0) continue;
      cells->resize(c + 1);
      --below_[c];
    }
  }

 private:
  void fill_covered(std::vector<std::string>* cells) {
    while (cells->size() < below_.size() && below_[cells->size()] > 0) {
      --below_[cells->size()];
      cells->emplace_back();
    }
  }

  std::vector<std::size_t> below_;  // per column: rows below still covered by a cell above
  std::size_t added_ = 0;
};

// A calendar widget (a blog's month with its posts' days linked): most of its cells are days of a month,
// "1" to "31", and it is no part of a story.
bool is_calendar(const std::vector<std::vector<std::string>>& rows) {
  constexpr std::size_t kMinDays = 20;
  std::size_t days = 0, filled = 0;
  for (const auto& row : rows) {
    for (const std::string& cell : row) {
      if (cell.empty()) continue;
      ++filled;
      const bool one = cell.size() == 1 && cell[0] >= '1' && cell[0] <= '9';
      const bool two = cell.size() == 2 && cell[0] >= '1' && cell[0] <= '3' && cell[1] >= '0' && cell[1] <= '9' &&
                       (cell[0] != '3' || cell[1] <= '1');
      if (one || two) ++days;
    }
  }
  return days >= kMinDays && days * 10 >= filled * 7;
}

class Builder {
 public:
  Builder(const Dom& dom, const score::Selection& sel, const Options& options, Article* article)
      : dom_(dom), sel_(sel), options_(options), article_(article), title_key_(comparable(article->title)) {}

  void body(NodeId root) {
    out_ = &article_->blocks;
    // A root that is a table, or a table's body, stays a table (data, or layout read cell by cell), not rows
    // read as paragraphs; a root list whose items hold no blocks stays a list. (A list of blocks or a <pre>
    // is read as text: old pages wrap whole articles in them.)
    const Tag root_tag = dom_.node(root).tag;
    if (root_tag == Tag::table || root_tag == Tag::tbody || root_tag == Tag::thead || root_tag == Tag::tfoot) {
      table(root);
    } else if ((root_tag == Tag::ul || root_tag == Tag::ol || root_tag == Tag::dl) && items_hold_no_blocks(root)) {
      list(root);
    } else if (parse::is_block(root_tag) || root_tag == Tag::unknown) {
      container(root);
    } else {
      element(root);
    }
    flush_paragraph();
    // The author's box at the story's end: its heading ("About the author", "この記事を書いた人") among the
    // last blocks, and what follows it (the name, the desk, a bio as paragraphs or a list).
    constexpr std::size_t kAuthorBoxBlocks = 6;
    if (author_box_at_ != SIZE_MAX && out_->size() - author_box_at_ <= kAuthorBoxBlocks) out_->resize(author_box_at_);
    // A heading that ends the body introduces nothing: its section was a rail the rules left out
    // ("Related topics", "What to read next", "Sources").
    while (!out_->empty() && out_->back().kind == BlockKind::heading) out_->pop_back();
  }

  void comments() {
    out_ = &article_->comments;
    for (NodeId id = 1; id < dom_.size(); ++id) {
      // The outermost elements marked as comments that nothing dropped.
      if (!(sel_.zone[id] & clean::kComments) || (sel_.zone[id] & clean::kDropped)) continue;
      if (sel_.zone[dom_.node(id).parent] & clean::kComments) continue;
      skip_zone_ = false;
      container(id);
      flush_paragraph();
      skip_zone_ = true;
    }
  }

 private:
  bool zoned(NodeId id) const {
    clean::MarkSet zone = sel_.zone[id];
    if (zone & clean::kDropped) return true;
    return skip_zone_ && (zone & kZoneMarks);
  }

  // Share of the visible text below `id` inside in-page links (<a href="#...">).
  float anchor_density(NodeId id) const {
    std::uint32_t anchored = 0;
    count_anchor_chars(id, false, &anchored);
    std::uint32_t chars = sel_.chars[id];
    return chars ? static_cast<float>(anchored) / static_cast<float>(chars) : 0.f;
  }

  void count_anchor_chars(NodeId id, bool inside, std::uint32_t* anchored) const {
    for (NodeId c = dom_.node(id).first_child; c != kNoNode; c = dom_.node(c).next_sibling) {
      const parse::Node& node = dom_.node(c);
      if (node.tag == Tag::text) {
        if (inside) *anchored += sel_.chars[c];
        continue;
      }
      bool anchor = inside || (node.tag == Tag::a && dom_.attr(c, "href").starts_with("#"));
      count_anchor_chars(c, anchor, anchored);
    }
  }

  float link_density(NodeId id) const {
    std::uint32_t chars = sel_.chars[id];
    return chars ? static_cast<float>(sel_.link_chars[id]) / static_cast<float>(chars) : 0.f;
  }

  // Children of a block container: blocks dispatched, inline runs gathered into paragraphs.
  void container(NodeId id) {
    bool outer_variant = in_variant_;
    in_variant_ = sel_.variant[id];
    for (NodeId c = dom_.node(id).first_child; c != kNoNode; c = dom_.node(c).next_sibling) child(c);
    flush_paragraph();
    in_variant_ = outer_variant;
  }

  // One child of a container: blocks dispatched, inline content gathered into the pending paragraph.
  void child(NodeId c) {
    const parse::Node& node = dom_.node(c);
    if (zoned(c)) return;
    if (node.tag == Tag::text) {
      pending_.append(dom_.text(c));
    } else if (node.tag == Tag::br) {
      pending_.line_break();
    } else if (std::string tex = node.tag == Tag::img ? image_math_text(dom_, c) : std::string(); !tex.empty()) {
      append_formula(tex, &pending_);  // a formula set as an image reads as its TeX, in line
    } else if (parse::is_block(node.tag)) {
      flush_paragraph();
      element(c);
    } else if (has_block_descendant(c)) {
      // An inline element wrapping blocks (<a><div>..</div></a>, <span><p>..</p></span>): a container.
      flush_paragraph();
      container(c);
    } else {
      inline_content(c, &pending_);
    }
  }

  bool has_block_descendant(NodeId id) const {
    for (NodeId c = dom_.node(id).first_child; c != kNoNode; c = dom_.node(c).next_sibling) {
      Tag t = dom_.node(c).tag;
      if (t == Tag::text) continue;
      bool formula = t == Tag::img && !image_math_text(dom_, c).empty();  // reads in line
      if ((parse::is_block(t) && t != Tag::br && !formula) || has_block_descendant(c)) return true;
    }
    return false;
  }

  void element(NodeId id) {
    Tag tag = dom_.node(id).tag;
    switch (tag) {
      case Tag::h1: case Tag::h2: case Tag::h3: case Tag::h4: case Tag::h5: case Tag::h6:
        heading(id);
        return;
      case Tag::p:
        container(id);
        flush_paragraph();
        return;
      case Tag::ul: case Tag::ol: case Tag::menu: case Tag::dl:
        list(id);
        return;
      case Tag::blockquote:
        quote(id);
        return;
      case Tag::pre: case Tag::xmp:
        code(id);
        return;
      case Tag::table:
        table(id);
        return;
      case Tag::figure:
        figure(id);
        return;
      case Tag::img: case Tag::picture:
        image(id, {});
        return;
      case Tag::hr: case Tag::br:
        return;
      case Tag::article:
        if (another_story(id)) return;
        container(id);
        flush_paragraph();
        return;
      default:
        container(id);
        flush_paragraph();
    }
  }

  // An <article> after the story's own, beside it, with a headline of its own: the next story of a stream
  // saved with the page (infinite scroll), not part of this one.
  bool another_story(NodeId id) const {
    if (title_article_ == kNoNode || id == title_article_) return false;
    const NodeId end = dom_.subtree_end(id);
    if (title_article_ > id && title_article_ < end) return false;  // around the story's own
    if (id > title_article_ && id < dom_.subtree_end(title_article_)) return false;  // inside it: a card
    for (NodeId d = id + 1; d < end; ++d) {
      if (dom_.node(d).tag != Tag::h1) continue;
      std::string text;
      dom_.append_text(d, &text);
      const std::string key = comparable(text);
      if (!key.empty() && key != title_key_) return true;
    }
    return false;
  }

  // A formula's TeX ("$…$") as a math span, which renderers keep as it is.
  static void append_formula(const std::string& tex, InlineText* acc) {
    if (tex.empty()) return;
    std::size_t span = acc->open_span(SpanKind::math);
    acc->append(tex);
    acc->close_span(span);
  }

  // Inline content of `id` (and its descendants) into `acc`, with spans for links and emphasis.
  // A heading's permalink is not part of its text: an in-page link beside the heading's own words that
  // holds a sign ("#", "¶", "§", "🔗"), its own fragment ("#section2") or says what it is ("Permalink",
  // "Link to this heading"). A link back to the contents that holds the heading's words stays.
  void skip_permalinks(NodeId heading) {
    const NodeId end = dom_.subtree_end(heading);
    std::uint32_t skipped_chars = 0;
    for (NodeId d = heading + 1; d < end; ++d) {
      if (dom_.node(d).tag != Tag::a || !dom_.attr(d, "href").starts_with("#")) continue;
      if (sel_.chars[d] <= 2 || is_permalink_phrase(d)) {
        skipped_.push_back(d);
        skipped_chars += sel_.chars[d];
      }
      d = dom_.subtree_end(d) - 1;
    }
    if (skipped_chars >= sel_.chars[heading]) skipped_.clear();
  }

  bool is_permalink_phrase(NodeId a) const {
    if (sel_.chars[a] > 32) return false;
    std::string text;
    dom_.append_text(a, &text);
    std::string folded;
    for (char c : text) {
      if (c != ' ' && c != '\n' && c != '\t') folded.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
    }
    return folded.starts_with("#") || folded == "permalink" || folded == "linktothisheading" ||
           folded == "linktothissection" || folded == "anchor" || folded == "directlink";
  }

  void inline_content(NodeId id, InlineText* acc) {
    const parse::Node& node = dom_.node(id);
    if (zoned(id)) return;
    if (!skipped_.empty() && std::find(skipped_.begin(), skipped_.end(), id) != skipped_.end()) return;
    if (node.tag == Tag::text) {
      acc->append(dom_.text(id));
      return;
    }
    if (node.tag == Tag::br) {
      acc->line_break();
      return;
    }
    if (node.tag == Tag::img) {
      append_formula(image_math_text(dom_, id), acc);
      return;
    }
    if (node.tag == Tag::math) {
      append_formula(math_text(dom_, id), acc);
      return;
    }
    if (node.tag == Tag::script) {
      append_formula(script_math_text(dom_, id), acc);
      return;
    }
    if (std::string tex = attribute_math_text(dom_, id); !tex.empty()) {
      append_formula(tex, acc);
      return;
    }
    std::size_t span = SIZE_MAX;
    switch (node.tag) {
      case Tag::a:
        if (options_.include_links) {
          std::string href = resolve_url(options_.url, dom_.attr(id, "href"));
          if (!href.empty() && !href.starts_with("#")) span = acc->open_span(SpanKind::link, std::move(href));
        }
        break;
      case Tag::em: case Tag::i: span = acc->open_span(SpanKind::emphasis); break;
      case Tag::strong: case Tag::b: span = acc->open_span(SpanKind::strong); break;
      case Tag::code: case Tag::kbd: case Tag::samp: span = acc->open_span(SpanKind::code); break;
      default: break;
    }
    bool block = parse::is_block(node.tag);
    if (block) acc->line_break();
    for (NodeId c = node.first_child; c != kNoNode; c = dom_.node(c).next_sibling) inline_content(c, acc);
    if (block) acc->line_break();
    if (span != SIZE_MAX) acc->close_span(span);
  }

  // The pending inline text as paragraphs: one, or one a part where old pages separate paragraphs by a
  // blank line (<br><br>), so that the site's link list after the story in the same cell is judged apart.
  void flush_paragraph() {
    if (pending_.empty()) return;
    pending_.take_paragraphs(&parts_);
    for (InlineText::Part& part : parts_) {
      Block block;
      block.kind = BlockKind::paragraph;
      block.text = std::move(part.text);
      block.spans = std::move(part.spans);
      paragraph(std::move(block));
    }
  }

  void paragraph(Block block) {
    if (out_ == &article_->blocks && clean::introduces_author_box(block.text)) author_box_at_ = out_->size();
    if (block.text.empty() || is_chrome_text(block.text, block.spans)) return;
    // A credit line after a figure is that figure's credit; elsewhere it is not text either.
    if (clean::looks_like_credit(block.text)) {
      if (!out_->empty() && out_->back().kind == BlockKind::figure && out_->back().credit.empty())
        out_->back().credit = std::move(block.text);
      return;
    }
    if (!title_key_.empty() && has_comparable_key(block.text, title_key_)) return;
    if (repeated(block.text) && in_variant_) return;
    out_->push_back(std::move(block));
  }

  // A paragraph the body already has, word for word, inside an element named hidden: responsive layouts
  // ship the same text two or three times (one copy a screen size, all but one hidden by a class), and
  // lede cannot know which copy the reader's screen shows. Elsewhere a repeated paragraph is the author's.
  bool repeated(const std::string& text) {
    if (text.size() < 40) return false;
    return !seen_paragraphs_.insert(std::hash<std::string>{}(text)).second;
  }

  // Paragraph-level chrome: a known label, a "Read also:" lead-in, or mostly link text.
  bool is_chrome_text(const std::string& text, const std::vector<Span>& spans) const {
    if (clean::is_boilerplate_line(text)) return true;
    std::size_t linked = 0;
    for (const Span& s : spans) {
      if (s.kind == SpanKind::link) linked += s.end - s.begin;
    }
    return text.size() > 0 && linked * 10 > text.size() * 6 && !sel_.links_are_content;
  }

  void heading(NodeId id) {
    InlineText acc;
    skip_permalinks(id);
    inline_content(id, &acc);
    skipped_.clear();
    Block block;
    block.kind = BlockKind::heading;
    block.level = parse::heading_level(dom_.node(id).tag);
    acc.take(&block.text, &block.spans);
    if (!block.text.empty() && out_ == &article_->blocks && clean::introduces_author_box(block.text))
      author_box_at_ = out_->size();
    if (block.text.empty() || clean::is_chrome_phrase(block.text)) return;
    // The headline is the title, not body: an <h1> that is it, holds it, or is held by it.
    const std::string key = comparable(block.text);
    const std::string& title = title_key_;
    const bool is_title = (!key.empty() && key == title) ||
                          (block.level == 1 && !title.empty() && !key.empty() &&
                           (key.find(title) != std::string::npos || title.find(key) != std::string::npos));
    if (is_title) {
      // The story's own <article>, if its headline stands in one: another after it is another story.
      for (NodeId up = dom_.node(id).parent; title_article_ == kNoNode && up != kNoNode && up != 0;
           up = dom_.node(up).parent)
        if (dom_.node(up).tag == Tag::article) title_article_ = up;
      return;
    }
    out_->push_back(std::move(block));
  }

  void list(NodeId id) {
    if (link_density(id) > 0.6f && !sel_.links_are_content) return;  // a menu or a link rail inside the content
    if (anchor_density(id) > 0.6f) return;  // a table of contents: in-page links to the article's own parts
    Block block;
    block.kind = BlockKind::list;
    block.ordered = dom_.node(id).tag == Tag::ol;
    list_items(id, 0, &block);
    if (block.items.empty()) return;
    std::string text;
    for (std::size_t i = 0; i < block.items.size(); ++i) {
      if (i) text.push_back('\n');
      text.append(block.items[i]);
    }
    block.text = std::move(text);
    out_->push_back(std::move(block));
  }

  void list_items(NodeId list, int depth, Block* block) {
    for (NodeId c = dom_.node(list).first_child; c != kNoNode; c = dom_.node(c).next_sibling) {
      if (zoned(c)) continue;
      Tag t = dom_.node(c).tag;
      if (t == Tag::ul || t == Tag::ol) {
        list_items(c, depth + 1, block);
        continue;
      }
      if (t == Tag::text) continue;
      // An item's own text, then its nested lists as deeper items.
      InlineText acc;
      std::vector<NodeId> nested;
      for (NodeId g = dom_.node(c).first_child; g != kNoNode; g = dom_.node(g).next_sibling) {
        Tag gt = dom_.node(g).tag;
        if (gt == Tag::ul || gt == Tag::ol) {
          nested.push_back(g);
        } else {
          inline_content(g, &acc);
        }
      }
      std::string text;
      std::vector<Span> spans;
      acc.take(&text, &spans);
      if (!text.empty() && !clean::is_chrome_phrase(text)) {
        for (char& ch : text) {
          if (ch == '\n') ch = ' ';
        }
        block->items.push_back(std::move(text));
        block->item_depths.push_back(depth);
      }
      for (NodeId n : nested) list_items(n, depth + 1, block);
    }
  }

  void quote(NodeId id) {
    InlineText acc;
    inline_content(id, &acc);
    Block block;
    block.kind = BlockKind::quote;
    acc.take(&block.text, &block.spans);
    if (block.text.empty()) return;
    out_->push_back(std::move(block));
  }

  void code(NodeId id) {
    std::string raw;
    gutter_.clear();
    find_numbered_gutter(id);
    collect_verbatim(id, &raw);
    while (!raw.empty() && (raw.back() == '\n' || raw.back() == ' ')) raw.pop_back();
    std::size_t start = 0;
    while (start < raw.size() && raw[start] == '\n') ++start;
    if (start >= raw.size()) return;
    Block block;
    block.kind = BlockKind::code;
    block.text = raw.substr(start);
    block.language = code_language(id);
    out_->push_back(std::move(block));
  }

  void collect_verbatim(NodeId id, std::string* out) const {
    for (NodeId c = dom_.node(id).first_child; c != kNoNode; c = dom_.node(c).next_sibling) {
      if (sel_.zone[c] & clean::kDropped) continue;
      const parse::Node& node = dom_.node(c);
      if (node.tag != Tag::text && is_line_number(c)) continue;
      if (node.tag == Tag::text) {
        out->append(dom_.text(c));
      } else if (node.tag == Tag::br) {
        out->push_back('\n');
      } else {
        collect_verbatim(c, out);
        if (parse::is_block(node.tag) && !out->empty() && out->back() != '\n') out->push_back('\n');
      }
    }
  }

  // A code viewer's line numbers are not code: an element its highlighter names as one ("lineno", "lnt",
  // "linenumber", "line-numbers", "gutter"), one the reader cannot select (user-select: none: numbers and
  // prompts), or a number of the gutter find_numbered_gutter found.
  bool is_line_number(NodeId id) const {
    if (gutter_.count(id)) return true;
    if (unselectable(dom_.attr(id, "style"))) return true;
    std::string_view cls = dom_.attr(id, "class");
    if (cls.empty()) return false;
    static constexpr std::string_view kNames[] = {"lineno", "linenos", "linenumber", "linenumbers", "lnt", "ln",
                                                  "gutter", "linenodiv", "line-number", "line-numbers"};
    std::size_t i = 0;
    while (i < cls.size()) {
      std::size_t end = cls.find(' ', i);
      if (end == std::string_view::npos) end = cls.size();
      std::string_view word = cls.substr(i, end - i);
      for (std::string_view name : kNames) {
        // "lineno", or a name ending in "-lineno" ("hljs-ln", "react-syntax-highlighter-line-number").
        const bool suffix =
            word.size() > name.size() && word.ends_with(name) && word[word.size() - name.size() - 1] == '-';
        if (word == name || suffix) return true;
      }
      i = end + 1;
    }
    return false;
  }

  // "user-select: none" in an inline style, spaces anywhere in it, read in place.
  static bool unselectable(std::string_view style) {
    constexpr std::string_view kDeclaration = "user-select:none";
    for (std::size_t start = 0; start < style.size(); ++start) {
      std::size_t matched = 0;
      for (std::size_t i = start; i < style.size() && matched < kDeclaration.size(); ++i) {
        if (style[i] == ' ') continue;
        if (style[i] != kDeclaration[matched]) break;
        ++matched;
      }
      if (matched == kDeclaration.size()) return true;
    }
    return false;
  }

  // A gutter of numbers with no name: the first element of each line holds only the line's number, and
  // the numbers count up by one ("<div><span>1</span><div>import os</div></div><div><span>2</span>…").
  void find_numbered_gutter(NodeId code) {
    std::vector<NodeId> candidates;
    std::vector<long> numbers;
    const NodeId end = dom_.subtree_end(code);
    std::string text;
    for (NodeId id = code + 1; id < end; ++id) {
      const parse::Node& node = dom_.node(id);
      if (node.tag == Tag::text || node.first_child == kNoNode) continue;
      // The first child element of its parent, with no text before it.
      NodeId prev = node.prev_sibling;
      while (prev != kNoNode && dom_.node(prev).tag == Tag::text && fold_space(dom_.text(prev)).empty())
        prev = dom_.node(prev).prev_sibling;
      if (prev != kNoNode) continue;
      // More than six visible characters is no line number: read on without copying the subtree's text.
      if (sel_.chars[id] > 6) continue;
      text.clear();
      dom_.append_text(id, &text);
      std::string_view t = text;
      while (!t.empty() && (t.front() == ' ' || t.front() == '\n')) t.remove_prefix(1);
      while (!t.empty() && (t.back() == ' ' || t.back() == '\n')) t.remove_suffix(1);
      if (t.empty() || t.size() > 6 || !std::all_of(t.begin(), t.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
        continue;
      // Its line holds more than the number.
      std::string line;
      dom_.append_text(node.parent, &line);
      if (fold_space(line).size() <= t.size()) continue;
      candidates.push_back(id);
      numbers.push_back(std::stol(std::string(t)));
    }
    if (candidates.size() < 3) return;
    for (std::size_t i = 1; i < numbers.size(); ++i)
      if (numbers[i] != numbers[i - 1] + 1) return;
    gutter_.insert(candidates.begin(), candidates.end());
  }

  // "language-python" / "lang-js" on <pre> or its <code>.
  std::string code_language(NodeId id) const {
    auto from_class = [](std::string_view cls) -> std::string {
      for (std::string_view prefix : {"language-", "lang-"}) {
        std::size_t at = cls.find(prefix);
        if (at == std::string_view::npos) continue;
        std::size_t begin = at + prefix.size();
        std::size_t end = cls.find(' ', begin);
        return std::string(cls.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin));
      }
      return {};
    };
    std::string lang = from_class(dom_.attr(id, "class"));
    NodeId first = dom_.node(id).first_child;
    if (lang.empty() && first != kNoNode && dom_.node(first).tag == Tag::code) lang = from_class(dom_.attr(first, "class"));
    return lang;
  }

  // A data table becomes rows of cells; a layout table (cells holding blocks) is a container.
  void table(NodeId id) {
    std::vector<NodeId> rows;
    collect_rows(id, &rows);
    // Text standing in the table outside any row has no place in a table model: walked as a container.
    std::uint32_t in_rows = 0;
    for (NodeId r : rows) in_rows += sel_.chars[r];
    if (sel_.chars[id] > in_rows) {
      container(id);
      flush_paragraph();
      return;
    }
    bool layout = rows.size() < 2;
    // Header cells say the table is data: a list or paragraphs in its cells are the cells' text. Without
    // them, a cell holding blocks is a page's layout.
    const bool header_cells = has_header_cells(rows);
    std::size_t max_cells = 0;
    for (NodeId r : rows) {
      std::size_t cells = 0;
      for (NodeId c = dom_.node(r).first_child; c != kNoNode; c = dom_.node(c).next_sibling) {
        Tag t = dom_.node(c).tag;
        if (t != Tag::td && t != Tag::th) continue;
        ++cells;
        if (cell_has_table(c) || (!header_cells && cell_has_blocks(c))) layout = true;
      }
      max_cells = std::max(max_cells, cells);
    }
    if (max_cells < 2) layout = true;
    if (layout) {
      for (NodeId r : rows) {
        for (NodeId c = dom_.node(r).first_child; c != kNoNode; c = dom_.node(c).next_sibling) {
          if (!zoned(c) && dom_.node(c).tag != Tag::text) {
            container(c);
            flush_paragraph();
          }
        }
      }
      return;
    }
    // A table of links is navigation, unless header cells say it is data (models and their downloads).
    if (link_density(id) > 0.6f && !header_cells && !sel_.links_are_content) return;
    Block block;
    block.kind = BlockKind::table;
    bool header_done = false;
    SpanGrid grid;
    for (NodeId r : rows) {
      std::vector<std::string> cells;
      bool all_th = true;
      for (NodeId c = dom_.node(r).first_child; c != kNoNode; c = dom_.node(c).next_sibling) {
        Tag t = dom_.node(c).tag;
        if (t != Tag::td && t != Tag::th) continue;
        if (t == Tag::td) all_th = false;
        InlineText acc;
        inline_content(c, &acc);
        std::string text;
        std::vector<Span> spans;
        acc.take(&text, &spans);
        for (char& ch : text) {
          if (ch == '\n') ch = ' ';
        }
        grid.place(std::move(text), span_attr(c, "colspan"), span_attr(c, "rowspan"), &cells);
      }
      grid.end_row(&cells);
      // A row of empty cells (a spacer, cells of images) says nothing; a table of them is none.
      if (std::all_of(cells.begin(), cells.end(), [](const std::string& cell) { return cell.empty(); })) continue;
      bool in_thead = dom_.node(dom_.node(r).parent).tag == Tag::thead;
      if (!header_done && (all_th || in_thead)) {
        block.header_rows++;
      } else {
        header_done = true;
      }
      block.rows.push_back(std::move(cells));
    }
    if (block.rows.empty() || is_calendar(block.rows)) return;
    for (const auto& row : block.rows) {
      if (!block.text.empty()) block.text.push_back('\n');
      for (std::size_t i = 0; i < row.size(); ++i) {
        if (i) block.text.append(" | ");
        block.text.append(row[i]);
      }
    }
    out_->push_back(std::move(block));
  }

  bool has_header_cells(const std::vector<NodeId>& rows) const {
    for (NodeId r : rows)
      for (NodeId c = dom_.node(r).first_child; c != kNoNode; c = dom_.node(c).next_sibling)
        if (dom_.node(c).tag == Tag::th) return true;
    return false;
  }

  void collect_rows(NodeId id, std::vector<NodeId>* rows) const {
    for (NodeId c = dom_.node(id).first_child; c != kNoNode; c = dom_.node(c).next_sibling) {
      if (sel_.zone[c] & clean::kDropped) continue;
      Tag t = dom_.node(c).tag;
      if (t == Tag::tr) {
        rows->push_back(c);
      } else if (t != Tag::text && t != Tag::table && t != Tag::td && t != Tag::th) {
        // <thead>, <tbody>, <tfoot>, and wrappers the table grammar has no place for, whose rows a
        // browser keeps in the table (ASP.NET's <table><span><tr>…).
        collect_rows(c, rows);
      }
    }
  }

  bool cell_has_table(NodeId cell) const {
    for (NodeId d = cell + 1, end = dom_.subtree_end(cell); d < end; ++d) {
      if (dom_.node(d).tag == Tag::table) return true;
    }
    return false;
  }

  // A cell's colspan or rowspan: 1 unless the page gives a number from 2 to kMaxSpan.
  std::size_t span_attr(NodeId cell, std::string_view name) const {
    std::string_view v = dom_.attr(cell, name);
    std::size_t n = 0;
    for (char c : v) {
      if (c < '0' || c > '9') break;
      n = n * 10 + static_cast<std::size_t>(c - '0');
      if (n > SpanGrid::kMaxSpan) return SpanGrid::kMaxSpan;
    }
    return n < 1 ? 1 : n;
  }

  bool items_hold_no_blocks(NodeId list) const {
    for (NodeId c = dom_.node(list).first_child; c != kNoNode; c = dom_.node(c).next_sibling)
      if (cell_has_blocks(c)) return false;
    return true;
  }

  bool cell_has_blocks(NodeId cell) const {
    for (NodeId c = dom_.node(cell).first_child; c != kNoNode; c = dom_.node(c).next_sibling) {
      Tag t = dom_.node(c).tag;
      if (t == Tag::table || t == Tag::div || t == Tag::p || t == Tag::ul || t == Tag::ol || is_heading(t)) return true;
    }
    return false;
  }

  void figure(NodeId id) {
    // The caption is <figcaption>; the image the first <img> below.
    NodeId img = kNoNode, caption = kNoNode;
    find_figure_parts(id, &img, &caption);
    std::string caption_text;
    if (caption != kNoNode) {
      InlineText acc;
      inline_content(caption, &acc);
      std::vector<Span> spans;
      acc.take(&caption_text, &spans);
    }
    if (img == kNoNode || wraps_text(id)) {
      // A <figure> without an image (a quote, a code sample, an embed), or one that wraps paragraphs
      // and figures of its own (an embedded post's whole body): its content as blocks.
      container(id);
      flush_paragraph();
      return;
    }
    image(img, caption_text);
  }

  // A figure that holds a figure of its own, or two paragraphs with text outside its caption.
  bool wraps_text(NodeId id) const {
    int paragraphs = 0;
    const NodeId end = dom_.subtree_end(id);
    for (NodeId d = id + 1; d < end; ++d) {
      Tag t = dom_.node(d).tag;
      if (t == Tag::figure) return true;
      if (t == Tag::figcaption) d = dom_.subtree_end(d) - 1;  // a caption's paragraphs are the caption
      else if (t == Tag::p && sel_.chars[d] > 0 && ++paragraphs >= 2) return true;
    }
    return false;
  }

  void find_figure_parts(NodeId id, NodeId* img, NodeId* caption) const {
    for (NodeId c = dom_.node(id).first_child; c != kNoNode; c = dom_.node(c).next_sibling) {
      Tag t = dom_.node(c).tag;
      if (t == Tag::img && *img == kNoNode) *img = c;
      if (t == Tag::figcaption && *caption == kNoNode) *caption = c;
      if (t != Tag::text && t != Tag::figcaption) find_figure_parts(c, img, caption);
    }
  }

  void image(NodeId id, std::string caption) {
    if (!options_.include_images) return;
    if (dom_.node(id).tag == Tag::picture) {
      NodeId img = kNoNode, unused = kNoNode;
      find_figure_parts(id, &img, &unused);
      if (img == kNoNode) return;
      id = img;
    }
    std::string src;
    for (std::string_view name : {"src", "data-src", "data-lazy-src", "data-original"}) {
      std::string_view value = dom_.attr(id, name);
      if (!value.empty() && !value.starts_with("data:")) {
        src = resolve_url(options_.url, value);
        break;
      }
    }
    if (src.empty()) return;
    Block block;
    block.kind = BlockKind::figure;
    block.src = std::move(src);
    block.alt = fold_space(dom_.attr(id, "alt"));
    split_credit(&caption, &block.credit);
    block.caption = std::move(caption);
    block.text = block.caption;
    out_->push_back(std::move(block));
  }

  const Dom& dom_;
  const score::Selection& sel_;
  const Options& options_;
  Article* article_;
  std::vector<Block>* out_ = nullptr;
  InlineText pending_;
  std::unordered_set<std::size_t> seen_paragraphs_;
  const std::string title_key_;  // comparable(article->title), once: a title may be megabytes long
  NodeId title_article_ = kNoNode;  // the <article> the story's headline stands in (heading, another_story)
  std::vector<InlineText::Part> parts_;  // flush_paragraph's, reused
  std::unordered_set<NodeId> gutter_;  // the current code block's unnamed line numbers (find_numbered_gutter)
  std::vector<NodeId> skipped_;  // permalinks of the heading being read (skip_permalinks)
  std::size_t author_box_at_ = SIZE_MAX;  // where the body's "About the author" heading stood
  bool in_variant_ = false;  // the container being walked lies in a responsive variant
  bool skip_zone_ = true;
};

}  // namespace

void build_blocks(const Dom& dom, const score::Selection& selection, const Options& options, Article* article) {
  Builder builder(dom, selection, options, article);
  if (selection.root != kNoNode) builder.body(selection.root);
  if (options.include_comments) builder.comments();
}

}  // namespace lede::assemble
