// `lede bench`: speed and memory of the whole library call over folders of pages, the way the README
// reports them. Times only decode -> parse -> extract -> render-to-JSON; never times file I/O, never scores.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "lede/options.h"

namespace lede::cli {

struct BenchArgs {
  std::vector<std::string> dirs;  // each a set: a folder of <id>.html (the ../shared/bench layout)
  std::string output_dir;         // empty: keep no predictions; else OUTPUT/<set>/<id>.json
  std::string json_path;          // empty: none; else the results as one JSON document
  unsigned repeat = 1;            // timed passes over each set (the pages stay loaded between passes)
  unsigned threads = 1;           // one Extractor each; 0: all cores. The README's figures are per core.
  bool no_metadata = false;       // skip the metadata stage (to measure what it costs)
  // Options::max_milliseconds for each page; 0: none. Under a profiler (callgrind runs ~50× slower) the
  // default budget cuts large pages short, and instruction counts then depend on the machine's speed.
  std::size_t max_milliseconds = lede::Options{}.max_milliseconds;
};

// Returns the process exit code: 0 when every page was extracted, 1 when any failed or a write failed,
// 2 on usage errors (no pages).
int run_bench(const BenchArgs& args);

}  // namespace lede::cli
