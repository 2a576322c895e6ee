// Formulas as TeX: <math> elements and formula images (math.h).
#include "assemble/math.h"

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <vector>

#include "assemble/inline_text.h"
#include "clean/clean.h"
#include "decode/utf8.h"

namespace lede::assemble {
namespace {

using parse::Dom;
using parse::kNoNode;
using parse::NodeId;
using parse::Tag;

// The first element below `id` named `name` (MathML elements are not HTML tags: they keep their names).
NodeId find_named(const Dom& dom, NodeId id, std::string_view name) {
  for (NodeId c = dom.node(id).first_child; c != kNoNode; c = dom.node(c).next_sibling) {
    if (dom.node(c).tag == Tag::text) continue;
    if (dom.name(c) == name) return c;
    NodeId below = find_named(dom, c, name);
    if (below != kNoNode) return below;
  }
  return kNoNode;
}

// TeX reads as TeX: a backslash command ("\frac", "\alpha") or a braced sub- or superscript ("x^{2}").
bool reads_as_tex(std::string_view s) {
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    char c = s[i], next = s[i + 1];
    if (c == '\\' && ((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z'))) return true;
    if ((c == '^' || c == '_') && next == '{') return true;
  }
  return false;
}

// %XX escapes undone; '+' is a space only in a query's name=value parameters.
std::string percent_decode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && decode::hex_digit(s[i + 1]) >= 0 && decode::hex_digit(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(decode::hex_digit(s[i + 1]) * 16 + decode::hex_digit(s[i + 2])));
      i += 2;
    } else if (s[i] == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// The TeX a formula service's image URL carries: "…/svg.image?\frac{a}{b}", "…/chart?cht=tx&chl=\alpha",
// "…/formula/\frac{m}{v}".
std::string tex_in_url(std::string_view src) {
  std::size_t query = src.find('?');
  if (query != std::string_view::npos) {
    std::string_view q = src.substr(query + 1);
    std::size_t chl = q.find("chl=");
    if (chl != std::string_view::npos && (chl == 0 || q[chl - 1] == '&')) {
      std::string_view value = q.substr(chl + 4);
      value = value.substr(0, value.find('&'));
      return percent_decode(value, true);
    }
    return percent_decode(q, false);
  }
  std::size_t slash = src.rfind('/');
  return slash == std::string_view::npos ? std::string() : percent_decode(src.substr(slash + 1), false);
}

// The TeX commands for the symbols MathML writes as characters ("α", "±", "≠", "∑"), so that the formula
// reads in any TeX renderer: "a \\neq 0", not "a ≠ 0". Other characters stay as written.
std::string tex_symbols(std::string_view text) {
  struct Symbol {
    std::string_view utf8, tex;
  };
  static constexpr Symbol kSymbols[] = {
      {"α", "\\alpha"}, {"β", "\\beta"}, {"γ", "\\gamma"}, {"δ", "\\delta"}, {"ε", "\\epsilon"},
      {"ϵ", "\\epsilon"}, {"ζ", "\\zeta"}, {"η", "\\eta"}, {"θ", "\\theta"}, {"ι", "\\iota"}, {"κ", "\\kappa"},
      {"λ", "\\lambda"}, {"μ", "\\mu"}, {"ν", "\\nu"}, {"ξ", "\\xi"}, {"π", "\\pi"}, {"ρ", "\\rho"},
      {"σ", "\\sigma"}, {"τ", "\\tau"}, {"υ", "\\upsilon"}, {"φ", "\\phi"}, {"ϕ", "\\phi"}, {"χ", "\\chi"},
      {"ψ", "\\psi"}, {"ω", "\\omega"}, {"Γ", "\\Gamma"}, {"Δ", "\\Delta"}, {"Θ", "\\Theta"}, {"Λ", "\\Lambda"},
      {"Ξ", "\\Xi"}, {"Π", "\\Pi"}, {"Σ", "\\Sigma"}, {"Φ", "\\Phi"}, {"Ψ", "\\Psi"}, {"Ω", "\\Omega"},
      {"±", "\\pm"}, {"∓", "\\mp"}, {"×", "\\times"}, {"÷", "\\div"}, {"⋅", "\\cdot"}, {"·", "\\cdot"},
      {"≠", "\\neq"}, {"≤", "\\leq"}, {"≥", "\\geq"}, {"≈", "\\approx"}, {"≡", "\\equiv"}, {"∝", "\\propto"},
      {"→", "\\rightarrow"}, {"←", "\\leftarrow"}, {"↔", "\\leftrightarrow"}, {"⇒", "\\Rightarrow"},
      {"⇔", "\\Leftrightarrow"}, {"∞", "\\infty"}, {"∑", "\\sum"}, {"∏", "\\prod"}, {"∫", "\\int"},
      {"∮", "\\oint"}, {"∂", "\\partial"}, {"∇", "\\nabla"}, {"∈", "\\in"}, {"∉", "\\notin"},
      {"∀", "\\forall"}, {"∃", "\\exists"}, {"¬", "\\neg"}, {"∧", "\\wedge"}, {"∨", "\\vee"}, {"∩", "\\cap"},
      {"∪", "\\cup"}, {"⊂", "\\subset"}, {"⊆", "\\subseteq"}, {"⊃", "\\supset"}, {"⊇", "\\supseteq"},
      {"∅", "\\emptyset"}, {"…", "\\ldots"}, {"⋯", "\\cdots"}, {"√", "\\surd"}, {"−", "-"}, {"′", "'"}};
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    len = std::min(len, text.size() - i);
    const std::string_view one = text.substr(i, len);
    std::string_view tex;
    if (len > 1)
      for (const Symbol& s : kSymbols)
        if (s.utf8 == one) tex = s.tex;
    if (tex.empty()) {
      out += one;
    } else {
      out += tex;
      // A command runs on into a following letter ("\\alphax"): a space ends it.
      const bool letter_next = i + len < text.size() && ((text[i + len] >= 'a' && text[i + len] <= 'z') ||
                                                         (text[i + len] >= 'A' && text[i + len] <= 'Z'));
      if (tex[0] == '\\' && letter_next) out.push_back(' ');
    }
    i += len;
  }
  return out;
}

// MathML whose text reads the same as the formula: tokens in rows, nothing stacked, raised or lowered.
bool flat_mathml(const Dom& dom, NodeId id) {
  static constexpr std::string_view kFlat[] = {"mi", "mo", "mn", "mtext", "mrow", "mstyle", "semantics", "mspace"};
  for (NodeId c = dom.node(id).first_child; c != kNoNode; c = dom.node(c).next_sibling) {
    if (dom.node(c).tag == Tag::text) continue;
    std::string_view name = dom.name(c);
    if (name == "annotation" || name == "annotation-xml") continue;
    bool flat = false;
    for (std::string_view f : kFlat) flat = flat || name == f;
    if (!flat || !flat_mathml(dom, c)) return false;
  }
  return true;
}

// MathML as TeX, for formulas that carry no TeX of their own (MathJax 3's output, hand-written MathML):
// tokens as written, scripts, fractions, roots, under/over scripts and tables in their TeX forms.
class MathmlToTex {
 public:
  explicit MathmlToTex(const Dom& dom) : dom_(dom) {}

  void element(NodeId id, int depth, std::string* out) {
    if (depth > kMaxDepth) {  // hostile nesting: the text, flat
      dom_.append_text(id, out);
      return;
    }
    std::string_view name = dom_.name(id);
    if (name == "annotation" || name == "annotation-xml" || name == "mphantom" || name == "none" ||
        name == "mprescripts")
      return;
    if (name == "msup" || name == "msub" || name == "msubsup" || name == "munder" || name == "mover" ||
        name == "munderover" || name == "mfrac" || name == "mroot") {
      std::vector<NodeId> args = elements(id);
      std::vector<std::string> a(args.size());
      for (std::size_t i = 0; i < args.size(); ++i) element(args[i], depth + 1, &a[i]);
      static const std::string kNone;
      auto arg = [&](std::size_t i) -> const std::string& { return i < a.size() ? a[i] : kNone; };
      // {0}^{1}, \\frac{0}{1}, … : the pieces between the arguments, and the order the arguments go in.
      auto put = [&](std::initializer_list<std::string_view> pieces, std::initializer_list<std::size_t> order) {
        auto piece = pieces.begin();
        for (std::size_t i : order) {
          *out += *piece++;
          *out += arg(i);
        }
        *out += *piece;
      };
      if (name == "msup") put({"{", "}^{", "}"}, {0, 1});
      else if (name == "msub") put({"{", "}_{", "}"}, {0, 1});
      else if (name == "msubsup" || name == "munderover") put({"{", "}_{", "}^{", "}"}, {0, 1, 2});
      else if (name == "munder") put({"\\underset{", "}{", "}"}, {1, 0});
      else if (name == "mover") put({"\\overset{", "}{", "}"}, {1, 0});
      else if (name == "mfrac") put({"\\frac{", "}{", "}"}, {0, 1});
      else put({"\\sqrt[", "]{", "}"}, {1, 0});
      return;
    }
    if (name == "msqrt") {
      *out += "\\sqrt{";
      children(id, depth, out);
      *out += "}";
      return;
    }
    if (name == "mtable") {
      *out += "\\begin{matrix}";
      bool first_row = true;
      for (NodeId row : elements(id)) {
        if (!first_row) *out += " \\\\ ";
        first_row = false;
        bool first_cell = true;
        for (NodeId cell : elements(row)) {
          if (!first_cell) *out += " & ";
          first_cell = false;
          element(cell, depth + 1, out);
        }
      }
      *out += "\\end{matrix}";
      return;
    }
    if (name == "mfenced") {
      std::string_view open = dom_.attr(id, "open"), close = dom_.attr(id, "close");
      bool found = false;
      dom_.attr(id, "open", &found);
      *out += found ? std::string(open) : "(";
      bool first = true;
      for (NodeId c : elements(id)) {
        if (!first) *out += ",";
        first = false;
        element(c, depth + 1, out);
      }
      dom_.attr(id, "close", &found);
      *out += found ? std::string(close) : ")";
      return;
    }
    if (name == "mi" || name == "mn" || name == "mo" || name == "mtext" || name == "ms") {
      std::string token;
      dom_.append_text(id, &token);
      std::string folded = tex_symbols(fold_space(token));
      // A word-long identifier or operator ("sin", "lim") or a command ("\\alpha") stands apart from its
      // neighbours.
      const bool word = folded.size() > 1 && (folded[0] & 0x80) == 0;
      if (word && !out->empty() && out->back() != ' ' && folded[0] != '\\') out->push_back(' ');
      *out += folded;
      if (word) out->push_back(' ');
      return;
    }
    children(id, depth, out);  // math, mrow, mstyle, semantics, mpadded, menclose, unknown wrappers
  }

 private:
  static constexpr int kMaxDepth = 64;

  void children(NodeId id, int depth, std::string* out) {
    for (NodeId c = dom_.node(id).first_child; c != kNoNode; c = dom_.node(c).next_sibling) {
      if (dom_.node(c).tag == Tag::text) continue;  // white space between MathML elements means nothing
      element(c, depth + 1, out);
    }
  }

  std::vector<NodeId> elements(NodeId id) const {
    std::vector<NodeId> out;
    for (NodeId c = dom_.node(id).first_child; c != kNoNode; c = dom_.node(c).next_sibling)
      if (dom_.node(c).tag != Tag::text) out.push_back(c);
    return out;
  }

  const Dom& dom_;
};

// TeX that a renderer left on the formula's element or a wrapper close above it ("hurmet-tex"
// data-entry, data-tex, data-latex, data-math).
std::string tex_attribute(const Dom& dom, NodeId math) {
  static constexpr std::string_view kNames[] = {"data-tex", "data-latex", "data-entry", "data-math", "data-formula"};
  NodeId id = math;
  for (int level = 0; level < 3 && id != kNoNode && id != 0; ++level, id = dom.node(id).parent) {
    for (std::string_view name : kNames) {
      std::string_view value = dom.attr(id, name);
      if (!fold_space(value).empty()) return std::string(value);
    }
  }
  return {};
}

std::string wrap(std::string_view tex, bool display) {
  std::string folded = fold_space(tex);
  if (folded.empty()) return folded;
  const char* mark = display ? "$$" : "$";
  return mark + folded + mark;
}

}  // namespace

std::string math_text(const Dom& dom, NodeId math) {
  const bool display = dom.attr(math, "display") == "block" || dom.attr(math, "mode") == "display";
  NodeId annotation = find_named(dom, math, "annotation");
  while (annotation != kNoNode && dom.attr(annotation, "encoding").find("tex") == std::string_view::npos) {
    NodeId next = kNoNode;
    for (NodeId s = dom.node(annotation).next_sibling; s != kNoNode && next == kNoNode; s = dom.node(s).next_sibling) {
      if (dom.node(s).tag != Tag::text && dom.name(s) == "annotation") next = s;
    }
    annotation = next;
  }
  std::string tex;
  if (annotation != kNoNode) dom.append_text(annotation, &tex);
  if (fold_space(tex).empty()) tex = std::string(dom.attr(math, "alttext"));
  if (fold_space(tex).empty()) tex = tex_attribute(dom, math);
  if (fold_space(tex).empty() && flat_mathml(dom, math)) {
    // MathML alone, when its text is the formula ("α", "a ≤ b").
    for (NodeId c = dom.node(math).first_child; c != kNoNode; c = dom.node(c).next_sibling) dom.append_text(c, &tex);
    tex = tex_symbols(tex);
  } else if (fold_space(tex).empty()) {
    // Stacked or raised parts: written out as TeX ("{x}^{2}", "\\frac{a}{b}").
    MathmlToTex(dom).element(math, 0, &tex);
  }
  return wrap(tex, display);
}

std::string attribute_math_text(const Dom& dom, NodeId id) {
  // One pass over the attributes, no copies: most inline elements have a class and nothing of this.
  std::string_view tex;
  for (const parse::Attr* a = dom.attrs_begin(id); a != dom.attrs_end(id) && tex.empty(); ++a) {
    const std::string_view name = dom.attr_name(*a);
    if (!name.starts_with("data-") || !(name == "data-math" || name == "data-tex" || name == "data-latex")) continue;
    const std::string_view value = dom.attr_value(*a);
    if (value.find_first_not_of(" \t\n\r\f") != std::string_view::npos) tex = value;
  }
  if (tex.empty() || find_named(dom, id, "math") != kNoNode) return {};
  const std::string_view names = dom.attr(id, "class");
  const bool display = clean::contains_ci(names, "block") || clean::contains_ci(names, "display");
  return wrap(tex, display);
}

std::string script_math_text(const Dom& dom, NodeId script) {
  if (!clean::is_formula_script(dom, script)) return {};
  std::string tex;
  dom.append_text(script, &tex);
  return wrap(tex, dom.attr(script, "type").find("mode=display") != std::string_view::npos);
}

std::string image_math_text(const Dom& dom, NodeId img) {
  std::string_view alt = dom.attr(img, "alt");
  if (reads_as_tex(alt)) return wrap(alt, false);
  if (!alt.empty()) return {};
  std::string tex = tex_in_url(dom.attr(img, "src"));
  return reads_as_tex(tex) ? wrap(tex, false) : std::string();
}

}  // namespace lede::assemble
