// Inputs for the CLI: expands FILE / DIR / "-" arguments into a list of pages and reads each one.
// Knows nothing of extraction; errors are returned as messages, never thrown.
#pragma once

#include <string>
#include <vector>

namespace lede::cli {

struct Input {
  std::string path;  // "-" for standard input
  std::string name;  // output base name: the file name without its .html/.htm extension
};

// Expands directories (their *.html / *.htm / *.xhtml files, sorted; recursively) and keeps files and "-".
// Paths that do not exist are reported in *errors and left out.
std::vector<Input> expand_inputs(const std::vector<std::string>& args, std::vector<std::string>* errors);

// Reads the whole file (or stdin for "-"). Returns false with *error set on failure.
bool read_input(const Input& input, std::string* bytes, std::string* error);

// Writes `data` to `path` atomically (a temporary file renamed into place). False with *error on failure.
bool write_file_atomic(const std::string& path, const std::string& data, std::string* error);

}  // namespace lede::cli
