// Character references (WHATWG HTML, "character reference state" and what follows it): one `&...` at a
// time, named (the full HTML5 table, entities.inc) or numeric. Used by the tokenizer only; knows nothing
// of tags or of the tree.
#pragma once

#include <cstddef>
#include <string_view>

namespace lede::parse {

struct CharRef {
  std::size_t consumed = 0;  // bytes read after the '&'; 0: this '&' starts no reference (keep it as is)
  std::size_t length = 0;    // UTF-8 bytes in `text`
  char text[8] = {};         // at most two code points
};

// Reads the reference whose '&' is just before `after`. In an attribute value, a legacy name without ';'
// followed by a letter, digit or '=' is not a reference (the spec's rule for URLs like "?a=1&copy=2").
CharRef decode_char_ref(std::string_view after, bool in_attribute);

}  // namespace lede::parse
