// Loose text equality for titles and headings: pages write the same headline with straight or curly
// quotes, other dashes, other case. Pure string work.
#pragma once

#include <string>
#include <string_view>

namespace lede::assemble {

// The letters and digits of `text`, lower-cased (decode::lower_code_point), without punctuation,
// quotes, dashes or spaces: two spellings of one headline give the same key.
std::string comparable(std::string_view text);

// comparable(text) == key, read only as far as the first difference (a paragraph against the title's key).
bool has_comparable_key(std::string_view text, std::string_view key);

}  // namespace lede::assemble
