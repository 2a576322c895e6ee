// schema.org JSON-LD: every <script type="application/ld+json"> parsed with simdjson (one reusable parser a
// thread), objects found at the top, in arrays and in @graph, authors resolved through @id. It picks the
// page's main object (an Article kind over a WebPage over anything else); it must not read other scripts.
#include <simdjson.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "decode/utf8.h"
#include "meta/collect.h"
#include "meta/text.h"

namespace lede::meta {
namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

}  // namespace

int schema_type_rank(std::string_view type) {
  static constexpr std::string_view kArticles[] = {
      "NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
      "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "LiveBlogPosting", "TechArticle",
      "ScholarlyArticle", "Report", "SocialMediaPosting", "DiscussionForumPosting", "Review", "Recipe",
      "HowTo", "VideoObject", "Blog", "PodcastEpisode", "CreativeWork", "Posting", "APIReference",
      "SatiricalArticle", "AdvertiserContentArticle", "MedicalScholarlyArticle", "Product", "QAPage"};
  static constexpr std::string_view kPages[] = {"WebPage", "ItemPage", "AboutPage", "CollectionPage",
                                                "ProfilePage", "SearchResultsPage", "FAQPage", "ContactPage",
                                                "MedicalWebPage", "CheckoutPage", "RealEstateListing"};
  // Strip a vocabulary prefix: "schema:NewsArticle", "http://schema.org/NewsArticle".
  if (std::size_t slash = type.find_last_of("/:"); slash != std::string_view::npos) type = type.substr(slash + 1);
  for (std::string_view t : kArticles)
    if (t == type) return 3;
  for (std::string_view t : kPages)
    if (t == type) return 2;
  return 0;
}

