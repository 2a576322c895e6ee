// meta: the article's parts beyond its body — title, lead, authors, dates, site, language, canonical URL,
// image, tags, section, page type, related box — each with the source it came from (docs/metadata.md).
// It reads the Dom, the selection and the assembled body; it never changes the Dom, the selection or the
// body, and leaves a field empty rather than guess it.
#pragma once

#include <memory>

#include "lede/article.h"
#include "lede/options.h"
#include "parse/dom.h"
#include "score/select.h"

namespace lede::meta {

// Reusable per-thread state (the JSON parser, evidence buffers): one per Extractor, never shared.
class Workspace {
 public:
  Workspace();
  ~Workspace();
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  struct Impl;
  Impl& impl() { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

// Fills the metadata fields of *article (and its title, when the page supports a better one) from the page.
// Call after assemble: the language is read from the assembled text.
void extract_metadata(const parse::Dom& dom, const score::Selection& selection, const Options& options,
                      Workspace* workspace, Article* article);

}  // namespace lede::meta
