// What the page's head declares: <meta> (OpenGraph, Twitter cards, author/description, article:*, Dublin
// Core, parsely-*, sailthru.*), <link rel=canonical>, <html lang>, <title>, and the visible <h1>s. The key
// table below is the vocabulary, as data; within a field a lower priority number wins. No judging here.
#include <string>
#include <string_view>
#include <unordered_map>

#include "clean/vocabulary.h"
#include "decode/utf8.h"
#include "meta/collect.h"
#include "meta/text.h"

namespace lede::meta {
namespace {

using parse::Dom;
using parse::NodeId;
using parse::Tag;

enum class Field { title, description, author, published, modified, site_name, language, url, section, tag, type, image };

struct MetaKey {
  std::string_view key;  // lower case, as in name= / property= / http-equiv=
  Field field;
  int priority;
};

constexpr MetaKey kKeys[] = {
    // Dublin Core is written on purpose (libraries, journals, public bodies); OpenGraph by every template.
    {"dc.title", Field::title, 0}, {"dc:title", Field::title, 0}, {"dcterms.title", Field::title, 0},
    {"og:title", Field::title, 1}, {"twitter:title", Field::title, 2}, {"parsely-title", Field::title, 4}, {"sailthru.title", Field::title, 5},
    {"title", Field::title, 6},

    {"og:description", Field::description, 1}, {"description", Field::description, 2},
    {"twitter:description", Field::description, 3}, {"dc.description", Field::description, 4},
    {"dcterms.description", Field::description, 4}, {"sailthru.description", Field::description, 5},

    // Dublin Core's creator is a deliberate declaration; name=author is often a template's site name.
    {"dc.creator", Field::author, 1}, {"dc:creator", Field::author, 1}, {"dcterms.creator", Field::author, 1},
    {"dcterm:creator", Field::author, 1}, {"author", Field::author, 2}, {"article:author", Field::author, 3},
    {"og:article:author", Field::author, 3}, {"parsely-author", Field::author, 4},
    {"sailthru.author", Field::author, 5}, {"byl", Field::author, 6}, {"creator", Field::author, 6},
    {"citation_author", Field::author, 7}, {"article:author_name", Field::author, 3},

    {"article:published_time", Field::published, 1}, {"og:article:published_time", Field::published, 1},
    {"og:published_time", Field::published, 2}, {"article:published", Field::published, 2},
    {"datepublished", Field::published, 2}, {"publish-date", Field::published, 3},
    {"publish_date", Field::published, 3}, {"pubdate", Field::published, 3}, {"publishdate", Field::published, 3},
    {"published_time", Field::published, 3}, {"article.published", Field::published, 3},
    {"originalpublicationdate", Field::published, 3}, {"dc.date.issued", Field::published, 4},
    {"dcterms.issued", Field::published, 4}, {"dc.date.created", Field::published, 4},
    {"dcterms.created", Field::published, 4}, {"dc.date", Field::published, 4}, {"dcterms.date", Field::published, 4},
    {"parsely-pub-date", Field::published, 4}, {"sailthru.date", Field::published, 5},
    {"citation_publication_date", Field::published, 5}, {"citation_date", Field::published, 5},
    {"date", Field::published, 6}, {"displaydate", Field::published, 6},

    {"article:modified_time", Field::modified, 1}, {"og:article:modified_time", Field::modified, 1},
    {"og:updated_time", Field::modified, 2}, {"article:modified", Field::modified, 2},
    {"datemodified", Field::modified, 2}, {"dcterms.modified", Field::modified, 3},
    {"dc.date.modified", Field::modified, 3},

    {"og:site_name", Field::site_name, 1}, {"application-name", Field::site_name, 3},

    {"content-language", Field::language, 1}, {"og:locale", Field::language, 2}, {"dc.language", Field::language, 2},
    {"dcterms.language", Field::language, 2}, {"language", Field::language, 3},

    {"og:url", Field::url, 1}, {"twitter:url", Field::url, 2},

    {"article:section", Field::section, 1}, {"og:article:section", Field::section, 1},
    {"parsely-section", Field::section, 2}, {"section", Field::section, 3},

    {"article:tag", Field::tag, 1}, {"og:article:tag", Field::tag, 1}, {"news_keywords", Field::tag, 2},
    {"parsely-tags", Field::tag, 2}, {"keywords", Field::tag, 3}, {"sailthru.tags", Field::tag, 3},

    {"og:type", Field::type, 1},

    {"og:image", Field::image, 1}, {"og:image:url", Field::image, 1}, {"og:image:secure_url", Field::image, 2},
    {"twitter:image", Field::image, 3}, {"twitter:image:src", Field::image, 3},
};

constexpr int kFields = static_cast<int>(Field::image) + 1;
constexpr bool multi(Field f) { return f == Field::author || f == Field::tag; }

struct Best {
  int priority = 1000;
  std::string_view key;  // several values only from repeats of one key (article:tag, article:author)
  std::vector<std::string> values;
};

// The table's entry for a lower-case key (the last one, should the table list a key twice), or null.
const MetaKey* known_key(std::string_view key) {
  static const std::unordered_map<std::string_view, const MetaKey*> kByKey = [] {
    std::unordered_map<std::string_view, const MetaKey*> map;
    for (const MetaKey& k : kKeys) map[k.key] = &k;
    return map;
  }();
  const auto it = kByKey.find(key);
  return it == kByKey.end() ? nullptr : it->second;
}

bool looks_like_url(std::string_view v) {
  return v.substr(0, 7) == "http://" || v.substr(0, 8) == "https://" || v.substr(0, 2) == "//" ||
         v.substr(0, 4) == "www.";
}

// <title> inside inline SVG names the drawing, not the page.
bool inside_svg(const Dom& dom, NodeId id) {
  for (NodeId p = dom.node(id).parent; p != parse::kNoNode; p = dom.node(p).parent)
    if (dom.node(p).tag == Tag::svg) return true;
  return false;
}

}  // namespace

void collect_meta_tags(const Dom& dom, const score::Selection& selection, const PageIndex& index, Evidence* evidence) {
  Best best[kFields];
  std::string key;
  bool html_seen = false;
  for (const NodeId id : index.declarations) {
    const parse::Node& node = dom.node(id);
    switch (node.tag) {
      case Tag::meta: {
        std::string_view content = dom.attr(id, "content");
        if (content.empty()) continue;
        for (std::string_view attr : {"property", "name", "http-equiv"}) {
          std::string_view names = dom.attr(id, attr);
          // RDFa lets one property attribute carry several space-separated properties.
          while (!names.empty()) {
          names = trim(names);
          const std::size_t space = names.find_first_of(" \t\n");
          std::string_view name = names.substr(0, space);
          names = space == std::string_view::npos ? std::string_view() : names.substr(space);
          if (name.empty()) continue;
          decode::lower_into(name, &key);  // `key` is reused from tag to tag
          // Names no table lists but that say what they hold ("w-published-date", "publication_date").
          MetaKey guessed{{}, Field::published, 8};
          const MetaKey* found = known_key(key);
          if (!found && attr != "property" && key.find("publi") != std::string::npos &&
              key.find("publisher") == std::string::npos && key.find("modif") == std::string::npos &&
              key.find("updat") == std::string::npos) {
            guessed.key = key;
            found = &guessed;
          }
          for (const MetaKey* kp = found; kp; kp = nullptr) {
            const MetaKey& k = *kp;
            Best& b = best[static_cast<int>(k.field)];
            // (A guessed key's text lives in `key`, rewritten by the next tag: it is never kept as a view.)
            const std::string_view stable_key = kp == &guessed ? std::string_view("?") : k.key;
            // OpenGraph and Dublin Core are RDFa vocabularies: a key in property= is the declaration, the same
            // key in name= a template's echo of it, so property= wins at the same priority.
            const int priority = k.priority * 2 + (attr == "property" ? 0 : 1);
            // A value that could not be kept is not read.
            const bool kept = priority < b.priority ||
                              (priority == b.priority && (b.values.empty() || (multi(k.field) && stable_key == b.key)));
            if (!kept) break;
            std::string value = declared_text(content);
            if (value.empty()) break;
            if (k.field == Field::author && looks_like_url(value)) break;  // article:author as a profile URL
            if (priority < b.priority) {
              b.priority = priority;
              b.key = stable_key;
              b.values.clear();
            }
            if (priority == b.priority && (b.values.empty() || (multi(k.field) && stable_key == b.key))) {
              b.key = stable_key;
              if (k.field == Field::tag && k.key != "article:tag" && k.key != "og:article:tag")
                split_keywords(value, kMaxTags, &b.values);
              else
                b.values.push_back(std::move(value));
            }
            break;
          }
          }
        }
        break;
      }
      case Tag::link: {
        if (!evidence->canonical.empty()) break;
        const std::string rel = decode::lower(dom.attr(id, "rel"));
        if (rel.find("canonical") != std::string::npos) evidence->canonical = std::string(trim(dom.attr(id, "href")));
        break;
      }
      case Tag::html:
        if (!html_seen) {
          html_seen = true;
          std::string_view lang = dom.attr(id, "lang");
          if (lang.empty()) lang = dom.attr(id, "xml:lang");
          evidence->html_lang = std::string(trim(lang));
        }
        break;
      case Tag::title:
        // A <title> swallowing the page (never closed) is no title.
        if (evidence->html_title.empty() && !inside_svg(dom, id) &&
            dom.own_text_bytes(id) <= clean::kMaxHeadlineBytes) {
          std::string raw;
          dom.append_text(id, &raw);
          evidence->html_title = fold_space(raw);
        }
        break;
      case Tag::h1:
        if (!(selection.zone[id] & (clean::kDropped | clean::kHidden)) && evidence->h1s.size() < 8 &&
            selection.chars[id] <= clean::kMaxHeadlineBytes) {
          std::string raw;
          dom.append_text(id, &raw);
          std::string text = fold_space(raw);
          // Permalink markers documentation generators append to headings: "Title¶", "Title #".
          for (bool again = true; again;) {
            again = false;
            for (std::string_view mark : {"\xC2\xB6", "#", "\xC2\xA7", "\xF0\x9F\x94\x97"}) {
              if (text.size() > mark.size() && text.compare(text.size() - mark.size(), mark.size(), mark) == 0) {
                text.erase(text.size() - mark.size());
                while (!text.empty() && text.back() == ' ') text.pop_back();
                again = true;
              }
            }
          }
          if (!text.empty()) {
            evidence->h1s.push_back(std::move(text));
            evidence->h1_nodes.push_back(id);
          }
        }
        break;
      default: break;
    }
  }
  Declared& m = evidence->meta;
  auto first = [&](Field f) -> std::string {
    const Best& b = best[static_cast<int>(f)];
    return b.values.empty() ? std::string() : b.values.front();
  };
  m.title = first(Field::title);
  m.description = first(Field::description);
  m.authors = best[static_cast<int>(Field::author)].values;
  m.published = first(Field::published);
  m.modified = first(Field::modified);
  m.site_name = first(Field::site_name);
  m.language = first(Field::language);
  m.url = first(Field::url);
  m.section = first(Field::section);
  m.tags = best[static_cast<int>(Field::tag)].values;
  // One article:tag is one tag, so a comma may stand inside it ("Washington, D.C."); a page that gives
  // only one and packs a list into it ("Spain,Europe,World news", no space after a comma) means a list.
  if (m.tags.size() == 1 && m.tags[0].find(',') != std::string::npos &&
      m.tags[0].find(", ") == std::string::npos) {
    const std::string packed = std::move(m.tags[0]);
    m.tags.clear();
    split_keywords(packed, kMaxTags, &m.tags);
  }
  m.type = first(Field::type);
  m.image.url = first(Field::image);
}

}  // namespace lede::meta
