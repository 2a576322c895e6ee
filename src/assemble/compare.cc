// The comparable() key: decode UTF-8, drop ASCII punctuation and white space, general punctuation
// (U+2000-U+206F: dashes, curly quotes, ellipsis), guillemets and NBSP; fold case.
#include "assemble/compare.h"

#include "decode/utf8.h"

namespace lede::assemble {

namespace {

// Calls `emit(cp)` with each code point of comparable(text) in order, until it returns false.
template <typename Emit>
void comparable_code_points(std::string_view text, Emit emit) {
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
      else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) continue;
      if (!emit(static_cast<char32_t>(c))) return;
      continue;
    }
    const decode::Utf8Char u = decode::utf8_at(text, i);
    i += u.length;
    const char32_t cp = u.cp;
    if (cp == 0xA0 || cp == 0xAB || cp == 0xBB || (cp >= 0x2000 && cp <= 0x206F) || cp == 0x3000) continue;
    if (!emit(decode::lower_code_point(cp))) return;
  }
}

}  // namespace

std::string comparable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  comparable_code_points(text, [&](char32_t cp) {
    decode::append_code_point(cp, &out);
    return true;
  });
  return out;
}

bool has_comparable_key(std::string_view text, std::string_view key) {
  std::size_t at = 0;
  bool same = true;
  comparable_code_points(text, [&](char32_t cp) {
    char bytes[4];
    const std::string_view encoded(bytes, decode::encode_utf8(cp, bytes));
    same = key.substr(at).starts_with(encoded);
    at += encoded.size();
    return same;
  });
  return same && at == key.size();
}

}  // namespace lede::assemble
