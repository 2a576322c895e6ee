// Fuzz target: the WARC reader (lede/warc.h) and the HTTP message inside a record (warc/http.h). The
// input's first byte picks the entry: a whole WARC file (written to memory-backed storage, read record by
// record to the end), or one HTTP message (head parsed, payload decoded under a small cap: chunked, gzip,
// deflate and br bombs). Properties: no crash, the reader ends, a decoded payload respects its cap.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "lede/warc.h"
#include "warc/http.h"

namespace {

// One file a process, rewritten for each input: /dev/shm keeps it in memory.
const std::string& scratch_path() {
  static const std::string path = "/dev/shm/lede-warc-fuzz-" + std::to_string(::getpid()) + ".warc";
  return path;
}

void read_warc(std::string_view bytes) {
  const std::string& path = scratch_path();
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (!file) return;
  std::fwrite(bytes.data(), 1, bytes.size(), file);
  std::fclose(file);
  lede::WarcOptions options;
  options.max_record_bytes = 1u << 20;
  options.max_payload_bytes = 1u << 20;
  lede::WarcReader reader;
  if (!reader.open(path, options).ok()) return;
  lede::WarcRecord record;
  // Every event consumes input, so the records are fewer than the bytes; more would mean a loop.
  for (std::size_t events = 0;; ++events) {
    lede::fuzz::require(events <= bytes.size() + 1, "the reader ends");
    lede::WarcNext next = reader.next(&record);
    if (next.event == lede::WarcEvent::end) break;
    if (next.event == lede::WarcEvent::page) {
      lede::fuzz::require(record.payload.size() <= options.max_payload_bytes, "a page respects the payload cap");
    }
  }
}

void read_http(std::string_view bytes) {
  lede::warc::HttpHead head;
  if (!lede::warc::parse_http_head(bytes, &head)) return;
  lede::fuzz::require(head.body_offset <= bytes.size(), "the body starts inside the message");
  std::string payload(bytes.substr(head.body_offset));
  constexpr std::size_t kCap = 1u << 20;
  std::string error = lede::warc::decode_payload(head, &payload, kCap);
  if (error.empty()) lede::fuzz::require(payload.size() <= kCap || payload.size() == bytes.size() - head.body_offset,
                                         "a decoded payload respects its cap");
  lede::warc::is_html(head.content_type, payload);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  if (size == 0) return 0;
  std::string_view input(reinterpret_cast<const char*>(bytes) + 1, size - 1);
  if (bytes[0] & 1) {
    read_http(input);
  } else {
    read_warc(input);
  }
  return 0;
}
