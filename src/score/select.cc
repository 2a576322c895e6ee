// Content selection as a maximum-weight subtree: each text block gets a value (positive for prose,
// negative for link lists, short fragments and chrome), values sum up the tree, and the element with the
// largest sum is the article's container. Marks that would swallow most of the prose are disbelieved.
#include "score/select.h"

#include <algorithm>

#include "clean/vocabulary.h"
#include "score/text_stats.h"

namespace lede::score {
namespace {

using parse::Dom;
using parse::kNoNode;
using parse::NodeId;
using parse::Tag;

constexpr clean::MarkSet kZoneMarks = clean::kChrome | clean::kComments | clean::kRelated | clean::kSemantic |
                                      clean::kHidden | clean::kWeakChrome | clean::kHiddenName;
// Hidden text is neither for nor against its container.
constexpr clean::MarkSet kHiddenMarks = clean::kHidden | clean::kHiddenName;
// Names the page gives its story: its body ("article-body") or its content ("entry-content", "text-inner").
constexpr clean::MarkSet kStoryNames = clean::kBodyName | clean::kContentName;
// Marks that name a part of the page that may hold prose: believed only where the text is not prose.
constexpr clean::MarkSet kWeakMarks = clean::kSemantic | clean::kWeakChrome;

struct Blocks {
  std::vector<TextCounts> counts;           // per block owner: its own text
  std::vector<std::uint32_t> link_chars;    // per block owner: its own text inside links
};

// Prose value of one block's own text, before marks are applied. A cell of a table with header cells is
// data: its links (a model's name, a package) are not a navigation list.
float prose_value(const parse::Node& owner, const TextCounts& c, std::uint32_t link_chars, bool data_cell = false) {
  if (c.chars == 0) return 0.f;
  const float link_density = static_cast<float>(link_chars) / static_cast<float>(c.chars);
  // A CJK character or a Hangul syllable says about what two letters do: thirty of them are a line of prose,
  // not a label.
  const float length = static_cast<float>(c.chars + c.wide);
  if (parse::is_heading(owner.tag)) return 0.f;
  if (link_density > 0.5f) return data_cell ? 0.f : -length;
  bool sentence = ends_sentence(c.last);
  if (length < 50 && !sentence && c.commas == 0) {
    // A short item of a list or a table cell is the content's own structure (a feature list, a spec
    // table): neither for nor against. Elsewhere a short fragment is a label, a toggle, a ticker.
    bool item = owner.tag == Tag::li || owner.tag == Tag::td || owner.tag == Tag::th || owner.tag == Tag::dd ||
                owner.tag == Tag::dt;
    return item ? 0.f : -0.5f * length;
  }
  float value = length * (1.f - link_density);
  if (sentence) value *= 1.2f;
  value += 10.f * static_cast<float>(std::min<std::uint32_t>(c.commas, 10));
  return value;
}

// What an <a> is. Link text is text in an <a href> that leads to another page (`away`): not a named anchor
// (<a name>, often left unclosed over the whole article by old pages), not an in-page "#section" link, a
// heading permalink or a footnote's mark (`in_page`).
enum class Link : std::uint8_t { none, away, in_page };
Link link_of(const Dom& dom, NodeId a) {
  bool found = false;
  const std::string_view href = dom.attr(a, "href", &found);
  if (!found) return Link::none;
  return href.starts_with("#") ? Link::in_page : Link::away;
}

// A teaser card: a small element whose heading is a link to another page (the "related", "more news"
// and listing pattern). Marked as the largest ancestor of such a heading still under kCardChars.
void mark_teasers(const Dom& dom, const Blocks& blocks, const Selection& sel, std::vector<std::uint8_t>* teaser) {
  constexpr std::uint32_t kCardChars = 400;
  for (NodeId id = 1; id < dom.size(); ++id) {
    const parse::Node& node = dom.node(id);
    if (!parse::is_heading(node.tag) || sel.chars[id] == 0) continue;
    if (blocks.link_chars[id] * 10 < blocks.counts[id].chars * 8) continue;
    NodeId card = id;
    for (NodeId up = node.parent; up != 0 && up != kNoNode && sel.chars[up] < kCardChars; up = dom.node(up).parent) card = up;
    (*teaser)[card] = 1;
  }
}

// Marks the element children of `parent` outside the run `first`..`last` as excluded from the content.
void exclude_outside(const Dom& dom, NodeId parent, NodeId first, NodeId last, std::vector<std::uint8_t>* excluded) {
  bool in_run = false;
  for (NodeId c = dom.node(parent).first_child; c != kNoNode; c = dom.node(c).next_sibling) {
    if (c == first) in_run = true;
    if (!in_run && dom.node(c).tag != Tag::text) (*excluded)[c] = 1;
    if (c == last) in_run = false;
  }
}

// The best subtree may be one paragraph of an article whose paragraphs are siblings of a comment section
// or a rail under one parent. Climbs while the best run of the parent's children (maximum-sum contiguous
// run, the current root counted at its current value) beats the current value; stops at the first run
// that is not the parent's whole content, the children outside it excluded from the content.
void extend_to_siblings(const Dom& dom, const std::vector<float>& sum, float value, Selection* sel,
                        std::vector<std::uint8_t>* excluded) {
  NodeId current = sel->root;
  while (true) {
    NodeId parent = dom.node(current).parent;
    if (parent == 0 || parent == kNoNode) break;
    float run = 0.f, best_run = value;
    NodeId run_first = kNoNode, best_first = kNoNode, best_last = kNoNode;
    NodeId first_element = kNoNode, last_element = kNoNode;
    for (NodeId c = dom.node(parent).first_child; c != kNoNode; c = dom.node(c).next_sibling) {
      if (dom.node(c).tag == Tag::text) continue;
      if (first_element == kNoNode) first_element = c;
      last_element = c;
      float v = c == current ? value : sum[c];
      if (run <= 0.f) {
        run = v;
        run_first = c;
      } else {
        run += v;
      }
      if (run > best_run + 1.f) {
        best_run = run;
        best_first = run_first;
        best_last = c;
      }
    }
    if (best_first == kNoNode) break;  // no run beats the current root
    value = best_run;
    current = parent;
    sel->root = parent;
    if (best_first == first_element && best_last == last_element) continue;  // the whole parent
    exclude_outside(dom, parent, best_first, best_last, excluded);
    break;
  }
}

// A node `depth` levels below `id` (or `id` itself at depth 0) named as the story's body with `name` for
// class, holding prose: the same part of a repeated layout block.
bool holds_alike(const Dom& dom, const clean::Marks& marks, const std::vector<float>& sum, NodeId id,
                 std::string_view name, int depth) {
  if (depth == 0) return (marks.own[id] & kStoryNames) && sum[id] > 0.f && dom.attr(id, "class") == name;
  for (NodeId c = dom.node(id).first_child; c != kNoNode; c = dom.node(c).next_sibling) {
    if (dom.node(c).tag != Tag::text && holds_alike(dom, marks, sum, c, name, depth - 1)) return true;
  }
  return false;
}

// An article split over containers the page names alike (two "story-body" blocks with an ad or a
// "continue reading" line between them, or text blocks of a page builder between its widgets): when the
// content or one of its near ancestors is named as the story's body, and siblings of it or of its near
// ancestors hold a body named the same way at the same depth, the run from the first to the last of them
// is the content.
void join_split_body(const Dom& dom, const clean::Marks& marks, const std::vector<float>& sum,
                     Selection* sel, std::vector<std::uint8_t>* excluded) {
  constexpr int kLevels = 5;
  NodeId body = sel->root;
  for (int level = 0; level < kLevels && body != 0 && body != kNoNode && !(marks.own[body] & kStoryNames); ++level)
    body = dom.node(body).parent;
  if (body == 0 || body == kNoNode || !(marks.own[body] & kStoryNames)) return;
  std::string_view name = dom.attr(body, "class");
  NodeId branch = body;
  for (int depth = 0; depth < kLevels; ++depth, branch = dom.node(branch).parent) {
    NodeId parent = dom.node(branch).parent;
    if (parent == 0 || parent == kNoNode) return;
    NodeId first = kNoNode, last = kNoNode;
    int alike = 0;
    // Alike: holding the body's name at the body's depth, or named like the branch when it is body-named.
    bool branch_named = depth > 0 && (marks.own[branch] & kStoryNames);
    std::string_view branch_name = dom.attr(branch, "class");
    for (NodeId c = dom.node(parent).first_child; c != kNoNode; c = dom.node(c).next_sibling) {
      if (dom.node(c).tag == Tag::text) continue;
      bool same = c == branch || holds_alike(dom, marks, sum, c, name, depth) ||
                  (branch_named && holds_alike(dom, marks, sum, c, branch_name, 0));
      if (!same) continue;
      if (first == kNoNode) first = c;
      last = c;
      ++alike;
    }
    if (alike < 2) continue;
    sel->root = parent;  // the root is `body` or below it: this only widens the content
    exclude_outside(dom, parent, first, last, excluded);
    return;
  }
}

// A landing page (a section front, a course catalogue, a park's list of webcams) is a short intro among
// cards whose descriptions are the content. When the chosen root is a short text holding little of the
// prose of a content-named ancestor that holds nearly all of the page's, and cards hold much of that
// ancestor's prose, the ancestor is the content. Returns it, or kNoNode.
NodeId landing_container(const Dom& dom, const clean::Marks& marks, const std::vector<float>& prose,
                         const std::vector<float>& card_prose, float total_prose, NodeId root) {
  for (NodeId up = dom.node(root).parent; up != 0 && up != kNoNode; up = dom.node(up).parent) {
    bool content_named = (marks.own[up] & clean::kContentName) || dom.node(up).tag == Tag::main;
    if (!content_named || prose[up] < 0.8f * total_prose) continue;
    bool short_intro = prose[root] < 800.f && prose[root] < 0.35f * prose[up];
    if (short_intro && card_prose[up] > 0.4f * prose[up]) return up;
    return kNoNode;
  }
  return kNoNode;
}

// One page's selection, pass by pass: text blocks are counted and valued, teaser cards and the page's
// <main> found, the clean stage's marks believed or not, values summed up the tree, the root picked and
// refined, and the marks inside it weighed again.
class Selector {
 public:
  Selector(const Dom& dom, const clean::Marks& marks, Selection* sel)
      : dom_(dom), marks_(marks), sel_(*sel), n_(dom.size()) {}

