// Options: everything a caller can tell lede about one page and how to treat it. One plain struct;
// the defaults are what a crawl wants. Thread contract: a value type, read-only during extract().
#pragma once

#include <cstddef>
#include <string>

namespace lede {

struct Options {
  // What the caller knows about the page.
  std::string url;           // the page's URL: resolves relative links and image sources
  std::string content_type;  // the HTTP Content-Type header value, e.g. "text/html; charset=koi8-r"
  std::string charset;       // force this encoding (a WHATWG label); overrides everything else
  // The day the page was fetched, "YYYY-MM-DD" (optionally with a time "THH:MM" and offset): relative
  // dates on the page ("yesterday", "вчера", "2 hours ago") are read against it. Empty: they are left
  // unresolved (no date rather than a guess).
  std::string reference_date;

  // What to return.
  bool include_comments = false;  // fill Article::comments with the page's user comments
  bool include_links = true;      // keep link spans in blocks (Markdown renders them on request)
  bool include_images = true;     // keep figures as blocks
  bool include_metadata = true;   // fill the Article's metadata fields (authors, dates, language, ...)

  // Limits: a page over a limit is cut there and the Article says `truncated`.
  std::size_t max_input_bytes = 64u << 20;  // larger inputs are refused with too_large
  std::size_t max_nodes = 2'000'000;        // elements kept in the DOM
  std::size_t max_depth = 512;              // deeper elements are flattened into their ancestor
  // Time for one page, from the call to the answer; 0: no limit. The parser stops when a quarter of it is
  // spent and the later stages work on the tree built so far; the metadata stage is skipped when half of
  // it is spent before it starts. Either way the Article says `truncated` (docs/robustness.md). A page
  // that trips it may give a different answer on a slower machine: set 0 where results must not depend on
  // the clock. Real pages take milliseconds; only hostile ones come near it.
  std::size_t max_milliseconds = 2000;
};

}  // namespace lede
