// A copy of the story, dropped: responsive templates (Framer, Webflow) write the body once per screen size
// and let CSS show one, tables of contents hold the whole text, carousels clone their slides, and old
// pages print the article twice. A reader wants it once. Only the finished blocks can tell a copy from a
// refrain, so this runs on them.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
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

// A cheap stand-in for a key: its length and its first and last eight bytes. Equal keys have equal prints;
// equal prints are compared in full.
std::uint64_t print_of(std::string_view k) {
  std::uint64_t head = 0, tail = 0;
  std::memcpy(&head, k.data(), std::min<std::size_t>(k.size(), 8));
  if (k.size() > 8) std::memcpy(&tail, k.data() + k.size() - 8, 8);
  return (head * 0x9E3779B97F4A7C15ull) ^ (tail + 0x632BE59BD9B4E019ull) ^ (k.size() << 1);
}

// Marks which blocks repeat an earlier block's key: blocks sorted by print, then equal keys in one print
// marked after their first occurrence (most pages repeat nothing, and nothing long is hashed).
std::vector<char> mark_repeats(const std::vector<Block>& blocks) {
  std::vector<char> repeats(blocks.size(), 0);
  std::vector<std::pair<std::uint64_t, std::size_t>> prints;
  prints.reserve(blocks.size());
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    std::string_view k = key(blocks[i]);
    if (!k.empty()) prints.emplace_back(print_of(k), i);
  }
  std::sort(prints.begin(), prints.end());
  for (std::size_t a = 0; a < prints.size();) {
    std::size_t b = a + 1;
    while (b < prints.size() && prints[b].first == prints[a].first) ++b;
    // Within one print (indices ascending): a block repeats when an earlier one has the same key. A big
    // group (texts alike at both ends, differing inside) is hashed rather than compared pair by pair.
    if (b - a <= 16) {
      for (std::size_t i = a + 1; i < b; ++i) {
        for (std::size_t j = a; j < i; ++j) {
          if (key(blocks[prints[j].second]) == key(blocks[prints[i].second])) {
            repeats[prints[i].second] = 1;
            break;
          }
        }
      }
    } else {
      std::unordered_set<std::string_view> seen;
      for (std::size_t i = a; i < b; ++i) {
        if (!seen.insert(key(blocks[prints[i].second])).second) repeats[prints[i].second] = 1;
      }
    }
    a = b;
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
