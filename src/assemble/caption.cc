// Caption and credit apart (caption.h): lead-ins, a last parenthesis, a last line.
#include "assemble/caption.h"

#include <string_view>

#include "assemble/inline_text.h"
#include "clean/vocabulary.h"

namespace lede::assemble {
namespace {

// News agencies a caption names in a last parenthesis: "(AP)", "(Reuters)".
constexpr std::string_view kAgencies[] = {"AP", "AFP", "Reuters", "REUTERS", "dpa", "EPA", "Getty Images", "Getty",
                                          "ANP", "ANSA", "EFE", "PA", "Xinhua", "TASS", "ТАСС", "УНИАН", "Укрінформ"};

bool sentence_end(char c) { return c == '.' || c == '!' || c == '?'; }

bool take(std::string* caption, std::size_t cut, std::string_view credit_text, std::string* credit) {
  const std::string kept = fold_space(std::string_view(*caption).substr(0, cut));
  const std::string taken = fold_space(credit_text);
  if (taken.empty()) return false;
  *credit = taken;
  *caption = kept;
  return true;
}

bool lead_in_credit(std::string* caption, std::string* credit) {
  const std::size_t at = clean::credit_lead_in_at(*caption);
  if (at == std::string::npos) return false;
  if (at > 0 && (*caption)[at - 1] == '(') {
    // "(Photo: Jane Doe)": the parenthesis goes with its credit.
    const std::size_t close = caption->find(')', at);
    const std::size_t length = close == std::string::npos ? std::string::npos : close - at;
    const std::string_view inside = std::string_view(*caption).substr(at, length);
    return take(caption, at - 1, inside, credit);
  }
  return take(caption, at, std::string_view(*caption).substr(at), credit);
}

bool parenthesis_credit(std::string* caption, std::string* credit) {
  std::string_view text = *caption;
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '.')) text.remove_suffix(1);
  const bool fullwidth = text.ends_with("\xEF\xBC\x89");  // "）"
  if (!fullwidth && !text.ends_with(")")) return false;
  const std::size_t open = fullwidth ? text.rfind("\xEF\xBC\x88") : text.rfind('(');
  if (open == std::string_view::npos || open == 0) return false;
  const std::size_t width = fullwidth ? 3 : 1;
  const std::string_view inside = text.substr(open + width, text.size() - open - 2 * width);
  bool agency = false;
  for (std::string_view a : kAgencies) agency |= inside == a;
  // "（警視庁提供）": "provided by" in Japanese and Chinese.
  const bool provided = inside.ends_with("\xE6\x8F\x90\xE4\xBE\x9B");
  if (!agency && !provided && !clean::looks_like_credit(inside)) return false;
  return take(caption, open, inside, credit);
}

bool last_line_credit(std::string* caption, std::string* credit) {
  std::string_view text = *caption;
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
  const std::size_t newline = text.rfind('\n');
  if (newline == std::string_view::npos) return false;
  const std::string_view line = text.substr(newline + 1);
  // A name and its agency, "Lichtgut/Christoph Schmidt": a slash, a few words, no sentence.
  std::size_t words = 1;
  for (char c : line) words += c == ' ';
  const bool slash_credit = line.find('/') != std::string_view::npos && words <= 5 && !sentence_end(line.back()) &&
                            line.find("://") == std::string_view::npos;
  if (!slash_credit && !clean::looks_like_credit(line)) return false;
  return take(caption, newline, line, credit);
}

}  // namespace

void split_credit(std::string* caption, std::string* credit) {
  if (!credit->empty() || caption->empty()) return;
  if (lead_in_credit(caption, credit)) return;
  if (parenthesis_credit(caption, credit)) return;
  last_line_credit(caption, credit);
}

}  // namespace lede::assemble
