// to_markdown(): an Article's body as CommonMark with GFM tables, text escaped so it never turns into markup.
// It must not trust spans (they may overlap, run past the text or split a character), must not emit invalid
// UTF-8, and must not over-escape: ordinary punctuation stays as it is.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lede/render.h"
#include "output/common.h"
#include "output/metadata.h"

namespace lede {
namespace {

using output::append_utf8;
using output::for_each_trimmed_line;
using output::trim;

// ---------------------------------------------------------------------------------------------------------
// Character classes as CommonMark's emphasis rules see them. `symbol` is a character that one version of
// the spec counts as punctuation and another does not (Unicode S* categories): it is read as punctuation
// inside a span and as a letter outside it, which is the stricter reading both ways.
enum class Cls : std::uint8_t { space, punct, symbol, other };

bool in(char32_t c, char32_t lo, char32_t hi) { return c >= lo && c <= hi; }

Cls classify(char32_t c) {
  if (c == 0) return Cls::symbol;  // CommonMark reads NUL as U+FFFD
  if (c < 0x80) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return Cls::space;
    if (in(c, 0x21, 0x2F) || in(c, 0x3A, 0x40) || in(c, 0x5B, 0x60) || in(c, 0x7B, 0x7E)) return Cls::punct;
    return Cls::other;
  }
  if (c == 0xA0 || c == 0x1680 || in(c, 0x2000, 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000)
    return Cls::space;
  // Punctuation (P*) common in prose.
  if (c == 0xA1 || c == 0xA7 || c == 0xAB || c == 0xB6 || c == 0xB7 || c == 0xBB || c == 0xBF ||
      in(c, 0x2010, 0x2027) || in(c, 0x2030, 0x205E) || in(c, 0x2E00, 0x2E7F) || in(c, 0x3001, 0x3003) ||
      in(c, 0x3008, 0x3011) || in(c, 0x3014, 0x301F) || in(c, 0xFE10, 0xFE19) || in(c, 0xFE30, 0xFE6B) ||
      in(c, 0xFF01, 0xFF0F) || in(c, 0xFF1A, 0xFF20) || in(c, 0xFF3B, 0xFF40) || in(c, 0xFF5B, 0xFF65) ||
      c == 0x037E || c == 0x0387 || in(c, 0x055A, 0x055F) || c == 0x0589 || c == 0x05BE || c == 0x060C ||
      c == 0x061B || c == 0x061F || c == 0x06D4 || c == 0x0964 || c == 0x0965)
    return Cls::punct;
  // Symbols (S*) and everything we cannot place for sure, including U+FFFD.
  if (in(c, 0xA2, 0xA6) || c == 0xA8 || c == 0xA9 || c == 0xAC || in(c, 0xAE, 0xB1) || c == 0xB4 ||
      c == 0xB8 || c == 0xD7 || c == 0xF7 || in(c, 0x02C2, 0x02C5) || in(c, 0x02D2, 0x02DF) ||
      in(c, 0x20A0, 0x20CF) || in(c, 0x2100, 0x214F) || in(c, 0x2190, 0x2BFF) || in(c, 0x3004, 0x3007) ||
      in(c, 0xFFE0, 0xFFFD) || in(c, 0x1F000, 0x1FAFF))
    return Cls::symbol;
  return Cls::other;
}

bool ascii_punct(char c) { return classify(static_cast<unsigned char>(c)) == Cls::punct; }

// ---------------------------------------------------------------------------------------------------------
// Inline rendering: one line of a block's text with its spans, nested into a tree first.

struct Piece {
  SpanKind kind;
  std::size_t b, e;
  const std::string* href;
};

int rank(SpanKind k) {
  switch (k) {
    case SpanKind::link: return 0;
    case SpanKind::strong: return 1;
    case SpanKind::emphasis: return 2;
    case SpanKind::code: return 3;
    case SpanKind::math: return 4;
  }
  return 5;
}

struct Node {
  SpanKind kind;
  bool root;
  std::size_t b, e;
  const std::string* href;
  int parent, first = -1, last = -1, prev = -1, next = -1;
};

struct TextFlags {
  bool in_link = false;   // link text or image alt: every bracket is escaped
  bool in_table = false;  // a table cell: '|' is escaped
};

class Inline {
 public:
  explicit Inline(const RenderOptions& options) : options_(options) {}

