// HTML rendering (render.h): the article as clean, safe HTML for a reader view — a whole document, or the
// <article> element alone. It must not trust the Article: spans may overlap, run past the text or split a
// character, links may carry any scheme. Text is escaped, bad UTF-8 becomes U+FFFD, only http(s) links and
// images are kept, and no markup from the page is ever copied: every tag here is written by this file.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "lede/render.h"
#include "output/common.h"

namespace lede {
namespace {

// Text content: '&', '<' and '>' escaped; in an attribute value the quotes too; a stray byte as U+FFFD.
// One pass in runs, as the JSON writer escapes: no copy of the text first.
void append_escaped(std::string& out, std::string_view s, bool attribute = false) {
  std::size_t i = 0, run = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      const decode::Utf8Char u = decode::utf8_at(s, i);
      if (!u.valid) {
        out.append(s.data() + run, i - run);
        out += output::kReplacementUtf8;
        run = i + u.length;
      }
      i += u.length;
      continue;
    }
    const char* escape = nullptr;
    switch (c) {
      case '&': escape = "&amp;"; break;
      case '<': escape = "&lt;"; break;
      case '>': escape = "&gt;"; break;
      case '"': escape = attribute ? "&quot;" : nullptr; break;
      case '\'': escape = attribute ? "&#39;" : nullptr; break;
      default: break;
    }
    ++i;
    if (escape == nullptr) continue;
    out.append(s.data() + run, i - 1 - run);
    out += escape;
    run = i;
  }
  out.append(s.data() + run, s.size() - run);
}

// Only web addresses become links and images: no "javascript:", "data:" or relative guesses.
bool web_url(std::string_view url) {
  url = output::trim(url);
  auto starts = [&](std::string_view scheme) {  // scheme in lower case; letters compared in any case
    if (url.size() <= scheme.size()) return false;
    for (std::size_t i = 0; i < scheme.size(); ++i) {
      const char c = url[i] >= 'A' && url[i] <= 'Z' ? static_cast<char>(url[i] + 32) : url[i];
      if (c != scheme[i]) return false;
    }
    return true;
  };
  return starts("http://") || starts("https://");
}

// Right-to-left scripts by the language's primary subtag.
bool right_to_left(std::string_view language) {
  const std::string_view primary = language.substr(0, language.find('-'));
  static constexpr std::string_view kRtl[] = {"ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb"};
  return std::find(std::begin(kRtl), std::end(kRtl), primary) != std::end(kRtl);
}

struct Mark {
  SpanKind kind;
  std::size_t b, e;
  const std::string* href;
};

const char* open_tag(SpanKind kind) {
  switch (kind) {
    case SpanKind::emphasis: return "<em>";
    case SpanKind::strong: return "<strong>";
    case SpanKind::code: return "<code>";
    case SpanKind::math: return "<span class=\"math\">";
    case SpanKind::link: return "<a>";
  }
  return "<span>";
}

const char* close_tag(SpanKind kind) {
  switch (kind) {
    case SpanKind::emphasis: return "</em>";
    case SpanKind::strong: return "</strong>";
    case SpanKind::code: return "</code>";
    case SpanKind::math: return "</span>";
    case SpanKind::link: return "</a>";
  }
  return "</span>";
}

class Html {
 public:
  explicit Html(const RenderOptions& options) : options_(options) {}

