// Dom storage: appending nodes, attributes and text to the arena, and the few structural queries.
// Must stay free of any HTML or content knowledge.
#include "parse/dom.h"

#include "parse/tags.h"

namespace lede::parse {

void Dom::clear() {
  nodes_.clear();
  attrs_.clear();
  pool_.clear();
  nodes_.push_back(Node{});  // the document node
}

std::uint32_t Dom::intern(std::string_view bytes) {
  auto begin = static_cast<std::uint32_t>(pool_.size());
  pool_.append(bytes);
  return begin;
}

void Dom::link_child(NodeId parent, NodeId child) {
  Node& p = nodes_[parent];
  Node& c = nodes_[child];
  c.parent = parent;
  c.depth_clamped = static_cast<std::uint8_t>(
      nodes_[parent].depth_clamped == 255 ? 255 : nodes_[parent].depth_clamped + 1);
  if (p.last_child == kNoNode) {
    p.first_child = child;
  } else {
    nodes_[p.last_child].next_sibling = child;
    c.prev_sibling = p.last_child;
  }
  p.last_child = child;
}

NodeId Dom::add_element(NodeId parent, Tag tag, std::string_view unknown_name) {
  auto id = static_cast<NodeId>(nodes_.size());
  Node n;
  n.tag = tag;
  n.attr_begin = static_cast<std::uint32_t>(attrs_.size());
  if (tag == Tag::unknown) {
    n.text_begin = intern(unknown_name);
    n.text_len = static_cast<std::uint32_t>(unknown_name.size());
  }
  nodes_.push_back(n);
  link_child(parent, id);
  return id;
}

void Dom::add_attr(NodeId element, std::string_view name, std::string_view value) {
  Attr a;
  a.name_begin = intern(name);
  a.name_len = static_cast<std::uint32_t>(name.size());
  a.value_begin = intern(value);
  a.value_len = static_cast<std::uint32_t>(value.size());
  attrs_.push_back(a);
  nodes_[element].attr_count++;
}

void Dom::add_late_attr(NodeId element, std::string_view name, std::string_view value) {
  Node& n = nodes_[element];
  if (n.attr_begin + n.attr_count != attrs_.size()) {
    auto begin = static_cast<std::uint32_t>(attrs_.size());
    attrs_.reserve(attrs_.size() + n.attr_count + 1);
    for (std::uint32_t i = 0; i < n.attr_count; ++i) {
      Attr a = attrs_[n.attr_begin + i];
      attrs_.push_back(a);
    }
    n.attr_begin = begin;
  }
  add_attr(element, name, value);
}

void Dom::add_text(NodeId parent, std::string_view text) {
  if (text.empty()) return;
  NodeId last = nodes_[parent].last_child;
  if (last != kNoNode && nodes_[last].tag == Tag::text &&
      nodes_[last].text_begin + nodes_[last].text_len == pool_.size()) {
    pool_.append(text);
    nodes_[last].text_len += static_cast<std::uint32_t>(text.size());
    return;
  }
  auto id = static_cast<NodeId>(nodes_.size());
  Node n;
  n.tag = Tag::text;
  n.text_begin = intern(text);
  n.text_len = static_cast<std::uint32_t>(text.size());
  nodes_.push_back(n);
  link_child(parent, id);
}

std::string_view Dom::attr(NodeId id, std::string_view name, bool* found) const {
  for (const Attr* a = attrs_begin(id); a != attrs_end(id); ++a) {
    if (attr_name(*a) == name) {
      if (found) *found = true;
      return attr_value(*a);
    }
  }
  if (found) *found = false;
  return {};
}

std::string_view Dom::name(NodeId id) const {
  const Node& n = nodes_[id];
  if (n.tag == Tag::unknown) return {pool_.data() + n.text_begin, n.text_len};
  return tag_name(n.tag);
}

std::size_t Dom::own_text_bytes(NodeId id) const {
  std::size_t bytes = 0;
  for (NodeId c = nodes_[id].first_child; c != kNoNode; c = nodes_[c].next_sibling)
    if (nodes_[c].tag == Tag::text) bytes += nodes_[c].text_len;
  return bytes;
}

void Dom::append_text(NodeId id, std::string* out) const {
  // Iterative pre-order walk: pages can nest deeper than the stack allows.
  if (nodes_[id].tag == Tag::text) {
    out->append(text(id));
    return;
  }
  NodeId cur = nodes_[id].first_child;
  while (cur != kNoNode) {
    const Node& n = nodes_[cur];
    if (n.tag == Tag::text) out->append(text(cur));
    if (n.first_child != kNoNode) {
      cur = n.first_child;
      continue;
    }
    while (cur != id && nodes_[cur].next_sibling == kNoNode) cur = nodes_[cur].parent;
    if (cur == id) break;
    cur = nodes_[cur].next_sibling;
  }
}

void Dom::append_text_as_lines(NodeId id, std::string* out) const {
  if (nodes_[id].tag == Tag::text) {
    out->append(text(id));
    return;
  }
  // A block element's start and end, and a <br>, break the text as a browser lays it out.
  auto breaks = [&](NodeId n) { return is_block(nodes_[n].tag) || nodes_[n].tag == Tag::br; };
  NodeId cur = nodes_[id].first_child;
  while (cur != kNoNode) {
    const Node& n = nodes_[cur];
    if (n.tag == Tag::text) out->append(text(cur));
    else if (breaks(cur)) out->push_back(' ');
    if (n.first_child != kNoNode) {
      cur = n.first_child;
      continue;
    }
    while (cur != id && nodes_[cur].next_sibling == kNoNode) {
      cur = nodes_[cur].parent;
      if (cur != id && breaks(cur)) out->push_back(' ');
    }
    if (cur == id) break;
    if (breaks(cur) && nodes_[cur].tag != Tag::text) out->push_back(' ');
    cur = nodes_[cur].next_sibling;
  }
}

}  // namespace lede::parse
