// URL resolution for hrefs and image sources: scheme-relative, root-relative, path-relative, query and
// fragment references, with "." and ".." segments removed from the merged path.
#include "assemble/url.h"

#include <vector>

namespace lede::assemble {
namespace {

std::string_view trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

// Length of "scheme:" at the start of s, or 0.
std::size_t scheme_length(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (c == ':') return i > 0 ? i + 1 : 0;
    if (!(alpha || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')))) return 0;
  }
  return 0;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != prefix[i]) return false;
  }
  return true;
}

std::string remove_dot_segments(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i <= path.size()) {
    std::size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    std::string_view seg = path.substr(i, j - i);
    if (seg == "..") {
      if (out.size() > 1) out.pop_back();
    } else if (seg != ".") {
      out.push_back(seg);
    }
    i = j + 1;
  }
  std::string result;
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (k) result.push_back('/');
    result.append(out[k]);
  }
  if ((path.ends_with("/.") || path.ends_with("/..")) && !result.ends_with('/')) result.push_back('/');
  return result;
}

}  // namespace

std::string resolve_url(std::string_view base, std::string_view ref, bool allow_data) {
  ref = trim(ref);
  if (ref.empty()) return {};
  if (starts_with_ci(ref, "javascript:") || starts_with_ci(ref, "vbscript:")) return {};
  if (starts_with_ci(ref, "data:")) return allow_data ? std::string(ref) : std::string();
  if (scheme_length(ref) > 0 || base.empty()) return std::string(ref);

  std::size_t scheme_len = scheme_length(base);
  if (scheme_len == 0) return std::string(ref);
  std::string_view scheme = base.substr(0, scheme_len);  // "https:"
  if (ref.starts_with("//")) return std::string(scheme) + std::string(ref);

  // Split base into authority, path, query.
  std::string_view rest = base.substr(scheme_len);
  std::string_view authority;
  if (rest.starts_with("//")) {
    std::size_t end = rest.find_first_of("/?#", 2);
    if (end == std::string_view::npos) end = rest.size();
    authority = rest.substr(0, end);
    rest = rest.substr(end);
  }
  std::size_t frag = rest.find('#');
  if (frag != std::string_view::npos) rest = rest.substr(0, frag);
  std::size_t q = rest.find('?');
  std::string_view path = q == std::string_view::npos ? rest : rest.substr(0, q);
  std::string_view query = q == std::string_view::npos ? std::string_view() : rest.substr(q);

  std::string prefix = std::string(scheme) + std::string(authority);
  if (ref.front() == '#') return prefix + std::string(path) + std::string(query) + std::string(ref);
  if (ref.front() == '?') return prefix + std::string(path.empty() ? "/" : path) + std::string(ref);

  std::size_t tail = ref.find_first_of("?#");
  std::string_view ref_path = tail == std::string_view::npos ? ref : ref.substr(0, tail);
  std::string_view ref_tail = tail == std::string_view::npos ? std::string_view() : ref.substr(tail);
  std::string merged;
  if (ref_path.front() == '/') {
    merged = std::string(ref_path);
  } else {
    std::size_t slash = path.rfind('/');
    merged = slash == std::string_view::npos ? "/" : std::string(path.substr(0, slash + 1));
    merged.append(ref_path);
  }
  return prefix + remove_dot_segments(merged) + std::string(ref_tail);
}

}  // namespace lede::assemble