  void run() {
    sel_.root = kNoNode;
    sel_.shape = Shape::story;
    sel_.links_are_content = false;
    sel_.chars.assign(n_, 0);
    sel_.link_chars.assign(n_, 0);
    sel_.zone.assign(n_, 0);
    sel_.variant.assign(n_, 0);
    count_blocks();
    value_blocks();
    find_bodies();
    find_cards();
    find_parts_around_main();
    zone_page();
    sum_values();
    if (pick_root() && !island_among_links()) {
      refine_root();
      return;
    }
    sel_.root = kNoNode;
    fall_back();
  }

 private:
  // Forward pass: each text run is credited to its nearest block-level ancestor ("owner"). A blank line
  // (two <br> with no text between) inside a block starts a new run, credited to the second <br>: old
  // pages write whole articles as <br><br>-separated paragraphs in one table cell, often followed there by
  // the site's link lists, and one block for all of it would be valued as a link list.
  void count_blocks() {
    std::vector<NodeId> owner(n_, 0);
    std::vector<NodeId> run(n_, 0);               // per owner: where its current run of text is credited
    std::vector<std::uint8_t> after_break(n_, 0);  // per owner: a <br> came and no text since
    std::vector<std::uint8_t> in_link(n_, 0);
    std::vector<std::uint8_t> in_note_ref(n_, 0);  // inside a <sup> or an in-page link: a footnote's mark
    std::vector<Run> runs;
    blocks_ = Blocks{std::vector<TextCounts>(n_), std::vector<std::uint32_t>(n_, 0)};
    for (NodeId id = 1; id < n_; ++id) {
      const parse::Node& node = dom_.node(id);
      if (marks_.dropped[id]) continue;
      NodeId parent = node.parent;
      const Link link = node.tag == Tag::a ? link_of(dom_, id) : Link::none;
      in_link[id] = in_link[parent] || link == Link::away;
      in_note_ref[id] = in_note_ref[parent] || node.tag == Tag::sup || link == Link::in_page;
      // A control or inert element the clean stage kept (a <template>, a <button>) owns its text, so its
      // marks weigh that text instead of the block around it.
      bool owns_text = node.tag != Tag::text && node.tag != Tag::br &&
                       (parse::is_block(node.tag) || parse::is_never_content(node.tag));
      owner[id] = owns_text || parent == 0 ? id : owner[parent];
      const NodeId block = owner[id];
      if (block == id) run[id] = id;
      if (node.tag == Tag::br) {
        if (after_break[block]) {
          run[block] = id;
          runs.push_back({block, id});
        }
        after_break[block] = 1;
        continue;
      }
      if (node.tag != Tag::text) continue;
      const NodeId credited = run[block];
      TextCounts before = blocks_.counts[credited];
      count_text(dom_.text(id), &blocks_.counts[credited]);
      std::uint32_t added = blocks_.counts[credited].chars - before.chars;
      // A footnote's mark after a sentence ("…calibration.¹", "…calibration.[1]") does not end it.
      constexpr std::uint32_t kMaxNoteMark = 4;
      if (in_note_ref[id] && added <= kMaxNoteMark && before.chars > 0) blocks_.counts[credited].last = before.last;
      if (added > 0) after_break[block] = 0;
      sel_.chars[id] = added;
      if (in_link[id]) {
        blocks_.link_chars[credited] += added;
        sel_.link_chars[id] = added;
      }
    }
    merge_runs_that_do_not_help(std::move(runs));
  }

