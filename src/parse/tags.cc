// The tag vocabulary's lookups: name -> Tag and the element classes the later stages ask about.
// Data and lookups only.
#include "parse/tags.h"

#include <array>

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

// Name -> Tag through an open-addressing table on a cheap hash of the length and three bytes: the tree
// builder looks up every tag of every page, and this is several times faster than std::unordered_map.
constexpr std::size_t kLongestName = 10;  // "blockquote", "figcaption"
constexpr std::size_t kSlots = 1024;

constexpr std::size_t slot_of(std::string_view name) {
  auto byte = [&](std::size_t i) { return static_cast<std::size_t>(static_cast<unsigned char>(name[i])); };
  return (name.size() * 97 + byte(0) * 31 + byte(name.size() - 1) * 7 + byte(name.size() / 2)) % kSlots;
}

struct NameTable {
  std::array<std::uint8_t, kSlots> tag{};  // 0 (Tag::unknown): empty
  constexpr NameTable() {
    for (std::size_t i = 2; i < kNames.size(); ++i) {
      std::size_t slot = slot_of(kNames[i]);
      while (tag[slot] != 0) slot = (slot + 1) % kSlots;
      tag[slot] = static_cast<std::uint8_t>(i);
    }
  }
};
constexpr NameTable kNameTable;
static_assert([] {
  for (std::string_view name : kNames) {
    if (name.size() > kLongestName) return false;
  }
  return true;
}(), "kLongestName must cover every tag name");

template <std::size_t N>
constexpr std::array<bool, static_cast<std::size_t>(Tag::count_)> tag_set(const Tag (&tags)[N]) {
  std::array<bool, static_cast<std::size_t>(Tag::count_)> set{};
  for (Tag t : tags) set[static_cast<std::size_t>(t)] = true;
  return set;
}

constexpr Tag kNeverContent[] = {Tag::script,   Tag::style,  Tag::noscript, Tag::template_, Tag::svg,
                                 Tag::iframe, Tag::object,   Tag::embed,     Tag::canvas,
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
  if (name.empty() || name.size() > kLongestName) return Tag::unknown;
  for (std::size_t slot = slot_of(name);; slot = (slot + 1) % kSlots) {
    std::uint8_t tag = kNameTable.tag[slot];
    if (tag == 0) return Tag::unknown;
    if (kNames[tag] == name) return static_cast<Tag>(tag);
  }
}

std::string_view tag_name(Tag tag) { return kNames[static_cast<std::size_t>(tag)]; }

bool is_never_content(Tag tag) { return kNeverContentSet[static_cast<std::size_t>(tag)]; }
bool is_block(Tag tag) { return kBlockSet[static_cast<std::size_t>(tag)]; }

}  // namespace lede::parse
