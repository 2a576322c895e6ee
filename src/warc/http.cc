// HTTP head parsing and payload decoding for WARC responses. Every inflation is capped: a payload that
// grows past the cap is refused as a decompression bomb, whatever its compressed size.
#include "warc/http.h"

#include <brotli/decode.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <vector>

namespace lede::warc {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Chunked transfer coding: size lines in hex, optional extensions, a zero chunk, optional trailers.
// False when the payload is not chunked after all.
bool dechunk(std::string* payload) {
  std::string_view in(*payload);
  std::string out;
  std::size_t pos = 0;
  while (true) {
    std::size_t eol = in.find('\n', pos);
    if (eol == std::string_view::npos) return false;
    std::string_view line = trim(in.substr(pos, eol - pos));
    std::size_t semi = line.find(';');
    if (semi != std::string_view::npos) line = trim(line.substr(0, semi));
    if (line.empty() || line.size() > 16) return false;
    std::size_t size = 0;
    for (char c : line) {
      int digit = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                  : (c >= 'a' && c <= 'f')                    ? c - 'a' + 10
                  : (c >= 'A' && c <= 'F')                    ? c - 'A' + 10
                                                              : -1;
      if (digit < 0) return false;
      size = size * 16 + static_cast<std::size_t>(digit);
    }
    pos = eol + 1;
    if (size == 0) break;
    if (size > in.size() - pos) {  // a cut last chunk: keep what there is
      out.append(in.substr(pos));
      break;
    }
    out.append(in.substr(pos, size));
    pos += size;
    if (pos < in.size() && in[pos] == '\r') ++pos;
    if (pos < in.size() && in[pos] == '\n') ++pos;
  }
  payload->swap(out);
  return true;
}

// gzip (window_bits 15 + 16), zlib (15) or raw deflate (-15) through zlib, capped at max_bytes.
std::string inflate_capped(std::string* payload, int window_bits, std::size_t max_bytes) {
  z_stream z;
  std::memset(&z, 0, sizeof z);
  if (inflateInit2(&z, window_bits) != Z_OK) return "encoding: zlib init failed";
  std::string out;
  std::vector<char> chunk(1u << 16);
  z.next_in = reinterpret_cast<Bytef*>(payload->data());
  z.avail_in = static_cast<uInt>(payload->size());
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(chunk.data());
    z.avail_out = static_cast<uInt>(chunk.size());
    rc = inflate(&z, Z_NO_FLUSH);
    std::size_t produced = chunk.size() - z.avail_out;
    if (out.size() + produced > max_bytes) {
      inflateEnd(&z);
      return "bomb: the payload inflates past " + std::to_string(max_bytes) + " bytes";
    }
    out.append(chunk.data(), produced);
    if (rc == Z_STREAM_END && z.avail_in > 0 && window_bits > 15) {
      inflateReset(&z);  // concatenated gzip members
      rc = Z_OK;
    }
    if (rc == Z_BUF_ERROR && z.avail_in == 0) break;  // cut short: keep what inflated
  }
  inflateEnd(&z);
  if (rc != Z_STREAM_END && rc != Z_BUF_ERROR && rc != Z_OK) {
    return std::string("encoding: ") + (z.msg ? z.msg : "bad deflate data");
  }
  payload->swap(out);
  return {};
}