  // The spans of a block, clamped to its text and widened to whole characters. Links go when they are off.
  void set_spans(std::string_view text, const std::vector<Span>& spans) {
    spans_.clear();
    for (const Span& s : spans) {
      if (s.kind == SpanKind::link && (!options_.links || trim(s.href).empty())) continue;
      std::size_t b, e;
      if (!output::clamp_range(text, s.begin, s.end, &b, &e)) continue;
      spans_.push_back({s.kind, b, e, &s.href});
    }
  }

  // Renders text[lb, le) (one trimmed line) with the spans that fall inside it.
  void line(std::string& out, std::string_view text, std::size_t lb, std::size_t le, TextFlags flags = {}) {
    text_ = text;
    build(lb, le);
    render_children(out, 0, flags);
  }

  // Plain text with no spans at all.
  void plain(std::string& out, std::string_view text, TextFlags flags) {
    text_ = text;
    text_run(out, 0, text.size(), flags);
  }

  // Writes a link destination so that any URL survives: blanks and controls percent-encoded, brackets of
  // the destination syntax backslash-escaped.
  static void destination(std::string& out, std::string_view href) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    href = trim(href);
    for (std::size_t i = 0; i < href.size();) {
      const auto c = static_cast<unsigned char>(href[i]);
      if (c >= 0x80) {
        const decode::Utf8Char u = decode::utf8_at(href, i);
        if (u.valid) out.append(href.data() + i, u.length);
        else out += "%EF%BF%BD";
        i += u.length;
        continue;
      }
      if (c <= 0x20 || c == 0x7F) {
        out.push_back('%');
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 15]);
      } else if (c == '(' || c == ')' || c == '<' || c == '>' || c == '\\' ||
                 (c == '&' && entity_follows(href, i))) {
        out.push_back('\\');
        out.push_back(static_cast<char>(c));
      } else {
        out.push_back(static_cast<char>(c));
      }
      ++i;
    }
  }

  // True when text[i] == '&' starts something CommonMark would read as an entity or character reference.
  static bool entity_follows(std::string_view t, std::size_t i) {
    std::size_t j = i + 1, n = 0;
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    auto hex = [&](char c) { return digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); };
    auto alnum = [&](char c) { return digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    if (j < t.size() && t[j] == '#') {
      ++j;
      if (j < t.size() && (t[j] == 'x' || t[j] == 'X')) {
        ++j;
        while (j < t.size() && hex(t[j]) && n < 7) ++j, ++n;
        return n >= 1 && n <= 6 && j < t.size() && t[j] == ';';
      }
      while (j < t.size() && digit(t[j]) && n < 8) ++j, ++n;
      return n >= 1 && n <= 7 && j < t.size() && t[j] == ';';
    }
    while (j < t.size() && alnum(t[j]) && n < 33) ++j, ++n;
    return n >= 1 && n <= 32 && j < t.size() && t[j] == ';';
  }

 private:
  // ---- tree -------------------------------------------------------------------------------------------
  bool is_space_at(std::size_t i) const { return classify(decode::utf8_at(text_, i).cp) == Cls::space; }

  // Moves [b, e) inward past white space at both ends.
  void shrink(std::size_t* b, std::size_t* e) const {
    while (*b < *e && is_space_at(*b)) *b += decode::utf8_at(text_, *b).length;
    while (*e > *b) {
      const std::size_t s = output::unit_start(text_, *e - 1);
      if (!is_space_at(s)) break;
      *e = s;
    }
  }

  void build(std::size_t lb, std::size_t le) {
    nodes_.clear();
    nodes_.push_back({SpanKind::link, true, lb, le, nullptr, -1});
    pieces_.clear();
    for (const Piece& s : spans_) {
      Piece p{s.kind, std::max(s.b, lb), std::min(s.e, le), s.href};
      if (p.b >= p.e) continue;
      shrink(&p.b, &p.e);
      if (p.b < p.e) pieces_.push_back(p);
    }
    if (pieces_.empty()) return;
    // Touching or overlapping spans of one kind become one: "*a**b*" would not read back as two.
    std::sort(pieces_.begin(), pieces_.end(), [](const Piece& x, const Piece& y) {
      return rank(x.kind) != rank(y.kind) ? rank(x.kind) < rank(y.kind) : x.b < y.b;
    });
    std::size_t w = 0;
    for (std::size_t r = 0; r < pieces_.size(); ++r) {
      Piece& p = pieces_[r];
      if (w > 0 && p.kind != SpanKind::link && pieces_[w - 1].kind == p.kind && p.b <= pieces_[w - 1].e) {
        pieces_[w - 1].e = std::max(pieces_[w - 1].e, p.e);
        continue;
      }
      pieces_[w++] = p;
    }
    pieces_.resize(w);
    std::sort(pieces_.begin(), pieces_.end(), [](const Piece& x, const Piece& y) {
      if (x.b != y.b) return x.b < y.b;
      if (x.e != y.e) return x.e > y.e;
      return rank(x.kind) < rank(y.kind);
    });
    stack_.assign(1, 0);
    for (Piece p : pieces_) {
      while (stack_.size() > 1 && nodes_[stack_.back()].e <= p.b) stack_.pop_back();
      const int top = stack_.back();
      if (p.e > nodes_[top].e) {  // crosses its enclosing span: cut at the enclosing span's end
        p.e = nodes_[top].e;
        shrink(&p.b, &p.e);
        if (p.b >= p.e) continue;
      }
      if (!nodes_[top].root && (nodes_[top].kind == SpanKind::code || nodes_[top].kind == SpanKind::math))
        continue;  // code and formulas hold no markup
      bool nested_same = false;
      for (int a = top; !nodes_[a].root; a = nodes_[a].parent)
        if (nodes_[a].kind == p.kind) nested_same = true;  // no link in a link, no *a *b* c*
      if (nested_same) continue;
      const int id = static_cast<int>(nodes_.size());
      Node n{p.kind, false, p.b, p.e, p.href, top};
      n.prev = nodes_[top].last;
      if (n.prev >= 0) nodes_[n.prev].next = id;
      else nodes_[top].first = id;
      nodes_[top].last = id;
      nodes_.push_back(n);
      stack_.push_back(id);
    }
  }

  // ---- flanking -----------------------------------------------------------------------------------------
  // What a delimiter run of '*' sees around it in the output, worked out from the tree: a link's or code
  // span's own delimiters are punctuation; an emphasis delimiter next to ours merges into one run, so the
  // run looks past it.
  Cls cls_at(std::size_t i) const { return classify(decode::utf8_at(text_, i).cp); }
  Cls cls_before(std::size_t i) const { return cls_at(output::unit_start(text_, i - 1)); }
  static bool is_emph(SpanKind k) { return k == SpanKind::emphasis || k == SpanKind::strong; }

  Cls first_out(int id) const {
    const Node& n = nodes_[id];
    if (n.first >= 0 && nodes_[n.first].b == n.b) {
      const Node& c = nodes_[n.first];
      return is_emph(c.kind) ? first_out(n.first) : Cls::punct;
    }
    return cls_at(n.b);
  }
  Cls last_out(int id) const {
    const Node& n = nodes_[id];
    if (n.last >= 0 && nodes_[n.last].e == n.e) {
      const Node& c = nodes_[n.last];
      return is_emph(c.kind) ? last_out(n.last) : Cls::punct;
    }
    return cls_before(n.e);
  }
  Cls prev_out(int id) const {
    const Node& n = nodes_[id];
    const Node& p = nodes_[n.parent];
    if (n.b == p.b) {
      if (p.root) return Cls::space;
      return is_emph(p.kind) ? prev_out(n.parent) : Cls::punct;
    }
    if (n.prev >= 0 && nodes_[n.prev].e == n.b)
      return is_emph(nodes_[n.prev].kind) ? last_out(n.prev) : Cls::punct;
    return cls_before(n.b);
  }
  Cls next_out(int id) const {
    const Node& n = nodes_[id];
    const Node& p = nodes_[n.parent];
    if (n.e == p.e) {
      if (p.root) return Cls::space;
      return is_emph(p.kind) ? next_out(n.parent) : Cls::punct;
    }
    if (n.next >= 0 && nodes_[n.next].b == n.e)
      return is_emph(nodes_[n.next].kind) ? first_out(n.next) : Cls::punct;
    return cls_at(n.e);
  }

  // Whether '*' / '**' around this node reads back as exactly this emphasis under CommonMark's rules: the
  // opening run must be left-flanking and the closing run right-flanking. A run that is both (inside a word,
  // or between two punctuation marks) could also serve the other way and pair with a delimiter it was not
  // meant for; that is safe only for a span with no emphasis around it (up to the nearest link, which
  // parses its text on its own) and no emphasis delimiter run merged into its own. Ambiguous characters are
  // tried both ways and must pass both.
  bool can_emphasize(int id) const {
    const Node& n = nodes_[id];
    bool pure = (n.prev >= 0 && nodes_[n.prev].e == n.b && is_emph(nodes_[n.prev].kind)) ||
                (n.next >= 0 && nodes_[n.next].b == n.e && is_emph(nodes_[n.next].kind));
    for (int a = n.parent; !pure && !nodes_[a].root && nodes_[a].kind != SpanKind::link; a = nodes_[a].parent)
      pure = is_emph(nodes_[a].kind);
    const Cls first = first_out(id), last = last_out(id), prev = prev_out(id), next = next_out(id);
    for (const Cls symbol_as : {Cls::punct, Cls::other}) {
      auto m = [&](Cls c) { return c == Cls::symbol ? symbol_as : c; };
      auto left_flanking = [&](Cls before, Cls after) {
        return m(after) != Cls::space && (m(after) != Cls::punct || m(before) != Cls::other);
      };
      auto right_flanking = [&](Cls before, Cls after) {
        return m(before) != Cls::space && (m(before) != Cls::punct || m(after) != Cls::other);
      };
      if (!left_flanking(prev, first) || !right_flanking(last, next)) return false;
      if (pure && (right_flanking(prev, first) || left_flanking(last, next))) return false;
    }
    return true;
  }

  // ---- output -------------------------------------------------------------------------------------------
  void render_children(std::string& out, int id, TextFlags flags) {
    const Node& n = nodes_[id];
    std::size_t pos = n.b;
    for (int c = n.first; c >= 0; c = nodes_[c].next) {
      text_run(out, pos, nodes_[c].b, flags);
      render_node(out, c, flags);
      pos = nodes_[c].e;
    }
    text_run(out, pos, n.e, flags);
  }

  void render_node(std::string& out, int id, TextFlags flags) {
    const Node& n = nodes_[id];
    switch (n.kind) {
      case SpanKind::code:
        code_span(out, text_.substr(n.b, n.e - n.b));
        return;
      case SpanKind::math:  // "$…$" is TeX: escaping its '_' or '*' would change the formula
        out.append(text_.substr(n.b, n.e - n.b));
        return;
      case SpanKind::link:
        link_open_guard(out);
        out.push_back('[');
        flags.in_link = true;
        render_children(out, id, flags);
        out += "](";
        destination(out, *n.href);
        out.push_back(')');
        return;
      case SpanKind::emphasis:
      case SpanKind::strong: {
        const std::string_view mark = n.kind == SpanKind::strong ? "**" : "*";
        const bool ok = can_emphasize(id);
        if (ok) out += mark;
        render_children(out, id, flags);
        if (ok) out += mark;
        return;
      }
    }
  }

  // A link's '[' right after a text '!' would make an image, after a text ']' a reference: escape that.
  static void link_open_guard(std::string& out) {
    if (out.empty() || (out.back() != '!' && out.back() != ']')) return;
    std::size_t k = out.size() - 1, backslashes = 0;
    while (k > 0 && out[k - 1] == '\\') --k, ++backslashes;
    if (backslashes % 2 == 0) out.insert(out.size() - 1, 1, '\\');
  }

  static void code_span(std::string& out, std::string_view body) {
    std::size_t longest = 0, run = 0;
    for (char c : body) {
      run = c == '`' ? run + 1 : 0;
      longest = std::max(longest, run);
    }
    const std::string fence(longest + 1, '`');
    const bool pad = body.front() == '`' || body.back() == '`' || (body.front() == ' ' && body.back() == ' ');
    out += fence;
    if (pad) out.push_back(' ');
    const std::size_t from = out.size();
    append_utf8(out, body);
    std::replace(out.begin() + static_cast<std::ptrdiff_t>(from), out.end(), '\r', ' ');  // see text_run
    if (pad) out.push_back(' ');
    out += fence;
  }

  // Escapes text[b, e) so that it reads back as exactly that text.
  void text_run(std::string& out, std::size_t b, std::size_t e, TextFlags flags) {
    const std::string_view t = text_;
    for (std::size_t i = b; i < e;) {
      const char c = t[i];
      if (static_cast<unsigned char>(c) >= 0x80) {
        const decode::Utf8Char u = decode::utf8_at(t, i);
        if (u.valid) out.append(t.data() + i, u.length);
        else out += output::kReplacementUtf8;
        i += u.length;
        continue;
      }
      // The run may end where a span's delimiters would have gone but were left out, so look-ahead reads
      // the text itself; `last` says markup may follow instead.
      if (c == '\r') {  // a lone CR ends a line in CommonMark: it would let the rest start a block
        out.push_back(' ');
        ++i;
        continue;
      }
      const bool last = i + 1 >= e;
      const char nx = i + 1 < t.size() ? t[i + 1] : '\0';
      bool esc = false;
      switch (c) {
        case '*':
        case '`':
        case '~':
          esc = true;
          break;
        case '\\':  // a backslash escapes only punctuation, and makes a hard break at the end of a line
          esc = last || ascii_punct(nx);
          break;
        case '_':  // inside a word '_' cannot open or close emphasis
          esc = i == b || last || cls_before(i) != Cls::other || cls_at(i + 1) != Cls::other;
          break;
        case '[':
          esc = flags.in_link;
          break;
        case ']':  // "](", "][" and "]:" could make a link or a link reference definition
          esc = flags.in_link || nx == '(' || nx == '[' || nx == ':';
          break;
        case '<':  // raw HTML or an autolink
          esc = (nx >= 'a' && nx <= 'z') || (nx >= 'A' && nx <= 'Z') || nx == '/' || nx == '!' || nx == '?';
          break;
        case '&':
          esc = entity_follows(t, i);
          break;
        case '^':  // "[^" right after the bracket: cmark-gfm reads a footnote reference there
          esc = flags.in_link && !out.empty() && out.back() == '[';
          break;
        case '|':
          esc = flags.in_table;
          break;
        default:
          break;
      }
      if (esc) out.push_back('\\');
      out.push_back(c);
      ++i;
    }
  }

  const RenderOptions& options_;
  std::string_view text_;
  std::vector<Piece> spans_, pieces_;
  std::vector<Node> nodes_;
  std::vector<int> stack_;
};

