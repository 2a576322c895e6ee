// WarcReader over WARC files this test writes itself: plain, gzip a record, zstd, chunked + gzip bodies,
// a truncated record, non-HTML records, a corrupt gzip member and a decompression bomb.
#include "lede/warc.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cstdlib>
#include <cstring>
#include <iterator>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

const char* kPage =
    "<!doctype html><html><head><title>A page</title></head><body><article><h1>A page</h1>"
    "<p>Some text that makes a paragraph of the story.</p></article></body></html>";

std::string gzip(const std::string& data) {
  z_stream z{};
  deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string zstd(const std::string& data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  out.resize(ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3));
  return out;
}

std::string chunked(const std::string& body) {
  std::string out;
  for (std::size_t i = 0; i < body.size(); i += 37) {
    std::string part = body.substr(i, 37);
    char size[16];
    std::snprintf(size, sizeof size, "%zx", part.size());
    out += std::string(size) + "\r\n" + part + "\r\n";
  }
  return out + "0\r\n\r\n";
}

std::string http(const std::string& body, const std::string& headers, int status = 200) {
  return "HTTP/1.1 " + std::to_string(status) + " OK\r\n" + headers + "Server: test\r\n\r\n" + body;
}

std::string record(const std::string& type, const std::string& uri, const std::string& block, int id,
                   const std::string& version = "WARC/1.1") {
  return version + "\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2024-05-0" + std::to_string(id % 9 + 1) + "T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:" +
         std::to_string(id) + ">\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " +
         std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

std::string html_record(int id, const std::string& headers = "Content-Type: text/html; charset=utf-8\r\n",
                        const std::string& body = kPage) {
  return record("response", "https://example.com/" + std::to_string(id), http(body, headers), id);
}

class WarcTest : public ::testing::Test {
 protected:
  std::string write(const std::string& name, const std::string& bytes) {
    std::filesystem::path dir = std::filesystem::temp_directory_path() / ("lede-warc-test-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    std::string path = (dir / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    paths_.push_back(path);
    return path;
  }
  void TearDown() override {
    for (const std::string& p : paths_) std::filesystem::remove(p);
  }

  struct Seen {
    std::vector<lede::WarcRecord> pages;
    std::vector<std::string> skipped, errors;
  };
  Seen read_all(const std::string& path, lede::WarcOptions options = {}) {
    Seen seen;
    lede::WarcReader reader;
    EXPECT_TRUE(reader.open(path, options).ok());
    lede::WarcRecord record;
    for (int guard = 0; guard < 1000; ++guard) {
      lede::WarcNext next = reader.next(&record);
      if (next.event == lede::WarcEvent::end) break;
      if (next.event == lede::WarcEvent::page) seen.pages.push_back(record);
      if (next.event == lede::WarcEvent::skipped) seen.skipped.push_back(next.reason);
      if (next.event == lede::WarcEvent::error) seen.errors.push_back(next.reason);
    }
    return seen;
  }

  std::vector<std::string> paths_;
};

std::string mixed_records() {
  std::string warcinfo = "WARC/1.0\r\nWARC-Type: warcinfo\r\nWARC-Record-ID: <urn:uuid:w>\r\nContent-Length: 9\r\n\r\nsoftware\n\r\n\r\n";
  std::string request = record("request", "https://example.com/1", "GET / HTTP/1.1\r\n\r\n", 90);
  std::string image = record("response", "https://example.com/a.png", http("PNG...", "Content-Type: image/png\r\n"), 91);
  std::string missing = record("response", "https://example.com/404", http(kPage, "Content-Type: text/html\r\n", 404), 92);
  return warcinfo + request + html_record(1) + image + missing + html_record(2, "Content-Type: text/html; charset=koi8-r\r\n");
}

TEST_F(WarcTest, PlainWarcKeepsHtmlResponsesAndTheirHeaders) {
  Seen seen = read_all(write("plain.warc", mixed_records()));
  ASSERT_EQ(seen.pages.size(), 2u);
  EXPECT_EQ(seen.pages[0].target_uri, "https://example.com/1");
  EXPECT_EQ(seen.pages[0].record_id, "<urn:uuid:1>");
  EXPECT_EQ(seen.pages[0].date, "2024-05-02T10:00:00Z");
  EXPECT_EQ(seen.pages[0].payload, kPage);
  EXPECT_EQ(seen.pages[0].http_status, 200);
  EXPECT_EQ(seen.pages[1].content_type, "text/html; charset=koi8-r");
  EXPECT_EQ(seen.skipped, (std::vector<std::string>{"not_response", "not_response", "not_html", "http_status"}));
  EXPECT_TRUE(seen.errors.empty());
}

TEST_F(WarcTest, GzipMemberPerRecord) {
  std::string bytes;
  for (int i = 1; i <= 5; ++i) bytes += gzip(html_record(i));
  Seen seen = read_all(write("members.warc.gz", bytes));
  ASSERT_EQ(seen.pages.size(), 5u);
  EXPECT_EQ(seen.pages[4].target_uri, "https://example.com/5");
  EXPECT_EQ(seen.pages[4].payload, kPage);
  EXPECT_TRUE(seen.errors.empty());
}

TEST_F(WarcTest, ZstdStream) {
  Seen seen = read_all(write("crawl.warc.zst", zstd(mixed_records()) + zstd(html_record(3))));
  ASSERT_EQ(seen.pages.size(), 3u);
  EXPECT_EQ(seen.pages[2].record_id, "<urn:uuid:3>");
  EXPECT_TRUE(seen.errors.empty());
}

TEST_F(WarcTest, ChunkedGzipAndDeflateBodiesAreDecoded) {
  std::string raw_deflate;
  {
    z_stream z{};
    deflateInit2(&z, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
    raw_deflate.resize(deflateBound(&z, std::strlen(kPage)));
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(kPage));
    z.avail_in = static_cast<uInt>(std::strlen(kPage));
    z.next_out = reinterpret_cast<Bytef*>(raw_deflate.data());
    z.avail_out = static_cast<uInt>(raw_deflate.size());
    deflate(&z, Z_FINISH);
    raw_deflate.resize(z.total_out);
    deflateEnd(&z);
  }
  std::string bytes =
      html_record(1, "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n", chunked(gzip(kPage))) +
      html_record(2, "Content-Type: text/html\r\nContent-Encoding: deflate\r\n", raw_deflate) +
      // A crawler that stored the decoded body under the original headers.
      html_record(3, "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", kPage) +
      html_record(4, "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", chunked(kPage));
  Seen seen = read_all(write("codings.warc", bytes));
  ASSERT_EQ(seen.pages.size(), 4u);
  for (const auto& page : seen.pages) EXPECT_EQ(page.payload, kPage) << page.target_uri;
}

TEST_F(WarcTest, NoContentTypeSniffsHtml) {
  std::string bytes = html_record(1, "", kPage) + html_record(2, "", "%PDF-1.4 binary");
  Seen seen = read_all(write("sniff.warc", bytes));
  ASSERT_EQ(seen.pages.size(), 1u);
  EXPECT_EQ(seen.skipped, (std::vector<std::string>{"not_html"}));
}

TEST_F(WarcTest, TruncatedRecordIsReportedAndEndsTheRun) {
  std::string last = html_record(3);
  std::string bytes = html_record(1) + html_record(2) + last.substr(0, last.size() / 2);
  Seen seen = read_all(write("truncated.warc", bytes));
  EXPECT_EQ(seen.pages.size(), 2u);
  ASSERT_EQ(seen.errors.size(), 1u);
  EXPECT_EQ(seen.errors[0].rfind("truncated", 0), 0u) << seen.errors[0];
}

TEST_F(WarcTest, TruncatedGzipMemberIsReported) {
  std::string last = gzip(html_record(3));
  std::string bytes = gzip(html_record(1)) + gzip(html_record(2)) + last.substr(0, last.size() / 2);
  Seen seen = read_all(write("truncated.warc.gz", bytes));
  EXPECT_EQ(seen.pages.size(), 2u);
  EXPECT_FALSE(seen.errors.empty());
}

TEST_F(WarcTest, CorruptGzipMemberIsSkippedAndTheRunGoesOn) {
  std::string broken = gzip(html_record(2));
  for (std::size_t i = 12; i < broken.size() - 8; ++i) broken[i] = static_cast<char>(broken[i] ^ 0x5a);
  std::string bytes = gzip(html_record(1)) + broken + gzip(html_record(3)) + gzip(html_record(4));
  Seen seen = read_all(write("corrupt.warc.gz", bytes));
  ASSERT_FALSE(seen.errors.empty());
  ASSERT_GE(seen.pages.size(), 2u);
  EXPECT_EQ(seen.pages.front().target_uri, "https://example.com/1");
  EXPECT_EQ(seen.pages.back().target_uri, "https://example.com/4");
}

TEST_F(WarcTest, GarbageBetweenRecordsIsReportedThenSkipped) {
  std::string bytes = html_record(1) + "this is not a WARC header\r\nnor this\r\n" + html_record(2);
  Seen seen = read_all(write("garbage.warc", bytes));
  EXPECT_EQ(seen.pages.size(), 2u);
  ASSERT_EQ(seen.errors.size(), 1u);
  EXPECT_EQ(seen.errors[0].rfind("corrupt", 0), 0u);
}

TEST_F(WarcTest, GzipBombIsRefused) {
  std::string zeros(50u << 20, '\0');
  std::string bomb = gzip(zeros);  // ~50 KB that inflates to 50 MB
  lede::WarcOptions options;
  options.max_payload_bytes = 4u << 20;
  std::string bytes = html_record(1) + html_record(2, "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", bomb) +
                      html_record(3);
  Seen seen = read_all(write("bomb.warc.gz", gzip(bytes)), options);
  EXPECT_EQ(seen.pages.size(), 2u);
  ASSERT_EQ(seen.errors.size(), 1u);
  EXPECT_EQ(seen.errors[0].rfind("bomb", 0), 0u) << seen.errors[0];
}

TEST_F(WarcTest, OversizedRecordIsSkippedWithoutBeingRead) {
  lede::WarcOptions options;
  options.max_record_bytes = 1000;
  std::string big(5000, 'x');
  std::string bytes = html_record(1) + html_record(2, "Content-Type: text/html\r\n", std::string(kPage) + big) + html_record(3);
  Seen seen = read_all(write("big.warc", bytes), options);
  EXPECT_EQ(seen.pages.size(), 2u);
  EXPECT_EQ(seen.skipped, (std::vector<std::string>{"too_large"}));
}

TEST_F(WarcTest, MissingFileIsAnError) {
  lede::WarcReader reader;
  lede::Status status = reader.open("/nonexistent/crawl.warc.gz");
  EXPECT_EQ(status.code(), lede::StatusCode::io_error);
}

#ifdef LEDE_CLI
// The CLI's WARC path: JSON Lines in input order, gzip output, the WARC keys, a summary, exit 1 on a bad record.
TEST_F(WarcTest, CliWritesJsonLinesInInputOrder) {
  std::string bytes;
  for (int i = 1; i <= 12; ++i) bytes += gzip(html_record(i));
  std::string input = write("cli.warc.gz", bytes);
  std::string output = input + ".jsonl.gz";
  paths_.push_back(output);
  std::string command = std::string(LEDE_CLI) + " extract " + input + " --output " + output + " --threads 3 2>" + input + ".err";
  paths_.push_back(input + ".err");
  ASSERT_EQ(std::system(command.c_str()), 0);
  gzFile file = gzopen(output.c_str(), "rb");
  ASSERT_NE(file, nullptr);
  std::string text;
  char buffer[4096];
  for (int n; (n = gzread(file, buffer, sizeof buffer)) > 0;) text.append(buffer, n);
  gzclose(file);
  std::vector<std::string> lines;
  for (std::size_t pos = 0, eol; (eol = text.find('\n', pos)) != std::string::npos; pos = eol + 1) lines.push_back(text.substr(pos, eol - pos));
  ASSERT_EQ(lines.size(), 12u);
  for (int i = 1; i <= 12; ++i) {
    const std::string& line = lines[i - 1];
    EXPECT_EQ(line.rfind("{\"schema\":\"lede/1\"", 0), 0u);
    EXPECT_NE(line.find("\"warc_target_uri\":\"https://example.com/" + std::to_string(i) + "\""), std::string::npos) << line;
    EXPECT_NE(line.find("\"warc_record_id\":\"<urn:uuid:" + std::to_string(i) + ">\""), std::string::npos);
    EXPECT_NE(line.find("Some text that makes a paragraph"), std::string::npos);
  }
  std::ifstream err(input + ".err");
  std::string summary((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
  EXPECT_NE(summary.find("12 extracted"), std::string::npos) << summary;

  std::string truncated = write("cli-truncated.warc", html_record(1) + html_record(2).substr(0, 100));
  command = std::string(LEDE_CLI) + " extract " + truncated + " 2>/dev/null >/dev/null";
  EXPECT_NE(std::system(command.c_str()), 0);
}
#endif

}  // namespace
