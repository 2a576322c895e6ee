// schema.org microdata (itemscope/itemtype/itemprop) and the RDFa `property` attributes pages put on
// visible elements. Only properties of an article-like or page-like item count, so a comment's author or
// a related teaser's date (items of their own) is never read as the story's.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "decode/utf8.h"
#include "meta/collect.h"
#include "meta/text.h"

namespace lede::meta {
namespace {

using parse::Dom;
using parse::kNoNode;
using parse::NodeId;
using parse::Tag;

// The item type's last path segment: "https://schema.org/NewsArticle" -> "NewsArticle".
std::string_view type_name(std::string_view itemtype) {
  itemtype = trim(itemtype);
  if (std::size_t space = itemtype.find(' '); space != std::string_view::npos) itemtype = itemtype.substr(0, space);
  while (!itemtype.empty() && itemtype.back() == '/') itemtype.remove_suffix(1);
  if (std::size_t slash = itemtype.find_last_of("/#"); slash != std::string_view::npos) itemtype = itemtype.substr(slash + 1);
  return itemtype;
}

// A property's value as HTML microdata defines it: content=, then the URL or time attributes, then text.
std::string value_of(const Dom& dom, NodeId id) {
  bool found = false;
  std::string_view content = dom.attr(id, "content", &found);
  if (found) return declared_text(content);  // a declared value, escaped twice by some templates, as <meta>'s
  const Tag tag = dom.node(id).tag;
  if (tag == Tag::time) {
    std::string_view dt = dom.attr(id, "datetime", &found);
    if (found) return fold_space(dt);
  }
  if (tag == Tag::a || tag == Tag::link) return fold_space(dom.attr(id, "href"));
  if (tag == Tag::img || tag == Tag::source) return fold_space(dom.attr(id, "src"));
  if (tag == Tag::meta) return {};
  std::string raw;
  dom.append_text(id, &raw);
  if (raw.size() > 4000) raw.resize(4000);
  return fold_space(raw);
}

// The "name" of a nested item (a Person, an Organization), or its text.
std::string item_name(const Dom& dom, NodeId item) {
  for (NodeId id = item + 1; id < dom.size(); ++id) {
    // Stop at the end of the item's subtree: ids are in document order.
    NodeId p = dom.node(id).parent;
    bool inside = false;
    for (NodeId q = p; q != kNoNode && q >= item; q = dom.node(q).parent)
      if (q == item) {
        inside = true;
        break;
      }
    if (!inside) break;
    if (dom.node(id).tag == Tag::text || dom.node(id).attr_count == 0) continue;
    std::string_view prop = dom.attr(id, "itemprop");
    if (prop == "name") return value_of(dom, id);
  }
  std::string text = value_of(dom, item);
  return code_points(text) <= 120 ? text : std::string();
}

bool has_word(std::string_view list, std::string_view word) {
  std::size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && list[i] == ' ') ++i;
    std::size_t j = i;
    while (j < list.size() && list[j] != ' ') ++j;
    if (list.substr(i, j - i) == word) return true;
    i = j;
  }
  return false;
}

// The page's own item: the article-like item around the main content (or a headline), else the first one
// outside comments and related rails. Teasers carry items of their own; only this one speaks for the page.
NodeId main_item(const Dom& dom, const score::Selection& selection, const std::vector<NodeId>& h1s,
                 const std::vector<NodeId>& items) {
  auto holds = [&](NodeId item, NodeId node) {
    for (NodeId q = node; q != kNoNode && q >= item; q = dom.node(q).parent)
      if (q == item) return true;
    return false;
  };
  for (NodeId item : items)
    if (selection.root != kNoNode && holds(item, selection.root)) return item;
  for (NodeId item : items)
    for (NodeId h : h1s)
      if (holds(item, h)) return item;
  for (NodeId item : items)
    if (!(selection.zone[item] & (clean::kComments | clean::kRelated))) return item;
  return kNoNode;
}

}  // namespace