// ---------------------------------------------------------------------------------------------------------
// Block-level guards: text at the start of a line must not open a block construct.

bool blank_or(std::string_view s, char c) {
  for (char x : s)
    if (x != c && x != ' ' && x != '\t') return false;
  return true;
}

// `line` is out[from, end) after inline rendering: escapes what would start a heading, quote, list item,
// thematic break, setext underline or table delimiter row.
void guard_line_start(std::string& out, std::size_t from) {
  if (from >= out.size()) return;
  const std::string_view line(out.data() + from, out.size() - from);
  const char c = line[0];
  auto ends_marker = [&](std::size_t k) { return k >= line.size() || line[k] == ' ' || line[k] == '\t'; };
  std::size_t insert_at = std::string::npos;
  if (c == '#') {
    std::size_t k = 0;
    while (k < line.size() && line[k] == '#') ++k;
    if (k <= 6 && ends_marker(k)) insert_at = 0;
  } else if (c == '>') {
    insert_at = 0;
  } else if ((c == '-' || c == '+') && ends_marker(1)) {
    insert_at = 0;
  } else if ((c == '=' || c == '-') && blank_or(line, c)) {
    insert_at = 0;
  } else if (c >= '0' && c <= '9') {
    std::size_t k = 0;
    while (k < line.size() && line[k] >= '0' && line[k] <= '9') ++k;
    if (k <= 9 && k < line.size() && (line[k] == '.' || line[k] == ')') && ends_marker(k + 1)) insert_at = k;
  }
  if (insert_at == std::string::npos && (c == '|' || c == ':' || c == '-')) {
    bool dash = false, only = true;
    for (char x : line) {
      if (x == '-') dash = true;
      else if (x != '|' && x != ':' && x != ' ' && x != '\t') only = false;
    }
    if (dash && only) insert_at = 0;  // would read as a GFM table's delimiter row
  }
  if (insert_at != std::string::npos) out.insert(out.begin() + static_cast<std::ptrdiff_t>(from + insert_at), '\\');
}

