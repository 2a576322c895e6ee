// Inputs for the CLI: expands FILE / DIR / "-" / URL arguments into a list of pages and reads the files.
// Knows nothing of extraction or of fetching; errors are returned as messages, never thrown.
#pragma once

#include <string>
#include <vector>

namespace lede::cli {

struct Input {
  std::string path;  // a file, "-" for standard input, or an http(s) URL
  std::string name;  // output base name, unique in the run: the file name without its .html/.htm extension,
                     // or the URL's host and path ("example.com_news_story"); a repeated one gets "-2", "-3"
  bool is_url = false;
};

// True for an argument that is an http:// or https:// URL (the scheme in any case).
bool is_url_argument(const std::string& arg);

// Expands directories (their *.html / *.htm / *.xhtml files, sorted; recursively) and keeps files, URLs
// and "-". Paths that do not exist are reported in *errors and left out.
std::vector<Input> expand_inputs(const std::vector<std::string>& args, std::vector<std::string>* errors);

// Appends the inputs listed in `path` (or standard input for "-"), one a line, without blank lines, lines
// that start with '#', and the white space around each. False with *error set when it cannot be read.
bool read_input_list(const std::string& path, std::vector<std::string>* inputs, std::string* error);

// Reads the whole file (or stdin for "-"); not for URLs. Returns false with *error set on failure.
bool read_input(const Input& input, std::string* bytes, std::string* error);

// Writes `data` to `path` atomically (a temporary file renamed into place). False with *error on failure.
bool write_file_atomic(const std::string& path, const std::string& data, std::string* error);

}  // namespace lede::cli
