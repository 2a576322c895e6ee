// Character references: the named table (generated, scripts/gen-entities) searched by binary search, the
// numeric ones with the spec's repairs (windows-1252 for 0x80-0x9F, U+FFFD for 0, surrogates and values
// past U+10FFFF). Must not allocate: the tokenizer calls this for every '&' of a page.
#include "parse/char_refs.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "decode/utf8.h"

namespace lede::parse {
namespace {

struct Entity {
  std::string_view name;   // with its ';' when it has one
  std::string_view value;  // UTF-8
};

constexpr Entity kEntities[] = {
#include "parse/entities.inc"
};
constexpr std::size_t kLongestName = 31;       // "CounterClockwiseContourIntegral", before its ';'
constexpr std::size_t kLongestLegacyName = 6;  // names that also work without ';' ("frac34", "eacute")

const Entity* find(std::string_view name) {
  const Entity* end = kEntities + sizeof kEntities / sizeof kEntities[0];
  const Entity* it = std::lower_bound(kEntities, end, name, [](const Entity& e, std::string_view n) { return e.name < n; });
  return it != end && it->name == name ? it : nullptr;
}

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// The C1 range as windows-1252 reads it (0 where windows-1252 leaves the byte undefined: kept as is).
constexpr std::uint16_t kWindows1252[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

CharRef numeric(std::string_view after) {
  CharRef ref;
  std::size_t i = 1;  // after '#'
  bool hex = i < after.size() && (after[i] == 'x' || after[i] == 'X');
  if (hex) ++i;
  std::size_t digits_begin = i;
  std::uint32_t value = 0;
  for (; i < after.size(); ++i) {
    const char c = after[i];
    const int digit = hex ? decode::hex_digit(c) : (c >= '0' && c <= '9' ? c - '0' : -1);
    if (digit < 0) break;
    value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
    if (value > 0x10FFFF) value = 0x110000;  // saturates: any longer run stays out of range
  }
  if (i == digits_begin) return ref;  // "&#" or "&#x" without digits: not a reference
  if (i < after.size() && after[i] == ';') ++i;
  ref.consumed = i;
  if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    value = 0xFFFD;
  } else if (value >= 0x80 && value <= 0x9F && kWindows1252[value - 0x80] != 0) {
    value = kWindows1252[value - 0x80];
  }
  ref.length = decode::encode_utf8(value, ref.text);
  return ref;
}

CharRef fill(const Entity& e, std::size_t consumed) {
  CharRef ref;
  ref.consumed = consumed;
  ref.length = e.value.size();
  std::memcpy(ref.text, e.value.data(), e.value.size());
  return ref;
}

}  // namespace

CharRef decode_char_ref(std::string_view after, bool in_attribute) {
  if (after.empty()) return {};
  if (after[0] == '#') return numeric(after);
  std::size_t run = 0;
  while (run < after.size() && run <= kLongestName && is_alnum(after[run])) ++run;
  if (run == 0) return {};
  if (run <= kLongestName && run < after.size() && after[run] == ';') {
    char name[kLongestName + 1];
    std::memcpy(name, after.data(), run);
    name[run] = ';';
    if (const Entity* e = find(std::string_view(name, run + 1))) return fill(*e, run + 1);
  }
  // The longest legacy name the run starts with ("&notit;" is "¬it;").
  for (std::size_t len = std::min(run, kLongestLegacyName); len >= 2; --len) {
    const Entity* e = find(after.substr(0, len));
    if (!e) continue;
    if (in_attribute && len < after.size() && (is_alnum(after[len]) || after[len] == '=')) return {};
    return fill(*e, len);
  }
  return {};
}

}  // namespace lede::parse