// ---------------------------------------------------------------------------------------------------------

class Markdown {
 public:
  explicit Markdown(const RenderOptions& options) : inline_(options), options_(options) {}

  void block(std::string& out, const Block& b) {
    const std::size_t mark = out.size();
    listed_ = 0;
    switch (b.kind) {
      case BlockKind::heading: heading(out, b); break;
      case BlockKind::paragraph: paragraph(out, b, false); break;
      case BlockKind::quote: paragraph(out, b, true); break;
      case BlockKind::list: list(out, b); break;
      case BlockKind::table: table(out, b); break;
      case BlockKind::code: code(out, b); break;
      case BlockKind::figure: figure(out, b); break;
    }
    if (out.size() != mark) last_list_ = listed_;
  }

 private:
  // Whether the last block written was a list, and which markers it used: two lists in a row need
  // different markers, or CommonMark reads them as one.
  int last_list_ = 0;  // 0 none, 1 bullet, 2 ordered
  int variant_ = 0;
  int listed_ = 0;     // the kind of list this block wrote, if any

  void heading(std::string& out, const Block& b) {
    const int level = std::clamp(b.level, 1, 6);
    const std::size_t mark = out.size();
    out.append(static_cast<std::size_t>(level), '#');
    out.push_back(' ');
    const std::size_t body = out.size();
    inline_.set_spans(b.text, b.spans);
    each_line(b.text, [&](std::size_t lb, std::size_t le) {
      if (out.size() != body) out.push_back(' ');
      inline_.line(out, b.text, lb, le);
    });
    if (out.size() == body) {
      out.resize(mark);
      return;
    }
    // A closing sequence of '#' (after a blank, or the whole content) would be stripped.
    std::size_t k = out.size();
    while (k > body && out[k - 1] == '#') --k;
    if (k < out.size() && (k == body || out[k - 1] == ' ' || out[k - 1] == '\t')) out.insert(out.begin() + static_cast<std::ptrdiff_t>(k), '\\');
    out.push_back('\n');
  }

