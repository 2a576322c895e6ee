// The attribute guard (attribute_guard.h): a linear pre-pass that reads tags, quoted values, comments and
// script/style text as libxml2 2.9's HTML tokenizer does, counts each start tag's attributes the way its
// attribute loop does, and ends a tag that has too many. It must not change any other byte of the page.
//
// Where libxml2's reading depends on state this pass does not keep, it follows every reading at once.
// The one such place: the text of a <script> or <style> is raw text up to its end tag, unless it opens
// with an end tag of an open element or a start tag that closes it (libxml2 then reads it as markup). So
// after such a start tag the pass goes on both ways, from the raw text's end and from right after the tag,
// and the two readings join again at the first '<' both reach; each '<' is read once, by the first reading
// to reach it. A tag is ended by inserting a NUL: libxml2 stops a start tag there in any reading (and the
// page with it), and reads a NUL elsewhere (text, comments, raw text) as a space.
#include "parse/attribute_guard.h"

#include <libxml/chvalid.h>

#include <algorithm>
#include <cstring>
#include <cstdint>
#include <set>
#include <vector>

namespace lede::parse {
namespace {

// libxml2 reads names of at most this many bytes; a longer run of name characters is read as several.
constexpr std::size_t kNameMax = 100;
// At most this many readings at once: each costs a pass over what it reads. Real pages need two.
constexpr std::size_t kMaxReadings = 16;

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_name_start(char c) { return is_letter(c) || c == '_' || c == ':' || c == '.'; }
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9') || c == '-'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// The code point of the UTF-8 sequence at s[i], or 0 where there is none.
unsigned code_point_at(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
  unsigned c = byte(0);
  if (c < 0x80) return c;
  if (c >= 0xC2 && c <= 0xDF) return (c & 0x1F) << 6 | (byte(1) & 0x3F);
  if (c >= 0xE0 && c <= 0xEF) return (c & 0x0F) << 12 | (byte(1) & 0x3F) << 6 | (byte(2) & 0x3F);
  if (c >= 0xF0 && c <= 0xF4) {
    return (c & 0x07) << 18 | (byte(1) & 0x3F) << 12 | (byte(2) & 0x3F) << 6 | (byte(3) & 0x3F);
  }
  return 0;
}

// Whether a processing instruction's target name can start here: libxml2's own letter test.
bool starts_pi_target(std::string_view s, std::size_t i) {
  unsigned c = code_point_at(s, i);
  return c == '_' || c == ':' || xmlIsBaseChar(c) || xmlIsIdeographic(c);
}

bool equals_ci(std::string_view a, std::string_view lower_b) {
  if (a.size() != lower_b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (lower(a[k]) != lower_b[k]) return false;
  }
  return true;
}

class Scanner {
 public:
  Scanner(std::string_view html, std::size_t max_attributes)
      : s_(html), n_(html.size()), max_(max_attributes), prolog_end_(prolog_end()) {}

  // Positions where a NUL must be inserted, in increasing order.
  std::vector<std::size_t> scan() {
    // Where readings go on, smallest first: in content, or at the start of a script's or style's text.
    std::set<Reading> readings{{0, State::content}};
    std::size_t last_read = n_;  // the last '<' read in content; readings reach them in increasing order
    while (!readings.empty()) {
      Reading r = *readings.begin();
      readings.erase(readings.begin());
      Next next;
      if (r.state == State::content) {
        std::size_t p = find(r.at, '<');
        if (p + 1 >= n_ || p == last_read) continue;
        last_read = p;
        next = construct(p);
      } else {
        next = raw_text_start(r.at, r.state);
      }
      for (const Reading& go_on : {next.first, next.second}) {
        if (go_on.at < n_ && readings.size() < kMaxReadings) readings.insert(go_on);
      }
    }
    std::sort(cuts_.begin(), cuts_.end());
    cuts_.erase(std::unique(cuts_.begin(), cuts_.end()), cuts_.end());
    return std::move(cuts_);
  }

 private:
  enum class State : std::uint8_t { content, script, style };
  struct Reading {
    std::size_t at;
    State state;
    bool operator<(const Reading& other) const { return at != other.at ? at < other.at : state < other.state; }
  };
  // Where reading goes on after a construct: one place, or two where libxml2's state decides (see the top).
  struct Next {
    Reading first;
    Reading second;
  };
  Next one(std::size_t at) const { return {{at, State::content}, {n_, State::content}}; }

  // The construct that starts with the '<' at p, in content.
  Next construct(std::size_t p) {
    char c = s_[p + 1];
    if (c == '!') return one(markup_declaration(p));
    if (c == '?') {
      // A processing instruction runs to the next '>'; "<?" without a target name is text.
      return one(starts_pi_target(s_, p + 2) ? past(find(p + 2, '>')) : p + 2);
    }
    if (c == '/') return one(end_tag(p));
    if (is_letter(c)) return start_tag(p);
    return one(p + 1);  // a '<' that opens nothing is text
  }

