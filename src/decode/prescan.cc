// prescan: the WHATWG "prescan a byte stream to determine its encoding" algorithm (<meta charset>,
// <meta http-equiv=Content-Type content=...>), written as the spec's byte-by-byte state machine.
// Must not use regexes, build a DOM or guess from content; the caller decides how many bytes to scan.
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

#include "decode/internal.h"

namespace lede::decode::detail {
namespace {

bool is_space(char c) { return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char to_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// True when s[pos...] starts with `lower` (given in lowercase), ASCII case-insensitively.
bool starts_with_ci(std::string_view s, std::size_t pos, std::string_view lower) {
  if (pos > s.size() || s.size() - pos < lower.size()) return false;
  for (std::size_t i = 0; i < lower.size(); ++i) {
    if (to_lower(s[pos + i]) != lower[i]) return false;
  }
  return true;
}

std::size_t find_ci(std::string_view s, std::size_t pos, std::string_view lower) {
  if (lower.empty()) return pos;
  while (pos < s.size()) {
    // Jump to the next byte that matches the first character in either case.
    const char first = lower[0];
    const char first_upper = (first >= 'a' && first <= 'z') ? static_cast<char>(first - 32) : first;
    std::size_t i = pos;
    while (i < s.size() && s[i] != first && s[i] != first_upper) ++i;
    if (i >= s.size()) return std::string_view::npos;
    if (starts_with_ci(s, i, lower)) return i;
    pos = i + 1;
  }
  return std::string_view::npos;
}

enum class AttrResult { kAttribute, kNone, kEndOfInput };

// "Get an attribute" from the spec. On kAttribute, *name and *value hold the attribute (ASCII
// lowercased) when `keep` is set; *pos is left where the spec leaves the position pointer.
AttrResult get_attribute(std::string_view s, std::size_t* pos, bool keep, std::string* name,
                         std::string* value) {
  const std::size_t n = s.size();
  std::size_t p = *pos;
  name->clear();
  value->clear();
  // 1. Skip whitespace and slashes.
  while (p < n && (is_space(s[p]) || s[p] == '/')) ++p;
  if (p >= n) return AttrResult::kEndOfInput;
  // 2. '>' ends the tag: there is no attribute.
  if (s[p] == '>') {
    *pos = p;
    return AttrResult::kNone;
  }
  // 3-5. The attribute name.
  bool have_name = false;
  bool at_value = false;
  for (;; ++p) {
    if (p >= n) return AttrResult::kEndOfInput;
    const char c = s[p];
    if (c == '=' && have_name) {
      ++p;
      at_value = true;
      break;
    }
    if (is_space(c)) break;  // to "spaces"
    if (c == '/' || c == '>') {
      *pos = p;
      return AttrResult::kAttribute;  // name only, empty value
    }
    if (keep) name->push_back(to_lower(c));
    have_name = true;
  }
  if (!at_value) {
    // 6. Spaces.
    while (p < n && is_space(s[p])) ++p;
    if (p >= n) return AttrResult::kEndOfInput;
    // 7. Anything but '=' ends an attribute without a value.
    if (s[p] != '=') {
      *pos = p;
      return AttrResult::kAttribute;
    }
    ++p;  // 8. Past '='.
  }
  // 9. Whitespace before the value.
  while (p < n && is_space(s[p])) ++p;
  if (p >= n) return AttrResult::kEndOfInput;
  // 10. Quoted value, '>' or the first byte of an unquoted value.
  {
    const char c = s[p];
    if (c == '"' || c == '\'') {
      const std::size_t close = s.find(c, p + 1);
      if (close == std::string_view::npos) return AttrResult::kEndOfInput;
      if (keep) {
        for (std::size_t i = p + 1; i < close; ++i) value->push_back(to_lower(s[i]));
      }
      *pos = close + 1;
      return AttrResult::kAttribute;
    }
    if (c == '>') {
      *pos = p;
      return AttrResult::kAttribute;  // empty value
    }
    if (keep) value->push_back(to_lower(c));
    ++p;
  }
  // 11-12. The rest of an unquoted value.
  for (; p < n; ++p) {
    const char c = s[p];
    if (is_space(c) || c == '>') {
      *pos = p;
      return AttrResult::kAttribute;
    }
    if (keep) value->push_back(to_lower(c));
  }
  return AttrResult::kEndOfInput;
}

// "Get an encoding" for the prescan: a known label, not the unusable "replacement" encoding.
const Encoding* encoding_for_label(std::string_view label) {
  const Encoding* e = find_by_label(label);
  if (e == nullptr || e->kind == Kind::kReplacement) return nullptr;
  return e;
}

enum class Pragma { kUnset, kNeeded, kNotNeeded };

// The attribute loop and the processing steps of the spec's "<meta" branch. *pos points at the byte
// after "<meta"; on return it is where the spec leaves the position pointer. *end_of_input is set
// when the input ran out.
const Encoding* scan_meta(std::string_view s, std::size_t* pos, bool* end_of_input, std::string* name,
                          std::string* value) {
  bool seen_http_equiv = false;
  bool seen_content = false;
  bool seen_charset = false;
  bool got_pragma = false;
  Pragma need_pragma = Pragma::kUnset;
  const Encoding* charset = nullptr;
  for (;;) {
    const AttrResult r = get_attribute(s, pos, /*keep=*/true, name, value);
    if (r == AttrResult::kEndOfInput) {
      *end_of_input = true;
      return nullptr;
    }
    if (r == AttrResult::kNone) break;
    if (*name == "http-equiv") {
      if (seen_http_equiv) continue;
      seen_http_equiv = true;
      if (*value == "content-type") got_pragma = true;
    } else if (*name == "content") {
      if (seen_content) continue;
      seen_content = true;
      if (charset == nullptr) {
        const std::string_view label = charset_from_meta_content(*value);
        const Encoding* e = label.empty() ? nullptr : encoding_for_label(label);
        if (e != nullptr) {
          charset = e;
          need_pragma = Pragma::kNeeded;
        }
      }
    } else if (*name == "charset") {
      if (seen_charset) continue;
      seen_charset = true;
      charset = encoding_for_label(*value);
      need_pragma = Pragma::kNotNeeded;
    }
  }
  if (need_pragma == Pragma::kUnset) return nullptr;
  if (need_pragma == Pragma::kNeeded && !got_pragma) return nullptr;
  if (charset == nullptr) return nullptr;
  if (charset->kind == Kind::kUtf16Le || charset->kind == Kind::kUtf16Be) return &utf8_encoding();
  if (charset->kind == Kind::kUserDefined) return &windows1252_encoding();
  return charset;
}

}  // namespace

std::string_view charset_from_meta_content(std::string_view s) {
  std::size_t pos = 0;
  const std::size_t n = s.size();
  for (;;) {
    const std::size_t at = find_ci(s, pos, "charset");
    if (at == std::string_view::npos) return {};
    pos = at + 7;
    while (pos < n && is_space(s[pos])) ++pos;
    if (pos >= n) return {};
    if (s[pos] != '=') continue;  // look for the next "charset" from here
    ++pos;
    while (pos < n && is_space(s[pos])) ++pos;
    if (pos >= n) return {};
    const char c = s[pos];
    if (c == '"' || c == '\'') {
      const std::size_t close = s.find(c, pos + 1);
      if (close == std::string_view::npos) return {};
      return s.substr(pos + 1, close - pos - 1);
    }
    std::size_t end = pos;
    while (end < n && !is_space(s[end]) && s[end] != ';') ++end;
    return s.substr(pos, end - pos);
  }
}

// One deliberate extension of the spec: the content of a <script> element is skipped (to the next
// "</script"), so a "<meta charset=...>" inside a JavaScript string does not count. The spec's prescan
// only looks at 1024 bytes, where that rarely matters; lede scans 16 KiB, where inline scripts are
// common. Everything else follows the spec step by step.
const Encoding* prescan(std::string_view s) {
  const std::size_t n = s.size();
  std::string name;
  std::string value;
  std::size_t pos = 0;
  while (pos < n) {
    if (s[pos] != '<') {
      const void* lt = std::memchr(s.data() + pos, '<', n - pos);
      if (lt == nullptr) return nullptr;
      pos = static_cast<std::size_t>(static_cast<const char*>(lt) - s.data());
    }
    // s[pos] == '<'
    if (starts_with_ci(s, pos, "<!--")) {
      // The '>' of the first "-->" after the "<"; the dashes may be those of "<!--" itself.
      const std::size_t end = s.find("-->", pos + 2);
      if (end == std::string_view::npos) return nullptr;
      pos = end + 3;
      continue;
    }
    if (starts_with_ci(s, pos, "<meta") && pos + 5 < n && (is_space(s[pos + 5]) || s[pos + 5] == '/')) {
      pos += 5;
      bool end_of_input = false;
      const Encoding* e = scan_meta(s, &pos, &end_of_input, &name, &value);
      if (e != nullptr) return e;
      if (end_of_input) return nullptr;
      ++pos;  // "next byte"
      continue;
    }
    const bool end_tag = pos + 1 < n && s[pos + 1] == '/';
    const std::size_t name_at = pos + (end_tag ? 2 : 1);
    if (name_at < n && is_alpha(s[name_at])) {
      std::size_t p = name_at;
      while (p < n && !is_space(s[p]) && s[p] != '>') ++p;
      const bool is_script =
          !end_tag && starts_with_ci(s, name_at, "script") &&
          (name_at + 6 == p || s[name_at + 6] == '/');  // "<script>", "<script src=..", "<script/>"
      for (;;) {
        const AttrResult r = get_attribute(s, &p, /*keep=*/false, &name, &value);
        if (r == AttrResult::kEndOfInput) return nullptr;
        if (r == AttrResult::kNone) break;
      }
      pos = p + 1;  // past the '>'
      if (is_script) {
        const std::size_t close = find_ci(s, pos, "</script");
        if (close == std::string_view::npos) return nullptr;
        pos = close;
      }
      continue;
    }
    if (pos + 1 < n && (s[pos + 1] == '!' || s[pos + 1] == '/' || s[pos + 1] == '?')) {
      const std::size_t gt = s.find('>', pos + 1);
      if (gt == std::string_view::npos) return nullptr;
      pos = gt + 1;
      continue;
    }
    ++pos;
  }
  return nullptr;
}

}  // namespace lede::decode::detail
