// A copy of the story, dropped: responsive templates (Framer, Webflow) write the body once per screen size
// and let CSS show one, tables of contents hold the whole text, carousels clone their slides, and old
// pages print the article twice. A reader wants it once. Only the finished blocks can tell a copy from a
// refrain, so this runs on them.
#include <algorithm>
#include <cstddef>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "assemble/assemble.h"

namespace lede::assemble {
namespace {

// A copy is a run of blocks that each repeat an earlier block, holding at least this many different
// texts: one paragraph written four times, or a pull quote, is the author's; three in a row are a copy.
constexpr std::size_t kMinDistinct = 3;
// ... and at least this much text: "Revision Date / 09/17/2004 / Publication 1001" repeated by the rows
// of a record list is the list's shape, not a copy.
constexpr std::size_t kMinCopyBytes = 200;

// What makes two blocks the same: a figure's image, any other block's text.
std::string_view key(const Block& block) { return block.kind == BlockKind::figure ? block.src : block.text; }

// Marks which blocks repeat an earlier block's key.
std::vector<char> mark_repeats(const std::vector<Block>& blocks) {
  std::vector<char> repeats(blocks.size(), 0);
  std::unordered_set<std::string_view> seen;
  seen.reserve(blocks.size());
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    std::string_view k = key(blocks[i]);
    if (!k.empty() && !seen.insert(k).second) repeats[i] = 1;
  }
  return repeats;
}

// Whether the repeating run [begin, end) is a copy (see kMinDistinct, kMinCopyBytes).
bool is_copy(const std::vector<Block>& blocks, std::size_t begin, std::size_t end) {
  std::unordered_set<std::string_view> texts;
  std::size_t bytes = 0;
  for (std::size_t i = begin; i < end; ++i) {
    if (blocks[i].kind == BlockKind::figure) continue;
    texts.insert(blocks[i].text);
    bytes += blocks[i].text.size();
  }
  return texts.size() >= kMinDistinct && bytes >= kMinCopyBytes;
}

}  // namespace

void drop_repeated_runs(Article* article) {
  std::vector<Block>& blocks = article->blocks;
  if (blocks.size() < 2 * kMinDistinct) return;
  const std::vector<char> repeats = mark_repeats(blocks);
  std::vector<char> drop(blocks.size(), 0);
  for (std::size_t begin = 0; begin < blocks.size();) {
    if (!repeats[begin]) {
      ++begin;
      continue;
    }
    std::size_t end = begin;
    while (end < blocks.size() && repeats[end]) ++end;
    if (is_copy(blocks, begin, end)) std::fill(drop.begin() + begin, drop.begin() + end, 1);
    begin = end;
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (drop[i]) continue;
    if (kept != i) blocks[kept] = std::move(blocks[i]);
    ++kept;
  }
  blocks.resize(kept);
}

}  // namespace lede::assemble