  // An end tag: its name, then everything up to the next '>' (libxml2 skips there, quotes or not).
  // "</" without a name is text.
  std::size_t end_tag(std::size_t p) const {
    return p + 2 < n_ && is_name_start(s_[p + 2]) ? past(find(p + 2, '>')) : p + 2;
  }

  // Right after <script> or <style>: libxml2 reads an end tag there as markup (it ends the element when it
  // names it or an open ancestor, which this pass cannot tell: both ways are followed), and a start tag
  // that closes the element (<noscript> a script; <body> or <frameset> a style) likewise; anything else
  // begins raw text, which runs to "</" and the element's name, in any case (a prefix is enough).
  Next raw_text_start(std::size_t i, State state) const {
    std::string_view name = state == State::script ? "script" : "style";
    if (i + 2 < n_ && s_[i] == '<' && s_[i + 1] == '/' && is_name_start(s_[i + 2])) {
      std::size_t after = end_tag(i);
      std::size_t name_stop = name_end(i + 2);
      if (equals_ci(s_.substr(i + 2, name_stop - (i + 2)), name)) return one(after);
      return {{after, State::content}, {after, state}};
    }
    if (i + 1 < n_ && s_[i] == '<' && is_letter(s_[i + 1])) {
      // This look-ahead of libxml2's takes no '.' into the name.
      std::size_t stop = i + 1;
      while (stop < n_ && stop - (i + 1) < kNameMax && is_name_char(s_[stop]) && s_[stop] != '.') ++stop;
      std::string_view next = s_.substr(i + 1, stop - (i + 1));
      bool closes = state == State::script ? equals_ci(next, "noscript")
                                           : equals_ci(next, "body") || equals_ci(next, "frameset");
      if (closes) return one(i);
    }
    for (;;) {
      std::size_t p = find(i, '<');
      if (p >= n_) return one(n_);
      // The end tag that stops the raw text is read at the start of the text again: "</scripts" stops it
      // too, but ends nothing.
      if (p + 1 < n_ && s_[p + 1] == '/' && at_ci(p + 2, name)) return {{p, state}, {n_, State::content}};
      i = p + 1;
    }
  }

  std::size_t find(std::size_t from, char c) const {
    if (from >= n_) return n_;
    const void* hit = std::memchr(s_.data() + from, c, n_ - from);
    return hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - s_.data()) : n_;
  }
  std::size_t past(std::size_t at) const { return at < n_ ? at + 1 : n_; }
  std::size_t skip_blanks(std::size_t i) const {
    while (i < n_ && is_blank(s_[i])) ++i;
    return i;
  }
  std::size_t name_end(std::size_t i) const {
    std::size_t start = i;
    while (i < n_ && i - start < kNameMax && is_name_char(s_[i])) ++i;
    return i;
  }
  bool at_ci(std::size_t i, std::string_view word) const {
    if (i + word.size() > n_) return false;
    for (std::size_t k = 0; k < word.size(); ++k) {
      if (lower(s_[i + k]) != word[k]) return false;
    }
    return true;
  }

  // "<!--" comment to "-->", "<!DOCTYPE" to its end, any other "<!" is text.
  std::size_t markup_declaration(std::size_t p) const {
    if (at_ci(p + 2, "--")) {
      std::size_t end = s_.find("-->", p + 4);
      return end == std::string_view::npos ? n_ : end + 3;
    }
    if (at_ci(p + 2, "doctype")) {
      // A doctype inside the content is read where libxml2 does not go back to its loop's start: an end
      // tag or another "<!" right after it is text.
      std::size_t end = doctype_end(p + 9);
      bool misplaced = p != prolog_end_;
      bool text_follows = end + 1 < n_ && s_[end] == '<' &&
                          (s_[end + 1] == '/' || (s_[end + 1] == '!' && !at_ci(end + 2, "--")));
      if (misplaced && text_follows) return end + 1;
      return end;
    }
    return p + 1;
  }

  // Where a doctype is in its place: after the blanks, comments and processing instructions that open
  // the page (anywhere else libxml2 reads it as misplaced).
  std::size_t prolog_end() const {
    std::size_t i = skip_blanks(0);
    for (;;) {
      if (at_ci(i, "<!--")) {
        std::size_t end = s_.find("-->", i + 4);
        i = end == std::string_view::npos ? n_ : end + 3;
      } else if (at_ci(i, "<?")) {
        i = starts_pi_target(s_, i + 2) ? past(find(i + 2, '>')) : i + 2;
      } else {
        return i;
      }
      i = skip_blanks(i);
    }
  }

