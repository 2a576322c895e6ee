// A page built by its scripts: the server sent an empty shell and the article's HTML as a string in a
// script's data (a React/Next.js hydration payload, a "window.__DATA__ = {…}" store). Finds that string.
// Reads bytes only; the caller parses what it returns like a page.
#pragma once

#include <string>
#include <string_view>

namespace lede::assemble {

// The longest JSON string inside a <script> of `page` (UTF-8) that holds HTML paragraphs — at least
// three "<p" tags, written raw or escaped ("\u003cp") — decoded from JSON into *html; else the longest
// schema.org "articleBody" (plain text), its lines as paragraphs. False when the page has neither.
bool find_script_article(std::string_view page, std::string* html);

}  // namespace lede::assemble
