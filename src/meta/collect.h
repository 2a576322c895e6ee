// The evidence the metadata collectors gather from one page, source by source, before meta.cc weighs it.
// Collectors read the Dom and fill their part; they never decide between sources and never touch the
// Article. Values are as the page wrote them (dates unparsed, names not yet cleaned).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lede/article.h"
#include "parse/dom.h"
#include "score/select.h"

namespace lede::meta {

// What one kind of declaration (JSON-LD, microdata, meta tags) says about the page.
struct Declared {
  std::string title;
  std::string description;
  std::vector<std::string> authors;
  std::string published, modified;
  std::string site_name;
  std::string language;
  std::string url;  // the page's own URL as declared (og:url, JSON-LD url/mainEntityOfPage)
  std::string section;
  std::vector<std::string> tags;
  std::string type;  // schema.org @type or og:type, as written
  Image image;
  bool authors_are_organizations = false;  // JSON-LD: every author was an Organization
  std::vector<std::string> organization_authors;  // JSON-LD: the authors typed Organization (names kept whole)
};

// In-page evidence near the headline.
struct InPage {
  parse::NodeId headline = parse::kNoNode;  // the visible <h1> taken as the headline
  std::string headline_text;
  std::vector<std::string> byline_authors;  // cleaned names from byline elements / lines
  bool byline_below_story = false;           // byline_authors from an author box after the story's end
  std::string time_published, time_modified;  // <time datetime> values near the headline
  std::string dateline;                      // the first short text line near the headline that holds a date
  std::string dateline_modified;             // one that says it is an update
  bool dateline_below_headline = false;      // the dateline sits under the headline (not a masthead's today)
  std::string lead;                          // a standfirst / dek paragraph between headline and body
};

struct Evidence {
  Declared json_ld;
  Declared microdata;
  Declared meta;           // OpenGraph, Twitter cards, <meta name>, Dublin Core, parsely, sailthru
  std::string html_title;  // <title>
  std::string html_lang;   // <html lang>
  std::string canonical;   // <link rel=canonical>
  std::vector<std::string> h1s;  // visible <h1> texts, in document order (at most a few)
  std::vector<parse::NodeId> h1_nodes;
  InPage in_page;
};

// The elements the collectors read, found in one walk of the page, each list in document order.
struct PageIndex {
  std::vector<parse::NodeId> declarations;  // <html>, <meta>, <link>, <title>, <h1>
  std::vector<parse::NodeId> json_ld;       // <script> with content whose type holds "ld+json"
  std::vector<parse::NodeId> microdata;     // elements with itemscope=, itemprop= or property=
  std::vector<parse::NodeId> author_links;  // <a> whose rel= holds "author"
};
void index_page(const parse::Dom& dom, PageIndex* index);

// How strongly a schema.org type (bare, "schema:X" or "https://schema.org/X") says "this object is the page's
// story": 3 an Article kind (or Product, Recipe, forum post ...), 2 a WebPage kind, 0 anything else.
int schema_type_rank(std::string_view type);

// JSON-LD parsing keeps a reusable parser (simdjson) a thread; one JsonLdReader per Extractor.
class JsonLdReader {
 public:
  JsonLdReader();
  ~JsonLdReader();
  JsonLdReader(const JsonLdReader&) = delete;
  JsonLdReader& operator=(const JsonLdReader&) = delete;

  // Reads every <script type="application/ld+json"> of the page (index.json_ld) into *out.
  void read(const parse::Dom& dom, const PageIndex& index, Declared* out);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// <meta>, <link rel=canonical>, <html lang>, <title> and the visible <h1>s.
void collect_meta_tags(const parse::Dom& dom, const score::Selection& selection, const PageIndex& index,
                       Evidence* evidence);

// itemprop values inside an article-like itemscope (schema.org microdata) and RDFa `property` values.
// `h1s` are the visible headlines: the page's own item is the one around the content or a headline.
void collect_microdata(const parse::Dom& dom, const score::Selection& selection, const PageIndex& index,
                       const std::vector<parse::NodeId>& h1s, Declared* out);

}  // namespace lede::meta