std::string brotli_capped(std::string* payload, std::size_t max_bytes) {
  BrotliDecoderState* state = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
  if (!state) return "encoding: brotli init failed";
  std::string out;
  std::vector<std::uint8_t> chunk(1u << 16);
  const std::uint8_t* next_in = reinterpret_cast<const std::uint8_t*>(payload->data());
  std::size_t avail_in = payload->size();
  BrotliDecoderResult rc;
  do {
    std::uint8_t* next_out = chunk.data();
    std::size_t avail_out = chunk.size();
    rc = BrotliDecoderDecompressStream(state, &avail_in, &next_in, &avail_out, &next_out, nullptr);
    std::size_t produced = chunk.size() - avail_out;
    if (out.size() + produced > max_bytes) {
      BrotliDecoderDestroyInstance(state);
      return "bomb: the payload inflates past " + std::to_string(max_bytes) + " bytes";
    }
    out.append(reinterpret_cast<const char*>(chunk.data()), produced);
  } while (rc == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT);
  BrotliDecoderDestroyInstance(state);
  if (rc == BROTLI_DECODER_RESULT_ERROR) return "encoding: bad brotli data";
  payload->swap(out);  // NEEDS_MORE_INPUT: a cut stream, keep what decoded
  return {};
}

}  // namespace

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

bool parse_http_head(std::string_view message, HttpHead* head) {
  *head = HttpHead();
  if (message.substr(0, 5) != "HTTP/") return false;
  std::size_t eol = message.find('\n');
  if (eol == std::string_view::npos) return false;
  std::string_view status_line = message.substr(0, eol);
  std::size_t space = status_line.find(' ');
  if (space == std::string_view::npos) return false;
  int status = 0;
  for (std::size_t i = space + 1; i < status_line.size() && i < space + 4; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(status_line[i]))) return false;
    status = status * 10 + (status_line[i] - '0');
  }
  head->status = status;
  std::size_t pos = eol + 1;
  while (true) {
    eol = message.find('\n', pos);
    if (eol == std::string_view::npos) return false;  // the head never ends
    std::string_view line = message.substr(pos, eol - pos);
    pos = eol + 1;
    if (trim(line).empty()) break;
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view name = trim(line.substr(0, colon));
    std::string_view value = trim(line.substr(colon + 1));
    if (iequals(name, "content-type")) head->content_type = std::string(value);
    else if (iequals(name, "transfer-encoding")) head->transfer_encoding = lower(value);
    else if (iequals(name, "content-encoding")) head->content_encoding = lower(value);
  }
  head->body_offset = pos;
  return true;
}

bool is_html(std::string_view content_type, std::string_view payload) {
  std::string type = lower(trim(content_type.substr(0, content_type.find(';'))));
  if (!type.empty()) return type == "text/html" || type == "application/xhtml+xml";
  std::size_t start = 0;
  while (start < payload.size() && std::isspace(static_cast<unsigned char>(payload[start]))) ++start;
  std::string opening = lower(payload.substr(start, 14));
  return opening.rfind("<!doctype html", 0) == 0 || opening.rfind("<html", 0) == 0;
}

std::string decode_payload(const HttpHead& head, std::string* payload, std::size_t max_bytes) {
  if (head.transfer_encoding.find("chunked") != std::string::npos) dechunk(payload);
  const std::string& coding = head.content_encoding;
  if (coding.empty() || coding == "identity") return {};
  const auto* bytes = reinterpret_cast<const unsigned char*>(payload->data());
  if (coding == "gzip" || coding == "x-gzip") {
    if (payload->size() < 2 || bytes[0] != 0x1f || bytes[1] != 0x8b) return {};  // stored decoded
    return inflate_capped(payload, 15 + 16, max_bytes);
  }
  if (coding == "deflate") {
    if (payload->empty() || payload->front() == '<') return {};
    // RFC 9110 says zlib-wrapped; many servers send raw deflate. A zlib header's first byte is 0x?8.
    bool zlib_wrapped = payload->size() >= 2 && (bytes[0] & 0x0f) == 8 && ((bytes[0] << 8) | bytes[1]) % 31 == 0;
    return inflate_capped(payload, zlib_wrapped ? 15 : -15, max_bytes);
  }
  if (coding == "br") {
    if (payload->empty() || payload->front() == '<') return {};
    return brotli_capped(payload, max_bytes);
  }
  return "encoding: unsupported content-encoding '" + coding + "'";
}

}  // namespace lede::warc
