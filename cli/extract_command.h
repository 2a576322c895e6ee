// `lede extract`: pages in, articles out, on all cores. Parses nothing itself: main.cc hands it options.
#pragma once

#include <string>
#include <vector>

namespace lede::cli {

struct ExtractArgs {
  std::vector<std::string> inputs;
  std::string input_list;  // a file of inputs, one a line; "-" for standard input
  std::string format = "text";  // text | markdown | json
  std::string url;
  std::string charset;
  std::string content_type;
  std::string output_dir;  // empty: standard output
  unsigned threads = 0;    // 0: all cores
  bool links = false;
  bool images = false;
  bool comments = false;
  bool metadata_block = false;  // markdown: YAML front matter; text: a "Key: value" header
  bool no_metadata = false;     // skip the metadata stage
  std::string reference_date;   // "YYYY-MM-DD": reads "yesterday" / "вчера" on the pages
  // URL inputs (fetched behind the same SSRF guard as `lede serve`'s fetch=URL).
  bool allow_private = false;    // let fetches reach loopback, private and link-local addresses
  long fetch_timeout_ms = 30'000;
  int max_redirects = 10;
};

// Returns the process exit code: 0 when every page was extracted, 1 when any failed, 2 on usage errors.
int run_extract(const ExtractArgs& args);

}  // namespace lede::cli
