// Title choice: the declared titles (og:title, <title>) name the story, the visible <h1> spells it as the
// reader saw it. Prefers the h1 that matches a declared title; strips "| Site name" style suffixes.
#include <string>
#include <string_view>
#include <vector>

#include "assemble/assemble.h"
#include "assemble/compare.h"
#include "assemble/inline_text.h"
#include "clean/vocabulary.h"

namespace lede::assemble {
namespace {

using parse::Dom;
using parse::kNoNode;
using parse::NodeId;
using parse::Tag;

// Splits "Headline | Site" / "Headline - Site" / "Headline — Site" and keeps the longest part.
std::string strip_site_suffix(const std::string& title) {
  static constexpr std::string_view kSeparators[] = {" | ", " - ", " — ", " – ", " :: ", " · ", " » ", " / "};
  for (std::string_view sep : kSeparators) {
    std::size_t pos = title.find(sep);
    if (pos == std::string::npos) continue;
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
      std::size_t at = title.find(sep, start);
      parts.push_back(title.substr(start, at == std::string::npos ? std::string::npos : at - start));
      if (at == std::string::npos) break;
      start = at + sep.size();
    }
    std::size_t best = 0;
    for (std::size_t i = 1; i < parts.size(); ++i) {
      if (parts[i].size() > parts[best].size()) best = i;
    }
    return parts[best];
  }
  return title;
}

}  // namespace

std::string find_title(const Dom& dom, const score::Selection& selection) {
  std::string og, html_title;
  std::vector<std::string> h1s;
  for (NodeId id = 1; id < dom.size(); ++id) {
    const parse::Node& node = dom.node(id);
    if (node.tag == Tag::meta && og.empty()) {
      std::string_view property = dom.attr(id, "property");
      if (property.empty()) property = dom.attr(id, "name");
      if (property == "og:title" || property == "twitter:title") og = fold_space(dom.attr(id, "content"));
    } else if (node.tag == Tag::title && html_title.empty() && dom.own_text_bytes(id) <= clean::kMaxHeadlineBytes) {
      std::string raw;
      dom.append_text(id, &raw);
      html_title = fold_space(raw);
    } else if (node.tag == Tag::h1 && !(selection.zone[id] & clean::kDropped) && h1s.size() < 8 &&
               selection.chars[id] <= clean::kMaxHeadlineBytes) {
      std::string raw;
      dom.append_text(id, &raw);
      std::string text = fold_space(raw);
      if (!text.empty()) h1s.push_back(text);
    }
  }
  std::string declared = !og.empty() ? og : html_title;
  std::string declared_key = comparable(declared);
  std::string headline_key = comparable(strip_site_suffix(declared));
  for (const std::string& h1 : h1s) {
    std::string key = comparable(h1);
    if (key.empty()) continue;
    if (declared.empty() || declared_key.find(key) != std::string::npos ||
        (!headline_key.empty() && key.find(headline_key) != std::string::npos))
      return h1;
  }
  if (!declared.empty()) return strip_site_suffix(declared);
  return h1s.empty() ? std::string() : h1s.front();
}

void drop_repeated_headline(Article* article) {
  constexpr std::size_t kLeadingBlocks = 3;
  const std::string title = comparable(article->title);
  if (title.empty()) return;
  std::vector<Block>& blocks = article->blocks;
  for (std::size_t i = 0; i < blocks.size() && i < kLeadingBlocks; ++i) {
    if (blocks[i].kind != BlockKind::heading) continue;
    if (comparable(blocks[i].text) == title) blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(i));
    return;  // only the first heading can be the headline
  }
}

}  // namespace lede::assemble
