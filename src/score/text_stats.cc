// Code-point counting over UTF-8: ASCII is read byte by byte, the rest through the decode stage's reader.
#include "score/text_stats.h"

#include "decode/utf8.h"

namespace lede::score {

void count_text(std::string_view text, TextCounts* counts) {
  const auto* begin = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = begin + text.size();
  const auto* p = begin;
  while (p < end) {
    unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      if (is_space_byte(c)) continue;
      counts->chars++;
      if (c == ',' || c == ';') counts->commas++;
      counts->last = c;
      continue;
    }
    const decode::Utf8Char u = decode::utf8_at(text, static_cast<std::size_t>(p - begin));
    p += u.length;
    const char32_t cp = u.cp;
    if (cp == 0xA0 || cp == 0x200B || cp == 0x3000 || cp == 0xFEFF) continue;
    counts->chars++;
    if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x3040 && cp <= 0x30FF) ||
        (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF))
      counts->wide++;
    // Full-width and ideographic commas, Arabic's comma and semicolon, Armenian's, Ethiopic's and Myanmar's.
    if (cp == 0xFF0C || cp == 0x3001 || cp == 0x060C || cp == 0xFF1B || cp == 0x061B || cp == 0x055D ||
        cp == 0x1363 || cp == 0x104A)
      counts->commas++;
    counts->last = cp;
  }
}

bool ends_sentence(char32_t c) {
  switch (c) {
    case '.': case '!': case '?': case ':': case '"': case ')': case 0x2026: case 0x3002: case 0xFF01:
    case 0xFF1F: case 0x00BB: case 0x201D: case 0x0964: case 0x06D4: case 0x061F:
    // A quotation closed after its stop (CJK corner brackets, the curly single quote), the full-width and
    // half-width stops, and the stops of scripts without a Latin one: Devanagari's double danda, Greek's
    // question mark, Armenian, Ethiopic, Myanmar, Khmer, Tibetan.
    case 0x300D: case 0x300F: case 0x2019: case 0xFF0E: case 0xFF61: case 0x0965: case 0x037E: case 0x0589:
    case 0x1362: case 0x104B: case 0x17D4: case 0x0F0D:
      return true;
    default:
      return false;
  }
}

}  // namespace lede::score
