// assemble: the Article from the selected content — its title and its body as typed blocks (headings,
// paragraphs, lists, quotes, tables, code, figures), with inline links and emphasis. It trusts the
// selection and only drops chrome the block-level rules recognise; it never re-selects.
#pragma once

#include <string>

#include "lede/article.h"
#include "lede/options.h"
#include "parse/dom.h"
#include "score/select.h"

namespace lede::assemble {

// The page's headline: the visible <h1> when it agrees with the declared titles, else og:title or
// <title> without its site-name suffix.
std::string find_title(const parse::Dom& dom, const score::Selection& selection);

// Appends the body blocks of selection.root (and comments on request) to *article.
void build_blocks(const parse::Dom& dom, const score::Selection& selection, const Options& options,
                  Article* article);

}  // namespace lede::assemble
