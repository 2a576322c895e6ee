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

// The body never repeats the headline: once the metadata stage has settled the title, a heading among the
// first blocks that is the title (the same words) is dropped. The blocks builder drops the h1 it can match
// against the declared titles; this catches the h1 that only the final choice recognises.
void drop_repeated_headline(Article* article);

// The author's bio box leaves the body: once the metadata stage has named the authors, a paragraph among the
// last blocks that opens with an author's full name and a copula or writer's verb ("Jane Doe is a freelance
// writer …", "Max Muster ist Redakteur …") is dropped, and a heading it leaves at the end with it.
void drop_author_bio(Article* article);

// The story's signature leaves the body: a paragraph among the first three or the last blocks that is the
// authors' names and nothing else ("Ярослав Кузишин, Антон Зелинский"), once the metadata stage has named them.
void drop_signature(Article* article);

// The direct quotations of the body into article->quotes: words between quotation marks (5 words or more)
// in paragraphs and quotes, and <blockquote>s, each with its speaker when the text names one next to a
// speech verb ("– написал Иванов", "said Tim Cook", "Smith said", "so Müller", "Kim told reporters:").
void find_quotes(Article* article);

// A comment section the page does not name ends the body at its heading: "59 Comments on “…”", "Leave a
// Reply", "Комментарии (12)" (after the first three blocks).
void cut_at_comment_heading(Article* article);

// A copy of the story leaves the body: a run of blocks that each repeat an earlier block, with three
// different texts or more and 200 bytes (responsive templates' per-screen copies, a table of contents
// holding the text, carousel clones, an article printed twice). One paragraph repeated stays.
void drop_repeated_runs(Article* article);

// Appends the body blocks of selection.root (and comments on request) to *article.
void build_blocks(const parse::Dom& dom, const score::Selection& selection, const Options& options,
                  Article* article);

}  // namespace lede::assemble
