// WarcReader: WARC records from the uncompressed byte stream, one at a time. A record's block is read
// into memory only when it is a response under the size cap; everything else is skipped as it streams by.
// After a corrupt stretch the reader resynchronises on the next "WARC/1." line.
#include "lede/warc.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <vector>

#include "warc/http.h"
#include "warc/stream.h"

namespace lede {
namespace {

constexpr std::size_t kMaxLine = 1u << 16;     // a WARC header line longer than this is corrupt
constexpr std::size_t kMaxHeaderBlock = 1u << 20;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

bool is_version_line(std::string_view line) { return line.substr(0, 7) == "WARC/1."; }

}  // namespace

struct WarcReader::State {
  std::unique_ptr<warc::ByteStream> stream;
  WarcOptions options;
  std::uint64_t file_size = 0;
  std::vector<char> buffer = std::vector<char>(1u << 16);
  std::size_t pos = 0, end = 0;
  std::uint64_t offset = 0;  // uncompressed bytes consumed
  bool eof = false;
  std::string stream_error;     // a decoder error not yet reported
  bool have_version = false;    // a resync already consumed the next record's version line
  std::uint64_t version_offset = 0;
  std::string line;
  std::string open_error;

  // Refills the buffer. While a decoder error waits to be reported it gives nothing, so a record cut by
  // the damage is never stitched to the bytes after it.
  bool fill() {
    if (pos < end) return true;
    if (eof || !stream || !stream_error.empty()) return false;
    end = stream->read(buffer.data(), buffer.size());
    pos = 0;
    std::string error = stream->take_error();
    if (!error.empty()) stream_error = std::move(error);
    else if (end == 0) eof = true;
    return end > 0;
  }

  // One line without its end; long lines are cut at kMaxLine (the rest is dropped). False at the end.
  bool read_line(std::string* out) {
    out->clear();
    bool any = false;
    while (fill()) {
      any = true;
      const char* begin = buffer.data() + pos;
      const char* newline = static_cast<const char*>(std::memchr(begin, '\n', end - pos));
      std::size_t n = newline ? static_cast<std::size_t>(newline - begin) : end - pos;
      if (out->size() < kMaxLine) out->append(begin, std::min(n, kMaxLine - out->size()));
      pos += n + (newline ? 1 : 0);
      offset += n + (newline ? 1 : 0);
      if (newline) break;
    }
    if (!out->empty() && out->back() == '\r') out->pop_back();
    return any;
  }

  // Appends up to n bytes to *out; returns how many came.
  std::size_t read_exact(std::size_t n, std::string* out) {
    std::size_t got = 0;
    while (got < n && fill()) {
      std::size_t take = std::min(n - got, end - pos);
      out->append(buffer.data() + pos, take);
      pos += take;
      offset += take;
      got += take;
    }
    return got;
  }

  std::uint64_t skip(std::uint64_t n) {
    std::uint64_t done = 0;
    while (done < n && fill()) {
      std::size_t take = static_cast<std::size_t>(std::min<std::uint64_t>(n - done, end - pos));
      pos += take;
      offset += take;
      done += take;
    }
    return done;
  }

  // Drops lines up to the next version line; true when one was found (it is then consumed).
  bool resync() {
    while (true) {
      std::uint64_t at = offset;
      if (!read_line(&line)) return false;
      if (is_version_line(line)) {
        have_version = true;
        version_offset = at;
        return true;
      }
    }
  }

  WarcNext corrupt(std::string reason) {
    std::string error = stream_error.empty() ? std::move(reason) : std::exchange(stream_error, std::string());
    resync();
    return {WarcEvent::error, std::move(error)};
  }