  // <!DOCTYPE name [PUBLIC "pubid" ["system"] | SYSTEM "system"] >: the quoted literals may hold '>'; after
  // them, anything up to the next '>' is skipped.
  std::size_t doctype_end(std::size_t i) const {
    i = skip_blanks(i);
    if (i < n_ && starts_xml_name(i)) {
      std::size_t length;
      while (i < n_ && is_xml_name_char(i, &length)) i += length;
    }
    i = skip_blanks(i);
    if (at_ci(i, "system")) {
      i = literal_end(skip_blanks(i + 6));
    } else if (at_ci(i, "public")) {
      i = skip_blanks(literal_end(skip_blanks(i + 6)));
      i = literal_end(i);
    }
    return past(find(i, '>'));
  }
  std::size_t literal_end(std::size_t i) const {
    if (i < n_ && (s_[i] == '"' || s_[i] == '\'')) return past(find(i + 1, s_[i]));
    return i;
  }
  // libxml2's own character classes for XML names (the doctype's name).
  bool starts_xml_name(std::size_t i) const {
    unsigned c = code_point_at(s_, i);
    return c == '_' || c == ':' || xmlIsBaseChar(c) || xmlIsIdeographic(c);
  }
  bool is_xml_name_char(std::size_t i, std::size_t* length) const {
    unsigned char b = static_cast<unsigned char>(s_[i]);
    *length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    unsigned c = code_point_at(s_, i);
    if (c == 0 || c == ' ' || c == '>' || c == '/') return false;
    return xmlIsBaseChar(c) || xmlIsIdeographic(c) || xmlIsDigit(c) || c == '.' || c == '-' || c == '_' || c == ':' ||
           xmlIsCombining(c) || xmlIsExtender(c);
  }

  // A start tag at p: its name, then libxml2's attribute loop, one step per attribute (a name with an
  // optional value) or per run of bytes that is not one.
  Next start_tag(std::size_t p) {
    std::size_t name_begin = p + 1;
    std::size_t i = name_end(name_begin);
    std::string_view name = s_.substr(name_begin, i - name_begin);
    const std::size_t attributes_begin = i;
    std::size_t steps = 0;
    for (;;) {
      i = skip_blanks(i);
      if (i >= n_) return one(n_);
      char c = s_[i];
      if (c == '>') {
        ++i;
        break;
      }
      if (c == '/' && i + 1 < n_ && s_[i + 1] == '>') return one(i + 2);  // self-closed: no raw text
      if (++steps > max_) {
        cut(i, attributes_begin);
        return one(n_);  // in this reading libxml2 stops at the NUL, and the page with it
      }
      if (is_name_start(c)) {
        i = skip_blanks(name_end(i));
        if (i < n_ && s_[i] == '=') i = value_end(skip_blanks(i + 1));
      } else {
        while (i < n_ && !is_blank(s_[i]) && s_[i] != '>' && !(s_[i] == '/' && i + 1 < n_ && s_[i + 1] == '>')) ++i;
      }
    }
    if (equals_ci(name, "script")) return {{i, State::script}, {n_, State::content}};
    if (equals_ci(name, "style")) return {{i, State::style}, {n_, State::content}};
    return one(i);
  }

  // Ends the tag at step position i, moved back to the start of a run of name bytes that libxml2 split
  // (so the NUL follows a blank or a quote and cannot split "-->" or "</script" in a reading where this
  // is text), but not into the tag's name.
  void cut(std::size_t i, std::size_t attributes_begin) {
    while (i > attributes_begin && is_name_char(s_[i - 1]) && is_name_char(s_[i])) --i;
    cuts_.push_back(i);
  }

  // A quoted value runs to its closing quote (or the end of the page); an unquoted one to a blank or '>'.
  std::size_t value_end(std::size_t i) const {
    if (i < n_ && (s_[i] == '"' || s_[i] == '\'')) return past(find(i + 1, s_[i]));
    while (i < n_ && !is_blank(s_[i]) && s_[i] != '>') ++i;
    return i;
  }

  std::string_view s_;
  std::size_t n_;
  std::size_t max_;
  std::size_t prolog_end_;
  std::vector<std::size_t> cuts_;
};

}  // namespace

bool limit_attributes(std::string_view html, std::size_t max_attributes, std::string* guarded) {
  std::vector<std::size_t> cuts = Scanner(html, max_attributes).scan();
  if (cuts.empty()) return false;
  guarded->clear();
  guarded->reserve(html.size() + cuts.size());
  std::size_t from = 0;
  for (std::size_t cut : cuts) {
    guarded->append(html.substr(from, cut - from));
    guarded->push_back('\0');
    from = cut;
  }
  guarded->append(html.substr(from));
  return true;
}

}  // namespace lede::parse
