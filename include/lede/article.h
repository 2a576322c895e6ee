// The Article: what lede returns for one page — the story's metadata and its body as typed blocks.
// Plain data, no behaviour: the extractor fills it, the renderers (render.h) read it.
// Thread contract: a value type; share it read-only or copy it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lede {

// Inline markup inside a block's text, as byte ranges [begin, end) of Block::text.
// `math` covers a formula written as TeX ("$\\frac{a}{b}$"): renderers keep it as it is.
enum class SpanKind : std::uint8_t { link, emphasis, strong, code, math };

struct Span {
  SpanKind kind = SpanKind::link;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string href;  // links only: absolute when the page's URL is known
};

enum class BlockKind : std::uint8_t { heading, paragraph, list, quote, table, code, figure };

// One unit of the body. Which fields carry meaning depends on `kind`:
//   heading    level (1-6), text
//   paragraph  text, spans
//   list       ordered, items (one string per item, nested items indented by depth in item_depths)
//   quote      text (paragraphs separated by '\n'), spans
//   table      rows (cells as text), header_rows (how many leading rows are header rows)
//   code       text (verbatim, newlines kept), language when the page names it
//   figure     src, alt, caption, credit; text is the caption (or alt when there is no caption)
// `text` is always the block's plain-text rendering, so a reader that knows no kinds still works.
struct Block {
  BlockKind kind = BlockKind::paragraph;
  std::string text;
  std::vector<Span> spans;

  int level = 0;
  bool ordered = false;
  std::vector<std::string> items;
  std::vector<int> item_depths;  // parallel to items: 0 for top-level items

  std::vector<std::vector<std::string>> rows;
  int header_rows = 0;

  std::string language;

  std::string src;
  std::string alt;
  std::string caption;
  std::string credit;
};

// A link kept apart from the body: a "related" / "context" box or a comment's author link.
struct LinkRef {
  std::string title;
  std::string url;
};

// A direct quotation in the body: the words between quotation marks (or a <blockquote>'s text), and who
// said them when the text says so ("– написал Иванов", "said Tim Cook", "so Müller"). Media monitors
// index these; `block` ties each one to its place in the body.
struct Quote {
  std::string text;          // the quoted words, without the quotation marks
  std::string speaker;       // as the text names them: "Иванов", "the minister", "Tim Cook"; "" when it does not
  std::uint32_t block = 0;   // the index in Article::blocks of the block the quotation stands in
  // When the text says "he" / "она" / "the author": those words, and `speaker` is who they stand for (the
  // speaker quoted just before, or the story's one author). Empty when `speaker` is as written.
  std::string speaker_as_written;
};

// The story's main image, with what the page says about it.
struct Image {
  std::string url;      // absolute when the page's URL is known
  std::string caption;
  std::string credit;   // "Фото: bzns.media", "Photo: Getty Images", ...
};

// Where each metadata field came from, in order of trust: "json-ld", "microdata", "meta" (OpenGraph,
// Twitter cards, <meta name>, Dublin Core, parsely, sailthru, <link rel>, <html lang>), "time" (a
// <time datetime>), "h1" (the visible headline), "byline" / "dateline" (in-page lines near the
// headline), "figure", "text" (the extracted text itself), "structure" (the page's shape). Empty for a
// field the page does not support: lede leaves such a field empty instead of guessing.
struct MetadataSources {
  std::string title, lead, authors, published, modified, site_name, language, canonical_url, image, tags,
      section, page_type, related;
};

struct Article {
  std::string title;
  std::vector<Block> blocks;    // the main content, in reading order
  std::vector<Block> comments;  // user comments, only when Options::include_comments is set
  std::vector<Quote> quotes;    // the direct quotations in `blocks`, in reading order (docs/quotes.md)

  std::string url;       // the URL the caller gave, if any
  std::string encoding;  // the source encoding lede decoded from (WHATWG name, e.g. "windows-1251")
  std::string encoding_source;  // where it came from: "bom", "http", "meta", "detected", "caller", "default"
  bool truncated = false;       // a limit (options.h: nodes, depth, time) cut the page: may be partial

  // Metadata (docs/metadata.md). Every field is empty when the page does not support it.
  std::string lead;                  // the standfirst / dek / summary
  std::vector<std::string> authors;  // names only: no "By", roles, e-mail or "Email the author"
  std::string published;             // ISO 8601: "2022-03-14", "2022-03-14T12:30", "2022-03-14T12:30:00+03:00"
  std::string modified;              // same form; the last update the page states
  std::string site_name;
  std::string language;              // BCP 47, e.g. "uk", "pt-BR", "zh-Hant"
  std::string canonical_url;
  Image image;
  std::vector<std::string> tags;     // keywords / topics the page declares
  std::string section;               // the page's section or category
  std::string page_type;             // "article", "forum", "product", "listing", "documentation", "other"
  std::vector<LinkRef> related;      // a "related" / "context" box kept apart from the body
  MetadataSources sources;
};

}  // namespace lede
