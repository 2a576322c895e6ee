// to_text(): an Article's body as plain text, one block a paragraph, for indexing and reading.
// It must not add markup, the title or comments, and must not emit trailing blanks or invalid UTF-8:
// to_json() embeds this exact string as its "text".
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "lede/render.h"
#include "output/common.h"
#include "output/metadata.h"

namespace lede {
namespace {

using output::append_flat;
using output::append_utf8;
using output::for_each_trimmed_line;

// Prose (paragraph, quote): each line trimmed, runs of empty lines kept as one.
void prose(std::string& out, std::string_view text) {
  bool pending_blank = false, any = false;
  for_each_trimmed_line(text, [&](std::string_view line) {
    if (line.empty()) {
      pending_blank = any;
      return;
    }
    if (pending_blank) out.push_back('\n');
    append_utf8(out, line);
    out.push_back('\n');
    pending_blank = false;
    any = true;
  });
}

void flat_line(std::string& out, std::string_view text) {
  const std::size_t mark = out.size();
  append_flat(out, text);
  if (out.size() != mark) out.push_back('\n');
}

void list(std::string& out, const Block& b) {
  std::vector<int> counters;
  int prev_depth = -1;
  for (std::size_t i = 0; i < b.items.size(); ++i) {
    const std::string& item = b.items[i];
    if (output::is_blank(item)) continue;
    int depth = i < b.item_depths.size() ? b.item_depths[i] : 0;
    depth = std::clamp(depth, 0, prev_depth + 1);
    if (static_cast<std::size_t>(depth) >= counters.size()) counters.resize(depth + 1, 0);
    counters[depth] = depth > prev_depth ? 1 : counters[depth] + 1;
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
    if (b.ordered) {
      out += std::to_string(counters[depth]);
      out += ". ";
    } else {
      out += "- ";
    }
    append_flat(out, item);
    out.push_back('\n');
    prev_depth = depth;
  }
}

void table(std::string& out, const Block& b) {
  for (const auto& row : b.rows) {
    std::size_t used = row.size();
    while (used > 0 && output::is_blank(row[used - 1])) --used;
    if (used == 0) continue;
    const std::size_t mark = out.size();
    for (std::size_t c = 0; c < used; ++c) {
      if (c) out += " | ";
      append_flat(out, row[c]);
    }
    // A blank first cell would leave the line starting with a space.
    if (out[mark] == ' ') out.erase(mark, 1);
    out.push_back('\n');
  }
}

void block(std::string& out, const Block& b) {
  switch (b.kind) {
    case BlockKind::heading:
      flat_line(out, b.text);
      return;
    case BlockKind::paragraph:
    case BlockKind::quote:
      prose(out, b.text);
      return;
    case BlockKind::list: {
      const std::size_t mark = out.size();
      list(out, b);
      if (out.size() == mark) prose(out, b.text);  // no items: fall back to the plain text
      return;
    }
    case BlockKind::table: {
      const std::size_t mark = out.size();
      table(out, b);
      if (out.size() == mark) prose(out, b.text);
      return;
    }
    case BlockKind::code:
      output::append_code_body(out, b.text);
      return;
    case BlockKind::figure:
      // The text is the story's prose: figures, with their captions and credits, are blocks of their
      // own in JSON and Markdown. (Captions in the text cost precision on every benchmark's ground truth.)
      return;
  }
}

}  // namespace

std::string to_text(const Article& article) {
  std::size_t estimate = 0;
  for (const Block& b : article.blocks) {
    estimate += b.text.size() + 2;
    for (const auto& item : b.items) estimate += item.size() + 8;
    for (const auto& row : b.rows)
      for (const auto& cell : row) estimate += cell.size() + 3;
  }
  std::string out;
  out.reserve(estimate);
  for (const Block& b : article.blocks) {
    const std::size_t mark = out.size();
    if (mark != 0) out.push_back('\n');  // the previous block ended in '\n': this makes the blank line
    const std::size_t body = out.size();
    block(out, b);
    if (out.size() == body) out.resize(mark);  // an empty block leaves no trace
  }
  return out;
}

std::string to_text(const Article& article, const RenderOptions& options) {
  if (!options.header) return to_text(article);
  std::string out;
  output::append_text_header(out, article);
  return out + to_text(article);
}

}  // namespace lede
