// Streamed segments moved into place: reading the placeholders and the scripts' moves while parsing, and
// rebuilding the tree once with each segment where its placeholder stood.
#include "parse/streamed.h"

#include <cstddef>
#include <unordered_map>

namespace lede::parse {
namespace {

// A page holds a few dozen moves at most; this bounds what a hostile page can make lede keep.
constexpr std::size_t kMaxCompletions = 10'000;

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

// "S:1f", "B:0", "P:a", after an optional prefix the page chose ("app-S:3"): the kind letter, or 0 when
// the id is not one of React's.
char streamed_kind(std::string_view id) {
  std::size_t colon = id.rfind(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == id.size()) return 0;
  for (std::size_t i = colon + 1; i < id.size(); ++i) {
    if (!is_hex(id[i])) return 0;
  }
  char kind = id[colon - 1];
  return kind == 'S' || kind == 'B' || kind == 'P' ? kind : 0;
}

// The segment a placeholder "P:x" waits for is "S:x" (one counter names both).
std::string segment_for_placeholder(std::string_view placeholder) {
  std::string id(placeholder);
  id[id.rfind(':') - 1] = 'S';
  return id;
}

// Reads a quoted string at `text[*at]` (after white space) into *out; false when there is none.
bool read_quoted(std::string_view text, std::size_t* at, std::string_view* out) {
  std::size_t i = *at;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')) ++i;
  if (i >= text.size() || (text[i] != '"' && text[i] != '\'')) return false;
  char quote = text[i];
  std::size_t end = text.find(quote, i + 1);
  if (end == std::string_view::npos) return false;
  *out = text.substr(i + 1, end - i - 1);
  *at = end + 1;
  return true;
}

// The two string arguments of a call whose name ends at `at` ("$RC(" read up to the parenthesis).
bool read_pair(std::string_view text, std::size_t at, std::string_view* first, std::string_view* second) {
  if (!read_quoted(text, &at, first)) return false;
  while (at < text.size() && (text[at] == ' ' || text[at] == '\n' || text[at] == '\t')) ++at;
  if (at >= text.size() || text[at] != ',') return false;
  ++at;
  return read_quoted(text, &at, second);
}

}  // namespace

void StreamedSegments::on_template(std::string_view id, std::string_view placeholder, std::string_view segment) {
  char kind = streamed_kind(id);
  if (kind == 'B' || kind == 'P') streams_ = true;
  if (!placeholder.empty() && streamed_kind(segment) == 'S' && completions_.size() < kMaxCompletions) {
    streams_ = true;
    completions_.emplace_back(placeholder, segment);
  }
}

void StreamedSegments::read_script(std::string_view text) {
  for (std::size_t at = text.find("$R"); at != std::string_view::npos; at = text.find("$R", at + 2)) {
    if (at + 4 > text.size() || text[at + 3] != '(') continue;
    char call = text[at + 2];
    if (call != 'C' && call != 'R' && call != 'S') continue;
    std::string_view first, second;
    if (!read_pair(text, at + 4, &first, &second) || completions_.size() >= kMaxCompletions) continue;
    // $RC / $RR (a boundary completed, with or without style sheets) name the boundary first; $RS names
    // the segment first and its placeholder second.
    if (call == 'S') std::swap(first, second);
    if (streamed_kind(second) == 'S') completions_.emplace_back(first, second);
  }
}

void StreamedSegments::place(std::size_t max_depth, Dom* dom) const {
  if (!streams_) return;
  const Dom& from = *dom;
  const std::size_t n = from.size();
  std::unordered_map<std::string_view, NodeId> segments;
  std::vector<std::pair<NodeId, std::string_view>> placeholders;
  for (NodeId id = 1; id < n; ++id) {
    const Node& node = from.node(id);
    if (node.tag == Tag::text || node.attr_count == 0) continue;
    std::string_view name = from.attr(id, "id");
    char kind = streamed_kind(name);
    if (kind == 'S' && from.has_attr(id, "hidden")) segments.emplace(name, id);
    if (node.tag != Tag::template_) continue;
    if (kind == 'B' || kind == 'P') placeholders.emplace_back(id, name);
  }
  if (segments.empty() || placeholders.empty()) return;

  std::unordered_map<std::string_view, std::string_view> completed;  // placeholder id -> segment id
  for (const auto& [placeholder, segment] : completions_) completed.emplace(placeholder, segment);
  std::vector<NodeId> target(n, kNoNode);  // a placeholder -> the segment that replaces it
  std::vector<unsigned char> moved(n, 0);  // a segment that leaves its place
  std::size_t to_move = 0;
  for (const auto& [id, name] : placeholders) {
    std::string implied;
    std::string_view segment;
    if (auto it = completed.find(name); it != completed.end()) {
      segment = it->second;
    } else if (streamed_kind(name) == 'P') {
      implied = segment_for_placeholder(name);
      segment = implied;
    }
    auto found = segments.find(segment);
    if (found == segments.end() || moved[found->second]) continue;
    target[id] = found->second;
    moved[found->second] = 1;
    ++to_move;
  }
  if (to_move == 0) return;

  Dom out;
  out.clear();
  struct Step {
    NodeId old;            // a node of the old tree
    NodeId parent;         // where it goes in the new one
    std::size_t depth;     // the parent's depth there
  };
  std::vector<Step> stack;
  auto push_children = [&](NodeId old_parent, NodeId new_parent, std::size_t depth) {
    for (NodeId c = from.node(old_parent).last_child; c != kNoNode; c = from.node(c).prev_sibling)
      stack.push_back({c, new_parent, depth});
  };
  push_children(from.root(), out.root(), 0);
  std::size_t placed = 0;
  while (!stack.empty()) {
    const Step step = stack.back();
    stack.pop_back();
    const Node& node = from.node(step.old);
    if (node.tag == Tag::text) {
      out.add_text(step.parent, from.text(step.old));
      continue;
    }
    if (moved[step.old]) continue;  // reached through its placeholder instead
    if (target[step.old] != kNoNode) {
      push_children(target[step.old], step.parent, step.depth);
      ++placed;
      continue;
    }
    if (step.depth >= max_depth) {  // flattened: its content goes to the parent
      push_children(step.old, step.parent, step.depth);
      continue;
    }
    NodeId copy = out.add_element(step.parent, node.tag, node.tag == Tag::unknown ? from.name(step.old) : std::string_view());
    for (const Attr* a = from.attrs_begin(step.old); a != from.attrs_end(step.old); ++a)
      out.add_attr(copy, from.attr_name(*a), from.attr_value(*a));
    push_children(step.old, copy, step.depth + 1);
  }
  // A segment whose placeholder stands inside it (or inside another segment never placed) would be lost:
  // the page keeps its streamed order instead.
  if (placed != to_move) return;
  *dom = std::move(out);
}

}  // namespace lede::parse