  // A block's runs (count_blocks) stay apart only where that values the block higher than one run would:
  // prose followed by the site's link lists, not a paragraph with a link list of a few lines inside it.
  struct Run {
    NodeId owner;
    NodeId br;
  };
  void merge_runs_that_do_not_help(std::vector<Run> runs) {
    // A block's runs in document order, block by block (a nested block's runs come between its parent's).
    std::sort(runs.begin(), runs.end(),
              [](const Run& a, const Run& b) { return a.owner != b.owner ? a.owner < b.owner : a.br < b.br; });
    for (std::size_t i = 0; i < runs.size();) {
      const NodeId owner = runs[i].owner;
      const parse::Node& node = dom_.node(owner);
      TextCounts whole = blocks_.counts[owner];
      std::uint32_t whole_links = blocks_.link_chars[owner];
      float apart = prose_value(node, whole, whole_links);
      std::size_t end = i;
      for (; end < runs.size() && runs[end].owner == owner; ++end) {
        const NodeId br = runs[end].br;
        const TextCounts& part = blocks_.counts[br];
        apart += prose_value(dom_.node(br), part, blocks_.link_chars[br]);
        whole.chars += part.chars;
        whole.commas += part.commas;
        whole.wide += part.wide;
        if (part.chars > 0) whole.last = part.last;
        whole_links += blocks_.link_chars[br];
      }
      if (prose_value(node, whole, whole_links) >= apart) {
        blocks_.counts[owner] = whole;
        blocks_.link_chars[owner] = whole_links;
        for (std::size_t k = i; k < end; ++k) {
          blocks_.counts[runs[k].br] = TextCounts{};
          blocks_.link_chars[runs[k].br] = 0;
        }
      } else {
        split_runs_.insert(split_runs_.end(), runs.begin() + static_cast<std::ptrdiff_t>(i),
                           runs.begin() + static_cast<std::ptrdiff_t>(end));
      }
      i = end;
    }
  }

