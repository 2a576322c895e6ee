// to_json(): an Article as the versioned JSON document of docs/json-schema.md (schema "lede/1"), compact on
// one line with no trailing newline. It must always produce valid JSON in valid UTF-8, whatever the Article
// holds, and must not change a key's meaning without bumping kJsonSchemaVersion.
#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lede/render.h"
#include "output/common.h"

namespace lede {
namespace {


// Appends s as a JSON string: '"' and '\' escaped, control characters as \b \f \n \r \t or \u00XX,
// U+2028 and U+2029 as \u escapes (so the document is also a valid JavaScript literal), every byte that is
// not part of well-formed UTF-8 as U+FFFD. All other characters are kept raw.
void json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  std::size_t run = 0, i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      const decode::Utf8Char u = decode::utf8_at(s, i);
      if (u.valid && u.cp != 0x2028 && u.cp != 0x2029) {
        i += u.length;
        continue;
      }
      out.append(s.data() + run, i - run);
      if (u.valid) out += u.cp == 0x2028 ? "\\u2028" : "\\u2029";
      else out += output::kReplacementUtf8;
      i += u.length;
      run = i;
      continue;
    }
    out.append(s.data() + run, i - run);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 15]);
    }
    run = ++i;
  }
  out.append(s.data() + run, n - run);
  out.push_back('"');
}

void json_int(std::string& out, long long v) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

// ,"key":  — keys are fixed ASCII, never escaped.
void key(std::string& out, std::string_view k) {
  out.push_back(',');
  out.push_back('"');
  out += k;
  out += "\":";
}

void string_field(std::string& out, std::string_view k, std::string_view v) {
  key(out, k);
  json_string(out, v);
}

void optional_field(std::string& out, std::string_view k, std::string_view v) {
  if (!output::is_blank(v)) string_field(out, k, v);
}

// Counts code points of s (stray bytes count one each, as the U+FFFD that replaces them) up to byte `to`,
// resuming from an earlier answer when it can.
struct CodePointCounter {
  std::string_view s;
  std::size_t pos = 0, count = 0;
  std::size_t at(std::size_t to) {
    if (to < pos) pos = count = 0;
    while (pos < to) {
      pos += decode::utf8_at(s, pos).length;
      ++count;
    }
    return count;
  }
};

struct LinkPiece {
  std::size_t b, e;
  const std::string* href;
};

// "links": the block's link spans, clamped to its text and widened to whole characters, in text order,
// with start/end in code points of the "text" value as written.
void links_field(std::string& out, const Block& block, std::vector<LinkPiece>& scratch) {
  scratch.clear();
  for (const Span& s : block.spans) {
    if (s.kind != SpanKind::link || output::is_blank(s.href)) continue;
    std::size_t b, e;
    if (output::clamp_range(block.text, s.begin, s.end, &b, &e)) scratch.push_back({b, e, &s.href});
  }
  if (scratch.empty()) return;
  std::stable_sort(scratch.begin(), scratch.end(), [](const LinkPiece& x, const LinkPiece& y) {
    return x.b != y.b ? x.b < y.b : x.e < y.e;
  });
  CodePointCounter cp{block.text};
  key(out, "links");
  out.push_back('[');
  bool first = true;
  for (const LinkPiece& l : scratch) {
    if (!first) out.push_back(',');
    first = false;
    out += "{\"text\":";
    json_string(out, std::string_view(block.text).substr(l.b, l.e - l.b));
    string_field(out, "href", output::trim(*l.href));
    key(out, "start");
    json_int(out, static_cast<long long>(cp.at(l.b)));
    key(out, "end");
    json_int(out, static_cast<long long>(cp.at(l.e)));
    out.push_back('}');
  }
  out.push_back(']');
}

void string_array(std::string& out, const std::vector<std::string>& v) {
  out.push_back('[');
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) out.push_back(',');
    json_string(out, v[i]);
  }
  out.push_back(']');
}

void block_json(std::string& out, const Block& b, std::vector<LinkPiece>& scratch) {
  switch (b.kind) {
    case BlockKind::heading:
      out += "{\"type\":\"heading\"";
      key(out, "level");
      json_int(out, std::clamp(b.level, 1, 6));
      string_field(out, "text", b.text);
      links_field(out, b, scratch);
      break;
    case BlockKind::paragraph:
      out += "{\"type\":\"paragraph\"";
      string_field(out, "text", b.text);
      links_field(out, b, scratch);
      break;
    case BlockKind::quote:
      out += "{\"type\":\"quote\"";
      string_field(out, "text", b.text);
      links_field(out, b, scratch);
      break;
    case BlockKind::list: {
      out += "{\"type\":\"list\"";
      key(out, "ordered");
      out += b.ordered ? "true" : "false";
      key(out, "items");
      string_array(out, b.items);
      bool nested = false;
      for (std::size_t i = 0; i < b.items.size() && i < b.item_depths.size(); ++i) nested |= b.item_depths[i] > 0;
      if (nested) {
        key(out, "depths");
        out.push_back('[');
        for (std::size_t i = 0; i < b.items.size(); ++i) {
          if (i) out.push_back(',');
          json_int(out, i < b.item_depths.size() ? std::max(b.item_depths[i], 0) : 0);
        }
        out.push_back(']');
      }
      break;
    }
    case BlockKind::table:
      out += "{\"type\":\"table\"";
      key(out, "header_rows");
      json_int(out, std::clamp<long long>(b.header_rows, 0, static_cast<long long>(b.rows.size())));
      key(out, "rows");
      out.push_back('[');
      for (std::size_t r = 0; r < b.rows.size(); ++r) {
        if (r) out.push_back(',');
        string_array(out, b.rows[r]);
      }
      out.push_back(']');
      break;
    case BlockKind::code:
      out += "{\"type\":\"code\"";
      optional_field(out, "language", output::trim(b.language));
      string_field(out, "text", b.text);
      break;
    case BlockKind::figure:
      out += "{\"type\":\"figure\"";
      optional_field(out, "src", output::trim(b.src));
      optional_field(out, "alt", b.alt);
      optional_field(out, "caption", b.caption);
      optional_field(out, "credit", b.credit);
      break;
  }
  out.push_back('}');
}