namespace {

struct AuthorRef {
  std::string name;
  std::string id;  // an @id to resolve when there is no name
  bool organization = false;
};

struct Thing {
  std::vector<std::string> types;
  std::string id;
  std::string headline, name, description, published, modified, url, language, section;
  std::vector<std::string> keywords;
  std::vector<AuthorRef> authors;
  std::string publisher;
  Image image;
  int depth = 0;        // 0: a top-level object or a member of @graph
  bool listed = false;  // found inside a list (itemListElement, hasPart, ...): someone else's story
  bool main_entity = false;
  int rank() const {
    int r = 0;
    for (const std::string& t : types) r = std::max(r, schema_type_rank(t));
    return r;
  }
  bool is(std::string_view type) const {
    for (const std::string& t : types) {
      std::string_view v = t;
      if (std::size_t slash = v.find_last_of("/:"); slash != std::string_view::npos) v = v.substr(slash + 1);
      if (v == type) return true;
    }
    return false;
  }
};

// A string, or the first string of an array, or an object's "name"/"@value".
std::string text_of(element e) {
  switch (e.type()) {
    case element_type::STRING: return declared_text(std::string_view(e.get_string().value_unsafe()));
    case element_type::ARRAY:
      for (element x : array(e)) {
        std::string s = text_of(x);
        if (!s.empty()) return s;
      }
      return {};
    case element_type::OBJECT: {
      object o(e);
      for (const char* k : {"name", "@value", "text"}) {
        element v;
        if (!o.at_key(k).get(v) && v.type() == element_type::STRING)
          return declared_text(std::string_view(v.get_string().value_unsafe()));
      }
      return {};
    }
    default: return {};
  }
}

void types_of(element t, std::vector<std::string>* types) {
  if (t.type() == element_type::STRING) {
    types->emplace_back(t.get_string().value_unsafe());
  } else if (t.type() == element_type::ARRAY) {
    for (element x : array(t))
      if (x.type() == element_type::STRING) types->emplace_back(x.get_string().value_unsafe());
  }
}

void add_author(element e, std::vector<AuthorRef>* out) {
  if (out->size() > 20) return;
  switch (e.type()) {
    case element_type::STRING: {
      std::string s = declared_text(std::string_view(e.get_string().value_unsafe()));
      if (!s.empty()) out->push_back({s, {}, false});
      break;
    }
    case element_type::ARRAY:
      for (element x : array(e)) add_author(x, out);
      break;
    case element_type::OBJECT: {
      object o(e);
      AuthorRef ref;
      element v;
      if (!o.at_key("name").get(v)) ref.name = text_of(v);
      if (ref.name.empty()) {
        std::string given, family;
        if (!o.at_key("givenName").get(v)) given = text_of(v);
        if (!o.at_key("familyName").get(v)) family = text_of(v);
        ref.name = fold_space(given + " " + family);
      }
      if (!o.at_key("@id").get(v) && v.type() == element_type::STRING) ref.id = std::string(v.get_string().value_unsafe());
      std::vector<std::string> types;
      if (!o.at_key("@type").get(v)) types_of(v, &types);
      for (const std::string& t : types) ref.organization |= t == "Organization" || t == "NewsMediaOrganization";
      if (!ref.name.empty() || !ref.id.empty()) out->push_back(std::move(ref));
      break;
    }
    default: break;
  }
}

void read_image(element e, Image* image) {
  if (!image->url.empty()) return;
  switch (e.type()) {
    case element_type::STRING: image->url = declared_text(std::string_view(e.get_string().value_unsafe())); break;
    case element_type::ARRAY:
      for (element x : array(e)) {
        read_image(x, image);
        if (!image->url.empty()) break;
      }
      break;
    case element_type::OBJECT: {
      object o(e);
      element v;
      if (!o.at_key("url").get(v)) image->url = text_of(v);
      if (image->url.empty() && !o.at_key("contentUrl").get(v)) image->url = text_of(v);
      if (!o.at_key("caption").get(v)) image->caption = text_of(v);
      if (!o.at_key("creditText").get(v)) image->credit = text_of(v);
      if (image->credit.empty() && !o.at_key("copyrightHolder").get(v)) image->credit = text_of(v);
      if (image->credit.empty() && !o.at_key("author").get(v)) image->credit = text_of(v);
      break;
    }
    default: break;
  }
}

void read_keywords(element e, std::vector<std::string>* out) {
  if (e.type() == element_type::ARRAY) {
    for (element x : array(e)) {
      std::string s = text_of(x);
      if (!s.empty() && !is_internal_label(s) && out->size() < kMaxTags) out->push_back(s);
    }
  } else if (e.type() == element_type::STRING) {
    split_keywords(declared_text(std::string_view(e.get_string().value_unsafe())), kMaxTags, out);
  }
}

// Properties whose objects are other stories, not this page's parts.
bool listing_key(std::string_view key) {
  return key == "itemListElement" || key == "hasPart" || key == "comment" || key == "review" ||
         key == "citation" || key == "isBasedOn" || key == "about" || key == "mentions" || key == "relatedLink" ||
         key == "subjectOf" || key == "workExample" || key == "recipe" || key == "itemReviewed" ||
         key == "suggestedAnswer" || key == "acceptedAnswer";
}

// The properties an object is read for, found in one pass over its fields (each object's first field of a
// name counts, as simdjson's at_key would find it) instead of a lookup a property.
enum class Key : unsigned {
  graph, type, id, name, headline, description, date_published, date_created, upload_date, date_modified, url,
  in_language, article_section, keywords, author, creator, publisher, image, thumbnail_url, count
};

struct Fields {
  element values[static_cast<unsigned>(Key::count)];
  std::uint32_t present = 0;
  bool has(Key k) const { return (present >> static_cast<unsigned>(k)) & 1; }
  element at(Key k) const { return values[static_cast<unsigned>(k)]; }
};

Fields fields_of(object o) {
  static constexpr std::pair<std::string_view, Key> kKeys[] = {
      {"@graph", Key::graph}, {"@type", Key::type}, {"@id", Key::id}, {"name", Key::name},
      {"headline", Key::headline}, {"description", Key::description}, {"datePublished", Key::date_published},
      {"dateCreated", Key::date_created}, {"uploadDate", Key::upload_date}, {"dateModified", Key::date_modified},
      {"url", Key::url}, {"inLanguage", Key::in_language}, {"articleSection", Key::article_section},
      {"keywords", Key::keywords}, {"author", Key::author}, {"creator", Key::creator}, {"publisher", Key::publisher},
      {"image", Key::image}, {"thumbnailUrl", Key::thumbnail_url}};
  Fields f;
  for (auto field : o) {
    const std::string_view key = field.key;
    for (const auto& [name, k] : kKeys) {
      if (key != name) continue;
      const auto bit = std::uint32_t{1} << static_cast<unsigned>(k);
      if (!(f.present & bit)) {
        f.present |= bit;
        f.values[static_cast<unsigned>(k)] = field.value;
      }
      break;
    }
  }
  return f;
}

class Walker {
 public:
  std::vector<Thing> things;
  std::unordered_map<std::string, std::string> names_by_id;