  // Tables with header cells (<th>): their cells are data (prose_value).
  void find_data_tables() {
    data_table_.assign(n_, 0);
    for (NodeId id = 1; id < n_; ++id) {
      if (dom_.node(id).tag != Tag::th) continue;
      NodeId up = dom_.node(id).parent;
      for (int level = 0; level < 3 && up != kNoNode && up != 0 && dom_.node(up).tag != Tag::table; ++level)
        up = dom_.node(up).parent;
      if (up != kNoNode && up != 0 && dom_.node(up).tag == Tag::table) data_table_[up] = 1;
    }
  }

  bool is_data_cell(NodeId id) const {
    if (dom_.node(id).tag != Tag::td) return false;
    NodeId up = dom_.node(id).parent;
    for (int level = 0; level < 3 && up != kNoNode && up != 0; ++level, up = dom_.node(up).parent)
      if (dom_.node(up).tag == Tag::table) return data_table_[up] != 0;
    return false;
  }

  // Block values, and their positive part summed up the tree (the prose each subtree holds).
  void value_blocks() {
    find_data_tables();
    value_.assign(n_, 0.f);
    prose_.assign(n_, 0.f);
    for (NodeId id = 1; id < n_; ++id) {
      if (marks_.dropped[id] || blocks_.counts[id].chars == 0) continue;
      value_[id] = prose_value(dom_.node(id), blocks_.counts[id], blocks_.link_chars[id], is_data_cell(id));
      prose_[id] = std::max(0.f, value_[id]);
    }
    for (NodeId id = static_cast<NodeId>(n_ - 1); id > 0; --id) {
      NodeId parent = dom_.node(id).parent;
      prose_[parent] += prose_[id];
      sel_.chars[parent] += sel_.chars[id];
      sel_.link_chars[parent] += sel_.link_chars[id];
    }
    total_prose_ = prose_[0];
  }

  // Teaser cards, and the prose inside them summed up the tree like `prose_`. In the same walk, whether
  // the page is a discussion (a forum thread, a guestbook, a short post under a long exchange): its comment
  // sections, outermost, hold four times the prose of the rest, and the rest is under kDiscussionRest. (A
  // blog post under a handful of comments is not one: the dev pages that are range from 4.5 to 58.) Then its
  // comments are its content; a story's own comment section, however long, follows a longer story.
  void find_cards() {
    constexpr float kDiscussionRest = 1500.f;
    constexpr std::uint8_t kInCard = 1, kInComments = 2, kInRail = 4;
    teaser_.assign(n_, 0);
    mark_teasers(dom_, blocks_, sel_, &teaser_);
    card_prose_.assign(n_, 0.f);
    rail_.assign(n_, 0);
    std::vector<std::uint8_t> in(n_, 0);
    float in_comments = 0.f;
    for (NodeId id = 1; id < n_; ++id) {
      const NodeId parent = dom_.node(id).parent;
      in[id] = in[parent] | (teaser_[id] ? kInCard : 0) | (rail_[parent] ? kInRail : 0);
      if (!(in[id] & kInCard) && parse::is_heading(dom_.node(id).tag) && names_a_rail(id)) rail_[parent] = 1;
      if ((in[id] & (kInCard | kInRail)) == kInCard) card_prose_[id] = std::max(0.f, value_[id]);
      if (comment_section(id) && !(in[parent] & kInComments) && !marks_.dropped[id]) {
        in[id] |= kInComments;
        in_comments += prose_[id];
      }
    }
    for (NodeId id = static_cast<NodeId>(n_ - 1); id > 0; --id) card_prose_[dom_.node(id).parent] += card_prose_[id];
    const float rest = total_prose_ - in_comments;
    discussion_ = rest < kDiscussionRest && in_comments > 4.f * rest;
  }

