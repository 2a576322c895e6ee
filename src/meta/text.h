// Small text helpers for the metadata stage: white-space folding, letters, comparison keys, keywords.
// Pure functions; no DOM knowledge. UTF-8 walking and lower case are the decode stage's (decode/utf8.h).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lede::meta {

// Runs of white space (ASCII, U+00A0 and the other Unicode spaces) become one ' '; none at the ends.
std::string fold_space(std::string_view text);

// Character references left in a declared value by templates that escape twice ("&amp;#8217;" in a
// content attribute, "&#8217;" in a JSON-LD string), read once more as HTML reads them; only references
// closed by ';' ("AT&T", "&notation" stay as written).
std::string decode_entities(std::string_view s);
// A declared value as text: references read once more (decode_entities), white space folded.
std::string declared_text(std::string_view s);

std::string_view trim(std::string_view text);

// Letters of any script (not digits, punctuation or space): enough to split words in page text.
bool is_letter(char32_t c);

// Number of code points.
std::size_t code_points(std::string_view s);

// A comparison key: lower case, every run of non-letters and non-digits one space, trimmed.
std::string comparison_key(std::string_view text);

inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// A site's internal label among its keywords, a lower-case or camelCase key and a colon ("shortTitle: …",
// "locale: US", "content-type: How-to"): no tag a reader would see.
bool is_internal_label(std::string_view tag);

// The most tags read from a page, whatever its source (JSON-LD keywords, <meta> keywords, article:tag): a
// page can repeat article:tag a hundred thousand times.
inline constexpr std::size_t kMaxTags = 50;

// A keywords value as tags, appended to *out up to `max` in all: split at commas, or at semicolons when it
// has none ("stress; mindfulness; sleep"), trimmed; empty pieces and internal labels left out.
void split_keywords(std::string_view value, std::size_t max, std::vector<std::string>* out);

}  // namespace lede::meta
