// Heuristic knowledge as data: the class/id words and phrases that mark page chrome or content, in one
// place, named and documented (docs/extraction.md). Lookups only; no tree walking, no scoring here.
#pragma once

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

// Classifies the words of a class or id value (split at non-alphanumerics and camelCase humps).
Hint classify_names(std::string_view class_or_id);

// Short texts that are chrome wherever they stand ("Share", "Read more", "Advertisement", "menu open",
// "Поделиться", ...), compared after case folding of ASCII and trimming.
bool is_chrome_phrase(std::string_view text);

// A short paragraph that asks the reader to do something: subscribe, sign up, log in, enable JavaScript,
// accept a privacy notice ("Sign up for our free weekly newsletter", "Подпишитесь на нашу рассылку").
bool is_prompt(std::string_view text);

// Lead-ins of boilerplate lines ("Read also:", "Читайте также", "Related:", "Subscribe to", ...).
bool starts_with_chrome_prefix(std::string_view text);

// Any of the short-line rules below and above (a chrome label, a dateline, a prompt, a reading time, a
// byline, a breadcrumb, a copyright line, a "Read also:" lead-in), the line folded once for all of them.
bool is_boilerplate_line(std::string_view text);

// A short line of page metadata rather than prose: a reading time ("5 min read", "Lesezeit: 4 Min."), a
// relative time ("6 hours ago", "3 дня назад") or a view count ("1,693 views").
bool looks_like_meta_line(std::string_view text);

// A copyright line: "Copyright © 2025 Example Media", "© 2023 NPR. All rights reserved.", "Все права защищены".
bool looks_like_copyright(std::string_view text);

// A breadcrumb trail standing as a line of its own: "Home > News > Story", "Главная › Новости › Статья".
bool looks_like_breadcrumb(std::string_view text);

// A byline standing as a line of its own: "By Jane Doe", "Written by Jane Doe", "Автор: Иван Петров".
bool looks_like_byline(std::string_view text);

// A photo credit standing as a line of its own: "Image credit: © Depositphotos", "Фото: bzns.media",
// "Studio X//Getty Images".
bool looks_like_credit(std::string_view text);

// A short line that reads as a byline or dateline rather than prose: a date or a clock time
// ("12 ноября 2024, 14:35", "May 16, 2024", "14.03.2022", "11:00 AM PDT") among at most sixteen words,
// with no sentence end.
bool looks_like_dateline(std::string_view text);

}  // namespace lede::clean
