// A comment section the page does not name: its heading ("59 Comments on “…”", "Leave a Reply",
// "Комментарии (12)") ends the story. Pages whose class names are hashes (CSS-in-JS, utility classes) give
// the clean stage nothing to mark their comments with; the heading that opens them still reads as one.
#include <cstddef>
#include <vector>

#include "assemble/assemble.h"
#include "clean/vocabulary.h"

namespace lede::assemble {

void cut_at_comment_heading(Article* article) {
  // The story runs at least this many blocks before a heading can end it.
  constexpr std::size_t kMinStoryBlocks = 3;
  std::vector<Block>& blocks = article->blocks;
  for (std::size_t i = kMinStoryBlocks; i < blocks.size(); ++i) {
    if (blocks[i].kind != BlockKind::heading || !clean::announces_comments(blocks[i].text)) continue;
    blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(i), blocks.end());
    return;
  }
}

}  // namespace lede::assemble
