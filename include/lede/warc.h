// WarcReader: the HTML pages of a WARC archive (WARC/1.0 and 1.1), one record at a time, from a .warc,
// .warc.gz (gzip member by member) or .warc.zst file, streamed: the file is never held in memory, only
// one record is, and a record over WarcOptions::max_record_bytes is skipped without being read into memory.
// It reads and decodes; it never extracts, prints or throws. Bad records are reported and the read goes on.
// Thread contract: one reader per thread (or behind a lock); the records it hands out are plain values.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "lede/status.h"

namespace lede {

struct WarcOptions {
  // A record whose WARC block is larger is skipped ("too_large") without being held in memory.
  std::size_t max_record_bytes = 64u << 20;
  // A payload that inflates (chunked, gzip, deflate, br) beyond this is refused: a decompression bomb.
  std::size_t max_payload_bytes = 64u << 20;
};

// One HTML page from a `response` record: the HTTP payload with transfer and content encodings undone.
struct WarcRecord {
  std::string target_uri;    // WARC-Target-URI
  std::string date;          // WARC-Date
  std::string record_id;     // WARC-Record-ID, e.g. "<urn:uuid:...>"
  std::string content_type;  // the HTTP Content-Type header value (charset included), may be empty
  int http_status = 0;
  std::uint64_t offset = 0;  // where the record starts in the uncompressed WARC stream
  std::string payload;       // the page's bytes, ready for lede::extract
};

// What WarcReader::next() found.
enum class WarcEvent {
  page,     // *record holds an HTML page
  skipped,  // a record that is not an HTML page; `reason` says why (a stable word, see below)
  error,    // a truncated or corrupt record, or an unreadable file; `reason` says what. The read goes on.
  end,      // no more records
};

// Skip reasons: "not_response" (warcinfo, request, metadata, revisit, ...), "not_http" (a response that is
// not an HTTP message), "http_status" (not 2xx), "not_html", "too_large" (over max_record_bytes).
// Error reasons start with a stable word too: "truncated", "corrupt", "bomb", "encoding", "io".
struct WarcNext {
  WarcEvent event = WarcEvent::end;
  std::string reason;
};

class WarcReader {
 public:
  WarcReader();
  ~WarcReader();
  WarcReader(const WarcReader&) = delete;
  WarcReader& operator=(const WarcReader&) = delete;

  // Opens a file; the compression is told by its first bytes (gzip, zstd or none), not by its name.
  Status open(const std::string& path, const WarcOptions& options = {});

  // The next record. *record holds a page only for WarcEvent::page; its buffers are reused between calls.
  WarcNext next(WarcRecord* record);

  // Compressed bytes read from the file so far (for progress).
  std::uint64_t bytes_read() const;
  // The file's size in bytes, 0 when unknown (a pipe).
  std::uint64_t file_size() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace lede