  void block(std::string& out, const Block& b) {
    switch (b.kind) {
      case BlockKind::heading: {
        if (output::is_blank(b.text)) return;
        const char level = static_cast<char>('0' + std::clamp(b.level, 2, 6));  // the title is the <h1>
        out += "<h";
        out.push_back(level);
        out += ">";
        inline_text(out, b.text, b.spans, 0, b.text.size(), false);
        out += "</h";
        out.push_back(level);
        out += ">\n";
        return;
      }
      case BlockKind::paragraph:
        if (output::is_blank(b.text)) return;
        out += "<p>";
        inline_text(out, b.text, b.spans, 0, b.text.size(), true);
        out += "</p>\n";
        return;
      case BlockKind::quote: {
        if (output::is_blank(b.text)) return;
        out += "<blockquote>\n";
        std::size_t start = 0;
        while (start <= b.text.size()) {
          std::size_t end = std::min(b.text.find('\n', start), b.text.size());
          if (!output::is_blank(std::string_view(b.text).substr(start, end - start))) {
            out += "<p>";
            inline_text(out, b.text, b.spans, start, end, false);
            out += "</p>\n";
          }
          start = end + 1;
        }
        out += "</blockquote>\n";
        return;
      }
      case BlockKind::list: list(out, b); return;
      case BlockKind::table: table(out, b); return;
      case BlockKind::code: {
        if (output::is_blank(b.text)) return;
        out += "<pre><code";
        if (!b.language.empty()) {
          out += " class=\"language-";
          append_escaped(out, b.language, true);
          out += "\"";
        }
        out += ">";
        std::string body;
        output::append_code_body(body, b.text);
        append_escaped(out, body);
        out += "</code></pre>\n";
        return;
      }
      case BlockKind::figure: figure(out, b.src, b.alt, b.caption, b.credit); return;
    }
  }

  void figure(std::string& out, std::string_view src, std::string_view alt, std::string_view caption,
              std::string_view credit) {
    const bool image = options_.images && web_url(src);
    if (!image && output::is_blank(caption) && output::is_blank(credit)) return;
    out += "<figure>";
    if (image) {
      out += "<img src=\"";
      append_escaped(out, output::trim(src), true);
      out += "\" alt=\"";
      append_escaped(out, alt, true);
      out += "\">";
    }
    if (!output::is_blank(caption) || !output::is_blank(credit)) {
      out += "<figcaption>";
      append_escaped(out, output::trim(caption));
      if (!output::is_blank(credit)) {
        if (!output::is_blank(caption)) out += " ";
        out += "<small class=\"credit\">";
        append_escaped(out, output::trim(credit));
        out += "</small>";
      }
      out += "</figcaption>";
    }
    out += "</figure>\n";
  }

 private:
  // text[lb, le) with the spans that fall inside it. Spans are clamped to the range and whole characters;
  // one that crosses another's boundary is dropped (HTML nests, it cannot cross); a link without a web
  // address, or with links off, is its text alone. '\n' is a <br> where `breaks` allows it, else a space.
  void inline_text(std::string& out, std::string_view text, const std::vector<Span>& spans, std::size_t lb,
                   std::size_t le, bool breaks) {
    marks_.clear();
    const std::string_view range = text.substr(0, le);
    for (const Span& s : spans) {
      if (s.kind == SpanKind::link && (!options_.links || !web_url(s.href))) continue;
      std::size_t b, e;
      if (!output::clamp_range(range, s.begin, s.end, &b, &e)) continue;
      b = std::max(b, lb);
      if (b >= e) continue;
      marks_.push_back({s.kind, b, e, &s.href});
    }
    std::stable_sort(marks_.begin(), marks_.end(),
                     [](const Mark& x, const Mark& y) { return x.b != y.b ? x.b < y.b : x.e > y.e; });
    // Keep the spans that nest: each inside the innermost kept span still open at its start.
    open_.clear();
    std::size_t kept = 0;
    for (const Mark& m : marks_) {
      while (!open_.empty() && marks_[open_.back()].e <= m.b) open_.pop_back();
      if (!open_.empty() && m.e > marks_[open_.back()].e) continue;
      marks_[kept] = m;
      open_.push_back(kept++);
    }
    marks_.resize(kept);
    open_.clear();
    std::size_t at = lb, next = 0;
    auto text_until = [&](std::size_t to) {
      if (to <= at) return;
      std::string_view piece = text.substr(at, to - at);
      for (std::size_t nl = piece.find('\n'); nl != std::string_view::npos; nl = piece.find('\n')) {
        append_escaped(out, piece.substr(0, nl));
        out += breaks ? "<br>" : " ";
        piece.remove_prefix(nl + 1);
      }
      append_escaped(out, piece);
      at = to;
    };
    while (at < le || !open_.empty()) {
      const std::size_t close_at = open_.empty() ? le : marks_[open_.back()].e;
      const std::size_t open_at = next < marks_.size() ? marks_[next].b : le;
      if (!open_.empty() && close_at <= open_at) {
        text_until(close_at);
        out += close_tag(marks_[open_.back()].kind);
        open_.pop_back();
        continue;
      }
      if (next < marks_.size() && open_at < le) {
        text_until(open_at);
        const Mark& m = marks_[next];
        if (m.kind == SpanKind::link) {
          out += "<a href=\"";
          append_escaped(out, output::trim(*m.href), true);
          out += "\">";
        } else {
          out += open_tag(m.kind);
        }
        open_.push_back(next++);
        continue;
      }
      text_until(le);
      break;
    }
  }

