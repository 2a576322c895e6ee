// The DOM lede works on: a flat, arena-allocated tree of elements and text, built once per page by the
// tree builder and then only annotated (flags, scores) by later stages — never restructured.
// Must not know about scoring or output; it stores and answers structural questions only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parse/tags.h"

namespace lede::parse {

using NodeId = std::uint32_t;
inline constexpr NodeId kNoNode = 0xFFFFFFFFu;

struct Attr {
  std::uint32_t name_begin, name_len;  // into Dom::pool
  std::uint32_t value_begin, value_len;
};

struct Node {
  Tag tag = Tag::unknown;
  std::uint8_t depth_clamped = 0;  // min(depth, 255)
  std::uint16_t flags = 0;         // owned by later stages (see clean/ and score/)
  NodeId parent = kNoNode;
  NodeId first_child = kNoNode;
  NodeId last_child = kNoNode;
  NodeId next_sibling = kNoNode;
  NodeId prev_sibling = kNoNode;
  // Text nodes: the text's bytes in Dom::pool. Elements: the name of an unknown tag.
  std::uint32_t text_begin = 0, text_len = 0;
  // Elements: attributes [attr_begin, attr_begin + attr_count) of Dom::attrs.
  std::uint32_t attr_begin = 0, attr_count = 0;
};

class Dom {
 public:
  void clear();

  NodeId root() const { return 0; }  // the document node (Tag::unknown), parent of <html>
  std::size_t size() const { return nodes_.size(); }
  const Node& node(NodeId id) const { return nodes_[id]; }
  Node& node(NodeId id) { return nodes_[id]; }

  std::string_view text(NodeId id) const {
    const Node& n = nodes_[id];
    return {pool_.data() + n.text_begin, n.text_len};
  }
  // The value of attribute `name` (lower-case) or an empty view; `found` tells empty from absent.
  std::string_view attr(NodeId id, std::string_view name, bool* found = nullptr) const;
  bool has_attr(NodeId id, std::string_view name) const {
    bool found = false;
    attr(id, name, &found);
    return found;
  }
  std::string_view attr_name(const Attr& a) const { return {pool_.data() + a.name_begin, a.name_len}; }
  std::string_view attr_value(const Attr& a) const { return {pool_.data() + a.value_begin, a.value_len}; }
  const Attr* attrs_begin(NodeId id) const { return attrs_.data() + nodes_[id].attr_begin; }
  const Attr* attrs_end(NodeId id) const { return attrs_begin(id) + nodes_[id].attr_count; }

  // The element's own tag name (for unknown/custom elements, the name as written).
  std::string_view name(NodeId id) const;

  // Ids below an element are contiguous and follow it: they end where the next sibling of the element, or
  // of its nearest ancestor that has one, begins.
  NodeId subtree_end(NodeId id) const {
    for (NodeId q = id; q != kNoNode && q != 0; q = nodes_[q].parent) {
      if (nodes_[q].next_sibling != kNoNode) return nodes_[q].next_sibling;
    }
    return static_cast<NodeId>(nodes_.size());
  }

  // All text below `id`, concatenated as is (no white-space folding), appended to *out.
  void append_text(NodeId id, std::string* out) const;
  // The same with a space where a block element starts or ends and at a <br>, as a browser lays the text
  // out in lines: "<p>Jane Doe</p><small>May 2</small>" reads "Jane Doe May 2", not "Jane DoeMay 2".
  void append_text_as_lines(NodeId id, std::string* out) const;
  // The bytes of the text nodes that are children of `id` (not of its descendants).
  std::size_t own_text_bytes(NodeId id) const;

  // Builders, used by the tree builder only.
  NodeId add_element(NodeId parent, Tag tag, std::string_view unknown_name);
  void add_attr(NodeId element, std::string_view name, std::string_view value);
  // Adds an attribute to an element created earlier (a second <body> tag's attributes): its attributes
  // are first moved to the end of the table, where add_attr appends.
  void add_late_attr(NodeId element, std::string_view name, std::string_view value);
  void add_text(NodeId parent, std::string_view text);  // merges with a preceding text sibling

  std::vector<Node>& nodes() { return nodes_; }
  const std::vector<Node>& nodes() const { return nodes_; }

 private:
  void link_child(NodeId parent, NodeId child);
  std::uint32_t intern(std::string_view bytes);

  std::vector<Node> nodes_;
  std::vector<Attr> attrs_;
  std::string pool_;
};

}  // namespace lede::parse