  void walk(element e, int depth, bool listed, bool main_entity) {
    if (depth > 8 || things.size() > 200) return;
    if (e.type() == element_type::ARRAY) {
      for (element x : array(e)) walk(x, depth, listed, main_entity);
      return;
    }
    if (e.type() != element_type::OBJECT) return;
    object o(e);
    const Fields f = fields_of(o);
    if (f.has(Key::graph)) walk(f.at(Key::graph), depth, listed, main_entity);
    Thing t;
    if (f.has(Key::type)) types_of(f.at(Key::type), &t.types);
    if (f.has(Key::id) && f.at(Key::id).type() == element_type::STRING)
      t.id = std::string(f.at(Key::id).get_string().value_unsafe());
    if (f.has(Key::name)) t.name = text_of(f.at(Key::name));
    if (!t.id.empty() && !t.name.empty()) names_by_id.emplace(t.id, t.name);
    if (!t.types.empty()) {
      auto text = [&](Key k, std::string* out) {
        if (out->empty() && f.has(k)) *out = text_of(f.at(k));
      };
      text(Key::headline, &t.headline);
      text(Key::description, &t.description);
      text(Key::date_published, &t.published);
      text(Key::date_created, &t.published);
      text(Key::upload_date, &t.published);
      text(Key::date_modified, &t.modified);
      text(Key::url, &t.url);
      text(Key::in_language, &t.language);
      text(Key::article_section, &t.section);
      if (f.has(Key::keywords)) read_keywords(f.at(Key::keywords), &t.keywords);
      if (f.has(Key::author)) add_author(f.at(Key::author), &t.authors);
      if (t.authors.empty() && f.has(Key::creator)) add_author(f.at(Key::creator), &t.authors);
      text(Key::publisher, &t.publisher);
      if (f.has(Key::image)) read_image(f.at(Key::image), &t.image);
      if (t.image.url.empty() && f.has(Key::thumbnail_url)) read_image(f.at(Key::thumbnail_url), &t.image);
      t.depth = depth;
      t.listed = listed;
      t.main_entity = main_entity;
      things.push_back(std::move(t));
    }
    // Nested objects: a WebPage's mainEntity is the story; list members are other stories.
    for (auto field : o) {
      std::string_view key = field.key;
      if (key == "@graph" || key == "author" || key == "creator" || key == "publisher" || key == "image") continue;
      const element_type type = field.value.type();
      if (type != element_type::OBJECT && type != element_type::ARRAY) continue;
      walk(field.value, depth + 1, listed || listing_key(key), key == "mainEntity" || key == "mainEntityOfPage");
    }
  }
};

// Pages ship JSON-LD that strict parsers refuse: raw newlines and tabs inside strings, trailing commas,
// HTML comment or CDATA wrappers. This repairs those in a copy; it is only run when the first parse fails.
std::string repair(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool in_string = false, escaped = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      } else if (static_cast<unsigned char>(c) < 0x20) {
        out.push_back(' ');
        continue;
      }
      out.push_back(c);
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '<' && (s.substr(i, 4) == "<!--" || s.substr(i, 9) == "<![CDATA[")) {
      i += s.substr(i, 4) == "<!--" ? 3 : 8;
      continue;
    } else if (c == '-' && s.substr(i, 3) == "-->") {
      i += 2;
      continue;
    } else if (c == ']' && s.substr(i, 3) == "]]>") {
      i += 2;
      continue;
    } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '/') {
      while (i < s.size() && s[i] != '\n') ++i;  // a // comment line
      continue;
    } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      const std::size_t end = s.find("*/", i + 2);
      if (end == std::string_view::npos) break;
      i = end + 1;
      continue;
    } else if (c == ',') {
      std::size_t j = i + 1;
      while (j < s.size() && (s[j] == ' ' || s[j] == '\n' || s[j] == '\r' || s[j] == '\t')) ++j;
      if (j < s.size() && (s[j] == '}' || s[j] == ']')) continue;  // a trailing comma
    } else if (c == ';' ) {
      continue;  // "{...};" from templates that wrote a JavaScript statement
    }
    out.push_back(c);
  }
  return out;
}