  void list(std::string& out, const Block& b) {
    const char* tag = b.ordered ? "ol" : "ul";
    int depth = -1;
    for (std::size_t i = 0; i < b.items.size(); ++i) {
      const int want = std::max(0, i < b.item_depths.size() ? b.item_depths[i] : 0);
      const int level = std::min(want, depth + 1);  // a list opens one level at a time
      if (level > depth) {
        for (; depth < level; ++depth) {
          out += depth >= 0 ? "\n<" : "<";
          out += tag;
          out += ">";
        }
      } else {
        out += "</li>";
        for (; depth > level; --depth) {
          out += "</";
          out += tag;
          out += "></li>";
        }
      }
      out += "\n<li>";
      output::append_flat(scratch_ = {}, b.items[i]);
      append_escaped(out, scratch_);
    }
    if (depth < 0) return;
    out += "</li>";
    for (; depth > 0; --depth) {
      out += "\n</";
      out += tag;
      out += "></li>";
    }
    out += "\n</";
    out += tag;
    out += ">\n";
  }

  void table(std::string& out, const Block& b) {
    if (b.rows.empty()) return;
    out += "<table>\n";
    const std::size_t header_rows = std::min(b.rows.size(), static_cast<std::size_t>(std::max(0, b.header_rows)));
    for (std::size_t r = 0; r < b.rows.size(); ++r) {
      if (r == 0 && header_rows > 0) out += "<thead>\n";
      if (r == header_rows) out += "<tbody>\n";
      const char* cell = r < header_rows ? "th" : "td";
      out += "<tr>";
      for (const std::string& text : b.rows[r]) {
        out += "<";
        out += cell;
        out += ">";
        output::append_flat(scratch_ = {}, text);
        append_escaped(out, scratch_);
        out += "</";
        out += cell;
        out += ">";
      }
      out += "</tr>\n";
      if (r + 1 == header_rows) out += "</thead>\n";
    }
    if (b.rows.size() > header_rows) out += "</tbody>\n";
    out += "</table>\n";
  }

  const RenderOptions& options_;
  std::vector<Mark> marks_;
  std::vector<std::size_t> open_;
  std::string scratch_;
};

void append_meta(std::string& out, std::string_view name, std::string_view value, bool property = false) {
  if (output::is_blank(value)) return;
  out += property ? "<meta property=\"" : "<meta name=\"";
  out += name;
  out += "\" content=\"";
  append_escaped(out, value, true);
  out += "\">\n";
}

