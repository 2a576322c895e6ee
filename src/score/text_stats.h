// Small text measures shared by the score and assemble stages: code points, white space, punctuation.
// Pure functions over UTF-8 bytes; no DOM knowledge.
#pragma once

#include <cstdint>
#include <string_view>

namespace lede::score {

struct TextCounts {
  std::uint32_t chars = 0;   // non-space code points
  std::uint32_t commas = 0;  // ',' and its forms in other scripts (CJK, Arabic, Ethiopic …), ';'
  std::uint32_t wide = 0;    // CJK ideographs, kana and Hangul syllables: each says about what two letters do
  char32_t last = 0;         // the last non-space code point (0 when none)
};

// Counts `text` and adds to *counts (so runs of one block accumulate).
void count_text(std::string_view text, TextCounts* counts);

// True for '.', '!', '?', '…', '。', '！', '？', ':' , '"', '»', ')', '」' and the stops of other scripts ('।',
// '؟', '။', '።' …): a line that ends like a sentence.
bool ends_sentence(char32_t c);

// ASCII white space and U+00A0 (as its two UTF-8 bytes) count as space.
inline bool is_space_byte(unsigned char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace lede::score
