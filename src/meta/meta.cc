// The metadata stage's one function: gather the evidence (JSON-LD, microdata, meta tags, the page near its
// headline), then take each field from the most trusted source that has it, in the order of docs/metadata.md.
// Weighing lives here; reading lives in the collectors. A field no source supports stays empty.
#include "meta/meta.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "assemble/caption.h"
#include "assemble/url.h"
#include "decode/utf8.h"
#include "meta/byline.h"
#include "meta/collect.h"
#include "meta/dates.h"
#include "meta/language.h"
#include "meta/names.h"
#include "meta/text.h"
#include "meta/title.h"

namespace lede::meta {

struct Workspace::Impl {
  PageIndex index;
  JsonLdReader json_ld;
  Evidence evidence;
  std::string text;
};

Workspace::Workspace() : impl_(std::make_unique<Impl>()) {}
Workspace::~Workspace() = default;

namespace {

using parse::Dom;
using parse::kNoNode;
using parse::NodeId;
using parse::Tag;

void reset(Evidence* e) {
  *e = Evidence{};
}

// Authors from a declaration: cleaned, organizations kept only when they are all there is.
// An organization's name is kept whole ("Center for Drug Evaluation and Research" is one author).
bool take_authors(const std::vector<std::string>& raw, std::vector<std::string>* out,
                  const std::vector<std::string>* organizations = nullptr) {
  std::vector<std::string> names;
  for (const std::string& r : raw) {
    bool organization = false;
    if (organizations)
      for (const std::string& o : *organizations) organization |= o == r;
    if (organization) {
      std::string name = fold_space(r);
      bool dup = false;
      for (const std::string& n : names) dup |= n == name;
      if (!name.empty() && !dup) names.push_back(std::move(name));
    } else {
      clean_authors(r, &names);
    }
  }
  if (names.empty()) return false;
  *out = std::move(names);
  return true;
}

// A date from a declaration (machine-readable first, then as text).
bool take_date(const std::string& raw, const DateTime* reference, NumericOrder order, DateTime* out) {
  if (raw.empty()) return false;
  DateTime d;
  if (!parse_declared_date(raw, &d) && !parse_date(raw, reference, order, &d)) return false;
  // A publication date after the reference day is a template's placeholder or a time zone slip, not news.
  if (reference && reference->valid() &&
      days_from_civil(d.year, d.month, d.day) > days_from_civil(reference->year, reference->month, reference->day) + 1)
    return false;
  *out = d;
  return true;
}

// `a` is earlier than `b`: as instants when both carry a clock and a zone, else by day.
bool before(const DateTime& a, const DateTime& b) {
  const long day_a = days_from_civil(a.year, a.month, a.day), day_b = days_from_civil(b.year, b.month, b.day);
  if (a.hour >= 0 && b.hour >= 0 && a.has_offset && b.has_offset) {
    const long minute_a = day_a * 1440 + a.hour * 60 + a.minute - a.offset_minutes;
    const long minute_b = day_b * 1440 + b.hour * 60 + b.minute - b.offset_minutes;
    return minute_a < minute_b;
  }
  return day_a < day_b;
}

// True when `test` holds for one of the words of `text` (runs of ASCII letters and of non-ASCII bytes,
// lower-cased).
template <typename Test>
bool any_word(std::string_view text, Test test) {
  const std::string lowered = decode::lower(text);
  std::size_t start = 0;
  for (std::size_t i = 0; i <= lowered.size(); ++i) {
    const bool letter = i < lowered.size() && (static_cast<unsigned char>(lowered[i]) >= 0x80 ||
                                               (lowered[i] >= 'a' && lowered[i] <= 'z'));
    if (letter) continue;
    if (i > start && test(std::string_view(lowered).substr(start, i - start))) return true;
    start = i + 1;
  }
  return false;
}

// A date written with its month as a word ("Nov 25, 2025", "14 марта 2022", "2022年3月14日"): unambiguous,
// unlike "09.10.2024", and not the shape of media durations, broadcast notes or archive numbers.
bool month_in_words(std::string_view text) {
  if (text.find("\xE5\xB9\xB4") != std::string_view::npos || text.find("\xEB\x85\x84") != std::string_view::npos)
    return true;  // 年, 년
  return any_word(text, [](std::string_view word) { return month_from_word(word) > 0; });
}

// "Originally published in March 2022": the page shows when it was published, if not to the day.
bool says_published(std::string_view text) { return any_word(text, is_publish_word); }

// /2022/03/14/, /2022-03-14 or /20220314/ in a URL's path: the day the site filed the story under.
bool date_from_url(std::string_view url, DateTime* out) {
  const std::size_t scheme = url.find("://");
  std::size_t path = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  if (path == std::string_view::npos) return false;
  url = url.substr(path);
  if (std::size_t q = url.find_first_of("?#"); q != std::string_view::npos) url = url.substr(0, q);
  for (std::size_t i = 0; i + 9 <= url.size(); ++i) {
    if (url[i] != '/') continue;
    auto num = [&](std::size_t at, std::size_t n, int* v) {
      if (at + n > url.size()) return false;
      int x = 0;
      for (std::size_t k = 0; k < n; ++k) {
        if (!is_ascii_digit(url[at + k])) return false;
        x = x * 10 + (url[at + k] - '0');
      }
      *v = x;
      return true;
    };
    DateTime d;
    const std::size_t p = i + 1;
    if (!num(p, 4, &d.year)) continue;
    const char sep = p + 4 < url.size() ? url[p + 4] : '\0';
    std::size_t end = p + 10;
    if (is_ascii_digit(sep)) {
      // Compact, a path segment of its own: /20220314/ (RIA Novosti, many CMSs).
      if (!num(p + 4, 2, &d.month) || !num(p + 6, 2, &d.day)) continue;
      end = p + 8;
      if (end < url.size() && url[end] != '/' && url[end] != '-' && url[end] != '_' && url[end] != '.') continue;
    } else if ((sep != '/' && sep != '-') || p + 10 > url.size() || !num(p + 5, 2, &d.month) || url[p + 7] != sep ||
               !num(p + 8, 2, &d.day)) {
      continue;
    }
    if (end < url.size() && is_ascii_digit(url[end])) continue;
    if (d.year < 1995 || d.year > 2100 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) continue;
    *out = d;
    return true;
  }
  return false;
}

std::string page_type_from(std::string_view type) {
  std::string t = decode::lower(type);
  if (std::size_t slash = t.find_last_of("/:"); slash != std::string::npos && t.rfind("og:", 0) != 0) t = t.substr(slash + 1);
  if (t == "product" || t == "og:product" || t == "product.item" || t == "individualproduct" || t == "offer" ||
      t == "productgroup" || t == "car" || t == "book" || t == "softwareapplication")
    return "product";
  if (t == "discussionforumposting" || t == "qapage" || t == "question" || t == "socialmediaposting") return "forum";
  if (t == "collectionpage" || t == "itemlist" || t == "searchresultspage" || t == "blog" || t == "profilepage")
    return "listing";
  if (t == "techarticle" || t == "apireference") return "documentation";
  if (t == "website" || t == "webpage" || t.empty()) return {};
  if (schema_type_rank(type) == 3 || t == "article" || t == "og:article" || t == "video.other" || t == "video.episode")
    return "article";
  return {};
}

// An image's name without its folder, query, extension and rendition size: "barges-1200x630.jpg?w=2" and
// "barges-1200.jpg" are the same picture.
std::string image_stem(std::string_view url) {
  if (std::size_t q = url.find_first_of("?#"); q != std::string_view::npos) url = url.substr(0, q);
  if (std::size_t slash = url.rfind('/'); slash != std::string_view::npos) url = url.substr(slash + 1);
  if (std::size_t dot = url.rfind('.'); dot != std::string_view::npos) url = url.substr(0, dot);
  std::string stem(url);
  // Trailing size tokens: -1200x630, _800, -scaled, @2x.
  while (true) {
    const std::size_t cut = stem.find_last_of("-_@");
    if (cut == std::string::npos || cut == 0) break;
    const std::string tail = stem.substr(cut + 1);
    bool size = !tail.empty();
    for (char c : tail) size &= is_ascii_digit(c) || c == 'x';
    if (!size && tail != "scaled" && tail != "large" && tail != "medium" && tail != "small" && tail != "thumb") break;
    stem.erase(cut);
  }
  return decode::lower(stem);
}

// Appends the values of `in` to an empty *out, each once by its comparison key ("Politics" and "politics"),
// at most kMaxTags of them (as JSON-LD keywords and a comma list are read).
void add_unique(std::vector<std::string>* out, const std::vector<std::string>& in) {
  std::vector<std::string> keys;
  for (const std::string& value : in) {
    if (out->size() >= kMaxTags) break;
    std::string key = comparison_key(value);
    if (key.empty() || std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
    keys.push_back(std::move(key));
    out->push_back(value);
  }
}

// The body's text for language identification: title and prose blocks, up to a bound.
void body_text(const Article& article, std::string* text) {
  text->clear();
  *text += article.title;
  text->push_back('\n');
  for (const Block& b : article.blocks) {
    if (text->size() > 512) break;  // language.cc reads this much
    if (b.kind == BlockKind::list) {
      for (const std::string& item : b.items) *text += item + "\n";
    } else if (b.kind != BlockKind::code && b.kind != BlockKind::table && b.kind != BlockKind::figure) {
      *text += b.text;
      text->push_back('\n');
    }
  }
}

// Links in a related / context box inside the article's container.
void related_links(const Dom& dom, const score::Selection& selection, const std::string& base, Article* article) {
  if (selection.root == kNoNode) return;
  // The container's subtree is [root, end): ids are in document order, so it ends where the next sibling of
  // the root or of its nearest ancestor that has one begins.
  NodeId end = static_cast<NodeId>(dom.size());
  for (NodeId q = selection.root; q != kNoNode; q = dom.node(q).parent) {
    if (dom.node(q).next_sibling != kNoNode) {
      end = dom.node(q).next_sibling;
      break;
    }
  }
  for (NodeId id = selection.root; id < end && article->related.size() < 20; ++id) {
    if (dom.node(id).tag != Tag::a || !(selection.zone[id] & clean::kRelated)) continue;
    if (selection.zone[id] & (clean::kDropped | clean::kComments)) continue;
    std::string raw;
    dom.append_text(id, &raw);
    std::string title = fold_space(raw);
    if (code_points(title) < 12) continue;  // "Read more", "More", arrows
    std::string url = assemble::resolve_url(base, dom.attr(id, "href"));
    if (url.empty() || url[0] == '#') continue;
    bool dup = false;
    for (const LinkRef& r : article->related) dup |= r.url == url;
    if (!dup) article->related.push_back({std::move(title), std::move(url)});
  }
}

// What the page shows near its headline overrules a declaration that disagrees, when the shown date is
// unmistakable: CMSs and SEO plugins keep the day a URL was first saved in datePublished while the text was
// rewritten and re-dated since ("Updated Dec 4, 2025"), and migrations re-stamp old stories with the day of
// the move. Two cases:
//  - a dateline under the headline, its month written as a word ("Nov 25, 2025", not "09.10.2024", which
//    is as often a media duration, a broadcast note or the other order), on another day than the
//    declaration: the dateline's day;
//  - no publication shown at all (no dateline, no <time> for it, no "Published …" line) but an "Updated …"
//    line or a <time> marked as the update: that is the page's only statement of when its text was
//    written, and it stands for the publication too.
// A dateline above the headline is a masthead's "today", never taken over a declaration.
void prefer_the_shown_date(const InPage& in_page, const DateTime* reference, NumericOrder order, DateTime* published,
                           Article* article) {
  MetadataSources& src = article->sources;
  const std::string_view source = src.published;
  const bool declared = source == "json-ld" || source == "microdata" || source == "meta";
  auto same_day = [](const DateTime& a, const DateTime& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
  };
  DateTime shown;
  const bool dateline = !in_page.dateline.empty() && parse_date(in_page.dateline, reference, order, &shown);
  if (dateline) {
    if (declared && in_page.dateline_below_headline && month_in_words(in_page.dateline) && !same_day(shown, *published)) {
      *published = shown;
      article->published = to_iso(shown);
      src.published = "dateline";
    }
    return;
  }
  if (!in_page.time_published.empty() || says_published(in_page.dateline)) return;
  DateTime update;
  const char* update_source = "";
  if (!in_page.dateline_modified.empty() && parse_date(in_page.dateline_modified, reference, order, &update))
    update_source = "dateline";
  else if (take_date(in_page.time_modified, reference, order, &update))
    update_source = "time";
  if (!*update_source || (!article->published.empty() && (!declared || same_day(update, *published)))) return;
  *published = update;
  article->published = to_iso(update);
  src.published = update_source;
}

}  // namespace

void extract_metadata(const Dom& dom, const score::Selection& selection, const Options& options, Workspace* workspace,
                      Article* article) {
  Workspace::Impl& ws = workspace->impl();
  Evidence& ev = ws.evidence;
  reset(&ev);
  index_page(dom, &ws.index);
  collect_meta_tags(dom, selection, ws.index, &ev);
  ws.json_ld.read(dom, ws.index, &ev.json_ld);
  collect_microdata(dom, selection, ws.index, ev.h1_nodes, &ev.microdata);
  MetadataSources& src = article->sources;

  // Title and headline.
  const TitleChoice title = choose_title(ev, options.url, selection.root);
  if (!title.title.empty()) {
    article->title = title.title;
    src.title = title.source;
  } else if (!article->title.empty()) {
    src.title = "h1";
  }

  // Dates are read against the caller's reference day; all-numeric ones in the page's convention.
  DateTime reference;
  const bool has_reference = !options.reference_date.empty() && parse_declared_date(options.reference_date, &reference);
  const DateTime* ref = has_reference ? &reference : nullptr;
  std::string declared_language = normalize_language_tag(ev.html_lang);
  const char* declared_language_source = "meta";
  if (declared_language.empty()) declared_language = normalize_language_tag(ev.meta.language);
  if (declared_language.empty()) {
    declared_language = normalize_language_tag(ev.json_ld.language);
    declared_language_source = "json-ld";
  }
  const NumericOrder order = declared_language == "en-US" ? NumericOrder::month_first : NumericOrder::day_first;

  // Authors: declarations in order of trust, then the byline. A declaration that names only the
  // publication (an Organization, or the site's own name) yields to a byline that names people, so the
  // page's bylines are read only when no declaration names anyone else.
  std::vector<std::string> site_keys;
  for (const std::string* name : {&ev.json_ld.site_name, &ev.meta.site_name, &ev.microdata.site_name})
    if (!name->empty()) site_keys.push_back(comparison_key(*name));
  auto only_the_site = [&](const std::vector<std::string>& names, bool organizations) {
    if (organizations) return true;
    for (const std::string& n : names) {
      const std::string k = comparison_key(n);
      bool site = false;
      for (const std::string& s : site_keys)
        site |= !s.empty() && (k == s || (k.size() >= 3 && (s.find(k) != std::string::npos || k.find(s) != std::string::npos)));
      if (!site) return false;
    }
    return true;
  };
  std::vector<std::string> declared_authors;
  const char* declared_authors_source = "";
  bool declared_only_the_site = false;
  {
    struct AuthorSource {
      const std::vector<std::string>* raw;
      const char* name;
      bool organizations;
    };
    const AuthorSource sources[] = {{&ev.json_ld.authors, "json-ld", ev.json_ld.authors_are_organizations},
                                    {&ev.microdata.authors, "microdata", false},
                                    {&ev.meta.authors, "meta", false}};
    for (const AuthorSource& s : sources) {
      if (!take_authors(*s.raw, &declared_authors, &ev.json_ld.organization_authors)) continue;
      declared_authors_source = s.name;
      declared_only_the_site = only_the_site(declared_authors, s.organizations);
      break;
    }
  }

  collect_in_page(dom, selection, ws.index, title.headline, ref, order,
                  declared_authors.empty() || declared_only_the_site, &ev.in_page);

  {
    const std::vector<std::string>& byline = ev.in_page.byline_authors;
    // A signature after the story's end is weaker than the page's declaration, even of its own name.
    const bool byline_names_people = !byline.empty() && !only_the_site(byline, false) && !ev.in_page.byline_below_story;
    if (!declared_authors.empty() && !(declared_only_the_site && byline_names_people)) {
      article->authors = std::move(declared_authors);
      src.authors = declared_authors_source;
    } else if (!byline.empty()) {
      article->authors = byline;
      src.authors = "byline";
    }
    // Beside people, the publication's own name is a credit line, not an author.
    if (article->authors.size() > 1 && !only_the_site(article->authors, false)) {
      std::vector<std::string> people;
      for (const std::string& n : article->authors)
        if (!only_the_site({n}, false)) people.push_back(n);
      article->authors = std::move(people);
    }
  }

  // Dates.
  DateTime published, modified;
  struct DateSource {
    const std::string* raw;
    const char* name;
    bool text;  // visible text: relative dates and missing years need the reference
  };
  const DateSource published_sources[] = {{&ev.json_ld.published, "json-ld", false},
                                          {&ev.microdata.published, "microdata", false},
                                          {&ev.meta.published, "meta", false},
                                          {&ev.in_page.time_published, "time", false},
                                          {&ev.in_page.dateline, "dateline", true}};
  for (const DateSource& s : published_sources) {
    bool ok = s.text ? (!s.raw->empty() && parse_date(*s.raw, ref, order, &published)) : take_date(*s.raw, ref, order, &published);
    if (ok) {
      article->published = to_iso(published);
      src.published = s.name;
      break;
    }
  }
  // The day is the page's own: a declaration in UTC can fall on the next or previous day there. When the
  // page shows the date near its headline and it is one day off a UTC declaration, the visible day stands.
  if (published.valid() && published.has_offset && published.offset_minutes == 0 &&
      (src.published == std::string_view("json-ld") || src.published == std::string_view("microdata") ||
       src.published == std::string_view("meta"))) {
    DateTime shown;
    const bool visible = take_date(ev.in_page.time_published, ref, order, &shown) ||
                         (!ev.in_page.dateline.empty() && parse_date(ev.in_page.dateline, ref, order, &shown));
    if (visible && !(shown.has_offset && shown.offset_minutes == 0)) {
      const long gap = days_from_civil(shown.year, shown.month, shown.day) -
                       days_from_civil(published.year, published.month, published.day);
      // Only when some time zone makes the two the same instant: with a clock time, an offset between
      // -12 and +14 hours in quarter hours (the shown offset itself when the page gives one); with a day
      // alone, a UTC time late enough (or early enough) to cross midnight somewhere.
      const long utc_minutes = published.hour >= 0 ? published.hour * 60L + published.minute : -1;
      bool same_instant = false;
      if ((gap == 1 || gap == -1) && utc_minutes >= 0) {
        if (shown.hour >= 0) {
          const long offset = gap * 1440L + shown.hour * 60L + shown.minute - utc_minutes;
          same_instant = offset >= -720 && offset <= 840 && offset % 15 == 0 &&
                         (!shown.has_offset || offset == shown.offset_minutes);
        } else {
          same_instant = gap == -1 ? utc_minutes < 720 : utc_minutes >= 600;
        }
      }
      if (same_instant) {
        published = shown;
        article->published = to_iso(shown);
        src.published = ev.in_page.time_published.empty() ? "dateline" : "time";
      }
    }
  }
  prefer_the_shown_date(ev.in_page, ref, order, &published, article);
  if (article->published.empty()) {
    const std::string* urls[] = {&ev.canonical, &ev.meta.url, &options.url};
    for (const std::string* url : urls) {
      if (!url->empty() && date_from_url(*url, &published)) {
        article->published = to_iso(published);
        src.published = "url";
        break;
      }
    }
  }
  const DateSource modified_sources[] = {{&ev.json_ld.modified, "json-ld", false},
                                         {&ev.microdata.modified, "microdata", false},
                                         {&ev.meta.modified, "meta", false},
                                         {&ev.in_page.time_modified, "time", false},
                                         {&ev.in_page.dateline_modified, "dateline", true}};
  for (const DateSource& s : modified_sources) {
    bool ok = s.text ? (!s.raw->empty() && parse_date(*s.raw, ref, order, &modified)) : take_date(*s.raw, ref, order, &modified);
    if (!ok) continue;
    // An update before the publication is a template's confusion: not reported.
    if (published.valid() && before(modified, published)) continue;
    article->modified = to_iso(modified);
    src.modified = s.name;
    break;
  }

  // Site name, lead, section, tags, canonical URL, image.
  auto first_of = [](std::string* field, std::string* source,
                     std::initializer_list<std::pair<const std::string*, const char*>> candidates) {
    for (const auto& [value, name] : candidates) {
      if (value->empty()) continue;
      *field = *value;
      *source = name;
      return;
    }
  };
  first_of(&article->site_name, &src.site_name,
           {{&ev.json_ld.site_name, "json-ld"}, {&ev.meta.site_name, "meta"}, {&ev.microdata.site_name, "microdata"}});
  first_of(&article->lead, &src.lead,
           {{&ev.in_page.lead, "page"},
            {&ev.json_ld.description, "json-ld"},
            {&ev.microdata.description, "microdata"},
            {&ev.meta.description, "meta"}});
  first_of(&article->section, &src.section,
           {{&ev.json_ld.section, "json-ld"}, {&ev.microdata.section, "microdata"}, {&ev.meta.section, "meta"}});
  add_unique(&article->tags, ev.json_ld.tags);
  if (!article->tags.empty()) src.tags = "json-ld";
  else {
    add_unique(&article->tags, ev.meta.tags);
    if (!article->tags.empty()) src.tags = "meta";
  }
  {
    std::string canonical;
    first_of(&canonical, &src.canonical_url,
             {{&ev.canonical, "meta"}, {&ev.meta.url, "meta"}, {&ev.json_ld.url, "json-ld"}});
    if (!canonical.empty()) {
      article->canonical_url = assemble::resolve_url(options.url, canonical);
      if (article->canonical_url.empty()) src.canonical_url.clear();
    }
  }
  {
    Image image;
    const char* source = "";
    if (!ev.json_ld.image.url.empty()) {
      image = ev.json_ld.image;
      source = "json-ld";
    } else if (!ev.meta.image.url.empty()) {
      image = ev.meta.image;
      source = "meta";
    }
    // The body's figure of that image lends its caption and credit; without a declared image, the body's
    // first figure is the story's image.
    std::string declared_stem;
    for (const Block& b : article->blocks) {
      if (b.kind != BlockKind::figure || b.src.empty()) continue;
      if (!image.url.empty() && declared_stem.empty()) declared_stem = image_stem(image.url);
      const bool same = !image.url.empty() && image_stem(b.src) == declared_stem;
      if (image.url.empty()) {
        image.url = b.src;
        source = "page";
      } else if (!same) {
        continue;
      }
      if (image.caption.empty()) image.caption = b.caption;
      if (image.credit.empty()) image.credit = b.credit;
      break;
    }
    if (!image.url.empty()) {
      // A declared caption may hold its credit too ("Rescue workers at the scene. (AP)").
      assemble::split_credit(&image.caption, &image.credit);
      image.url = assemble::resolve_url(options.url, image.url);
      if (!image.url.empty()) {
        article->image = std::move(image);
        src.image = source;
      }
    }
  }

  // Page type: what the page declares, else an article when it reads like one.
  for (const auto& [type, name] : {std::pair{&ev.json_ld.type, "json-ld"}, std::pair{&ev.microdata.type, "microdata"},
                                    std::pair{&ev.meta.type, "meta"}}) {
    std::string t = page_type_from(*type);
    if (!t.empty()) {
      article->page_type = t;
      src.page_type = name;
      break;
    }
  }
  // Undeclared: what the selection found (a listing's cards, a discussion), else an article when the page
  // reads like one.
  if (article->page_type.empty() && selection.shape != score::Shape::story) {
    article->page_type = selection.shape == score::Shape::listing ? "listing" : "forum";
    src.page_type = "structure";
  }
  if (article->page_type.empty() && selection.root != kNoNode && selection.root < selection.chars.size() &&
      selection.chars[selection.root] >= 1500 && (!article->published.empty() || !article->authors.empty())) {
    article->page_type = "article";
    src.page_type = "structure";
  }

  related_links(dom, selection, options.url, article);
  if (!article->related.empty()) src.related = "page";

  // Language: the text, checked against the declarations.
  body_text(*article, &ws.text);
  LanguageChoice language = choose_language(ws.text, declared_language, declared_language_source);
  article->language = language.tag;
  src.language = language.tag.empty() ? "" : language.source;
}

}  // namespace lede::meta
