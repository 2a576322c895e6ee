// Heuristic knowledge as data: the class/id words and phrases that mark page chrome or content, in one
// place, named and documented (docs/extraction.md). Lookups only; no tree walking, no scoring here.
#pragma once

#include <cstddef>
#include <string_view>

namespace lede::clean {

// How a class or id attribute's words speak about an element.
enum class Hint : unsigned char {
  none = 0,
  chrome = 1,     // navigation, ads, share bars, banners, prompts: dropped even beside content words
  weak_chrome = 32,  // headers, footers, bylines, tags, widgets: dropped unless content words stand beside
  comments = 2,   // user comments: kept apart
  related = 4,    // related / read-also / most-read rails and inserts
  content = 8,    // the article body ("article-body", "entry-content", "post-content", ...)
  hidden = 16,    // visually hidden or screen-reader-only text
  body = 64,      // the story's own body: "article-body", "entry-content", "post_text", "storyBody"
  caption = 128,  // a caption or a photo credit outside <figcaption> ("wp-caption-text", "photo-credit")
};
inline Hint operator|(Hint a, Hint b) { return static_cast<Hint>(static_cast<int>(a) | static_cast<int>(b)); }
inline bool has(Hint set, Hint h) { return (static_cast<int>(set) & static_cast<int>(h)) != 0; }

// A <title> or <h1> holding more text than this is an unclosed element that swallowed the page, not a
// headline (measured in its own text's bytes for a <title>, whose text no stage counts, and in visible
// characters for an <h1>). Read by the title choice of both the assemble and the metadata stage.
inline constexpr std::size_t kMaxHeadlineBytes = 2000;

// Classifies the words of a class or id value (split at non-alphanumerics and camelCase humps).
Hint classify_names(std::string_view class_or_id);

// Short texts that are chrome wherever they stand ("Share", "Read more", "Advertisement", "menu open",
// "Поделиться", ...), compared after case folding of ASCII and trimming.
bool is_chrome_phrase(std::string_view text);

// A line of boilerplate rather than prose, the line folded once for every rule: a chrome label, a
// prompt (subscribe, log in, rate this, affiliate and paywall notes), a "Read also:" lead-in, a byline or
// dateline, a reading time, relative time or view count, a breadcrumb trail, a copyright line; and, at
// any length up to 1,200 bytes, a placeholder asking consent to show an embed.
bool is_boilerplate_line(std::string_view text);

// A photo credit standing as a line of its own: "Image credit: © Depositphotos", "Фото: bzns.media",
// "Studio X//Getty Images".
bool looks_like_credit(std::string_view text);

// Where a photo credit opens inside a caption, in any case: the byte offset of the first lead-in at a word's
// start ("… in Tirana. Foto: Reuters", "(Photo: Jane Doe)", "… Getty Images"), or npos.
std::size_t credit_lead_in_at(std::string_view caption);

// A heading that opens the author's box at a story's end: "About the author", "この記事を書いた人", "Об авторе".
bool introduces_author_box(std::string_view text);

// A heading that opens the page's comments: "59 Comments on “…”", "Leave a Reply", "Комментарии (12)".
bool announces_comments(std::string_view text);

}  // namespace lede::clean
