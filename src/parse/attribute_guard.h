// The attribute guard: libxml2 (2.9) checks each new attribute of a start tag against all the tag's
// earlier ones, so one tag with a million attributes costs 10^12 comparisons inside a single parser call,
// where no callback comes back to lede and the time budget cannot stop it. This pass finds such tags
// before the parser sees the page and ends each after `max_attributes` attributes. It only reads the
// markup the way libxml2's tokenizer does (tags, quoted values, comments, script and style text); it
// judges nothing. See docs/robustness.md.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace lede::parse {

// When some start tag in `html` carries more than `max_attributes` attributes (well-formed or not), fills
// *guarded with a copy of `html` in which a NUL ends each such tag after at most its first
// `max_attributes` (libxml2 ends the page there: such a page is hostile), and returns true. Otherwise
// returns false and leaves *guarded alone. Linear in the size of `html`.
bool limit_attributes(std::string_view html, std::size_t max_attributes, std::string* guarded);

}  // namespace lede::parse
