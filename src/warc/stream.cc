// Plain, gzip and zstd byte streams over a FILE*. Each keeps one input chunk and one decoder state: memory
// is a few hundred kilobytes whatever the file's size.
#include "warc/stream.h"

#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>
#include <vector>

namespace lede::warc {
namespace {

constexpr std::size_t kChunk = 1u << 16;

struct FileCloser {
  void operator()(std::FILE* f) const {
    if (f) std::fclose(f);
  }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

// Compressed input: a chunk of the file and the position in it.
class Input {
 public:
  explicit Input(File file) : file_(std::move(file)), buffer_(kChunk) {}
  // Refills when empty; false at the end of the file.
  bool fill(std::uint64_t* counter) {
    if (pos_ < end_) return true;
    end_ = std::fread(buffer_.data(), 1, buffer_.size(), file_.get());
    pos_ = 0;
    *counter += end_;
    return end_ > 0;
  }
  const unsigned char* data() const { return buffer_.data() + pos_; }
  std::size_t available() const { return end_ - pos_; }
  void consume(std::size_t n) { pos_ += n; }
  bool failed() const { return std::ferror(file_.get()) != 0; }
  std::FILE* file() const { return file_.get(); }

 private:
  File file_;
  std::vector<unsigned char> buffer_;
  std::size_t pos_ = 0, end_ = 0;
};

class PlainStream : public ByteStream {
 public:
  explicit PlainStream(Input input) : input_(std::move(input)) {}
  std::size_t read(char* out, std::size_t size) override {
    if (!input_.fill(&compressed_read_)) {
      if (input_.failed()) error_ = "io: read failed";
      return 0;
    }
    std::size_t n = std::min(size, input_.available());
    std::memcpy(out, input_.data(), n);
    input_.consume(n);
    return n;
  }

 private:
  Input input_;
};

// Gzip members one after another. A corrupt member is reported and skipped: the stream looks for the next
// gzip header (1f 8b 08) in the compressed bytes and goes on from there.
class GzipStream : public ByteStream {
 public:
  explicit GzipStream(Input input) : input_(std::move(input)) {
    std::memset(&z_, 0, sizeof z_);
    inflateInit2(&z_, 15 + 16);
  }
  ~GzipStream() override { inflateEnd(&z_); }

  std::size_t read(char* out, std::size_t size) override {
    z_.next_out = reinterpret_cast<Bytef*>(out);
    z_.avail_out = static_cast<uInt>(size);
    while (z_.avail_out == size) {
      if (!input_.fill(&compressed_read_)) {
        if (input_.failed()) error_ = "io: read failed";
        else if (in_member_) error_ = "truncated: the gzip stream ends inside a member";
        in_member_ = false;
        break;
      }
      if (resync_) {
        if (!find_member()) continue;
        resync_ = false;
      }
      z_.next_in = const_cast<Bytef*>(input_.data());
      z_.avail_in = static_cast<uInt>(input_.available());
      int rc = inflate(&z_, Z_NO_FLUSH);
      input_.consume(input_.available() - z_.avail_in);
      in_member_ = true;
      if (rc == Z_STREAM_END) {
        in_member_ = false;
        inflateReset(&z_);
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        error_ = std::string("corrupt: gzip: ") + (z_.msg ? z_.msg : "bad data");
        in_member_ = false;
        inflateReset(&z_);
        resync_ = true;
        // Whatever this member inflated before the damage is dropped by the reader's resync.
        break;
      }
    }
    return size - z_.avail_out;
  }

 private:
  // Drops compressed bytes up to the next gzip header; false when this chunk holds none.
  bool find_member() {
    const unsigned char* p = input_.data();
    std::size_t n = input_.available();
    for (std::size_t i = 1; i + 2 < n; ++i) {  // skip the first byte: it began the broken member
      if (p[i] == 0x1f && p[i + 1] == 0x8b && p[i + 2] == 0x08) {
        input_.consume(i);
        return true;
      }
    }
    input_.consume(n > 2 ? n - 2 : n);  // a header may straddle chunks: keep nothing, accept the rare miss
    return false;
  }

  Input input_;
  z_stream z_;
  bool in_member_ = false;
  bool resync_ = false;
};

class ZstdStream : public ByteStream {
 public:
  explicit ZstdStream(Input input) : input_(std::move(input)), z_(ZSTD_createDStream()) { ZSTD_initDStream(z_); }
  ~ZstdStream() override { ZSTD_freeDStream(z_); }

  std::size_t read(char* out, std::size_t size) override {
    ZSTD_outBuffer output{out, size, 0};
    while (output.pos == 0 && !failed_) {
      if (!input_.fill(&compressed_read_)) {
        if (input_.failed()) error_ = "io: read failed";
        else if (in_frame_) error_ = "truncated: the zstd stream ends inside a frame";
        in_frame_ = false;
        break;
      }
      ZSTD_inBuffer in{input_.data(), input_.available(), 0};
      std::size_t rc = ZSTD_decompressStream(z_, &output, &in);
      input_.consume(in.pos);
      if (ZSTD_isError(rc)) {
        error_ = std::string("corrupt: zstd: ") + ZSTD_getErrorName(rc);
        failed_ = true;  // zstd frames carry no sync marker to resume at: the rest of the file is lost
        break;
      }
      in_frame_ = rc != 0;
    }
    return output.pos;
  }

 private:
  Input input_;
  ZSTD_DStream* z_;
  bool in_frame_ = false;
  bool failed_ = false;
};

}  // namespace

std::unique_ptr<ByteStream> open_stream(const std::string& path, std::uint64_t* file_size, std::string* error) {
  File file(path == "-" ? stdin : std::fopen(path.c_str(), "rb"));
  if (!file) {
    *error = "io: " + path + ": " + std::strerror(errno);
    return nullptr;
  }
  *file_size = 0;
  if (path != "-" && std::fseek(file.get(), 0, SEEK_END) == 0) {
    long size = std::ftell(file.get());
    if (size > 0) *file_size = static_cast<std::uint64_t>(size);
    std::fseek(file.get(), 0, SEEK_SET);
  }
  // The first chunk tells the compression by its magic bytes; the decoder starts from that chunk.
  Input input(std::move(file));
  std::uint64_t counted = 0;
  input.fill(&counted);
  const unsigned char* p = input.data();
  std::size_t n = input.available();
  std::unique_ptr<ByteStream> stream;
  if (n >= 2 && p[0] == 0x1f && p[1] == 0x8b) {
    stream = std::make_unique<GzipStream>(std::move(input));
  } else if (n >= 4 && p[0] == 0x28 && p[1] == 0xb5 && p[2] == 0x2f && p[3] == 0xfd) {
    stream = std::make_unique<ZstdStream>(std::move(input));
  } else {
    stream = std::make_unique<PlainStream>(std::move(input));
  }
  stream->add_compressed(counted);
  return stream;
}

}  // namespace lede::warc