  // Whether the page's named body (find_bodies) stands outside `id` and around it neither, with a tenth
  // of `id`'s prose at least: then `id`'s marks are believed however much prose it holds (a long legal
  // disclaimer under a short post; not a story in a wrapper misnamed "promo" beside a teaser's "entry-content").
  bool body_beside(NodeId id) const {
    if (body_ == kNoNode || prose_[body_] < 0.1f * prose_[id]) return false;
    const bool inside = body_ >= id && body_ < dom_.subtree_end(id);
    const bool around = body_ < id && id < dom_.subtree_end(body_);
    return !inside && !around;
  }

  // The page's named body: of the elements named as the story's body ("article-body", itemprop=articleBody)
  // and not for comments too ("comment-text", "#comments.article-content" name a comment section), the one
  // with the most prose, if it has real prose (a teaser's "entry-content" in a rail has less). And its
  // nearest ancestor named for comments, if any.
  void find_bodies() {
    constexpr float kBodyProse = 150.f;
    body_ = kNoNode;
    float most = kBodyProse;
    for (NodeId id = 1; id < n_; ++id) {
      const clean::MarkSet own = marks_.own[id];
      // Of nested ones with the same prose ("post-body" around "postContent"), the innermost: it says best
      // which wrappers hold the story (a "commentOnSelection" between them).
      if ((own & clean::kBodyName) && !(own & clean::kComments) && !marks_.dropped[id] && prose_[id] >= most) {
        most = prose_[id];
        body_ = id;
      }
    }
    body_wrapper_ = kNoNode;
    for (NodeId up = body_; up != kNoNode && up != 0 && body_wrapper_ == kNoNode; up = dom_.node(up).parent)
      if (marks_.own[up] & clean::kComments) body_wrapper_ = up;
  }

  // Named for comments, and not the wrapper around the story's named body ("commentOnSelection" around a
  // post, "comments-enabled" around an article): a comment section. (Only the nearest such ancestor holds
  // the body with nothing named for comments between: one further out holds the wrapper.)
  bool comment_section(NodeId id) const { return (marks_.own[id] & clean::kComments) && id != body_wrapper_; }

  // A heading that names a rail ("More news", "Top stories", "Читайте также"): the teasers after it under
  // the same parent are the rail's, not a listing's or a landing page's content.
  bool names_a_rail(NodeId heading) const {
    if (sel_.chars[heading] == 0 || sel_.chars[heading] > 60) return false;
    std::string text;
    dom_.append_text(heading, &text);
    return clean::is_boilerplate_line(text);
  }

  // For a listing: the linked card headings below each node and the text inside cards, both outside the
  // page's marked parts (menus, rails, footers, comments, what follows a rail's heading). A grid of small cards can be one "card" under
  // kCardChars: its linked headings count them.
  void count_cards(std::vector<std::uint32_t>* count, std::vector<std::uint32_t>* chars) const {
    constexpr clean::MarkSet kParts = clean::kSemantic | clean::kChrome | clean::kRelated | clean::kComments;
    constexpr std::uint8_t kInCard = 1, kInPart = 2;
    count->assign(n_, 0);
    chars->assign(n_, 0);
    std::vector<std::uint8_t> in(n_, 0);
    for (NodeId id = 1; id < n_; ++id) {
      const NodeId parent = dom_.node(id).parent;
      in[id] = in[parent] | (teaser_[id] ? kInCard : 0) |
               ((marks_.own[id] & kParts) || rail_[parent] ? kInPart : 0);
      if (in[id] != kInCard) continue;
      if (parse::is_heading(dom_.node(id).tag)) (*count)[id] = 1;
      if (dom_.node(id).tag == Tag::text) (*chars)[id] = sel_.chars[id];
    }
    for (NodeId id = static_cast<NodeId>(n_ - 1); id > 0; --id) {
      (*count)[dom_.node(id).parent] += (*count)[id];
      (*chars)[dom_.node(id).parent] += (*chars)[id];
    }
  }

