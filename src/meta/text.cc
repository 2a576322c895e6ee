// Text helpers of the metadata stage (text.h): white space, letters, comparison keys, keywords. Case
// folding is decode::lower's, which covers the scripts of the date and name vocabularies only.
#include "meta/text.h"

#include <utility>

#include "decode/utf8.h"
#include "parse/char_refs.h"

namespace lede::meta {
namespace {

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

}  // namespace

bool is_letter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (c == 0xD7 || c == 0xF7) return false;
  if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;
  if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, symbols, arrows
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
  if (c >= 0xFF00 && c <= 0xFF20) return false;  // full-width punctuation and digits
  return !is_space(c);
}

namespace {

bool is_ascii_space(unsigned char b) {
  return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v';
}

}  // namespace

std::string fold_space(std::string_view text) {
  // The character at i: whether it is space, and its length. ASCII is read without decoding.
  auto read = [&](std::size_t i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) return std::pair<bool, std::size_t>(is_ascii_space(b), 1);
    const decode::Utf8Char u = decode::utf8_at(text, i);
    return std::pair<bool, std::size_t>(is_space(u.cp), u.length);
  };
  std::string out;
  out.reserve(text.size());
  bool pending = false;
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    // A run of characters that are not space, copied whole.
    const std::size_t start = i;
    while (i < n) {
      const auto [space, length] = read(i);
      if (space) break;
      i += length;
    }
    if (i > start) {
      if (pending) out.push_back(' ');
      pending = false;
      out.append(text.data() + start, i - start);
    }
    // A run of spaces: one ' ' before the next character, none at the start.
    while (i < n) {
      const auto [space, length] = read(i);
      if (!space) break;
      pending = !out.empty();
      i += length;
    }
  }
  return out;
}

std::string_view trim(std::string_view text) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string comparison_key(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending = false;
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      const bool lower_letter = b >= 'a' && b <= 'z', upper_letter = b >= 'A' && b <= 'Z';
      if (lower_letter || upper_letter || (b >= '0' && b <= '9')) {
        if (pending && !out.empty()) out.push_back(' ');
        pending = false;
        out.push_back(static_cast<char>(upper_letter ? b + 32 : b));
      } else {
        pending = true;
      }
      ++i;
      continue;
    }
    const decode::Utf8Char u = decode::utf8_at(text, i);
    if (u.valid && is_letter(u.cp)) {
      if (pending && !out.empty()) out.push_back(' ');
      pending = false;
      const char32_t l = decode::lower_code_point(u.cp);
      if (l == u.cp) out.append(text.data() + i, u.length);
      else decode::append_code_point(l, &out);
    } else {
      pending = true;
    }
    i += u.length;
  }
  return out;
}

bool is_internal_label(std::string_view tag) {
  constexpr std::size_t kMaxKey = 24;
  const std::size_t colon = tag.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > kMaxKey || tag[0] < 'a' || tag[0] > 'z')
    return false;
  for (std::size_t i = 0; i < colon; ++i) {
    const char c = tag[i];
    const bool key_char = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                          c == '_';
    if (!key_char) return false;
  }
  return true;
}

void split_keywords(std::string_view value, std::size_t max, std::vector<std::string>* out) {
  const char separator = value.find(',') == std::string_view::npos && value.find(';') != std::string_view::npos ? ';' : ',';
  std::size_t start = 0;
  while (start <= value.size() && out->size() < max) {
    const std::size_t at = value.find(separator, start);
    const std::string_view one = trim(value.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (!one.empty() && !is_internal_label(one)) out->emplace_back(one);
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
}

std::string decode_entities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out.push_back(s[i]);
      continue;
    }
    // The parser's reading (the whole HTML table, numeric repairs), but only of references closed by ';':
    // this text was read once already, and "&notation" is a word there, not "¬ation".
    const parse::CharRef ref = parse::decode_char_ref(s.substr(i + 1), false);
    if (ref.consumed == 0 || s[i + ref.consumed] != ';') {
      out.push_back('&');
      continue;
    }
    out.append(ref.text, ref.length);
    i += ref.consumed;
  }
  return out;
}

std::string declared_text(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return fold_space(s);  // no entity: no copy before folding
  return fold_space(decode_entities(s));
}

}  // namespace lede::meta