void collect_microdata(const Dom& dom, const score::Selection& selection, const PageIndex& index,
                       const std::vector<NodeId>& h1s, Declared* out) {
  if (index.microdata.empty()) return;
  const std::size_t n = dom.size();
  thread_local std::vector<NodeId> items;
  thread_local std::vector<NodeId> props;  // elements with itemprop= or property=
  thread_local std::vector<std::uint8_t> is_scope;
  is_scope.assign(n, 0);
  items.clear();
  props.clear();
  for (const NodeId id : index.microdata) {
    bool prop = false;
    for (const parse::Attr* a = dom.attrs_begin(id); a != dom.attrs_end(id); ++a) {
      const std::string_view name = dom.attr_name(*a);
      if (name == "itemscope") is_scope[id] = 1;
      else if (name == "itemprop" || name == "property") prop = true;
    }
    if (prop) props.push_back(id);
    if (is_scope[id] && schema_type_rank(type_name(dom.attr(id, "itemtype"))) > 0) items.push_back(id);
  }
  if (props.empty()) return;
  const NodeId main = main_item(dom, selection, h1s, items);
  for (NodeId id : props) {
    std::string_view prop = dom.attr(id, "itemprop");
    std::string_view rdfa = prop.empty() ? dom.attr(id, "property") : std::string_view();
    if (prop.empty() && rdfa.empty()) continue;
    if (!prop.empty()) {
      // The nearest item (itemscope element) strictly above the property.
      NodeId item = dom.node(id).parent;
      while (item != kNoNode && !is_scope[item]) item = dom.node(item).parent;
      if (item == kNoNode || item != main || (selection.zone[id] & clean::kComments)) continue;
      const std::string_view type = type_name(dom.attr(item, "itemtype"));
      if (out->type.empty()) out->type = std::string(type);
      if (has_word(prop, "author") || has_word(prop, "creator")) {
        std::string name = dom.has_attr(id, "itemscope") ? item_name(dom, id) : value_of(dom, id);
        if (!name.empty() && out->authors.size() < 12) out->authors.push_back(name);
      } else if (has_word(prop, "headline") && out->title.empty()) {
        out->title = value_of(dom, id);
      } else if (has_word(prop, "datePublished") && out->published.empty()) {
        out->published = value_of(dom, id);
      } else if ((has_word(prop, "dateCreated") || has_word(prop, "uploadDate")) && out->published.empty()) {
        out->published = value_of(dom, id);
      } else if (has_word(prop, "dateModified") && out->modified.empty()) {
        out->modified = value_of(dom, id);
      } else if (has_word(prop, "description") && out->description.empty()) {
        std::string d = value_of(dom, id);
        if (code_points(d) <= 1000) out->description = d;
      } else if (has_word(prop, "articleSection") && out->section.empty()) {
        out->section = value_of(dom, id);
      } else if (has_word(prop, "inLanguage") && out->language.empty()) {
        out->language = value_of(dom, id);
      } else if (has_word(prop, "publisher") && out->site_name.empty()) {
        out->site_name = dom.has_attr(id, "itemscope") ? item_name(dom, id) : value_of(dom, id);
      }
    } else if (dom.node(id).tag != Tag::meta && !(selection.zone[id] & (clean::kComments | clean::kRelated))) {
      // RDFa on visible elements (<meta property> is read with the other meta tags).
      const std::string p = decode::lower(rdfa);
      if ((p == "dc:creator" || p == "schema:author" || p == "author" || p == "dcterms:creator") &&
          out->authors.size() < 12) {
        std::string name = value_of(dom, id);
        if (!name.empty() && code_points(name) <= 120) out->authors.push_back(name);
      } else if ((p == "dc:date" || p == "dcterms:created" || p == "dcterms:issued" || p == "schema:datepublished" ||
                  p == "article:published_time") &&
                 out->published.empty()) {
        out->published = value_of(dom, id);
      } else if ((p == "dcterms:modified" || p == "schema:datemodified") && out->modified.empty()) {
        out->modified = value_of(dom, id);
      } else if ((p == "dc:title" || p == "schema:headline") && out->title.empty()) {
        out->title = value_of(dom, id);
      }
    }
  }
}

}  // namespace lede::meta