  // A listing (a blog's index, a shop's category, a course catalogue): no story, one intro paragraph at
  // most, and the cards around it are the page. The nearest ancestor of such a root below <body> that holds
  // kListingCards cards or more, with kListingChars of text in them and twice the root's. Returns it, or
  // kNoNode. A short story of two paragraphs or more keeps its teasers out.
  NodeId listing_container(NodeId root) const {
    constexpr float kIntroProse = 800.f;
    constexpr std::uint32_t kListingCards = 4;
    constexpr std::uint32_t kListingChars = 200;
    if (prose_[root] >= kIntroProse) return kNoNode;
    int paragraphs = 0;
    for (NodeId id = root, end = dom_.subtree_end(root); id < end && paragraphs < 2; ++id)
      paragraphs += value_[id] > 0.f ? 1 : 0;
    if (paragraphs > 1) return kNoNode;
    std::vector<std::uint32_t> card_count, card_chars;
    count_cards(&card_count, &card_chars);
    for (NodeId up = root; up != 0 && up != kNoNode; up = dom_.node(up).parent) {
      const Tag tag = dom_.node(up).tag;
      if (tag == Tag::body || tag == Tag::html) return kNoNode;
      if (card_count[up] >= kListingCards && card_chars[up] >= kListingChars &&
          card_chars[up] >= 2 * sel_.chars[root])
        return up;
    }
    return kNoNode;
  }

  // The page's own <main> (or role=main), when it holds prose: the page parts around it (its header, its
  // footer's disclaimer, its sidebar) keep their marks however much prose they hold.
  void find_parts_around_main() {
    around_main_.assign(n_, 0);
    NodeId main_node = kNoNode;
    for (NodeId id = 1; id < n_ && main_node == kNoNode; ++id) {
      const parse::Node& node = dom_.node(id);
      bool is_main = node.tag == Tag::main || (node.tag != Tag::text && dom_.attr(id, "role") == "main");
      if (is_main && !marks_.dropped[id] && prose_[id] >= 200.f) main_node = id;
    }
    if (main_node == kNoNode) return;
    // Ancestors of <main> and nodes inside it are not around it.
    std::vector<std::uint8_t> related_to_main(n_, 0);
    for (NodeId up = main_node; up != kNoNode; up = dom_.node(up).parent) {
      related_to_main[up] = 1;
      if (up == 0) break;
    }
    for (NodeId id = main_node + 1; id < n_; ++id) {
      NodeId parent = dom_.node(id).parent;
      if (parent < main_node || !related_to_main[parent]) break;  // past the end of <main>'s subtree
      related_to_main[id] = 1;
    }
    for (NodeId id = 1; id < n_; ++id) around_main_[id] = !related_to_main[id];
  }

  // The marks of `id` that are believed. Inside the selected content (`within`) a page part with real
  // paragraphs is taken as part of the story (an <aside> "Context" box in the article body).
  clean::MarkSet believed(NodeId id, bool within) const {
    const parse::Node& node = dom_.node(id);
    clean::MarkSet own = (marks_.own[id] & kZoneMarks) | (teaser_[id] && !cards_are_content_ ? clean::kRelated : 0);
    if (!own || node.tag == Tag::body || node.tag == Tag::html) return 0;
    // A comment section may well outweigh the article it follows; it is disbelieved only when the rest
    // of the page has next to no prose, or the page is a discussion (find_cards). Other marks yield
    // to the majority (a wrapper whose name happens to contain "sidebar" is not a sidebar), but for a page
    // part around the page's <main>.
    float rest = total_prose_ - prose_[id];
    if ((own & clean::kComments) && !comment_section(id)) own &= static_cast<clean::MarkSet>(~clean::kComments);
    if (!own) return 0;
    bool comments_only = (own & clean::kComments) && !(own & ~clean::kComments);
    bool page_part_around_main = around_main_[id] && !(own & ~kWeakMarks);
    if (comments_only ? rest < 0.1f * total_prose_ || discussion_
                      : prose_[id] > 0.5f * total_prose_ && !page_part_around_main && !body_beside(id))
      return 0;
    float chars = static_cast<float>(sel_.chars[id]);
    bool prose_rich = prose_[id] > 0.5f * chars;
    // A page part (header, footer, <aside>, author box) yields to a good share of the page's prose, or
    // within the content to real paragraphs; a class that hides (responsive variants, entrance
    // animations) yields to real paragraphs.
    if ((own & kWeakMarks) && prose_rich && prose_[id] > 0.25f * total_prose_ && !around_main_[id])
      own &= static_cast<clean::MarkSet>(~kWeakMarks);
    // An <aside> or <footer> inside the story with real paragraphs is the story's own box; an element
    // named author/bio/byline stays out whatever it holds.
    if (within && (own & clean::kSemantic) && !(own & ~clean::kSemantic) && prose_rich && chars > 150) own = 0;
    if ((own & clean::kHiddenName) && prose_rich && chars > 150)
      own &= static_cast<clean::MarkSet>(~clean::kHiddenName);
    return own;
  }