void blocks_json(std::string& out, const std::vector<Block>& blocks, std::vector<LinkPiece>& scratch) {
  out.push_back('[');
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (i) out.push_back(',');
    block_json(out, blocks[i], scratch);
  }
  out.push_back(']');
}

// "quotes": the direct quotations of the body, each with its speaker and the index of its block.
void quotes_json(std::string& out, const std::vector<Quote>& quotes) {
  key(out, "quotes");
  out.push_back('[');
  for (std::size_t i = 0; i < quotes.size(); ++i) {
    if (i) out.push_back(',');
    out += "{\"text\":";
    json_string(out, quotes[i].text);
    string_field(out, "speaker", quotes[i].speaker);
    if (!quotes[i].speaker_as_written.empty()) string_field(out, "speaker_as_written", quotes[i].speaker_as_written);
    key(out, "block");
    out += std::to_string(quotes[i].block);
    out.push_back('}');
  }
  out.push_back(']');
}

// The metadata keys (docs/json-schema.md, "Metadata"): always written, empty when the page does not say.
void metadata_json(std::string& out, const Article& a) {
  string_field(out, "lead", a.lead);
  key(out, "authors");
  string_array(out, a.authors);
  string_field(out, "published", a.published);
  string_field(out, "modified", a.modified);
  string_field(out, "site_name", a.site_name);
  string_field(out, "language", a.language);
  string_field(out, "canonical_url", a.canonical_url);
  key(out, "image");
  out += "{\"url\":";
  json_string(out, a.image.url);
  string_field(out, "caption", a.image.caption);
  string_field(out, "credit", a.image.credit);
  out.push_back('}');
  key(out, "tags");
  string_array(out, a.tags);
  string_field(out, "section", a.section);
  string_field(out, "page_type", a.page_type);
  key(out, "related");
  out.push_back('[');
  for (std::size_t i = 0; i < a.related.size(); ++i) {
    if (i) out.push_back(',');
    out += "{\"title\":";
    json_string(out, a.related[i].title);
    string_field(out, "url", a.related[i].url);
    out.push_back('}');
  }
  out.push_back(']');
  // "sources": where each non-empty field came from; a field without a source is left out.
  const MetadataSources& s = a.sources;
  const std::pair<std::string_view, const std::string*> sources[] = {
      {"title", &s.title},       {"lead", &s.lead},           {"authors", &s.authors},
      {"published", &s.published}, {"modified", &s.modified}, {"site_name", &s.site_name},
      {"language", &s.language}, {"canonical_url", &s.canonical_url}, {"image", &s.image},
      {"tags", &s.tags},         {"section", &s.section},     {"page_type", &s.page_type},
      {"related", &s.related}};
  key(out, "sources");
  out.push_back('{');
  bool first = true;
  for (const auto& [name, value] : sources) {
    if (output::is_blank(*value)) continue;
    if (!first) out.push_back(',');
    first = false;
    out.push_back('"');
    out += name;
    out += "\":";
    json_string(out, *value);
  }
  out.push_back('}');
}

std::size_t estimate(const std::vector<Block>& blocks) {
  std::size_t n = 0;
  for (const Block& b : blocks) {
    n += b.text.size() + b.src.size() + b.alt.size() + b.caption.size() + b.credit.size() + 48 +
         b.spans.size() * 48;
    for (const auto& item : b.items) n += item.size() + 4;
    for (const auto& row : b.rows)
      for (const auto& cell : row) n += cell.size() + 4;
  }
  return n;
}

}  // namespace

std::string to_json(const Article& article) {
  const std::string text = to_text(article);
  std::string out;
  out.reserve(768 + article.lead.size() + text.size() + text.size() / 16 + article.title.size() + article.url.size() +
              estimate(article.blocks) + estimate(article.comments) + 64 * article.quotes.size());
  std::vector<LinkPiece> scratch;
  out += "{\"schema\":";
  json_string(out, kJsonSchemaVersion);
  string_field(out, "title", article.title);
  string_field(out, "url", article.url);
  string_field(out, "encoding", article.encoding);
  string_field(out, "encoding_source", article.encoding_source);
  key(out, "truncated");
  out += article.truncated ? "true" : "false";
  metadata_json(out, article);
  string_field(out, "text", text);
  key(out, "blocks");
  blocks_json(out, article.blocks, scratch);
  quotes_json(out, article.quotes);
  if (!article.comments.empty()) {
    key(out, "comments");
    blocks_json(out, article.comments, scratch);
  }
  out.push_back('}');
  return out;
}

void append_json_string(std::string* out, std::string_view text) { json_string(*out, text); }

}  // namespace lede
