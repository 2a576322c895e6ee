// A byte sink for batch output: a plain file, standard output, or a gzip / zstd stream chosen by the file
// name (.gz, .zst). Streams as it goes; never holds the output. Errors as values.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace lede::cli {

class BatchOutput {
 public:
  virtual ~BatchOutput() = default;
  virtual bool write(std::string_view data) = 0;
  // Flushes and closes; false when anything failed. Called once.
  virtual bool close() = 0;
};

// path "-" or empty: standard output. Null with *error when the file cannot be created.
std::unique_ptr<BatchOutput> open_batch_output(const std::string& path, std::string* error);

}  // namespace lede::cli