  // Calls f(lb, le) for each non-empty trimmed line of text, as byte offsets into text.
  template <class F>
  static void each_line(std::string_view text, F&& f, bool* gap_before = nullptr) {
    std::size_t pos = 0;
    bool gap = false;
    while (pos <= text.size()) {
      std::size_t nl = text.find('\n', pos);
      if (nl == std::string_view::npos) nl = text.size();
      std::size_t lb = pos, le = nl;
      while (lb < le && output::is_ascii_space(text[lb])) ++lb;
      while (le > lb && output::is_ascii_space(text[le - 1])) --le;
      if (lb == le) {
        gap = true;
      } else {
        if (gap_before) *gap_before = gap;
        f(lb, le);
        gap = false;
      }
      pos = nl + 1;
    }
  }

  // Paragraph: lines joined by hard breaks, an empty line starts a new paragraph. Quote: each line is a
  // paragraph of the quote.
  void paragraph(std::string& out, const Block& b, bool quote) {
    inline_.set_spans(b.text, b.spans);
    bool gap = false, any = false;
    each_line(
        b.text,
        [&](std::size_t lb, std::size_t le) {
          if (any) out += quote ? "\n>\n" : (gap ? "\n\n" : "\\\n");
          if (quote) out += "> ";
          const std::size_t from = out.size();
          inline_.line(out, b.text, lb, le);
          guard_line_start(out, from);
          any = true;
        },
        &gap);
    if (any) out.push_back('\n');
  }

