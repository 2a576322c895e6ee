// White-space folding and span bookkeeping for InlineText. Treats U+00A0 as a space, as readers see it.
#include "assemble/inline_text.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace lede::assemble {
namespace {

bool ascii_space(unsigned char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Whether `text` shows anything: a character other than white space and the format characters an editor
// leaves in "empty" paragraphs (Webflow writes <p>&zwj;</p> for a blank line): the soft hyphen U+00AD,
// U+200B-U+200F (zero-width space, non-joiner, joiner, direction marks), U+2060 (word joiner) and the
// byte-order mark U+FEFF. Text is UTF-8 here (the decode stage made it so).
bool shows_anything(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
    const unsigned char c = p[i];
    if (ascii_space(c)) {
      ++i;
    } else if (c == 0xC2 && i + 1 < n && (p[i + 1] == 0xA0 || p[i + 1] == 0xAD)) {
      i += 2;
    } else if (c == 0xE2 && i + 2 < n && ((p[i + 1] == 0x80 && p[i + 2] >= 0x8B && p[i + 2] <= 0x8F) ||
                                          (p[i + 1] == 0x81 && p[i + 2] == 0xA0))) {
      i += 3;
    } else if (c == 0xEF && i + 2 < n && p[i + 1] == 0xBB && p[i + 2] == 0xBF) {
      i += 3;
    } else {
      return true;
    }
  }
  return false;
}

}  // namespace

void InlineText::before_visible() {
  if (pending_space_ && !text_.empty() && text_.back() != '\n') text_.push_back(' ');
  pending_space_ = false;
}

void InlineText::append(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (ascii_space(c)) {
      pending_space_ = true;
      ++i;
      continue;
    }
    if (c == 0xC2 && i + 1 < n && p[i + 1] == 0xA0) {  // U+00A0
      pending_space_ = true;
      i += 2;
      continue;
    }
    // Copy a run of visible bytes at once.
    std::size_t j = i + 1;
    while (j < n && !ascii_space(p[j]) && !(p[j] == 0xC2 && j + 1 < n && p[j + 1] == 0xA0)) ++j;
    before_visible();
    text_.append(text.data() + i, j - i);
    i = j;
  }
}

void InlineText::line_break() {
  while (!text_.empty() && text_.back() == ' ') text_.pop_back();
  if (!text_.empty() && text_.back() != '\n') {
    text_.push_back('\n');
  } else if (!text_.empty() && (blank_lines_.empty() || blank_lines_.back() != text_.size())) {
    blank_lines_.push_back(text_.size());  // a second break with nothing visible since the first
  }
  pending_space_ = false;
}

void InlineText::append_verbatim(std::string_view text) {
  pending_space_ = false;
  text_.append(text);
}

std::size_t InlineText::open_span(SpanKind kind, std::string href) {
  Span span;
  span.kind = kind;
  span.href = std::move(href);
  spans_.push_back(std::move(span));
  open_at_.push_back(text_.size());
  return spans_.size() - 1;
}

void InlineText::close_span(std::size_t index) {
  if (index >= spans_.size()) return;
  std::size_t begin = open_at_[index];
  // The span starts at its first visible character: skip a separating space added after opening.
  if (begin < text_.size() && (text_[begin] == ' ' || text_[begin] == '\n')) ++begin;
  spans_[index].begin = static_cast<std::uint32_t>(begin);
  spans_[index].end = static_cast<std::uint32_t>(text_.size());
}

void InlineText::take(std::string* text, std::vector<Span>* spans) {
  while (!text_.empty() && (text_.back() == ' ' || text_.back() == '\n')) text_.pop_back();
  if (!shows_anything(text_)) text_.clear();
  spans->clear();
  for (Span& s : spans_) {
    if (s.end > text_.size()) s.end = static_cast<std::uint32_t>(text_.size());
    if (s.end > s.begin) spans->push_back(std::move(s));
  }
  *text = std::move(text_);
  clear();
}

void InlineText::take_paragraphs(std::vector<Part>* parts) {
  parts->clear();
  std::vector<std::size_t> cuts = std::move(blank_lines_);
  std::string text;
  std::vector<Span> spans;
  take(&text, &spans);
  cuts.push_back(text.size());
  // The parts' ranges, without the line breaks around them.
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  std::size_t begin = 0;
  for (std::size_t cut : cuts) {
    cut = std::min(cut, text.size());
    if (cut < begin) continue;
    std::size_t b = begin, e = cut;
    while (b < e && text[b] == '\n') ++b;
    while (e > b && text[e - 1] == '\n') --e;
    begin = cut;
    if (b < e && shows_anything(std::string_view(text).substr(b, e - b))) ranges.emplace_back(b, e);
  }
  parts->resize(ranges.size());
  for (std::size_t i = 0; i < ranges.size(); ++i)
    (*parts)[i].text = text.substr(ranges[i].first, ranges[i].second - ranges[i].first);
  // Each span to the parts it overlaps, found by binary search (a page can hold hundreds of thousands of
  // both); spans come in the order they opened, so each part's stay in that order.
  for (const Span& s : spans) {
    auto it = std::upper_bound(ranges.begin(), ranges.end(), s.begin,
                               [](std::size_t at, const auto& r) { return at < r.second; });
    for (; it != ranges.end() && it->first < s.end; ++it) {
      const auto [b, e] = *it;
      Span piece = s;
      piece.begin = static_cast<std::uint32_t>(std::max<std::size_t>(s.begin, b) - b);
      piece.end = static_cast<std::uint32_t>(std::min<std::size_t>(s.end, e) - b);
      if (piece.end > piece.begin) (*parts)[static_cast<std::size_t>(it - ranges.begin())].spans.push_back(std::move(piece));
    }
  }
}

void InlineText::clear() {
  text_.clear();
  spans_.clear();
  open_at_.clear();
  blank_lines_.clear();
  pending_space_ = false;
}

std::string fold_space(std::string_view text) {
  InlineText acc;
  acc.append(text);
  std::string out;
  std::vector<Span> spans;
  acc.take(&out, &spans);
  return out;
}

}  // namespace lede::assemble
