// `lede extract crawl.warc.gz --output pages.jsonl[.gz|.zst]`: the WARC path of the extract command.
// A reader thread, N extraction workers and the calling thread as the ordered writer, with a bounded window
// of records in flight, so memory stays flat however large the archive. Only wires and reports.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract_command.h"

namespace lede::cli {

// True for names ending in .warc, .warc.gz or .warc.zst.
bool is_warc_path(std::string_view path);

// Every input is a WARC; args.output_dir names the JSON Lines file (empty or "-": standard output).
// Returns 0 when every record was read and every page extracted, 1 when any was not, 2 on usage errors.
int run_warc_extract(const ExtractArgs& args);

// For `lede bench`: the HTML pages of a WARC, each with an id ("<record index>") and its bytes, read into
// memory (the bench times extraction only). False with *error when the file cannot be read.
struct WarcPage {
  std::string id;
  std::string bytes;
  std::string content_type;
};
bool load_warc_pages(const std::string& path, std::vector<WarcPage>* pages, std::string* error);

}  // namespace lede::cli
