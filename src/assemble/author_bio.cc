// The author's bio box: many articles close with a paragraph about their writer ("Jane Doe is a freelance
// writer living in …"), which is page furniture, not the story; and a line that only signs the story with
// its authors' names. Only the metadata stage knows the authors, so these run after it, on the finished
// blocks.
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "assemble/assemble.h"

namespace lede::assemble {
namespace {

// The bio box sits among the last blocks of the body.
constexpr std::size_t kTrailingBlocks = 6;
// A bio is a paragraph or two; a longer text that opens with the author's name is the author's own.
constexpr std::size_t kMaxBioBytes = 900;

// What follows the name in a bio's first sentence: a copula or a writer's verb, in the languages whose
// bios are written this way.
constexpr std::string_view kBioVerbs[] = {" is ",  " was a ", " has ", " covers ", " writes ", " joined ", " ist ",
                                          " est ", " es ",  " è ",  " jest ",   " je ",     " er ",     " är "};

bool full_name(std::string_view name) { return name.find(' ') != std::string_view::npos; }

bool opens_with_bio(std::string_view text, std::string_view name) {
  if (text.size() > kMaxBioBytes || !text.starts_with(name)) return false;
  std::string_view rest = text.substr(name.size());
  // "Jane Doe (@jdoe) is …", "Jane Doe, PhD, is …": a short aside between the name and the verb.
  if (!rest.empty() && (rest.front() == ' ' || rest.front() == ',')) {
    std::size_t aside = rest.find_first_of("),", 1);
    if (rest.front() == ',' || (rest.size() > 1 && rest[1] == '(')) {
      if (aside != std::string_view::npos && aside < 40) rest = rest.substr(aside + 1);
    }
  }
  return std::any_of(std::begin(kBioVerbs), std::end(kBioVerbs),
                     [&](std::string_view verb) { return rest.starts_with(verb); });
}

// A signature: a line that is the authors' names and nothing else ("Ярослав Кузишин, Антон Зелинский,
// Карина Гасимова", "Jane Doe and John Roe"), as news sites sign a story at its end.
bool is_signature(std::string_view text, const std::vector<std::string>& authors) {
  if (text.empty() || text.size() > 200) return false;
  constexpr std::string_view kJoins[] = {", ", " and ", " und ", " et ", " y ", " и ", " та ", " & ", "; "};
  std::size_t names = 0;
  while (!text.empty()) {
    std::size_t cut = text.size(), skip = 0;
    for (std::string_view join : kJoins) {
      std::size_t at = text.find(join);
      if (at != std::string_view::npos && at < cut) {
        cut = at;
        skip = join.size();
      }
    }
    std::string_view part = text.substr(0, cut);
    while (!part.empty() && (part.back() == '.' || part.back() == ' ')) part.remove_suffix(1);
    if (std::find(authors.begin(), authors.end(), part) == authors.end()) return false;
    ++names;
    text.remove_prefix(std::min(text.size(), cut + skip));
  }
  return names > 0;
}

}  // namespace

void drop_signature(Article* article) {
  std::vector<Block>& blocks = article->blocks;
  if (article->authors.empty() || blocks.size() < 2) return;
  constexpr std::size_t kLeadingBlocks = 3;
  for (std::size_t i = blocks.size(); i-- > 0;) {
    if (i >= kLeadingBlocks && i + kTrailingBlocks < blocks.size()) continue;
    if (blocks[i].kind == BlockKind::paragraph && is_signature(blocks[i].text, article->authors))
      blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(i));
  }
}

void drop_author_bio(Article* article) {
  std::vector<Block>& blocks = article->blocks;
  if (blocks.size() < 2) return;
  std::vector<std::string_view> names;
  for (const std::string& author : article->authors) {
    if (full_name(author)) names.push_back(author);
  }
  if (names.empty()) return;
  const std::size_t first = blocks.size() > kTrailingBlocks ? blocks.size() - kTrailingBlocks : 1;
  bool dropped = false;
  for (std::size_t i = blocks.size(); i-- > first;) {
    const Block& block = blocks[i];
    if (block.kind != BlockKind::paragraph) continue;
    bool bio = std::any_of(names.begin(), names.end(),
                           [&](std::string_view name) { return opens_with_bio(block.text, name); });
    if (!bio) continue;
    blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(i));
    dropped = true;
  }
  // The box's own heading ("About the author") would now end the body; a body never ends on a heading.
  while (dropped && blocks.size() > 1 && blocks.back().kind == BlockKind::heading) blocks.pop_back();
}

}  // namespace lede::assemble