  void list(std::string& out, const Block& b) {
    const bool ordered = b.ordered;
    const int kind = ordered ? 2 : 1;
    const int variant = last_list_ == kind ? 1 - variant_ : 0;
    std::vector<int> counters;
    std::vector<std::size_t> content_col;  // where an item's text starts, per depth
    int prev_depth = -1;
    std::string flat;
    for (std::size_t i = 0; i < b.items.size(); ++i) {
      flat.clear();
      output::append_flat(flat, b.items[i]);
      if (flat.empty()) continue;
      int depth = i < b.item_depths.size() ? b.item_depths[i] : 0;
      depth = std::clamp(depth, 0, prev_depth + 1);
      const auto d = static_cast<std::size_t>(depth);
      if (d >= counters.size()) {
        counters.resize(d + 1, 0);
        content_col.resize(d + 1, 0);
      }
      counters[d] = depth > prev_depth ? 1 : counters[d] + 1;
      const std::size_t indent = d == 0 ? 0 : content_col[d - 1];
      const std::size_t line_start = out.size();
      out.append(indent, ' ');
      if (ordered) {
        out += std::to_string(counters[d]);
        out.push_back(variant ? ')' : '.');
      } else {
        out.push_back(variant ? '*' : '-');
      }
      out.push_back(' ');
      content_col[d] = out.size() - line_start;
      const std::size_t from = out.size();
      inline_.plain(out, flat, {});
      guard_line_start(out, from);
      out.push_back('\n');
      prev_depth = depth;
    }
    if (prev_depth < 0) {  // no items: the block's text as a paragraph
      Block p;
      p.text = b.text;
      paragraph(out, p, false);
      return;
    }
    listed_ = kind;
    variant_ = variant;
  }

