// The article's HTML in a script's JSON (script_article.h).
#include "assemble/script_article.h"

#include <cstddef>
#include <cstdint>

#include "assemble/compare.h"
#include "decode/utf8.h"

namespace lede::assemble {
namespace {

// A string shorter than this is a snippet (a teaser, a caption), not an article.
constexpr std::size_t kMinArticleBytes = 500;
// Paragraph tags the string must hold.
constexpr int kMinParagraphs = 3;

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool starts_ci(std::string_view s, std::size_t at, std::string_view word) {
  if (at + word.size() > s.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k)
    if (lower(s[at + k]) != word[k]) return false;
  return true;
}

// "<p>" / "<p class…" in the literal as written: raw, or with the '<' escaped as \u003c.
int paragraph_tags(std::string_view literal) {
  int count = 0;
  for (std::size_t i = 0; i + 2 < literal.size(); ++i) {
    std::size_t after = std::string_view::npos;
    if (literal[i] == '<') after = i + 1;
    else if (literal[i] == '\\' && starts_ci(literal, i, "\\u003c")) after = i + 6;
    if (after == std::string_view::npos || after + 1 >= literal.size()) continue;
    char p = lower(literal[after]), next = literal[after + 1];
    if (p == 'p' && (next == '>' || next == ' ' || (next == '\\' && starts_ci(literal, after + 1, "\\u003e"))))
      ++count;
  }
  return count;
}

// A JSON string literal's content, its escapes undone; an escape that is not JSON's is kept as written,
// an unpaired surrogate becomes U+FFFD.
void unescape_json(std::string_view literal, std::string* out) {
  out->clear();
  out->reserve(literal.size());
  for (std::size_t i = 0; i < literal.size(); ++i) {
    char c = literal[i];
    if (c != '\\' || i + 1 >= literal.size()) {
      out->push_back(c);
      continue;
    }
    char e = literal[++i];
    switch (e) {
      case 'n': out->push_back('\n'); break;
      case 't': out->push_back('\t'); break;
      case 'r': out->push_back('\r'); break;
      case 'b': case 'f': out->push_back(' '); break;
      case 'u': {
        auto read4 = [&](std::size_t at, std::uint32_t* v) {
          if (at + 4 > literal.size()) return false;
          std::uint32_t value = 0;
          for (std::size_t k = 0; k < 4; ++k) {
            int h = decode::hex_digit(literal[at + k]);
            if (h < 0) return false;
            value = value * 16 + static_cast<std::uint32_t>(h);
          }
          *v = value;
          return true;
        };
        std::uint32_t cp = 0;
        if (!read4(i + 1, &cp)) {
          out->push_back('u');
          break;
        }
        i += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          std::uint32_t low = 0;
          if (i + 2 < literal.size() && literal[i + 1] == '\\' && literal[i + 2] == 'u' && read4(i + 3, &low) &&
              low >= 0xDC00 && low <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            i += 6;
          } else {
            cp = 0xFFFD;
          }
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
          cp = 0xFFFD;
        }
        decode::append_code_point(cp, out);
        break;
      }
      default: out->push_back(e); break;  // \" \\ \/ and anything else
    }
  }
}

}  // namespace

// schema.org's articleBody is the article as plain text: its lines become paragraphs.
void paragraphs_of(std::string_view text, std::string* html) {
  html->clear();
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
      *html += "<p>";
      for (char ch : line) {
        if (ch == '<') *html += "&lt;";
        else if (ch == '&') *html += "&amp;";
        else html->push_back(ch);
      }
      *html += "</p>";
    }
    start = end + 1;
  }
}

bool find_script_article(std::string_view page, std::string* html) {
  std::string_view best, article_body;
  int best_paragraphs = 0;
  std::size_t at = 0;
  while (true) {
    // The next <script …> and its end.
    std::size_t open = at;
    while (open < page.size() && !(page[open] == '<' && starts_ci(page, open + 1, "script"))) {
      open = page.find('<', open + 1);
      if (open == std::string_view::npos) open = page.size();
    }
    if (open >= page.size()) break;
    std::size_t body = page.find('>', open);
    if (body == std::string_view::npos) break;
    ++body;
    std::size_t close = body;
    while (close < page.size() && !(page[close] == '<' && starts_ci(page, close + 1, "/script"))) {
      close = page.find('<', close + 1);
      if (close == std::string_view::npos) close = page.size();
    }
    // JSON string literals in the script's text.
    for (std::size_t i = body; i < close; ++i) {
      if (page[i] != '"') continue;
      std::size_t j = i + 1;
      while (j < close && page[j] != '"') j += page[j] == '\\' ? 2 : 1;
      if (j >= close) break;
      std::string_view literal = page.substr(i + 1, j - i - 1);
      // "articleBody": "…" — the value is the next literal after the colon.
      if (literal == "articleBody") {
        std::size_t k = j + 1;
        while (k < close && (page[k] == ' ' || page[k] == ':' || page[k] == '\n')) ++k;
        if (k < close && page[k] == '"') {
          std::size_t e = k + 1;
          while (e < close && page[e] != '"') e += page[e] == '\\' ? 2 : 1;
          std::string_view value = page.substr(k + 1, (e < close ? e : close) - k - 1);
          if (value.size() >= kMinArticleBytes && value.size() > article_body.size()) article_body = value;
        }
      }
      if (literal.size() >= kMinArticleBytes && literal.size() > best.size()) {
        int paragraphs = paragraph_tags(literal);
        if (paragraphs >= kMinParagraphs && paragraphs >= best_paragraphs) {
          best = literal;
          best_paragraphs = paragraphs;
        }
      }
      i = j;
    }
    at = close;
  }
  if (!best.empty()) {
    unescape_json(best, html);
    return true;
  }
  if (article_body.empty()) return false;
  std::string text;
  unescape_json(article_body, &text);
  paragraphs_of(text, html);
  return true;
}

}  // namespace lede::assemble
