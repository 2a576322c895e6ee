// The Article's metadata as a block above the body: YAML-style front matter for Markdown, a "Key: value"
// header for text. Internal to src/output; written only on request (RenderOptions) and never part of the
// body, so to_json()'s "text" is unchanged.
#pragma once

#include <string>

#include "lede/article.h"

namespace lede::output {

// "---\ntitle: \"...\"\nauthors: [\"...\"]\n...\n---\n\n": the fields that are not empty, strings double-quoted.
void append_front_matter(std::string& out, const Article& article);

// "Title: ...\nAuthors: ...\n...\n\n": one line a non-empty field, white space folded.
void append_text_header(std::string& out, const Article& article);

}  // namespace lede::output
