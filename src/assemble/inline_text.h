// InlineText: accumulates a block's text from many DOM text runs, folding white space the way a browser
// renders it (runs of spaces become one, none at the ends) and keeping inline spans aligned to the result.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lede/article.h"

namespace lede::assemble {

class InlineText {
 public:
  void append(std::string_view text);  // white space folded
  void line_break();                   // <br>: a '\n' that survives folding
  void append_verbatim(std::string_view text);  // <pre>: kept as written

  // Spans: open at the next visible character, close at the current end.
  std::size_t open_span(SpanKind kind, std::string href = {});
  void close_span(std::size_t index);

  bool empty() const { return text_.empty(); }
  const std::string& text() const { return text_; }

  // Moves the text (trailing white space trimmed) and valid spans out, and resets.
  void take(std::string* text, std::vector<Span>* spans);
  // As take(), the text cut at its blank lines (two <br> with nothing visible between: old pages write
  // paragraphs so), each part a paragraph of its own with its spans, empty parts left out.
  struct Part {
    std::string text;
    std::vector<Span> spans;
  };
  void take_paragraphs(std::vector<Part>* parts);
  void clear();

 private:
  void before_visible();
  std::string text_;
  std::vector<Span> spans_;
  std::vector<std::size_t> open_at_;  // per span: text_ size when opened (before pending space)
  std::vector<std::size_t> blank_lines_;  // text_ sizes where a blank line fell, ascending
  bool pending_space_ = false;
};

// White space folded to single spaces and trimmed.
std::string fold_space(std::string_view text);

}  // namespace lede::assemble
