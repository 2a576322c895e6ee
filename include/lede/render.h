// Renderers: an Article to plain text, Markdown, HTML or JSON. Pure functions of the Article; they never
// extract, fetch or print. Thread contract: reentrant.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "lede/article.h"

namespace lede {

struct RenderOptions {
  bool links = false;   // Markdown: [text](url) for link spans; text: ignored
  bool images = false;  // Markdown: ![alt](src) for figures (the caption is always kept as text)
  bool front_matter = false;  // Markdown: the metadata as a YAML-style "---" block above the body
  bool title = false;         // Markdown: the title as a "#" heading above the body (below the front matter)
  bool header = false;        // text: the metadata as "Key: value" lines and a blank line above the body
  bool fragment = false;      // HTML: the <article> element alone, without the document around it
};

// One block a paragraph, a blank line between blocks; list items one a line with "- " / "1. ";
// table rows one a line with cells separated by " | ". No title and no figures: the body's prose only.
std::string to_text(const Article& article);
// The same, with the metadata header above the body when options.header is set.
std::string to_text(const Article& article, const RenderOptions& options);

// CommonMark + GFM tables; headings as '#', quotes as '>', code as fenced blocks.
std::string to_markdown(const Article& article, const RenderOptions& options = {});

// Clean HTML for a reader view: a whole document (<head> with the title, authors, description, dates and
// canonical link as <meta>; lang and dir from the language) around one <article>, or the <article> alone
// with options.fragment. The article opens with a <header> (headline, lead, authors, date; the main image
// with options.images); then the body as <p>, <h2>-<h6>, <ul>/<ol>, <blockquote>, <table>, <pre><code>,
// <figure>; the related box as <aside class="related">. Safe to insert into a page: all text is escaped,
// links (options.links) and images (options.images) are kept only for http(s) addresses, and no markup or
// attribute of the source page is carried over.
std::string to_html(const Article& article, const RenderOptions& options = {});

// The formats `lede extract --format` and `lede serve …?format=` write.
enum class Format : std::uint8_t { text, markdown, html, json };
// The format called `name` ("text", "markdown", "html", "json"); false for any other name.
bool format_named(std::string_view name, Format* format);
// A page as that format writes it: to_text, to_markdown with the title as a "#" heading (options.title
// set), to_html, or to_json as one line ending in '\n'. The CLI, the server and the Python package all
// render through this one call.
std::string render(const Article& article, Format format, RenderOptions options);

// The versioned JSON document described in docs/json-schema.md; always has "title" and "text".
std::string to_json(const Article& article);

// Appends `text` to *out as a JSON string, quoted and escaped exactly as to_json writes strings (bad UTF-8
// as U+FFFD): for shells that wrap lede's JSON in their own (a WARC record's keys, an error, a report).
void append_json_string(std::string* out, std::string_view text);

// The JSON schema version written in every document's "schema" key.
inline constexpr const char* kJsonSchemaVersion = "lede/1";

}  // namespace lede
