// Code-point counting over UTF-8 without decoding every byte: continuation bytes are skipped.
#include "score/text_stats.h"

namespace lede::score {

int next_code_point(const unsigned char* p, const unsigned char* end, char32_t* cp) {
  unsigned char c = *p;
  int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (p + len > end) return 0;
  *cp = len == 1 ? c
      : len == 2 ? ((c & 0x1F) << 6) | (p[1] & 0x3F)
      : len == 3 ? ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F)
                 : ((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
  return len;
}

void count_text(std::string_view text, TextCounts* counts) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
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
    char32_t cp = 0;
    int len = next_code_point(p, end, &cp);
    if (len == 0) break;
    p += len;
    if (cp == 0xA0 || cp == 0x200B || cp == 0x3000 || cp == 0xFEFF) continue;
    counts->chars++;
    if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x3040 && cp <= 0x30FF) ||
        (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF))
      counts->wide++;
    if (cp == 0xFF0C || cp == 0x3001 || cp == 0x060C || cp == 0xFF1B) counts->commas++;
    counts->last = cp;
  }
}

bool ends_sentence(char32_t c) {
  switch (c) {
    case '.': case '!': case '?': case ':': case '"': case ')': case 0x2026: case 0x3002: case 0xFF01:
    case 0xFF1F: case 0x00BB: case 0x201D: case 0x0964: case 0x06D4: case 0x061F:
      return true;
    default:
      return false;
  }
}

}  // namespace lede::score
