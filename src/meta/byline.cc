// In-page evidence near the headline: bylines (rel=author, author/byline class words, "By X" / "Автор: X"
// lines), <time> elements, datelines and the standfirst. Only a window of text around the headline is read,
// and never comments, related rails, navigation, asides or footers: a date there is someone else's.
#include "meta/byline.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "clean/clean.h"
#include "decode/utf8.h"
#include "meta/dates.h"
#include "meta/names.h"
#include "meta/text.h"

namespace lede::meta {
namespace {

using parse::Dom;
using parse::kNoNode;
using parse::NodeId;
using parse::Tag;

constexpr std::uint8_t kOutside = clean::kDropped | clean::kComments | clean::kRelated | clean::kSemantic;

// Text before and after the headline that can hold its byline, dateline and standfirst, in characters.
constexpr std::size_t kTextBefore = 600;
constexpr std::size_t kTextAfter = 2500;
constexpr std::size_t kMaxLine = 160;  // a byline or dateline is a short line
constexpr std::size_t kNearHeadline = 800;  // characters below the headline where an author line may sit

enum class Role { none, author, lead, updated };

// What a word of an element's class, id or itemprop says about the element.
enum WordSense : unsigned {
  kNotTheName = 1,  // a part of an author box that is not the name: "avatar", "bio", "date", "social"
  kAuthor = 2,      // "author", "byline", "autor", "reporter", and words that start with "author"/"byline"
  kLead = 4,        // "lead", "standfirst", "summary", "teaser", "vorspann", "anons"
  kUpdated = 8,     // "updated", "modified"
  kMedia = 16,      // "video", "audio", "player", "media", "gallery": a lead video or picture, no standfirst
};

unsigned sense_of(std::string_view word) {
  struct Entry {
    std::string_view word;
    unsigned sense;
  };
  static constexpr Entry kWords[] = {
      {"avatar", kNotTheName}, {"image", kNotTheName}, {"img", kNotTheName}, {"photo", kNotTheName},
      {"picture", kNotTheName}, {"bio", kNotTheName}, {"description", kNotTheName}, {"social", kNotTheName},
      {"follow", kNotTheName}, {"more", kNotTheName}, {"twitter", kNotTheName}, {"email", kNotTheName},
      {"mail", kNotTheName}, {"share", kNotTheName}, {"label", kNotTheName}, {"title", kNotTheName},
      {"role", kNotTheName}, {"job", kNotTheName}, {"position", kNotTheName}, {"count", kNotTheName},
      {"list", kNotTheName}, {"date", kNotTheName}, {"time", kNotTheName},
      {"author", kAuthor}, {"authors", kAuthor}, {"byline", kAuthor}, {"bylines", kAuthor}, {"autor", kAuthor},
      {"autoren", kAuthor}, {"auteur", kAuthor}, {"autore", kAuthor}, {"writer", kAuthor}, {"creator", kAuthor},
      {"reporter", kAuthor}, {"journalist", kAuthor}, {"contributor", kAuthor}, {"avtor", kAuthor}, {"by", kAuthor},
      {"lead", kLead}, {"lede", kLead}, {"dek", kLead}, {"deck", kLead}, {"standfirst", kLead}, {"summary", kLead},
      {"intro", kLead}, {"subtitle", kLead}, {"subheadline", kLead}, {"subhead", kLead}, {"sapo", kLead},
      {"chapo", kLead}, {"teaser", kLead}, {"excerpt", kLead}, {"abstract", kLead}, {"vorspann", kLead},
      {"strapline", kLead}, {"alternativeheadline", kLead}, {"underline", kLead}, {"anons", kLead},
      {"announce", kLead}, {"annotation", kLead},
      {"updated", kUpdated}, {"modified", kUpdated}, {"update", kUpdated},
      {"video", kMedia}, {"audio", kMedia}, {"player", kMedia}, {"media", kMedia}, {"gallery", kMedia},
      {"podcast", kMedia}, {"figure", kMedia}};
  // The words by their first letter: most class words of a page ("flex", "mt", "text") meet none.
  struct Index {
    std::vector<Entry> by_first[26];
    Index() {
      for (const Entry& e : kWords) by_first[e.word[0] - 'a'].push_back(e);
    }
  };
  static const Index index;
  if (word.empty() || word[0] < 'a' || word[0] > 'z') return 0;
  unsigned sense = 0;
  for (const Entry& e : index.by_first[word[0] - 'a']) {
    if (e.word == word) sense |= e.sense;
  }
  if (word.starts_with("author") || word.starts_with("byline")) sense |= kAuthor;
  return sense;
}

// The senses of the words of a class or id value, split at non-letters and camelCase humps and lower-cased,
// without copying the value: most elements of a page are read here.
unsigned senses_of(std::string_view value) {
  unsigned senses = 0;
  char word[24];
  std::size_t len = 0;
  bool too_long = false;
  auto flush = [&] {
    if (len > 0 && !too_long) senses |= sense_of(std::string_view(word, len));
    len = 0;
    too_long = false;
  };
  char prev = 0;
  for (char ch : value) {
    const bool upper = ch >= 'A' && ch <= 'Z';
    const bool alnum = upper || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
    if (!alnum || (upper && prev >= 'a' && prev <= 'z')) flush();
    if (alnum) {
      if (len < sizeof word) word[len++] = upper ? static_cast<char>(ch + 32) : ch;
      else too_long = true;
    }
    prev = ch;
  }
  flush();
  return senses;
}

// What an element's class/id/itemprop words say it is: an author box's name, a standfirst, an update
// stamp. A word for a part of an author box that is not the name (its avatar, its bio) rules the author
// reading out.
Role role_of(const Dom& dom, NodeId id) {
  unsigned senses = 0;
  for (const parse::Attr* a = dom.attrs_begin(id); a != dom.attrs_end(id); ++a) {
    std::string_view name = dom.attr_name(*a);
    if (name == "class" || name == "id" || name == "itemprop") senses |= senses_of(dom.attr_value(*a));
  }
  if (senses & kNotTheName) return (senses & kUpdated) ? Role::updated : Role::none;
  if (senses & kAuthor) return Role::author;
  // "lead-element--video", <figure class="header__lead">: the story's lead picture or clip, not its standfirst.
  const Tag tag = dom.node(id).tag;
  const bool media = (senses & kMedia) || tag == Tag::figure || tag == Tag::video || tag == Tag::audio ||
                     tag == Tag::picture || tag == Tag::img;
  if ((senses & kLead) && !media) return Role::lead;
  if (senses & kUpdated) return Role::updated;
  return Role::none;
}

std::string folded_text(const Dom& dom, NodeId id, std::size_t limit) {
  std::string raw;
  dom.append_text_as_lines(id, &raw);
  if (raw.size() > limit * 6) return {};
  std::string text = fold_space(raw);
  if (code_points(text) > limit) return {};
  return text;
}

// A standfirst's text, its blocks apart. A heading over the standfirst's own text ("In short" over a
// summary) is left out; a standfirst written as a heading (<div class=subheadline><h2>…) is the heading.
std::string lead_text(const Dom& dom, NodeId id, std::size_t limit) {
  constexpr std::size_t kMinLead = 60;
  std::string without_headings, whole;
  const NodeId end = dom.subtree_end(id);
  std::size_t heading_end = 0;  // the subtree end of the heading being read, 0 outside one
  std::vector<NodeId> block_ends;  // the subtree ends of the blocks being read, innermost last
  auto line_break = [&] {
    whole.push_back(' ');
    without_headings.push_back(' ');
  };
  for (NodeId d = id + 1; d < end; ++d) {
    // A block's start and end and a <br> break the text, as a browser lays it out (Dom::append_text_as_lines).
    for (; !block_ends.empty() && d >= block_ends.back(); block_ends.pop_back()) line_break();
    const Tag tag = dom.node(d).tag;
    if (d >= heading_end) heading_end = 0;
    if (heading_end == 0 && parse::is_heading(tag)) heading_end = dom.subtree_end(d);
    std::string* out = heading_end ? &whole : nullptr;
    if (tag == Tag::text) {
      dom.append_text(d, &whole);
      if (!out) dom.append_text(d, &without_headings);
    } else if (parse::is_block(tag) || tag == Tag::br) {
      line_break();
      if (tag != Tag::br) block_ends.push_back(dom.subtree_end(d));
    }
    if (whole.size() > limit * 6) return {};
  }
  std::string text = fold_space(without_headings);
  if (code_points(text) < kMinLead) text = fold_space(whole);
  if (code_points(text) > limit) return {};
  return text;
}

bool is_inline(Tag tag) {
  return tag == Tag::a || tag == Tag::span || tag == Tag::b || tag == Tag::strong || tag == Tag::em ||
         tag == Tag::i || tag == Tag::small || tag == Tag::time || tag == Tag::font || tag == Tag::u;
}

// The element a text node reads as one line with: its nearest non-inline ancestor.
NodeId line_of(const Dom& dom, NodeId text) {
  NodeId p = dom.node(text).parent;
  while (p != kNoNode && is_inline(dom.node(p).tag) && dom.node(p).parent != kNoNode) p = dom.node(p).parent;
  return p;
}

// A text run whose element neighbours (white space aside) are blocks, or the edges of its parent.
bool between_blocks(const Dom& dom, NodeId text) {
  auto block_or_edge = [&](NodeId n, bool forward) {
    while (n != kNoNode && dom.node(n).tag == Tag::text &&
           dom.text(n).find_first_not_of(" \t\r\n") == std::string_view::npos)
      n = forward ? dom.node(n).next_sibling : dom.node(n).prev_sibling;
    return n == kNoNode || (dom.node(n).tag != Tag::text && !is_inline(dom.node(n).tag));
  };
  return block_or_edge(dom.node(text).prev_sibling, false) && block_or_edge(dom.node(text).next_sibling, true);
}

// A word of date_words.cc's update vocabulary in `lowered` text (words end at anything but a letter).
bool has_update_word(std::string_view lowered) {
  std::size_t start = 0;
  for (std::size_t i = 0; i <= lowered.size(); ++i) {
    const bool letter = i < lowered.size() && (static_cast<unsigned char>(lowered[i]) >= 0x80 ||
                                               (lowered[i] >= 'a' && lowered[i] <= 'z'));
    if (letter) continue;
    if (i > start && is_update_word(lowered.substr(start, i - start))) return true;
    start = i + 1;
  }
  return false;
}

// Visible text that names a month and a year and nothing else ("April 2025", "März 2022").
bool shows_month_not_day(std::string_view lowered) {
  bool month = false, year = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= lowered.size(); ++i) {
    const bool letter_or_digit = i < lowered.size() && (static_cast<unsigned char>(lowered[i]) >= 0x80 ||
                                                        (lowered[i] >= 'a' && lowered[i] <= 'z') || is_ascii_digit(lowered[i]));
    if (letter_or_digit) continue;
    if (i > start) {
      const std::string_view word = lowered.substr(start, i - start);
      if (month_from_word(word) > 0) month = true;
      else if (word.size() == 4 && is_ascii_digit(word[0]) && is_ascii_digit(word[3])) year = true;
      else return false;
    }
    start = i + 1;
  }
  return month && year;
}

// `ancestor` holds `node` (ids are in document order: an ancestor's id is smaller).
bool holds(const Dom& dom, NodeId ancestor, NodeId node) {
  for (NodeId p = dom.node(node).parent; p != kNoNode && p >= ancestor; p = dom.node(p).parent)
    if (p == ancestor) return true;
  return false;
}

// Whether the nearest <article> around `id` also holds `anchor` (the headline, or the story's root).
bool in_story_article(const Dom& dom, NodeId id, NodeId anchor) {
  for (NodeId p = dom.node(id).parent; p != kNoNode; p = dom.node(p).parent)
    if (dom.node(p).tag == Tag::article) return p == anchor || holds(dom, p, anchor);
  return false;
}

// Where the first update word of a line starts ("Updated", "aktualisiert"), or npos. Words end at spaces
// and punctuation, and at a camelCase hump: templates glue a name to the next label when they drop the
// space between elements ("By Jane DoeUpdated: Dec 19, 2025").
std::size_t update_word_at(const std::string& text) {
  const std::string lowered = decode::lower(text);
  for (std::size_t i = 0, start = 0; i <= lowered.size(); ++i) {
    const bool hump = text.size() == lowered.size() && i > start && i < text.size() && text[i - 1] >= 'a' &&
                      text[i - 1] <= 'z' && ((text[i] >= 'A' && text[i] <= 'Z') || is_ascii_digit(text[i]));
    if (hump || i == lowered.size() || lowered[i] == ' ' || lowered[i] == ':' || lowered[i] == ',' ||
        lowered[i] == '(') {
      if (i > start && is_update_word(std::string_view(lowered).substr(start, i - start))) return start;
      start = hump ? i : i + 1;
    }
  }
  return std::string::npos;
}

bool starts_like_a_name(std::string_view rest) {
  if (rest.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(rest[0]);
  return (c >= 'A' && c <= 'Z') || c >= 0xC0;
}

// Last, the story signed below the headline's window: a "Written by Jane Doe" line down to kSignatureText
// characters past the body's end, or an element named for its author from the body's last kSignatureText
// characters on (an author box at the story's end); the first one outside comments, rails, navigation,
// asides and footers. (Only lines that open with a lead-in are read, and only near the end are elements'
// names: reading every name of a long page cost 3 % of the extraction.)
constexpr std::size_t kSignatureText = 1500;

void author_after_story(const Dom& dom, const score::Selection& selection, NodeId from, std::vector<std::string>* out) {
  if (selection.root == kNoNode) return;
  const NodeId body_end = dom.subtree_end(selection.root);
  NodeId start = body_end;
  for (std::size_t chars = 0; start > from && chars < kSignatureText;) {
    --start;
    if (dom.node(start).tag == Tag::text && !(selection.zone[start] & kOutside) && start < selection.chars.size())
      chars += selection.chars[start];  // visible characters, as below the body
  }
  std::size_t after = 0;
  NodeId last_line = kNoNode;
  for (NodeId id = from; id < dom.size() && out->empty() && after < kSignatureText; ++id) {
    const parse::Node& node = dom.node(id);
    // A byline's run of text is short: a paragraph's is not read at all.
    const std::size_t visible = node.tag == Tag::text && id < selection.chars.size() ? selection.chars[id] : 0;
    if (id >= body_end) after += visible;  // footers and rails count: the signature is near the story
    if (selection.zone[id] & kOutside) continue;
    if (node.tag == Tag::text) {
      if (visible == 0 || visible > kMaxLine || !opens_with_lead_in_word(dom.text(id))) continue;
      const NodeId line = line_of(dom, id);
      if (line == kNoNode || line == last_line) continue;
      last_line = line;
      if (line < selection.chars.size() && selection.chars[line] > kMaxLine) continue;
      const std::string text = folded_text(dom, line, kMaxLine);
      if (starts_like_a_name(after_byline_prefix(text))) clean_authors(text, out, NameEvidence::visible);
      continue;
    }
    if (id < start || node.attr_count == 0 || role_of(dom, id) != Role::author) continue;
    const std::string text = folded_text(dom, id, kMaxLine);
    if (!text.empty()) clean_authors(text, out, NameEvidence::visible);
  }
}

}  // namespace

void collect_in_page(const Dom& dom, const score::Selection& selection, const PageIndex& index, NodeId headline,
                     const DateTime* reference, NumericOrder order, bool read_bylines, InPage* out) {
  NodeId anchor = headline != kNoNode ? headline : selection.root;
  if (anchor == kNoNode || anchor >= dom.size()) return;
  out->headline = headline;
  // The window: document order around the anchor, measured in visible text.
  NodeId lo = anchor, hi = anchor;
  std::size_t chars = 0;
  while (lo > 1 && chars < kTextBefore && anchor - lo < 3000) {
    --lo;
    if (dom.node(lo).tag == Tag::text && !(selection.zone[lo] & kOutside)) chars += dom.node(lo).text_len;
  }
  chars = 0;
  NodeId headline_end = anchor;  // the last node inside the headline
  if (headline != kNoNode) {
    while (headline_end + 1 < dom.size()) {
      NodeId p = headline_end + 1;
      bool inside = false;
      for (NodeId q = dom.node(p).parent; q != kNoNode; q = dom.node(q).parent)
        if (q == headline) {
          inside = true;
          break;
        }
      if (!inside) break;
      headline_end = p;
    }
  }
  hi = headline_end;
  while (hi + 1 < dom.size() && chars < kTextAfter && hi - anchor < 6000) {
    ++hi;
    if (dom.node(hi).tag == Tag::text && !(selection.zone[hi] & kOutside)) chars += dom.node(hi).text_len;
  }

  const NodeId body_start = selection.root != kNoNode && selection.root > anchor ? selection.root : anchor;
  std::vector<NodeId> author_nodes;  // author elements that gave names, in document order
  std::vector<std::vector<std::string>> author_names;
  NodeId last_line = kNoNode;
  bool text_byline = !read_bylines;  // without bylines to read, as if one were read already
  bool label_pending = false;
  std::string raw_line;
  std::size_t text_after_headline = 0;
  // A byline written as text: a lead-in, then something written like a name.
  auto try_byline = [&](const std::string& text) {
    if (!starts_like_a_name(after_byline_prefix(text))) return false;
    std::vector<std::string> names;
    clean_authors(text, &names, NameEvidence::visible);
    if (names.empty()) return false;
    if (out->byline_authors.empty()) out->byline_authors = std::move(names);
    return true;
  };
  for (NodeId id = lo; id <= hi; ++id) {
    // Between the headline and the body, a rail mark is the clean stage's guess about a header block
    // (author boxes are named like teaser cards); below the body's start it is believed.
    // Just below the headline, inside the body, an author link in a heading reads to the score stage as a
    // teaser card: author lines there are read through a rail mark too, dates never are.
    const bool head = id > anchor && id < body_start;
    const bool near_headline = id > headline_end && text_after_headline < kNearHeadline;
    const std::uint8_t zone = selection.zone[id];
    // A <time> in a page part of the story's own <article> (its <aside> or <header> of post metadata) is
    // the story's, though page parts are otherwise outside.
    const bool story_time = dom.node(id).tag == Tag::time && (zone & kOutside) == clean::kSemantic &&
                            (in_story_article(dom, id, anchor) || in_story_article(dom, id, selection.root));
    if (!story_time && (zone & ((head || near_headline) ? (kOutside & ~clean::kRelated) : kOutside))) continue;
    const bool dates_here = story_time || !(zone & (head ? (kOutside & ~clean::kRelated) : kOutside));
    if (id >= anchor && id <= headline_end && headline != kNoNode) continue;
    const parse::Node& node = dom.node(id);
    if (node.tag == Tag::text && id > headline_end && !(zone & (kOutside & ~clean::kRelated)))
      text_after_headline += node.text_len;
    if (node.tag == Tag::text) {
      // White space between tags (the score stage counted no visible character in it) is no line.
      if (id < selection.chars.size() && selection.chars[id] == 0) continue;
      const NodeId line = line_of(dom, id);
      // "Published August 7 <span>by Jane Doe</span>": a text run that opens with a lead-in on its own.
      if (!text_byline && node.text_len <= kMaxLine * 4 && opens_with_lead_in_word(dom.text(id))) {
        const std::string own = fold_space(dom.text(id));
        if (own.size() < 200 && try_byline(own)) text_byline = true;
      }
      if (line == kNoNode) continue;
      // A block that holds the headline too ("<div><h1>…</h1><span>December 18, 2025</span></div>"): each
      // text run after the headline is a line of its own.
      // So is text standing loose between blocks ("<legend>Title</legend> 20 December 2025 <div>…"), as a
      // browser lays it out, however long the block around it.
      const bool own_line = (headline != kNoNode && line < anchor && holds(dom, line, anchor)) ||
                            (dom.node(id).parent == line && between_blocks(dom, id));
      if (!own_line) {
        if (line == last_line) continue;
        last_line = line;
        // A line with more visible text than a byline holds is skipped before its text is copied.
        if (line < selection.chars.size() && selection.chars[line] > kMaxLine) {
          label_pending = false;
          continue;
        }
      }
      // Only a line that may be a byline (a lead-in), a dateline (a digit, or a relative day with the
      // reference) or the name after a label is folded and read.
      raw_line.clear();
      if (own_line) raw_line = dom.text(id);
      else dom.append_text_as_lines(line, &raw_line);
      if (raw_line.size() > kMaxLine * 6) {
        label_pending = false;
        continue;
      }
      if (!label_pending && reference == nullptr &&
          std::none_of(raw_line.begin(), raw_line.end(), [](char c) { return is_ascii_digit(c); }) &&
          (!read_bylines || !opens_with_lead_in_word(raw_line)))
        continue;
      std::string text = fold_space(raw_line);
      if (text.empty() || code_points(text) > kMaxLine) {
        label_pending = false;
        continue;
      }
      // "Written by" on one line and the name on the next.
      if (label_pending && !text_byline) {
        std::vector<std::string> names;
        clean_authors(text, &names, NameEvidence::visible);
        if (!names.empty()) {
          text_byline = true;
          out->byline_authors = names;
        }
      }
      label_pending = read_bylines && is_byline_label(text);
      // "By Jane Doe", "Автор: Иван Петров" as a line of its own.
      if (!text_byline && try_byline(text)) text_byline = true;
      // A dateline: a short line that holds a date. Once the page's dateline is found, only a line with an
      // update word can still say something (when the page was changed), so no other line is parsed.
      if (dates_here && (out->dateline.empty() || out->dateline_modified.empty())) {
        std::size_t n_words = 1;
        for (char c : text) n_words += c == ' ';
        const bool dateline_known = !out->dateline.empty();
        std::size_t update_at = dateline_known ? update_word_at(text) : std::string::npos;
        DateTime d;
        if (n_words <= 16 && (!dateline_known || update_at != std::string::npos) &&
            parse_date(text, reference, order, &d)) {
          // "Updated March 3, 2022" is an update; "March 1, 2022 - Updated March 3, 2022" is the publication
          // first, then the update: the part from the update word on says when it changed.
          if (!dateline_known) update_at = update_word_at(text);
          std::size_t first_digit = 0;
          while (first_digit < text.size() && !is_ascii_digit(text[first_digit])) ++first_digit;
          const bool update_first = update_at != std::string::npos && update_at <= first_digit;
          if (update_first) {
            if (out->dateline_modified.empty()) out->dateline_modified = text;
          } else {
            if (out->dateline.empty()) {
              out->dateline = text.substr(0, update_at);
              out->dateline_below_headline = headline != kNoNode && id > headline_end;
            }
            if (update_at != std::string::npos && out->dateline_modified.empty())
              out->dateline_modified = text.substr(update_at);
          }
        }
      }
      continue;
    }
    if (node.attr_count == 0 && node.tag != Tag::time) continue;
    // Bylines, datelines and standfirsts are small: containers are not read for a role.
    if (id < selection.chars.size() && selection.chars[id] > 1200) continue;
    // rel=author links and author-named elements.
    const bool rel_author = node.tag == Tag::a && clean::contains_ci(dom.attr(id, "rel"), "author");
    const Role role = role_of(dom, id);
    if (dates_here && (node.tag == Tag::time || role == Role::updated)) {
      std::string_view datetime = dom.attr(id, "datetime");
      std::string value = !datetime.empty() ? std::string(datetime) : std::string();
      bool updated = role == Role::updated;
      if (node.tag == Tag::time) {
        std::string_view prop = dom.attr(id, "itemprop");
        if (prop.find("dateModified") != std::string_view::npos) updated = true;
        // "Updated <time>": the words before the element in its line. A label in a cell of its own
        // ("<div>Last reviewed:</div><div><time>") is read from the first ancestor with more text.
        const std::string own = decode::lower(folded_text(dom, id, kMaxLine));
        NodeId line = dom.node(id).parent;
        std::string around = line != kNoNode ? decode::lower(folded_text(dom, line, kMaxLine)) : std::string();
        for (int up = 0; up < 2 && line != kNoNode && around == own && dom.node(line).parent != kNoNode; ++up) {
          line = dom.node(line).parent;
          around = decode::lower(folded_text(dom, line, kMaxLine));
        }
        const std::size_t at_own = own.empty() ? std::string::npos : around.find(own);
        updated |= has_update_word(std::string_view(around).substr(0, at_own));
        // "April 2025" on the page, a day only in the attribute: the page claims a month, not a day.
        if (!value.empty() && shows_month_not_day(own)) value.clear();
      }
      if (value.empty() && node.tag == Tag::time) value = folded_text(dom, id, kMaxLine);
      if (!value.empty()) {
        std::string& slot = updated ? out->time_modified : out->time_published;
        if (slot.empty()) slot = value;
      }
    }
    if (rel_author || role == Role::author) {
      if (!read_bylines) continue;
      std::string text = folded_text(dom, id, kMaxLine);
      if (text.empty()) continue;
      std::vector<std::string> names;
      clean_authors(text, &names, NameEvidence::visible);
      if (names.empty()) continue;
      author_nodes.push_back(id);
      author_names.push_back(std::move(names));
      continue;
    }
    if (role == Role::lead && out->lead.empty() && id > anchor) {
      std::string text = lead_text(dom, id, 1000);
      // A standfirst is a sentence or two; a fragment ("… and more") is a teaser's tail.
      const bool fragment = text.rfind("\xE2\x80\xA6", 0) == 0 || text.rfind("...", 0) == 0;
      if (code_points(text) >= 60 && !fragment) out->lead = text;
    }
  }
  // Innermost author elements win: "By <a class=author>A</a> and <a class=author>B</a>" inside a byline
  // element reads as A and B, not as the outer line's words.
  std::vector<std::string> names;
  for (std::size_t i = 0; i < author_nodes.size(); ++i) {
    bool outer = false;
    for (std::size_t j = i + 1; j < author_nodes.size() && !outer; ++j)
      for (NodeId q = dom.node(author_nodes[j]).parent; q != kNoNode && q >= author_nodes[i]; q = dom.node(q).parent)
        if (q == author_nodes[i]) {
          outer = true;
          break;
        }
    if (outer) continue;
    for (std::string& n : author_names[i]) {
      bool dup = false;
      for (const std::string& have : names) dup |= decode::lower(have) == decode::lower(n);
      if (!dup && names.size() < 12) names.push_back(std::move(n));
    }
  }
  if (!names.empty()) out->byline_authors = std::move(names);
  // Then a rel=author link anywhere outside comments and rails (an author box in the footer).
  for (const NodeId id : index.author_links) {
    if (!read_bylines || !out->byline_authors.empty()) break;
    if (selection.zone[id] & (clean::kDropped | clean::kComments | clean::kRelated)) continue;
    std::string text = folded_text(dom, id, kMaxLine);
    if (!text.empty()) clean_authors(text, &out->byline_authors, NameEvidence::visible);
  }
  if (read_bylines && out->byline_authors.empty()) {
    author_after_story(dom, selection, hi + 1, &out->byline_authors);
    out->byline_below_story = !out->byline_authors.empty();
  }
}

}  // namespace lede::meta
