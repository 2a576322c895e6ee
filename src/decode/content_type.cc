// content_type: pulls the charset parameter out of an HTTP Content-Type header value.
// Only parses the header text: it must not map labels to encodings or look at the page bytes.
#include <cstddef>
#include <string>
#include <string_view>

#include "decode/internal.h"

namespace lede::decode::detail {
namespace {

bool is_http_whitespace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool iequals_ascii(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    char y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

}  // namespace

// Follows the parameter part of the WHATWG MIME type parser: parameters are separated by ';', names
// are case-insensitive, values are tokens or quoted strings with backslash escapes, and the first
// "charset" parameter wins. Lenient where servers are sloppy: a bare "charset=x" without a type is
// accepted too.
std::string charset_from_content_type(std::string_view ct) {
  std::size_t pos = ct.find(';');
  if (pos == std::string_view::npos) {
    std::size_t eq = ct.find('=');
    if (eq == std::string_view::npos || ct.substr(0, eq).find('/') != std::string_view::npos) return {};
    pos = 0;  // no type at all, just parameters
  } else {
    ++pos;
  }
  const std::size_t n = ct.size();
  while (pos < n) {
    while (pos < n && (is_http_whitespace(ct[pos]) || ct[pos] == ';')) ++pos;
    std::size_t name_begin = pos;
    while (pos < n && ct[pos] != ';' && ct[pos] != '=') ++pos;
    std::string_view name = ct.substr(name_begin, pos - name_begin);
    while (!name.empty() && is_http_whitespace(name.back())) name.remove_suffix(1);
    if (pos >= n) break;
    if (ct[pos] == ';') continue;  // a parameter without a value
    ++pos;                         // past '='
    std::string value;
    if (pos < n && ct[pos] == '"') {
      ++pos;
      while (pos < n && ct[pos] != '"') {
        if (ct[pos] == '\\' && pos + 1 < n) ++pos;
        value.push_back(ct[pos++]);
      }
      while (pos < n && ct[pos] != ';') ++pos;  // ignore anything after the closing quote
    } else {
      std::size_t value_begin = pos;
      while (pos < n && ct[pos] != ';') ++pos;
      std::string_view v = ct.substr(value_begin, pos - value_begin);
      while (!v.empty() && is_http_whitespace(v.back())) v.remove_suffix(1);
      value.assign(v);
    }
    if (iequals_ascii(name, "charset") && !value.empty()) return value;
  }
  return {};
}

}  // namespace lede::decode::detail
