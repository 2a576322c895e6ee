// Plain, gzip and zstd batch sinks. The compressed ones compress in fixed-size steps as lines arrive.
#include "batch_output.h"

#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

namespace lede::cli {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

class FileOutput : public BatchOutput {
 public:
  FileOutput(std::FILE* file, bool owned) : file_(file), owned_(owned) {}
  ~FileOutput() override {
    if (file_) close();
  }
  bool write(std::string_view data) override {
    ok_ = ok_ && std::fwrite(data.data(), 1, data.size(), file_) == data.size();
    return ok_;
  }
  bool close() override {
    ok_ = std::fflush(file_) == 0 && ok_;
    if (owned_) ok_ = std::fclose(file_) == 0 && ok_;
    file_ = nullptr;
    return ok_;
  }

 protected:
  std::FILE* file_;
  bool owned_;
  bool ok_ = true;
};

class GzipOutput : public BatchOutput {
 public:
  explicit GzipOutput(gzFile file) : file_(file) {}
  ~GzipOutput() override {
    if (file_) close();
  }
  bool write(std::string_view data) override {
    ok_ = ok_ && (data.empty() || gzwrite(file_, data.data(), static_cast<unsigned>(data.size())) > 0);
    return ok_;
  }
  bool close() override {
    ok_ = gzclose(file_) == Z_OK && ok_;
    file_ = nullptr;
    return ok_;
  }

 private:
  gzFile file_;
  bool ok_ = true;
};

class ZstdOutput : public FileOutput {
 public:
  explicit ZstdOutput(std::FILE* file) : FileOutput(file, true), z_(ZSTD_createCCtx()), buffer_(ZSTD_CStreamOutSize()) {
    ZSTD_CCtx_setParameter(z_, ZSTD_c_compressionLevel, 3);
  }
  ~ZstdOutput() override {
    if (file_) close();
    ZSTD_freeCCtx(z_);
  }
  bool write(std::string_view data) override { return step(data, ZSTD_e_continue); }
  bool close() override {
    step({}, ZSTD_e_end);
    return FileOutput::close();
  }

 private:
  bool step(std::string_view data, ZSTD_EndDirective mode) {
    ZSTD_inBuffer in{data.data(), data.size(), 0};
    while (ok_) {
      ZSTD_outBuffer out{buffer_.data(), buffer_.size(), 0};
      std::size_t left = ZSTD_compressStream2(z_, &out, &in, mode);
      if (ZSTD_isError(left)) ok_ = false;
      else ok_ = std::fwrite(buffer_.data(), 1, out.pos, file_) == out.pos;
      bool done = mode == ZSTD_e_end ? left == 0 : in.pos == in.size;
      if (done) break;
    }
    return ok_;
  }

  ZSTD_CCtx* z_;
  std::vector<char> buffer_;
};

}  // namespace

std::unique_ptr<BatchOutput> open_batch_output(const std::string& path, std::string* error) {
  if (path.empty() || path == "-") return std::make_unique<FileOutput>(stdout, false);
  if (ends_with(path, ".gz")) {
    gzFile file = gzopen(path.c_str(), "wb6");
    if (!file) {
      *error = path + ": " + std::strerror(errno);
      return nullptr;
    }
    gzbuffer(file, 1u << 16);
    return std::make_unique<GzipOutput>(file);
  }
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (!file) {
    *error = path + ": " + std::strerror(errno);
    return nullptr;
  }
  if (ends_with(path, ".zst")) return std::make_unique<ZstdOutput>(file);
  return std::make_unique<FileOutput>(file, true);
}

}  // namespace lede::cli