  void cell(std::string& out, const std::string& text) {
    bool first = true;
    std::size_t pos = 0;
    while (pos <= text.size()) {
      std::size_t nl = text.find('\n', pos);
      if (nl == std::string::npos) nl = text.size();
      const std::string_view line = trim(std::string_view(text).substr(pos, nl - pos));
      pos = nl + 1;
      if (line.empty()) continue;
      if (!first) out += "<br>";
      TextFlags f;
      f.in_table = true;
      inline_.plain(out, line, f);
      first = false;
    }
  }

  void table(std::string& out, const Block& b) {
    std::size_t cols = 0;
    for (const auto& row : b.rows) cols = std::max(cols, row.size());
    if (cols == 0) {
      Block p;
      p.text = b.text;
      paragraph(out, p, false);
      return;
    }
    auto row_out = [&](const std::vector<std::string>& row) {
      out.push_back('|');
      for (std::size_t c = 0; c < cols; ++c) {
        out.push_back(' ');
        if (c < row.size()) cell(out, row[c]);
        out += " |";
      }
      out.push_back('\n');
    };
    row_out(b.rows[0]);  // GFM needs a header: the first row is it, header row or not
    out.push_back('|');
    for (std::size_t c = 0; c < cols; ++c) out += " --- |";
    out.push_back('\n');
    for (std::size_t r = 1; r < b.rows.size(); ++r) {
      bool blank = true;
      for (const auto& x : b.rows[r]) blank = blank && output::is_blank(x);
      if (!blank) row_out(b.rows[r]);
    }
  }

