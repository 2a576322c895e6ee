// extract(): the one library call — a page's raw bytes in, its Article out.
// The pipeline runs one way: bytes -> decode -> parse -> clean -> score -> assemble.
// Thread contract: extract() is reentrant; call it from as many threads as you like. An Extractor holds
// reusable per-thread buffers: keep one per thread and reuse it, never share one between threads.
#pragma once

#include <memory>
#include <string_view>

#include "lede/article.h"
#include "lede/options.h"
#include "lede/status.h"

namespace lede {

class Extractor {
 public:
  Extractor();
  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // Fills *article (cleared first). Never throws; a page that cannot be read gives a non-ok Status.
  Status extract(std::string_view bytes, const Options& options, Article* article);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Convenience: a fresh Extractor for one call.
Status extract(std::string_view bytes, const Options& options, Article* article);

// The library's version, "MAJOR.MINOR.PATCH".
const char* version();

}  // namespace lede
