// The tag vocabulary's lookups: name -> Tag and the element classes the later stages ask about.
// Data and lookups only.
#include "parse/tags.h"

#include <array>
#include <string>
#include <unordered_map>

namespace lede::parse {
namespace {

constexpr std::string_view strip_underscore(std::string_view name) {
  return name.ends_with('_') ? name.substr(0, name.size() - 1) : name;
}

constexpr std::array<std::string_view, static_cast<std::size_t>(Tag::count_)> kNames = {
    "", "#text",
#define LEDE_TAG_NAME(name) strip_underscore(#name),
    LEDE_TAGS(LEDE_TAG_NAME)
#undef LEDE_TAG_NAME
};

const std::unordered_map<std::string_view, Tag>& name_table() {
  static const auto* table = [] {
    auto* map = new std::unordered_map<std::string_view, Tag>();
    for (std::size_t i = 2; i < kNames.size(); ++i) map->emplace(kNames[i], static_cast<Tag>(i));
    return map;
  }();
  return *table;
}

template <std::size_t N>
constexpr std::array<bool, static_cast<std::size_t>(Tag::count_)> tag_set(const Tag (&tags)[N]) {
  std::array<bool, static_cast<std::size_t>(Tag::count_)> set{};
  for (Tag t : tags) set[static_cast<std::size_t>(t)] = true;
  return set;
}

constexpr Tag kNeverContent[] = {Tag::script,   Tag::style,  Tag::noscript, Tag::template_, Tag::svg,
                                 Tag::math,     Tag::iframe, Tag::object,   Tag::embed,     Tag::canvas,
                                 Tag::input,    Tag::button, Tag::select,   Tag::textarea,  Tag::option,
                                 Tag::optgroup, Tag::head,   Tag::title,    Tag::meta,      Tag::link,
                                 Tag::base,     Tag::param,  Tag::source,   Tag::track,     Tag::map,
                                 Tag::frame,    Tag::frameset, Tag::noembed, Tag::noframes, Tag::dialog,
                                 Tag::audio,    Tag::video,  Tag::progress, Tag::output,    Tag::slot,
                                 Tag::col,      Tag::colgroup};
constexpr auto kNeverContentSet = tag_set(kNeverContent);

constexpr Tag kBlock[] = {Tag::address, Tag::article, Tag::aside,   Tag::blockquote, Tag::body,
                          Tag::br,      Tag::caption, Tag::center,  Tag::dd,         Tag::details,
                          Tag::div,     Tag::dl,      Tag::dt,      Tag::fieldset,   Tag::figcaption,
                          Tag::figure,  Tag::footer,  Tag::form,    Tag::h1,         Tag::h2,
                          Tag::h3,      Tag::h4,      Tag::h5,      Tag::h6,         Tag::header,
                          Tag::hgroup,  Tag::hr,      Tag::html,    Tag::li,         Tag::legend,
                          Tag::main,    Tag::menu,    Tag::nav,     Tag::ol,         Tag::p,
                          Tag::pre,     Tag::section, Tag::summary, Tag::table,      Tag::tbody,
                          Tag::td,      Tag::tfoot,   Tag::th,      Tag::thead,      Tag::tr,
                          Tag::ul,      Tag::xmp,     Tag::img,     Tag::picture,    Tag::marquee};
constexpr auto kBlockSet = tag_set(kBlock);

}  // namespace

Tag tag_from_name(std::string_view name) {
  const auto& table = name_table();
  auto it = table.find(name);
  return it == table.end() ? Tag::unknown : it->second;
}

std::string_view tag_name(Tag tag) { return kNames[static_cast<std::size_t>(tag)]; }

bool is_never_content(Tag tag) { return kNeverContentSet[static_cast<std::size_t>(tag)]; }
bool is_block(Tag tag) { return kBlockSet[static_cast<std::size_t>(tag)]; }

}  // namespace lede::parse
