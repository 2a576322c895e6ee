// Front matter and text header (output/metadata.h). Values are written so a YAML reader gets back exactly the
// Article's strings: double-quoted, with '"', '\' and control characters escaped and bad UTF-8 replaced.
#include "output/metadata.h"

#include <string_view>

#include "output/common.h"

namespace lede::output {
namespace {

void yaml_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out.push_back('"');
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const decode::Utf8Char u = decode::utf8_at(s, i);
      const bool breaks_yaml = u.cp == 0x2028 || u.cp == 0x2029 || u.cp == 0x85 || u.cp == 0xFEFF;
      if (u.valid && !breaks_yaml) out.append(s.substr(i, u.length));
      else if (u.valid) out += u.cp == 0x2028 ? "\\L" : u.cp == 0x2029 ? "\\P" : u.cp == 0x85 ? "\\N" : "\\uFEFF";
      else out += kReplacementUtf8;
      i += u.length;
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out += "\\x";
          out.push_back(kHex[c >> 4]);
          out.push_back(kHex[c & 15]);
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
    ++i;
  }
  out.push_back('"');
}

void yaml_field(std::string& out, std::string_view key, std::string_view value) {
  if (is_blank(value)) return;
  out += key;
  out += ": ";
  yaml_string(out, value);
  out.push_back('\n');
}

void yaml_list(std::string& out, std::string_view key, const std::vector<std::string>& values) {
  bool any = false;
  for (const std::string& v : values) any |= !is_blank(v);
  if (!any) return;
  out += key;
  out += ": [";
  bool first = true;
  for (const std::string& v : values) {
    if (is_blank(v)) continue;
    if (!first) out += ", ";
    first = false;
    yaml_string(out, v);
  }
  out += "]\n";
}

// One line of the text header: white space folded so a value cannot break the "Key: value" layout.
void text_field(std::string& out, std::string_view key, std::string_view value) {
  if (is_blank(value)) return;
  out += key;
  out += ": ";
  append_flat(out, value);
  out.push_back('\n');
}

std::string joined(const std::vector<std::string>& values) {
  std::string all;
  for (const std::string& v : values) {
    if (is_blank(v)) continue;
    if (!all.empty()) all += ", ";
    all += v;
  }
  return all;
}

}  // namespace

void append_front_matter(std::string& out, const Article& a) {
  out += "---\n";
  yaml_field(out, "title", a.title);
  yaml_field(out, "lead", a.lead);
  yaml_list(out, "authors", a.authors);
  yaml_field(out, "published", a.published);
  yaml_field(out, "modified", a.modified);
  yaml_field(out, "site_name", a.site_name);
  yaml_field(out, "language", a.language);
  yaml_field(out, "url", a.url);
  yaml_field(out, "canonical_url", a.canonical_url);
  if (!is_blank(a.image.url)) {
    out += "image:\n";
    yaml_field(out, "  url", a.image.url);
    yaml_field(out, "  caption", a.image.caption);
    yaml_field(out, "  credit", a.image.credit);
  }
  yaml_list(out, "tags", a.tags);
  yaml_field(out, "section", a.section);
  yaml_field(out, "page_type", a.page_type);
  bool related = false;
  for (const LinkRef& r : a.related) {
    if (is_blank(r.url)) continue;
    if (!related) out += "related:\n";
    related = true;
    out += "  - title: ";
    yaml_string(out, r.title);
    out += "\n    url: ";
    yaml_string(out, r.url);
    out.push_back('\n');
  }
  out += "---\n\n";
}

void append_text_header(std::string& out, const Article& a) {
  const std::size_t mark = out.size();
  text_field(out, "Title", a.title);
  text_field(out, "Lead", a.lead);
  text_field(out, "Authors", joined(a.authors));
  text_field(out, "Published", a.published);
  text_field(out, "Modified", a.modified);
  text_field(out, "Site", a.site_name);
  text_field(out, "Language", a.language);
  text_field(out, "URL", !is_blank(a.canonical_url) ? a.canonical_url : a.url);
  if (!is_blank(a.image.url)) {
    std::string image = a.image.url;
    if (!is_blank(a.image.credit)) image += " (" + a.image.credit + ")";
    text_field(out, "Image", image);
  }
  text_field(out, "Tags", joined(a.tags));
  text_field(out, "Section", a.section);
  text_field(out, "Type", a.page_type);
  if (out.size() != mark) out.push_back('\n');
}

}  // namespace lede::output
