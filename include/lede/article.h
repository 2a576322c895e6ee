// The Article: what lede returns for one page — the story's metadata and its body as typed blocks.
// Plain data, no behaviour: the extractor fills it, the renderers (render.h) read it.
// Thread contract: a value type; share it read-only or copy it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lede {

// Inline markup inside a block's text, as byte ranges [begin, end) of Block::text.
enum class SpanKind : std::uint8_t { link, emphasis, strong, code };

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

struct Article {
  std::string title;
  std::vector<Block> blocks;    // the main content, in reading order
  std::vector<Block> comments;  // user comments, only when Options::include_comments is set

  std::string url;       // the URL the caller gave, if any
  std::string encoding;  // the source encoding lede decoded from (WHATWG name, e.g. "windows-1251")
  std::string encoding_source;  // where it came from: "bom", "http", "meta", "detected", "caller", "default"
  bool truncated = false;       // a limit cut the input or the DOM; the result may be partial
};

}  // namespace lede