// The story's header: its headline, lead, authors and date, as a reader view shows them.
void append_header(std::string& out, const Article& article, Html& html, const RenderOptions& options) {
  out += "<header>\n";
  if (!output::is_blank(article.title)) {
    out += "<h1>";
    append_escaped(out, output::trim(article.title));
    out += "</h1>\n";
  }
  if (!output::is_blank(article.lead)) {
    out += "<p class=\"lead\">";
    append_escaped(out, output::trim(article.lead));
    out += "</p>\n";
  }
  if (!article.authors.empty() || !article.published.empty()) {
    out += "<p class=\"byline\">";
    for (std::size_t i = 0; i < article.authors.size(); ++i) {
      if (i > 0) out += ", ";
      out += "<span class=\"author\">";
      append_escaped(out, article.authors[i]);
      out += "</span>";
    }
    if (!article.published.empty()) {
      if (!article.authors.empty()) out += " · ";
      out += "<time datetime=\"";
      append_escaped(out, article.published, true);
      out += "\">";
      append_escaped(out, article.published.substr(0, 10));
      out += "</time>";
    }
    out += "</p>\n";
  }
  if (options.images && web_url(article.image.url)) {
    bool in_body = false;
    // The body's own copy of it, perhaps in another size, has the same caption.
    for (const Block& b : article.blocks)
      in_body |= b.kind == BlockKind::figure &&
                 (b.src == article.image.url || (!output::is_blank(b.caption) && b.caption == article.image.caption));
    if (!in_body) html.figure(out, article.image.url, "", article.image.caption, article.image.credit);
  }
  out += "</header>\n";
}

}  // namespace

std::string to_html(const Article& article, const RenderOptions& options) {
  std::string out;
  std::size_t estimate = 1024;
  for (const Block& b : article.blocks) estimate += b.text.size() + b.text.size() / 8 + 16;
  out.reserve(estimate);
  const bool rtl = right_to_left(article.language);
  if (!options.fragment) {
    out += "<!DOCTYPE html>\n<html";
    if (!article.language.empty()) {
      out += " lang=\"";
      append_escaped(out, article.language, true);
      out += "\"";
    }
    if (rtl) out += " dir=\"rtl\"";
    out += ">\n<head>\n<meta charset=\"utf-8\">\n<title>";
    append_escaped(out, output::trim(article.title));
    out += "</title>\n";
    std::string authors;
    for (const std::string& a : article.authors) authors += (authors.empty() ? "" : ", ") + a;
    append_meta(out, "author", authors);
    append_meta(out, "description", article.lead);
    append_meta(out, "og:site_name", article.site_name, true);
    append_meta(out, "article:published_time", article.published, true);
    append_meta(out, "article:modified_time", article.modified, true);
    if (web_url(article.canonical_url)) {
      out += "<link rel=\"canonical\" href=\"";
      append_escaped(out, output::trim(article.canonical_url), true);
      out += "\">\n";
    }
    out += "</head>\n<body>\n";
  }
  out += "<article";
  if (options.fragment && !article.language.empty()) {
    out += " lang=\"";
    append_escaped(out, article.language, true);
    out += "\"";
  }
  if (options.fragment && rtl) out += " dir=\"rtl\"";
  out += ">\n";
  Html html(options);
  if (!output::is_blank(article.title) || !output::is_blank(article.lead) || !article.authors.empty() ||
      !article.published.empty() || (options.images && web_url(article.image.url)))
    append_header(out, article, html, options);
  for (const Block& b : article.blocks) {
    // The lead is in the header: a body that opens with it does not say it twice.
    if (&b == &article.blocks.front() && b.kind == BlockKind::paragraph && !output::is_blank(article.lead) &&
        output::trim(b.text) == output::trim(article.lead))
      continue;
    html.block(out, b);
  }
  if (!article.related.empty()) {
    out += "<aside class=\"related\">\n<ul>\n";
    for (const LinkRef& r : article.related) {
      out += "<li>";
      const bool link = options.links && web_url(r.url);
      if (link) {
        out += "<a href=\"";
        append_escaped(out, output::trim(r.url), true);
        out += "\">";
      }
      append_escaped(out, r.title);
      if (link) out += "</a>";
      out += "</li>\n";
    }
    out += "</ul>\n</aside>\n";
  }
  out += "</article>\n";
  if (!options.fragment) out += "</body>\n</html>\n";
  return out;
}

}  // namespace lede
