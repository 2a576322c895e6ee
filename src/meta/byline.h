// In-page evidence near the headline (bylines, <time>, datelines, the standfirst) for the metadata stage.
#pragma once

#include "meta/collect.h"
#include "meta/dates.h"

namespace lede::meta {

// Reads a window of the page around `headline` (or the selected content when there is no headline) into
// *out; without a byline there, the page's rel=author links (index.author_links) outside comments and rails.
// `read_bylines` false leaves the authors unread (the declarations already name people). `reference` resolves relative datelines ("вчера"); null leaves them unread.
void collect_in_page(const parse::Dom& dom, const score::Selection& selection, const PageIndex& index,
                     parse::NodeId headline, const DateTime* reference, NumericOrder order, bool read_bylines,
                     InPage* out);

}  // namespace lede::meta