  WarcNext next(WarcRecord* record) {
    if (!open_error.empty()) return {WarcEvent::error, std::exchange(open_error, std::string())};
    if (!stream) return {WarcEvent::end, {}};
    std::uint64_t start = version_offset;
    if (!have_version) {
      // Records are separated by two CRLFs; tolerate any number of blank lines.
      do {
        start = offset;
        if (!read_line(&line)) {
          if (!stream_error.empty()) return {WarcEvent::error, std::exchange(stream_error, std::string())};
          return {WarcEvent::end, {}};
        }
      } while (trim(line).empty());
      if (!is_version_line(line)) {
        return corrupt("corrupt: no WARC version line at offset " + std::to_string(start));
      }
    }
    have_version = false;

    std::string warc_type, target_uri, date, record_id, block_type;
    std::uint64_t length = 0;
    bool has_length = false;
    std::size_t header_bytes = 0;
    while (true) {
      if (!read_line(&line)) {
        return {WarcEvent::error, "truncated: the file ends inside the WARC headers at offset " + std::to_string(start)};
      }
      header_bytes += line.size();
      if (line.empty()) break;
      if (header_bytes > kMaxHeaderBlock) return corrupt("corrupt: WARC headers too long at offset " + std::to_string(start));
      std::size_t colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::string_view name = trim(std::string_view(line).substr(0, colon));
      std::string_view value = trim(std::string_view(line).substr(colon + 1));
      if (warc::iequals(name, "WARC-Type")) warc_type = value;
      else if (warc::iequals(name, "WARC-Target-URI")) target_uri = value;
      else if (warc::iequals(name, "WARC-Date")) date = value;
      else if (warc::iequals(name, "WARC-Record-ID")) record_id = value;
      else if (warc::iequals(name, "Content-Type")) block_type = value;
      else if (warc::iequals(name, "Content-Length")) {
        has_length = !value.empty() && value.size() < 20 &&
                     std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
        length = has_length ? std::stoull(std::string(value)) : 0;
      }
    }
    // WARC 1.0 allowed "<uri>" in angle brackets for the target.
    if (target_uri.size() >= 2 && target_uri.front() == '<' && target_uri.back() == '>') {
      target_uri = target_uri.substr(1, target_uri.size() - 2);
    }
    if (!has_length) return corrupt("corrupt: no valid Content-Length in the record at offset " + std::to_string(start));

    auto skip_block = [&](const char* reason) -> WarcNext {
      if (skip(length) < length) {
        return {WarcEvent::error, "truncated: the record at offset " + std::to_string(start) + " ends early"};
      }
      if (!stream_error.empty()) return corrupt({});
      return {WarcEvent::skipped, reason};
    };
    if (!warc::iequals(warc_type, "response")) return skip_block("not_response");
    if (length > options.max_record_bytes) return skip_block("too_large");

    std::string& block = record->payload;
    block.clear();
    if (read_exact(static_cast<std::size_t>(length), &block) < length) {
      if (!stream_error.empty()) return corrupt({});
      return {WarcEvent::error, "truncated: the record at offset " + std::to_string(start) + " (" + record_id +
                                    ") ends early"};
    }
    if (!stream_error.empty()) return corrupt({});

    warc::HttpHead head;
    if (!warc::parse_http_head(block, &head)) return {WarcEvent::skipped, "not_http"};
    if (head.status < 200 || head.status > 299) return {WarcEvent::skipped, "http_status"};
    // Decide by the declared type before paying for decoding; sniff only when there is none.
    if (!head.content_type.empty() && !warc::is_html(head.content_type, {})) return {WarcEvent::skipped, "not_html"};
    block.erase(0, head.body_offset);
    std::string error = warc::decode_payload(head, &block, options.max_payload_bytes);
    if (!error.empty()) {
      block.clear();
      return {WarcEvent::error, error + " (" + record_id + ")"};
    }
    if (head.content_type.empty() && !warc::is_html({}, block)) return {WarcEvent::skipped, "not_html"};
    record->target_uri = std::move(target_uri);
    record->date = std::move(date);
    record->record_id = std::move(record_id);
    record->content_type = std::move(head.content_type);
    record->http_status = head.status;
    record->offset = start;
    return {WarcEvent::page, {}};
  }
};

WarcReader::WarcReader() : state_(std::make_unique<State>()) {}
WarcReader::~WarcReader() = default;

Status WarcReader::open(const std::string& path, const WarcOptions& options) {
  state_ = std::make_unique<State>();
  state_->options = options;
  std::string error;
  state_->stream = warc::open_stream(path, &state_->file_size, &error);
  if (!state_->stream) return Status(StatusCode::io_error, error);
  return Status::Ok();
}

WarcNext WarcReader::next(WarcRecord* record) { return state_->next(record); }

std::uint64_t WarcReader::bytes_read() const { return state_->stream ? state_->stream->compressed_read() : 0; }
std::uint64_t WarcReader::file_size() const { return state_->file_size; }

}  // namespace lede