  void code(std::string& out, const Block& b) {
    body_.clear();
    output::append_code_body(body_, b.text);
    if (body_.empty()) return;
    std::replace(body_.begin(), body_.end(), '\r', '\n');  // a lone CR is a line end to CommonMark anyway
    std::string_view lang = trim(b.language);
    lang = lang.substr(0, std::min(lang.size(), lang.find_first_of(" \t\n\r\f\v")));
    const char fence_char = lang.find('`') != std::string_view::npos ? '~' : '`';
    std::size_t longest = 0, run = 0;
    for (char c : body_) {
      run = c == fence_char ? run + 1 : 0;
      longest = std::max(longest, run);
    }
    const std::string fence(std::max<std::size_t>(3, longest + 1), fence_char);
    out += fence;
    append_utf8(out, lang);
    out.push_back('\n');
    out += body_;
    out += fence;
    out.push_back('\n');
  }

  // One line in italics; the text must already be flat. White space at its ends (a no-break space, say)
  // would stop the '*' from reading as emphasis, so it goes.
  bool italic_line(std::string& out, std::string_view flat) {
    std::size_t b = 0, e = flat.size();
    while (b < e && classify(decode::utf8_at(flat, b).cp) == Cls::space) b += decode::utf8_at(flat, b).length;
    while (e > b) {
      const std::size_t s = output::unit_start(flat, e - 1);
      if (classify(decode::utf8_at(flat, s).cp) != Cls::space) break;
      e = s;
    }
    if (b == e) return false;
    out.push_back('*');
    inline_.plain(out, flat.substr(b, e - b), {});
    out += "*\n";
    return true;
  }

  void figure(std::string& out, const Block& b) {
    std::string caption, alt;
    output::append_flat(caption, b.caption);
    std::string credit;
    output::append_flat(credit, b.credit);
    if (!credit.empty()) caption += caption.empty() ? credit : " \xE2\x80\x94 " + credit;  // an em dash
    output::append_flat(alt, b.alt);
    const bool image = options_.images && !trim(b.src).empty();
    if (image) {
      out += "![";
      TextFlags f;
      f.in_link = true;
      inline_.plain(out, alt, f);
      out += "](";
      Inline::destination(out, b.src);
      out += ")\n";
      out.push_back('\n');
      if (!italic_line(out, caption)) out.pop_back();
      return;
    }
    if (italic_line(out, caption) || italic_line(out, alt)) return;
    std::string text;
    output::append_flat(text, b.text);
    italic_line(out, text);
  }

  Inline inline_;
  const RenderOptions& options_;
  std::string body_;
};

}  // namespace

std::string to_markdown(const Article& article, const RenderOptions& options) {
  std::size_t estimate = 0;
  for (const Block& b : article.blocks) {
    estimate += b.text.size() + b.text.size() / 8 + 4;
    for (const auto& item : b.items) estimate += item.size() + 8;
    for (const auto& row : b.rows)
      for (const auto& cell : row) estimate += cell.size() + 4;
  }
  std::string out;
  out.reserve(estimate);
  if (options.front_matter) output::append_front_matter(out, article);
  if (options.title && !output::is_blank(article.title)) {
    out += "# ";
    output::append_flat(out, output::trim(article.title));
    out += "\n\n";
  }
  const std::size_t body_start = out.size();
  Markdown md(options);
  for (const Block& b : article.blocks) {
    const std::size_t mark = out.size();
    if (mark != body_start) out.push_back('\n');
    const std::size_t body = out.size();
    md.block(out, b);
    if (out.size() == body) out.resize(mark);
  }
  return out;
}

}  // namespace lede