  // The believed marks of the whole page, inherited down the tree.
  void zone_page() {
    for (NodeId id = 1; id < n_; ++id) {
      NodeId parent = dom_.node(id).parent;
      sel_.variant[id] = sel_.variant[parent] | ((marks_.own[id] & clean::kHiddenName) ? 1 : 0);
      sel_.zone[id] = static_cast<clean::MarkSet>(sel_.zone[parent] | believed(id, false) | marks_.dropped[id]);
    }
  }

  // Final values: text inside believed chrome counts against its container, hidden text neither for nor
  // against it; summed up the tree.
  void sum_values() {
    sum_.assign(n_, 0.f);
    for (NodeId id = 1; id < n_; ++id) {
      if (marks_.dropped[id] || blocks_.counts[id].chars == 0) continue;
      clean::MarkSet zone = sel_.zone[id];
      if (zone & (kZoneMarks & ~kHiddenMarks)) {
        sum_[id] = -static_cast<float>(blocks_.counts[id].chars);
      } else if (!(zone & kHiddenMarks)) {
        sum_[id] = value_[id];
      }
    }
    drop_trailing_link_runs();
    for (NodeId id = static_cast<NodeId>(n_ - 1); id > 0; --id) sum_[dom_.node(id).parent] += sum_[id];
  }

  // A block whose runs end in the site's link lists ("Related articles:" and a list of links after the
  // story, in the story's own paragraph or cell): the block counts up to its best run, not the lists after
  // it, which the assemble stage leaves out as link text anyway. Without this the lists' weight sank the
  // story with them and a sidebar's blurb was taken instead.
  void drop_trailing_link_runs() {
    for (std::size_t i = 0; i < split_runs_.size();) {
      const NodeId owner = split_runs_[i].owner;
      std::size_t end = i;
      while (end < split_runs_.size() && split_runs_[end].owner == owner) ++end;
      float running = sum_[owner], best = running;
      std::size_t keep = i;  // runs [i, keep) count
      for (std::size_t k = i; k < end; ++k) {
        running += sum_[split_runs_[k].br];
        if (running > best) {
          best = running;
          keep = k + 1;
        }
      }
      for (std::size_t k = keep; k < end; ++k) sum_[split_runs_[k].br] = 0.f;
      i = end;
    }
  }

  // The element with the largest sum; one the page names as the story's body counts half as much again.
  // A best under kMinRootWeight (a listing's "5.", a lone caption) is no story: fall_back reads the page.
  bool pick_root() {
    constexpr float kMinRootWeight = 25.f;
    float best = kMinRootWeight;
    for (NodeId id = static_cast<NodeId>(n_ - 1); id > 0; --id) {
      // A <br> carries the run of text after it (count_blocks), not the text itself: never the root.
      if (dom_.node(id).tag == Tag::text || dom_.node(id).tag == Tag::br || marks_.dropped[id]) continue;
      float weight = (marks_.own[id] & clean::kBodyName) ? 1.5f * sum_[id] : sum_[id];
      if (weight > best) {
        best = weight;
        sel_.root = id;
      }
    }
    return sel_.root != kNoNode;
  }

  // Widens the root to the runs of siblings, the split article's parts, or the landing page's or the
  // listing's cards, then weighs the marks inside it again.
  void refine_root() {
    std::vector<std::uint8_t> excluded(n_, 0);
    extend_to_siblings(dom_, sum_, sum_[sel_.root], &sel_, &excluded);
    join_split_body(dom_, marks_, sum_, &sel_, &excluded);
    NodeId landing = landing_container(dom_, marks_, prose_, card_prose_, total_prose_, sel_.root);
    if (landing == kNoNode) landing = listing_container(sel_.root);
    if (landing != kNoNode) {
      sel_.root = landing;
      std::fill(excluded.begin(), excluded.end(), 0);
      cards_are_content_ = true;
      sel_.shape = Shape::listing;
    } else if (discussion_) {
      sel_.shape = Shape::discussion;
    }
    // Ids below an element are contiguous and follow it: the subtree ends at the first id outside it.
    std::vector<std::uint8_t> inside(n_, 0);
    inside[sel_.root] = 1;
    for (NodeId id = sel_.root + 1; id < n_ && inside[dom_.node(id).parent]; ++id) {
      inside[id] = 1;
      NodeId parent = dom_.node(id).parent;
      clean::MarkSet cut = excluded[id] ? clean::kChrome : 0;
      sel_.zone[id] = static_cast<clean::MarkSet>(sel_.zone[parent] | believed(id, true) | marks_.dropped[id] | cut);
    }
  }