const Thing* pick_main(const std::vector<Thing>& things) {
  const Thing* best = nullptr;
  long best_score = -1;
  for (const Thing& t : things) {
    const int rank = t.rank();
    if (rank == 0) continue;
    long score = rank * 100L;
    if (t.listed) score -= 250;
    if (t.main_entity) score += 20;
    score -= t.depth * 5;
    if (!t.headline.empty()) score += 10;
    if (!t.published.empty()) score += 10;
    if (!t.authors.empty()) score += 5;
    if (score > best_score) {
      best = &t;
      best_score = score;
    }
  }
  return best;
}

}  // namespace

struct JsonLdReader::Impl {
  simdjson::dom::parser parser;
  std::string text;
  Walker walker;
};

JsonLdReader::JsonLdReader() : impl_(std::make_unique<Impl>()) {}
JsonLdReader::~JsonLdReader() = default;

void JsonLdReader::read(const parse::Dom& dom, const PageIndex& index, Declared* out) {
  Walker& walker = impl_->walker;
  walker.things.clear();
  walker.names_by_id.clear();
  for (const parse::NodeId id : index.json_ld) {
    impl_->text.clear();
    dom.append_text(id, &impl_->text);
    if (impl_->text.size() > (4u << 20)) continue;
    element root;
    if (impl_->parser.parse(impl_->text).get(root)) {
      std::string repaired = repair(impl_->text);
      if (impl_->parser.parse(repaired).get(root)) continue;
      walker.walk(root, 0, false, false);
    } else {
      walker.walk(root, 0, false, false);
    }
  }
  const Thing* main = pick_main(walker.things);
  std::string website_name;
  for (const Thing& t : walker.things) {
    if (t.is("WebSite") && !t.name.empty() && website_name.empty()) website_name = t.name;
  }
  if (!main) {
    out->site_name = website_name;
    return;
  }
  out->title = !main->headline.empty() ? main->headline : main->name;
  out->description = main->description;
  // A WebPage's dates are the CMS's record of the page (SEO plugins write them on every page, landing pages
  // included), not a story's publication: only an Article-kind object dates the story.
  if (main->rank() >= 3) {
    out->published = main->published;
    out->modified = main->modified;
  }
  out->url = main->url;
  out->language = main->language;
  out->section = main->section;
  out->tags = main->keywords;
  out->image = main->image;
  out->type = main->types.empty() ? std::string() : main->types.front();
  // A Product's or WebPage's publisher is not a site name we trust less than WebSite.name.
  out->site_name = !main->publisher.empty() ? main->publisher : website_name;
  bool all_orgs = !main->authors.empty();
  for (const AuthorRef& a : main->authors) {
    std::string name = a.name;
    if (name.empty() && !a.id.empty()) {
      auto it = walker.names_by_id.find(a.id);
      if (it != walker.names_by_id.end()) name = it->second;
    }
    if (name.empty()) continue;
    if (a.organization) out->organization_authors.push_back(name);
    out->authors.push_back(name);
    all_orgs &= a.organization;
  }
  out->authors_are_organizations = all_orgs && !out->authors.empty();
  // A WebPage whose story is a separate Article object: the page-level object lends what the story lacks.
  for (const Thing& t : walker.things) {
    if (&t == main || t.listed) continue;
    if (out->published.empty() && !t.published.empty() && t.rank() >= 3) out->published = t.published;
    if (out->modified.empty() && !t.modified.empty() && t.rank() >= 3) out->modified = t.modified;
    if (out->language.empty() && !t.language.empty()) out->language = t.language;
  }
}

}  // namespace lede::meta
