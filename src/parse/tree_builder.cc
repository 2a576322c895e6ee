// The tree builder (WHATWG HTML, "Tree construction"), simplified to what an extractor needs, building
// lede's Dom directly from the tokenizer's tokens: implied html/head/body, void elements, the implied end
// tags (p, li, dd/dt, options, table parts, ruby, headings), end tags that close only what is in scope,
// and the limits. Not followed: the adoption agency, reconstruction of formatting elements and foster
// parenting (docs/parser-choice.md). Must not judge content; it stores what the page says, dropping the
// text of scripts and styles (except JSON-LD, which the metadata stage reads).
//
// Linear on hostile input: every walk down the stack of open elements stops after kMaxWalk entries, and a
// count of open elements per tag answers "is any open?" without a walk.
#include <array>
#include <chrono>
#include <vector>

#include "parse/html_parser.h"
#include "parse/streamed.h"
#include "parse/tokenizer.h"

namespace lede::parse {
namespace {

constexpr std::size_t kTagCount = static_cast<std::size_t>(Tag::count_);
using TagSet = std::array<bool, kTagCount>;
constexpr std::size_t index(Tag tag) { return static_cast<std::size_t>(tag); }

template <std::size_t N>
constexpr TagSet tag_set(const Tag (&tags)[N], TagSet set = {}) {
  for (Tag t : tags) set[index(t)] = true;
  return set;
}

using enum Tag;

// The spec's "special" elements: an end tag for another element never closes one of these.
constexpr Tag kSpecialTags[] = {
    address, applet, area,    article,  aside,   base,    basefont, bgsound, blockquote, body,   br,
    button,  caption, center, col,      colgroup, dd,     details,  dir,     div,        dl,     dt,
    embed,   fieldset, figcaption, figure, footer, form,  frame,    frameset, h1,        h2,     h3,
    h4,      h5,      h6,     head,     header,  hgroup,  hr,       html,    iframe,     img,    input,
    keygen,  li,      link,   listing,  main,    marquee, menu,     meta,    nav,        noembed, noframes,
    noscript, object, ol,     p,        param,   plaintext, pre,    script,  search,     section, select,
    source,  style,   summary, table,   tbody,   td,      template_, textarea, tfoot,    th,     thead,
    title,   tr,      track,  ul,       wbr,     xmp};
constexpr TagSet kSpecial = tag_set(kSpecialTags);

// Start tags that first close an open <p> (in button scope).
constexpr Tag kClosesPTags[] = {address, article, aside,  blockquote, center, details, dialog, dir,   div,
                                dl,      fieldset, figcaption, figure, footer, header, hgroup, main, menu,
                                nav,     ol,      p,      search,     section, summary, ul,    h1,    h2,
                                h3,      h4,      h5,     h6,         pre,    listing, form,   li,    dd,
                                dt,      plaintext, table, hr,        xmp};
constexpr TagSet kClosesP = tag_set(kClosesPTags);

constexpr Tag kVoidTags[] = {area, base, basefont, bgsound, br,    col,  embed, frame, hr,
                             img,  input, keygen,  link,    meta,  param, source, track, wbr};
constexpr TagSet kVoid = tag_set(kVoidTags);

// Elements that belong in <head> when they come before any content.
constexpr Tag kHeadTags[] = {base, basefont, bgsound, link, meta, title, style, script, noscript, template_};
constexpr TagSet kHeadContent = tag_set(kHeadTags);

// Elements whose content the tokenizer reads as text (RCDATA, RAWTEXT, script data).
constexpr Tag kRawTextTags[] = {title, textarea, style, xmp, iframe, noembed, noframes, script};
constexpr TagSet kRawText = tag_set(kRawTextTags);

// End tags that close everything open inside their element, when it is in scope.
constexpr Tag kBlockEndTags[] = {address, article, aside,  blockquote, button, center, details, dialog, dir,
                                 div,     dl,      fieldset, figcaption, figure, footer, header, hgroup, listing,
                                 main,    menu,    nav,    ol,         pre,    search, section, summary, ul,
                                 form,    applet,  marquee, object,    dd,     dt,     select, template_};
constexpr TagSet kBlockEnd = tag_set(kBlockEndTags);

// "Has an element in scope": the search stops at these.
constexpr Tag kScopeTags[] = {applet, caption, html, table, td, th, marquee, object, template_};
constexpr TagSet kScope = tag_set(kScopeTags);
constexpr Tag kButton[] = {button};
constexpr TagSet kButtonScope = tag_set(kButton, kScope);
constexpr Tag kLists[] = {ol, ul};
constexpr TagSet kListScope = tag_set(kLists, kScope);
constexpr Tag kTableScopeTags[] = {html, table, template_};
constexpr TagSet kTableScope = tag_set(kTableScopeTags);

// No walk down the stack of open elements goes further: a page with more open elements than this between
// an end tag and its element is hostile, and the end tag is then ignored.
constexpr std::size_t kMaxWalk = 1024;
constexpr unsigned kClockEvery = 64;  // tokens between two reads of the clock
constexpr int kMaxAttributeMerges = 8;  // repeated <html>/<body> tags whose attributes are merged

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r'; }

std::uint32_t hash_name(std::string_view name) {
  std::uint32_t h = 2166136261u;
  for (char c : name) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

class TreeBuilder {
 public:
  TreeBuilder(std::string_view input, const ParseLimits& limits, Dom* dom)
      : tokens_(input, limits.max_attributes), limits_(limits), dom_(dom) {
    stack_.reserve(64);
  }

  ParseResult run();
  const StreamedSegments& streamed() const { return streamed_; }

 private:
  struct Open {
    NodeId node;  // where its children go: the element, or its nearest created ancestor when flattened
    Tag tag;
    bool created;
    std::uint32_t name_hash;  // unknown elements: the name's hash
  };
  enum class Phase : std::uint8_t { before_html, before_head, in_head, after_head, in_body };

  NodeId current() const { return stack_.empty() ? dom_->root() : stack_.back().node; }
  Tag current_tag() const { return stack_.empty() ? Tag::unknown : stack_.back().tag; }

  NodeId insert(Tag tag, bool push, bool with_attributes);
  void pop_to(std::size_t depth) {
    while (stack_.size() > depth) {
      --open_count_[index(stack_.back().tag)];
      stack_.pop_back();
    }
  }
  void pop_current() { pop_to(stack_.size() - 1); }
  // Index of the innermost open element `matches` accepts, if no element of `boundary` is open inside it.
  template <typename Match>
  std::ptrdiff_t find(Match matches, const TagSet& boundary) const {
    std::size_t stop = stack_.size() > kMaxWalk ? stack_.size() - kMaxWalk : 0;
    for (std::size_t i = stack_.size(); i-- > stop;) {
      if (matches(stack_[i])) return static_cast<std::ptrdiff_t>(i);
      if (boundary[index(stack_[i].tag)]) return -1;
    }
    return -1;
  }
  std::ptrdiff_t find_in_scope(Tag tag, const TagSet& boundary) const {
    if (open_count_[index(tag)] == 0) return -1;
    return find([tag](const Open& o) { return o.tag == tag; }, boundary);
  }
  void close_in_scope(Tag tag, const TagSet& boundary) {
    std::ptrdiff_t i = find_in_scope(tag, boundary);
    if (i >= 0) pop_to(static_cast<std::size_t>(i));
  }
  void close_cells() {
    if (open_count_[index(td)] + open_count_[index(th)] == 0) return;
    std::ptrdiff_t i = find([](const Open& o) { return o.tag == td || o.tag == th; }, kTableScope);
    if (i >= 0) pop_to(static_cast<std::size_t>(i));
  }

  void ensure_html();
  void open_body(bool with_attributes);
  void merge_attributes(NodeId node);
  bool keeps_script_text() const;

  void on_start_tag();
  void note_template();
  void body_start_tag(Tag tag);
  void insert_element(Tag tag);
  void on_end_tag();
  void on_text(std::string_view text);

  Tokenizer tokens_;
  const ParseLimits& limits_;
  Dom* dom_;
  std::vector<Open> stack_;
  std::array<std::uint32_t, kTagCount> open_count_{};
  Phase phase_ = Phase::before_html;
  NodeId html_node_ = kNoNode;
  NodeId body_node_ = kNoNode;
  Open head_{kNoNode, Tag::head, false, 0};
  std::string_view name_;  // the current tag's name
  bool drop_text_ = false;  // inside a script or style whose text is not kept
  bool streamed_script_ = false;  // inside a dropped script of a page that streams (streamed.h): read
  StreamedSegments streamed_;
  bool truncated_ = false;
  int merges_ = 0;
};

NodeId TreeBuilder::insert(Tag tag, bool push, bool with_attributes) {
  NodeId parent = current();
  bool create = stack_.size() < limits_.max_depth && dom_->size() < limits_.max_nodes;
  NodeId node = parent;
  if (create) {
    node = dom_->add_element(parent, tag, tag == Tag::unknown ? name_ : std::string_view());
    if (with_attributes) {
      for (std::size_t i = 0; i < tokens_.attr_count(); ++i) dom_->add_attr(node, tokens_.attr_name(i), tokens_.attr_value(i));
    }
  } else {
    truncated_ = true;  // flattened: its content goes to `parent`
  }
  if (push) {
    stack_.push_back({node, tag, create, tag == Tag::unknown ? hash_name(name_) : 0});
    ++open_count_[index(tag)];
  }
  return create ? node : kNoNode;
}

void TreeBuilder::ensure_html() {
  if (phase_ != Phase::before_html) return;
  html_node_ = insert(html, true, false);
  phase_ = Phase::before_head;
}

// The first content of the page: head (and whatever is open in it) is closed, body opened.
void TreeBuilder::open_body(bool with_attributes) {
  ensure_html();
  pop_to(1);
  body_node_ = insert(body, true, with_attributes);
  phase_ = Phase::in_body;
}

// A second <html> or <body> tag adds the attributes the element does not have yet (the spec's rule).
void TreeBuilder::merge_attributes(NodeId node) {
  if (node == kNoNode || tokens_.attr_count() == 0 || merges_ >= kMaxAttributeMerges) return;
  ++merges_;
  for (std::size_t i = 0; i < tokens_.attr_count(); ++i) {
    if (dom_->node(node).attr_count >= limits_.max_attributes) break;
    if (!dom_->has_attr(node, tokens_.attr_name(i))) dom_->add_late_attr(node, tokens_.attr_name(i), tokens_.attr_value(i));
  }
}

// A script whose text is data lede reads: JSON-LD (the metadata stage) and MathJax's TeX
// (<script type="math/tex">, the formulas of pages rendered in the browser).
bool TreeBuilder::keeps_script_text() const {
  for (std::size_t i = 0; i < tokens_.attr_count(); ++i) {
    if (tokens_.attr_name(i) != "type") continue;
    std::string_view type = tokens_.attr_value(i);
    return type.find("ld+json") != std::string_view::npos || type.starts_with("math/tex");
  }
  return false;
}

void TreeBuilder::on_start_tag() {
  name_ = tokens_.name();
  Tag tag = tag_from_name(name_);
  if (tag == Tag::unknown && name_ == "image") tag = img;  // as the spec says
  switch (tag) {
    case html:
      if (phase_ == Phase::before_html) {
        html_node_ = insert(html, true, true);
        phase_ = Phase::before_head;
      } else {
        merge_attributes(html_node_);
      }
      return;
    case head:
      if (phase_ == Phase::before_html || phase_ == Phase::before_head) {
        ensure_html();
        insert(head, true, true);
        head_ = stack_.back();
        phase_ = Phase::in_head;
      }
      return;  // a later <head> is ignored
    case body:
      if (phase_ != Phase::in_body) {
        open_body(true);
      } else {
        merge_attributes(body_node_);
      }
      return;
    case frameset:
      if (phase_ != Phase::in_body) {  // a frameset page: the frameset stands where the body would
        ensure_html();
        pop_to(1);
        insert(frameset, true, true);
        phase_ = Phase::in_body;
        return;
      }
      break;
    default:
      break;
  }
  if (phase_ != Phase::in_body && kHeadContent[index(tag)]) {
    ensure_html();
    if (phase_ == Phase::before_head) {
      insert(head, true, false);
      head_ = stack_.back();
      phase_ = Phase::in_head;
    } else if (phase_ == Phase::after_head) {  // after </head>: back into the head
      stack_.push_back(head_);
      ++open_count_[index(head)];
      phase_ = Phase::in_head;
    }
    insert_element(tag);
    return;
  }
  if (phase_ != Phase::in_body) open_body(false);
  body_start_tag(tag);
}

// A start tag in the body: the implied end tags it causes, then the element.
void TreeBuilder::body_start_tag(Tag tag) {
  if (kClosesP[index(tag)]) close_in_scope(p, kButtonScope);
  // Unlike the spec, and as libxml2 did: a paragraph, list item or table does not go inside the heading
  // that is the current element ("<h3><p>Lead</p></h3>", a rich-text editor's habit, is a heading and a
  // paragraph of the article, not one long heading).
  if ((tag == p || tag == li || tag == table) && is_heading(current_tag())) pop_current();
  switch (tag) {
    case h1: case h2: case h3: case h4: case h5: case h6:
      if (is_heading(current_tag())) pop_current();
      break;
    case li:
    case dd:
    case dt: {
      // The innermost open list item of the same kind, unless a special element other than address,
      // div or p is open inside it.
      bool list = tag == li;
      std::size_t stop = stack_.size() > kMaxWalk ? stack_.size() - kMaxWalk : 0;
      for (std::size_t i = stack_.size(); i-- > stop;) {
        Tag t = stack_[i].tag;
        if (list ? t == li : (t == dd || t == dt)) {
          pop_to(i);
          break;
        }
        if (kSpecial[index(t)] && t != address && t != div && t != p) break;
      }
      break;
    }
    case button:
      close_in_scope(button, kScope);
      break;
    case a:
    case nobr:
      // A new link closes one still open, unless a block opened inside it (the adoption agency would keep
      // that block where it is).
      if (open_count_[index(tag)] != 0) {
        std::ptrdiff_t i = find([tag](const Open& o) { return o.tag == tag; }, kSpecial);
        if (i >= 0) pop_to(static_cast<std::size_t>(i));
      }
      break;
    case option:
      if (current_tag() == option) pop_current();
      break;
    case optgroup:
      if (current_tag() == option) pop_current();
      if (current_tag() == optgroup) pop_current();
      break;
    case rb: case rp: case rt: case rtc:
      if (current_tag() == rb || current_tag() == rp || current_tag() == rt || (tag != rtc && current_tag() == rtc))
        pop_current();
      break;
    case td:
    case th:
      close_cells();
      break;
    case tr:
      close_cells();
      close_in_scope(tr, kTableScope);
      break;
    case tbody: case thead: case tfoot: case caption: case colgroup:
      close_cells();
      close_in_scope(tr, kTableScope);
      for (Tag section : {tbody, thead, tfoot, caption, colgroup}) close_in_scope(section, kTableScope);
      break;
    case table: {
      // A table directly inside another table's rows (not in a cell) closes it.
      std::size_t stop = stack_.size() > kMaxWalk ? stack_.size() - kMaxWalk : 0;
      for (std::size_t i = stack_.size(); i-- > stop;) {
        Tag t = stack_[i].tag;
        if (t == table) {
          pop_to(i);
          break;
        }
        if (t != tbody && t != thead && t != tfoot && t != tr) break;
      }
      break;
    }
    default:
      break;
  }
  insert_element(tag);
}

void TreeBuilder::insert_element(Tag tag) {
  // Self-closing is honoured in SVG and MathML, where the spec honours it, and, unlike the spec, on the
  // elements whose content is raw text: an "<iframe/>" or "<script/>" (common in <noscript>, which
  // browsers running scripts never parse) would otherwise make the rest of the page its text.
  // "<div/>" opens a div, as in browsers.
  bool honour_self_closing = tag == svg || tag == math || kRawText[index(tag)] ||
                             open_count_[index(svg)] + open_count_[index(math)] != 0;
  bool push = !kVoid[index(tag)] && !(honour_self_closing && tokens_.self_closing());
  insert(tag, push, true);
  if (!push) return;
  switch (tag) {
    case title:
    case textarea:
      tokens_.set_text_mode(TextMode::rcdata);
      break;
    case style:
      tokens_.set_text_mode(TextMode::rawtext);
      drop_text_ = true;
      break;
    case xmp: case iframe: case noembed: case noframes:
      tokens_.set_text_mode(TextMode::rawtext);
      break;
    case script:
      tokens_.set_text_mode(TextMode::script_data);
      drop_text_ = !keeps_script_text();
      streamed_script_ = drop_text_ && streamed_.streams();
      break;
    case template_:
      note_template();
      break;
    case plaintext:
      tokens_.set_text_mode(TextMode::plaintext);
      break;
    default:
      break;
  }
}

void TreeBuilder::on_end_tag() {
  name_ = tokens_.name();
  Tag tag = tag_from_name(name_);
  switch (tag) {
    case br:  // "</br>" is a <br>
      if (phase_ != Phase::in_body) open_body(false);
      insert(br, false, false);
      return;
    case html:
    case body:
      return;  // what follows still goes into the body
    case head:
      if (phase_ == Phase::in_head) {
        pop_to(1);
        phase_ = Phase::after_head;
      }
      return;
    case p: {
      // A "</p>" with no open paragraph is an empty one (the spec's rule): the text on either side of it
      // stays apart, as in browsers.
      std::ptrdiff_t i = find_in_scope(p, kButtonScope);
      if (i >= 0) {
        pop_to(static_cast<std::size_t>(i));
      } else {
        if (phase_ != Phase::in_body) open_body(false);
        insert(p, false, false);
      }
      return;
    }
    case li:
      close_in_scope(li, kListScope);
      return;
    case h1: case h2: case h3: case h4: case h5: case h6: {
      std::uint32_t open = 0;
      for (Tag h : {h1, h2, h3, h4, h5, h6}) open += open_count_[index(h)];
      if (open == 0) return;
      std::ptrdiff_t i = find([](const Open& o) { return is_heading(o.tag); }, kScope);
      if (i >= 0) pop_to(static_cast<std::size_t>(i));
      return;
    }
    case table: case tbody: case thead: case tfoot: case tr: case td: case th: case caption: case colgroup:
      close_in_scope(tag, kTableScope);
      return;
    default:
      break;
  }
  if (kBlockEnd[index(tag)]) {
    close_in_scope(tag, kScope);
    return;
  }
  // Any other end tag: the innermost element of that name, unless a special element is open inside it.
  if (open_count_[index(tag)] == 0) return;
  std::ptrdiff_t i;
  if (tag != Tag::unknown) {
    i = find([tag](const Open& o) { return o.tag == tag; }, kSpecial);
  } else {
    std::uint32_t hash = hash_name(name_);
    i = find([&](const Open& o) {
      return o.tag == Tag::unknown && o.name_hash == hash && (!o.created || dom_->name(o.node) == name_);
    }, kSpecial);
  }
  if (i >= 0) pop_to(static_cast<std::size_t>(i));
}

// A <template> may be a streamed segment's placeholder or its move (streamed.h).
void TreeBuilder::note_template() {
  std::string_view id, placeholder, segment;
  for (std::size_t i = 0; i < tokens_.attr_count(); ++i) {
    std::string_view name = tokens_.attr_name(i);
    if (name == "id") id = tokens_.attr_value(i);
    else if (name == "data-bid" || name == "data-pid") placeholder = tokens_.attr_value(i);
    else if (name == "data-sid") segment = tokens_.attr_value(i);
  }
  streamed_.on_template(id, placeholder, segment);
}

void TreeBuilder::on_text(std::string_view text) {
  if (drop_text_) {
    if (streamed_script_) streamed_.read_script(text);
    return;
  }
  if (phase_ != Phase::in_body && !(phase_ == Phase::in_head && current_tag() != head)) {
    // Before the body, white space is dropped; other text is the first content and opens the body.
    std::size_t skip = 0;
    while (skip < text.size() && is_space(text[skip])) ++skip;
    if (skip == text.size()) return;
    text.remove_prefix(skip);
    open_body(false);
  }
  dom_->add_text(current(), text);
}

ParseResult TreeBuilder::run() {
  ParseResult result;
  bool timed = limits_.deadline != std::chrono::steady_clock::time_point::max();
  unsigned tokens = 0;
  for (;;) {
    if (timed && ++tokens % kClockEvery == 0 && std::chrono::steady_clock::now() >= limits_.deadline) {
      result.out_of_time = true;
      truncated_ = true;
      break;
    }
    TokenKind kind = tokens_.next();
    if (kind == TokenKind::eof) break;
    if (kind == TokenKind::text) {
      on_text(tokens_.text());
      continue;
    }
    drop_text_ = false;
    streamed_script_ = false;
    if (kind == TokenKind::start_tag) {
      on_start_tag();
    } else {
      on_end_tag();
    }
  }
  result.truncated = truncated_ || tokens_.dropped_attributes();
  return result;
}

}  // namespace

ParseResult parse_html(std::string_view utf8, const ParseLimits& limits, Dom* dom) {
  dom->clear();
  TreeBuilder builder(utf8, limits, dom);
  ParseResult result = builder.run();
  builder.streamed().place(limits.max_depth, dom);
  return result;
}

}  // namespace lede::parse