  // The best root of a page of links is an island in it — a title line, a "page not found" notice — when
  // the page has next to no prose and the root a tenth of its text: the page is read as its links.
  bool island_among_links() const {
    return total_prose_ < kLinkPageProse &&
           static_cast<float>(sel_.chars[sel_.root]) < 0.1f * static_cast<float>(sel_.chars[0]);
  }

  // Nothing outweighs its chrome. With no prose at all (a stub, a form, a gallery): the visible text of
  // the page, chrome still left out. Else (a listing, a page of teasers): its main content anyway — the
  // deepest element that still holds nine tenths of the prose — with the marks inside it disbelieved.
  void fall_back() {
    // A page with next to no prose at all is made of its links (a link aggregator's front page, a
    // directory); one with some prose keeps its link lists out as a story does.
    sel_.links_are_content = total_prose_ < kLinkPageProse;
    if (total_prose_ <= 0.f) {
      for (NodeId id = 1; id < n_ && sel_.root == kNoNode; ++id) {
        if (dom_.node(id).tag == Tag::body && !marks_.dropped[id]) sel_.root = id;
      }
      return;
    }
    // On a page of links the root holds most of its links too, not only its few words of prose (a title).
    const float min_links = sel_.links_are_content ? 0.5f * static_cast<float>(sel_.link_chars[0]) : 0.f;
    for (NodeId id = static_cast<NodeId>(n_ - 1); id > 0; --id) {
      Tag tag = dom_.node(id).tag;
      if (tag != Tag::text && tag != Tag::br && !marks_.dropped[id] && prose_[id] >= 0.9f * total_prose_ &&
          static_cast<float>(sel_.link_chars[id]) >= min_links) {
        sel_.root = id;
        break;
      }
    }
    if (sel_.root == kNoNode) return;
    std::vector<std::uint8_t> inside(n_, 0);
    inside[sel_.root] = 1;
    sel_.zone[sel_.root] = 0;
    for (NodeId id = sel_.root + 1; id < n_ && inside[dom_.node(id).parent]; ++id) {
      inside[id] = 1;
      clean::MarkSet keep = marks_.dropped[id] | (marks_.own[id] & kHiddenMarks);
      sel_.zone[id] = static_cast<clean::MarkSet>(sel_.zone[dom_.node(id).parent] | keep);
    }
  }

  const Dom& dom_;
  const clean::Marks& marks_;
  Selection& sel_;
  const std::size_t n_;
  Blocks blocks_;
  std::vector<float> value_;        // per block owner: its prose value (prose_value)
  std::vector<Run> split_runs_;     // the runs valued apart, block by block in document order
  std::vector<float> prose_;        // per node: the positive values below it
  std::vector<float> sum_;          // per node: the values below it, believed marks applied
  std::vector<float> card_prose_;   // per node: the positive values inside teaser cards below it
  std::vector<std::uint8_t> teaser_;       // per node: 1 for a teaser card
  NodeId body_ = kNoNode;                  // the page's named body (find_bodies)
  NodeId body_wrapper_ = kNoNode;          // its nearest ancestor named for comments (find_bodies)
  std::vector<std::uint8_t> rail_;         // per node: 1 when a child heading names a rail (names_a_rail)
  std::vector<std::uint8_t> data_table_;   // per <table>: 1 when it has header cells
  std::vector<std::uint8_t> around_main_;  // per node: 1 outside the page's <main> and its ancestors
  static constexpr float kLinkPageProse = 200.f;  // less prose than this in all: a page of links
  float total_prose_ = 0.f;
  bool cards_are_content_ = false;  // the root is a landing page's or a listing's container
  bool discussion_ = false;         // the comments are the page's content (find_cards)
};

}  // namespace

void select_content(const Dom& dom, const clean::Marks& marks, Selection* sel) {
  Selector(dom, marks, sel).run();
}

bool select_whole_page(const Dom& dom, Selection* sel) {
  for (NodeId id = 1; id < dom.size() && id < sel->zone.size(); ++id) {
    if (dom.node(id).tag != Tag::body) continue;
    if (id == sel->root || (sel->zone[id] & clean::kDropped)) return false;
    sel->root = id;
    sel->zone[id] = 0;
    return true;
  }
  return false;
}

}  // namespace lede::score
