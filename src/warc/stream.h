// The WARC file as a stream of uncompressed bytes: plain, gzip (member after member, as WARC writers emit
// one member a record) or zstd (frame after frame). Reads in fixed chunks; never holds the file.
// Knows nothing of WARC records: reader.cc parses them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <utility>

namespace lede::warc {

class ByteStream {
 public:
  virtual ~ByteStream() = default;
  // Up to `size` uncompressed bytes into `out`; 0 at the end of the stream or on an error. A corrupt
  // compressed stretch sets error() and, for gzip, the stream resumes at the next member it can find.
  virtual std::size_t read(char* out, std::size_t size) = 0;
  // The last error since take_error() was called, if any.
  std::string take_error() { return std::exchange(error_, std::string()); }
  std::uint64_t compressed_read() const { return compressed_read_; }
  void add_compressed(std::uint64_t n) { compressed_read_ += n; }

 protected:
  std::string error_;
  std::uint64_t compressed_read_ = 0;
};

// Opens `path` and picks the decoder from the first bytes. Null with *error set when the file cannot be read.
std::unique_ptr<ByteStream> open_stream(const std::string& path, std::uint64_t* file_size, std::string* error);

}  // namespace lede::warc
