// `lede serve` as a client sees it: a real server process on a free loopback port, real HTTP. Covers the
// API (formats, inputs, errors as JSON), limits (413 without reading the body), the SSRF guard (refusals,
// redirects into private addresses from a local origin the test runs), the address policy itself, and the
// pool that bounds concurrent extractions.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "address_policy.h"
#include "origin_server.h"
#include "extraction_pool.h"

namespace {

using lede::net::AddressClass;
using lede::serve::ExtractionPool;
using lede::net::classify_numeric_address;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The stable error code of a JSON error body, or "" when the body is not one.
std::string error_code(const std::string& body) {
  const std::string prefix = "{\"error\":{\"code\":\"";
  if (body.rfind(prefix, 0) != 0) return "";
  const std::size_t end = body.find('"', prefix.size());
  if (end == std::string::npos || body.compare(end, 13, "\",\"message\":\"") != 0) return "";
  return body.substr(prefix.size(), end - prefix.size());
}

// The value of the Prometheus sample whose line starts with `series` ("name{labels}"), or -1.
double metric_value(const std::string& text, const std::string& series) {
  std::size_t at = 0;
  while ((at = text.find(series + " ", at)) != std::string::npos) {
    if (at == 0 || text[at - 1] == '\n') return std::stod(text.substr(at + series.size() + 1));
    at += series.size();
  }
  return -1;
}

std::string json_quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// `lede serve --port 0 ARGS...` as a child process; the port is read from its first line of output.
class ServeProcess {
 public:
  explicit ServeProcess(std::vector<std::string> extra_args = {}) {
    int pipe_fds[2];
    if (pipe(pipe_fds) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(pipe_fds[1], STDOUT_FILENO);
      close(pipe_fds[0]);
      close(pipe_fds[1]);
      std::vector<std::string> args = {LEDE_CLI, "serve", "--port", "0"};
      if (std::find(extra_args.begin(), extra_args.end(), "--workers") == extra_args.end()) {
        args.insert(args.end(), {"--workers", "2"});
      }
      args.insert(args.end(), extra_args.begin(), extra_args.end());
      std::vector<char*> argv;
      for (std::string& arg : args) argv.push_back(arg.data());
      argv.push_back(nullptr);
      execv(LEDE_CLI, argv.data());
      _exit(127);
    }
    close(pipe_fds[1]);
    port_ = read_port(pipe_fds[0]);
    close(pipe_fds[0]);
  }
  ~ServeProcess() {
    if (pid_ > 0 && !stopped_) stop();
  }

  int port() const { return port_; }

  // The server's resident memory in MiB (VmRSS).
  long rss_mib() const {
    std::ifstream status("/proc/" + std::to_string(pid_) + "/status");
    std::string line;
    while (std::getline(status, line)) {
      if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6)) / 1024;
    }
    return -1;
  }

  // SIGTERM, then the exit status: 0 after a clean stop (and, under ASan, no leak or error report).
  int stop() {
    stopped_ = true;
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

  httplib::Client client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(30, 0);
    return client;
  }

 private:
  static int read_port(int fd) {
    std::string line;
    char c;
    pollfd waiting{fd, POLLIN, 0};
    while (poll(&waiting, 1, 30'000) > 0 && read(fd, &c, 1) == 1 && c != '\n') line += c;
    // "lede serve: listening on http://127.0.0.1:PORT/"
    const std::size_t colon = line.rfind(':');
    if (colon == std::string::npos || line.empty() || line.back() != '/') return -1;
    return std::atoi(line.c_str() + colon + 1);
  }

  pid_t pid_ = -1;
  int port_ = -1;
  bool stopped_ = false;
};


// Sends `request` on a fresh connection and returns what comes back within `timeout_ms` (or until close).
std::string raw_exchange(int port, const std::string& request, int timeout_ms = 5000) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    return "";
  }
  send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  std::string response;
  char buffer[4096];
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    pollfd waiting{fd, POLLIN, 0};
    if (left.count() <= 0 || poll(&waiting, 1, static_cast<int>(left.count())) <= 0) break;
    const ssize_t got = recv(fd, buffer, sizeof buffer, 0);
    if (got <= 0) break;
    response.append(buffer, static_cast<std::size_t>(got));
    if (response.find("\r\n\r\n") != std::string::npos && response.find("}\n") != std::string::npos) break;
  }
  close(fd);
  return response;
}

std::string cli_json(const std::string& page) {
  std::string command = std::string(LEDE_CLI) + " extract --format json " + page;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::string out;
  char buffer[4096];
  std::size_t got;
  while (pipe && (got = fread(buffer, 1, sizeof buffer, pipe.get())) > 0) out.append(buffer, got);
  return out;
}

const std::string kExample = std::string(LEDE_EXAMPLES) + "/news-page.html";

// ---- The address policy (no network) ----

TEST(AddressPolicy, RefusesLoopbackPrivateLinkLocalAndMetadata) {
  EXPECT_EQ(classify_numeric_address("127.0.0.1"), AddressClass::loopback);
  EXPECT_EQ(classify_numeric_address("127.255.1.2"), AddressClass::loopback);
  EXPECT_EQ(classify_numeric_address("::1"), AddressClass::loopback);
  EXPECT_EQ(classify_numeric_address("10.0.0.1"), AddressClass::private_range);
  EXPECT_EQ(classify_numeric_address("172.16.0.1"), AddressClass::private_range);
  EXPECT_EQ(classify_numeric_address("172.31.255.255"), AddressClass::private_range);
  EXPECT_EQ(classify_numeric_address("192.168.1.1"), AddressClass::private_range);
  EXPECT_EQ(classify_numeric_address("100.64.0.1"), AddressClass::private_range);
  EXPECT_EQ(classify_numeric_address("fd00::1"), AddressClass::private_range);
  EXPECT_EQ(classify_numeric_address("169.254.169.254"), AddressClass::link_local);
  EXPECT_EQ(classify_numeric_address("fe80::1"), AddressClass::link_local);
  EXPECT_EQ(classify_numeric_address("0.0.0.0"), AddressClass::unspecified);
  EXPECT_EQ(classify_numeric_address("::"), AddressClass::unspecified);
  EXPECT_EQ(classify_numeric_address("224.0.0.1"), AddressClass::special);
  EXPECT_EQ(classify_numeric_address("255.255.255.255"), AddressClass::special);
}

TEST(AddressPolicy, JudgesIpv6FormsByTheIpv4AddressTheyCarry) {
  EXPECT_EQ(classify_numeric_address("::ffff:127.0.0.1"), AddressClass::loopback);
  EXPECT_EQ(classify_numeric_address("::ffff:169.254.169.254"), AddressClass::link_local);
  EXPECT_EQ(classify_numeric_address("::10.0.0.1"), AddressClass::private_range);
  EXPECT_EQ(classify_numeric_address("64:ff9b::a00:1"), AddressClass::private_range);  // NAT64 of 10.0.0.1
  EXPECT_EQ(classify_numeric_address("2002:7f00:1::"), AddressClass::loopback);       // 6to4 of 127.0.0.1
  EXPECT_EQ(classify_numeric_address("2002:5db8:d822::"), AddressClass::public_address);
}

TEST(AddressPolicy, AcceptsPublicAddresses) {
  EXPECT_EQ(classify_numeric_address("93.184.216.34"), AddressClass::public_address);
  EXPECT_EQ(classify_numeric_address("8.8.8.8"), AddressClass::public_address);
  EXPECT_EQ(classify_numeric_address("172.32.0.1"), AddressClass::public_address);
  EXPECT_EQ(classify_numeric_address("2606:4700::1111"), AddressClass::public_address);
  EXPECT_EQ(classify_numeric_address("not an address"), AddressClass::unknown_family);
}

// ---- The extraction pool: at most N extractions at once, FIFO, a bounded queue, deadlines ----

// Waits (up to 5 s) until `pool` has `depth` jobs queued.
bool wait_for_queue_depth(const ExtractionPool& pool, std::size_t depth) {
  for (int i = 0; i < 5000 && pool.queue_depth() != depth; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return pool.queue_depth() == depth;
}

TEST(ServeExtractionPool, NeverRunsMoreExtractionsAtOnceThanItHasWorkers) {
  ExtractionPool pool(2, 64);
  const auto far = ExtractionPool::Clock::now() + std::chrono::seconds(30);
  std::atomic<int> running{0}, most{0}, ran{0};
  std::vector<std::thread> callers;
  for (int i = 0; i < 12; ++i) {
    callers.emplace_back([&] {
      const auto outcome = pool.run([&](lede::Extractor&) {
        const int now = ++running;
        for (int seen = most.load(); now > seen && !most.compare_exchange_weak(seen, now);) {}
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        --running;
        ++ran;
      }, far);
      EXPECT_EQ(outcome, ExtractionPool::Outcome::ran);
    });
  }
  for (std::thread& caller : callers) caller.join();
  EXPECT_EQ(ran.load(), 12);
  EXPECT_EQ(most.load(), 2);
  EXPECT_EQ(pool.queue_depth(), 0u);
}

TEST(ServeExtractionPool, QueuedJobsRunInArrivalOrder) {
  ExtractionPool pool(1, 64);
  const auto far = ExtractionPool::Clock::now() + std::chrono::seconds(30);
  std::atomic<bool> hold{true};
  std::atomic<lede::Extractor*> held{nullptr};
  std::thread holder([&] {
    pool.run([&](lede::Extractor& extractor) {
      held = &extractor;
      while (hold) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }, far);
  });
  while (held == nullptr) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  std::mutex order_mutex;
  std::vector<int> order;
  std::vector<lede::Extractor*> lent;
  std::vector<std::thread> waiters;
  for (int i = 0; i < 5; ++i) {
    waiters.emplace_back([&, i] {
      pool.run([&](lede::Extractor& extractor) {
        std::lock_guard<std::mutex> lock(order_mutex);
        order.push_back(i);
        lent.push_back(&extractor);
      }, far);
    });
    EXPECT_TRUE(wait_for_queue_depth(pool, static_cast<std::size_t>(i) + 1));  // queued before the next
  }
  hold = false;
  holder.join();
  for (std::thread& waiter : waiters) waiter.join();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4}));
  for (lede::Extractor* extractor : lent) EXPECT_EQ(extractor, held.load());  // the one worker's Extractor
}

TEST(ServeExtractionPool, AWorkerStartingUpOrBetweenJobsIsFree) {
  // With no queue, a job is refused only while every worker extracts: not while the worker is still
  // starting (right after construction) or on its way back from the previous job.
  ExtractionPool pool(1, 0);
  const auto far = ExtractionPool::Clock::now() + std::chrono::seconds(30);
  int ran = 0;
  for (int i = 0; i < 200; ++i) ran += pool.run([](lede::Extractor&) {}, far) == ExtractionPool::Outcome::ran;
  EXPECT_EQ(ran, 200);
}

TEST(ServeExtractionPool, RefusesPastTheQueueAndGivesUpAtTheDeadline) {
  ExtractionPool pool(1, 1);
  const auto far = ExtractionPool::Clock::now() + std::chrono::seconds(30);
  std::atomic<bool> hold{true}, started{false};
  std::thread holder([&] {
    pool.run([&](lede::Extractor&) {
      started = true;
      while (hold) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }, far);
  });
  while (!started) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  // One may wait; it gives up at its deadline without running, while the worker is still busy.
  bool expired_ran = false;
  std::thread waiter([&] {
    const auto outcome = pool.run([&](lede::Extractor&) { expired_ran = true; },
                                  ExtractionPool::Clock::now() + std::chrono::milliseconds(300));
    EXPECT_EQ(outcome, ExtractionPool::Outcome::expired);
  });
  EXPECT_TRUE(wait_for_queue_depth(pool, 1));
  // A second waiter is one too many: refused at once.
  bool refused_ran = false;
  EXPECT_EQ(pool.run([&](lede::Extractor&) { refused_ran = true; }, far), ExtractionPool::Outcome::queue_full);
  waiter.join();
  EXPECT_FALSE(expired_ran);
  EXPECT_FALSE(refused_ran);
  EXPECT_EQ(pool.queue_depth(), 0u);
  hold = false;
  holder.join();
  // Work that throws fails alone; the worker carries on.
  EXPECT_EQ(pool.run([](lede::Extractor&) { throw std::runtime_error("boom"); }, far), ExtractionPool::Outcome::failed);
  EXPECT_EQ(pool.run([](lede::Extractor&) {}, far), ExtractionPool::Outcome::ran);
}

// ---- The API ----

class ServeApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new ServeProcess({"--max-body-mb", "1"}); }
  static void TearDownTestSuite() {
    EXPECT_EQ(server_->stop(), 0) << "lede serve did not stop cleanly";
    delete server_;
    server_ = nullptr;
  }
  static ServeProcess* server_;
};
ServeProcess* ServeApi::server_ = nullptr;

TEST_F(ServeApi, HealthzAnswersOk) {
  ASSERT_GT(server_->port(), 0);
  auto res = server_->client().Get("/healthz");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("\"status\":\"ok\""), std::string::npos);
}

TEST_F(ServeApi, RawPageGivesTheCliJson) {
  const std::string page = read_file(kExample);
  auto res = server_->client().Post("/v1/extract", page, "text/html");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
  EXPECT_EQ(res->body, cli_json(kExample));
  EXPECT_NE(res->body.find("\"schema\":\"lede/1\""), std::string::npos);
}

TEST_F(ServeApi, MarkdownTextAndHtmlFormats) {
  const std::string page = read_file(kExample);
  auto markdown = server_->client().Post("/v1/extract?format=markdown", page, "text/html");
  ASSERT_TRUE(markdown);
  EXPECT_EQ(markdown->status, 200);
  EXPECT_EQ(markdown->body.rfind("# Аналитик Мельник: Дунайский коридор", 0), 0u) << markdown->body.substr(0, 200);
  auto text = server_->client().Post("/v1/extract?format=text", page, "text/html");
  ASSERT_TRUE(text);
  EXPECT_EQ(text->get_header_value("Content-Type"), "text/plain; charset=utf-8");
  EXPECT_NE(text->body.find("Измаил"), std::string::npos);
  EXPECT_EQ(text->body.find("<p>"), std::string::npos);
  auto html = server_->client().Post("/v1/extract?format=html&images=1", page, "text/html");
  ASSERT_TRUE(html);
  EXPECT_EQ(html->status, 200);
  EXPECT_EQ(html->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(html->body.rfind("<!DOCTYPE html>\n<html lang=\"ru\">", 0), 0u) << html->body.substr(0, 200);
  EXPECT_NE(html->body.find("<h1>Аналитик Мельник: Дунайский коридор"), std::string::npos);
  EXPECT_NE(html->body.find("<small class=\"credit\">Фото: Дмитрий Савчук</small>"), std::string::npos);
}

TEST_F(ServeApi, JsonBodyAndXUrlPassTheUrlOn) {
  const std::string html =
      "<html><body><h1>Заголовок</h1><p>Первый абзац статьи, <a href='/more'>ссылка</a> и достаточно текста, "
      "чтобы его прочитать как статью.</p></body></html>";
  const std::string body = "{\"html\":" + json_quoted(html) + ",\"url\":\"https://news.example/story\"}";
  auto json = server_->client().Post("/v1/extract", body, "application/json");
  ASSERT_TRUE(json);
  EXPECT_EQ(json->status, 200) << json->body;
  EXPECT_NE(json->body.find("\"url\":\"https://news.example/story\""), std::string::npos) << json->body;
  EXPECT_NE(json->body.find("https://news.example/more"), std::string::npos) << json->body;
  EXPECT_NE(json->body.find("\"title\":\"Заголовок\""), std::string::npos) << json->body;

  httplib::Headers headers = {{"X-Url", "https://other.example/a/b"}};
  auto raw = server_->client().Post("/v1/extract", headers, html, "text/html; charset=utf-8");
  ASSERT_TRUE(raw);
  EXPECT_NE(raw->body.find("\"url\":\"https://other.example/a/b\""), std::string::npos) << raw->body;
  EXPECT_NE(raw->body.find("https://other.example/more"), std::string::npos) << raw->body;
}

TEST_F(ServeApi, BadRequestsGetJsonErrorsWithStableCodes) {
  auto client = server_->client();
  auto format = client.Post("/v1/extract?format=xml", "<p>x</p>", "text/html");
  ASSERT_TRUE(format);
  EXPECT_EQ(format->status, 400);
  EXPECT_EQ(error_code(format->body), "invalid_format");
  auto empty = client.Post("/v1/extract", "", "text/html");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->status, 400);
  EXPECT_EQ(error_code(empty->body), "missing_input");
  auto json = client.Post("/v1/extract", "{\"html\": 3}", "application/json");
  ASSERT_TRUE(json);
  EXPECT_EQ(json->status, 400);
  EXPECT_EQ(error_code(json->body), "invalid_json");
  auto broken = client.Post("/v1/extract", "{\"html\": ", "application/json");
  ASSERT_TRUE(broken);
  EXPECT_EQ(error_code(broken->body), "invalid_json");
  auto both = client.Post("/v1/extract?fetch=https://example.org/", "<p>x</p>", "text/html");
  ASSERT_TRUE(both);
  EXPECT_EQ(error_code(both->body), "conflicting_input");
  auto blank = client.Post("/v1/extract", "  \n\t ", "text/html");  // the library's own refusal
  ASSERT_TRUE(blank);
  EXPECT_EQ(blank->status, 422);
  EXPECT_EQ(error_code(blank->body), "empty_input") << blank->body;
  auto missing = client.Get("/no/such/page");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(error_code(missing->body), "not_found");
  auto method = client.Delete("/v1/extract");
  ASSERT_TRUE(method);
  EXPECT_EQ(method->status, 405);
  EXPECT_EQ(error_code(method->body), "method_not_allowed");
  auto get_extract = client.Get("/v1/extract");
  ASSERT_TRUE(get_extract);
  EXPECT_EQ(get_extract->status, 405);
}

TEST_F(ServeApi, GarbageAndHalfRequestsDoNotHurtTheServer) {
  const std::string garbage = raw_exchange(server_->port(), "GARBAGE\x01\x02 / \r\n\r\n", 3000);
  EXPECT_EQ(garbage.rfind("HTTP/1.1 400", 0), 0u) << garbage;
  EXPECT_NE(garbage.find("{\"error\":{\"code\":\"bad_request\""), std::string::npos) << garbage;
  // A client that promises a body and leaves: the server must carry on.
  raw_exchange(server_->port(), "POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n<html><p>", 200);
  auto res = server_->client().Get("/healthz");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

TEST_F(ServeApi, HundredMegabyteBodyIsRefusedBeforeItIsRead) {
  // The body is never sent: a server that tried to read it would wait, not answer 413 at once.
  const auto start = std::chrono::steady_clock::now();
  const std::string response = raw_exchange(
      server_->port(), "POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/html\r\nContent-Length: 104857600\r\n\r\n");
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(response.rfind("HTTP/1.1 413", 0), 0u) << response;
  EXPECT_NE(response.find("\"code\":\"body_too_large\""), std::string::npos) << response;
  EXPECT_LT(elapsed, std::chrono::seconds(3));
}

// Sends `head`, then up to `megabytes` MiB of filler (each MiB wrapped by `frame`), until the server stops
// reading; returns what the server answered.
std::string flood(int port, const std::string& head, int megabytes, bool chunked) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) return "";
  const timeval send_timeout{2, 0};
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &send_timeout, sizeof send_timeout);
  send(fd, head.data(), head.size(), MSG_NOSIGNAL);
  const std::string megabyte(1 << 20, 'a');
  const std::string piece = chunked ? "100000\r\n" + megabyte + "\r\n" : megabyte;
  for (int i = 0; i < megabytes; ++i) {
    if (send(fd, piece.data(), piece.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(piece.size())) break;
  }
  std::string response;
  char buffer[1024];
  pollfd waiting{fd, POLLIN, 0};
  while (poll(&waiting, 1, 2000) > 0) {
    const ssize_t got = recv(fd, buffer, sizeof buffer, 0);
    if (got <= 0) break;
    response.append(buffer, static_cast<std::size_t>(got));
  }
  close(fd);
  return response;
}

TEST_F(ServeApi, HundredMegabytesSentAnywayAreNeitherBufferedNorMisread) {
  // A client that ignores the 413 and sends its 100 MB: the server must not hold them, nor read them as
  // the next request (cpp-httplib alone would buffer them as one endless request line).
  const std::string declared =
      flood(server_->port(), "POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Length: 104857600\r\n\r\n", 100, false);
  EXPECT_EQ(declared.rfind("HTTP/1.1 413", 0), 0u) << declared.substr(0, 200);
  const std::string chunked =
      flood(server_->port(), "POST /v1/extract HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", 100, true);
  EXPECT_EQ(chunked.rfind("HTTP/1.1 413", 0), 0u) << chunked.substr(0, 200);
  flood(server_->port(), "GET /", 20, false);  // a request line that never ends
  EXPECT_LT(server_->rss_mib(), 64) << "the server kept a flood in memory";
  auto res = server_->client().Get("/healthz");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

TEST_F(ServeApi, ExpectContinueWithTooLargeABodyGets413InsteadOf100) {
  const std::string response = raw_exchange(server_->port(),
                                            "POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Length: 104857600\r\n"
                                            "Expect: 100-continue\r\n\r\n");
  EXPECT_EQ(response.rfind("HTTP/1.1 413", 0), 0u) << response;
  EXPECT_EQ(response.find("100 Continue"), std::string::npos) << response;
}

TEST_F(ServeApi, ChunkedBodyIsCutAtTheLimit) {
  // 3 MiB in 64 KiB chunks against a 1 MiB limit: refused while streaming, not after buffering it all.
  std::string request = "POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n";
  const std::string chunk(64 * 1024, 'a');
  for (int i = 0; i < 48; ++i) request += "10000\r\n" + chunk + "\r\n";
  request += "0\r\n\r\n";
  const std::string response = raw_exchange(server_->port(), request);
  EXPECT_EQ(response.rfind("HTTP/1.1 413", 0), 0u) << response.substr(0, 300);
  EXPECT_NE(response.find("\"code\":\"body_too_large\""), std::string::npos);
}

TEST_F(ServeApi, ReaderPageIsServedWithItsScriptAndStyle) {
  auto client = server_->client();
  auto index = client.Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_EQ(index->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(index->body.find("reader.js"), std::string::npos);
  EXPECT_NE(index->get_header_value("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
  auto script = client.Get("/reader.js");
  ASSERT_TRUE(script);
  EXPECT_EQ(script->status, 200);
  EXPECT_NE(script->body.find("/v1/extract"), std::string::npos);
  auto style = client.Get("/reader.css");
  ASSERT_TRUE(style);
  EXPECT_EQ(style->get_header_value("Content-Type"), "text/css; charset=utf-8");
}

TEST_F(ServeApi, MetricsCountRequestsPagesAndErrors) {
  auto client = server_->client();
  ASSERT_TRUE(client.Post("/v1/extract", read_file(kExample), "text/html"));
  ASSERT_TRUE(client.Post("/v1/extract?format=nope", "x", "text/html"));
  auto res = client.Get("/metrics");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  const std::string& text = res->body;
  EXPECT_NE(text.find("# TYPE lede_http_request_duration_seconds histogram"), std::string::npos);
  EXPECT_GE(metric_value(text, "lede_http_requests_total{route=\"/v1/extract\",status=\"200\"}"), 1);
  EXPECT_GE(metric_value(text, "lede_errors_total{code=\"invalid_format\"}"), 1);
  EXPECT_GE(metric_value(text, "lede_pages_extracted_total"), 1);
  EXPECT_GE(metric_value(text, "lede_http_request_duration_seconds_bucket{route=\"/v1/extract\",le=\"+Inf\"}"), 1);
}

// ---- Fetching and the SSRF guard ----

class ServeFetch : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    origin_ = new Origin();
    server_ = new ServeProcess({"--testing-allow-origin", origin_->host_port(), "--fetch-max-mb", "1"});
  }
  static void TearDownTestSuite() {
    EXPECT_EQ(server_->stop(), 0);
    delete server_;
    delete origin_;
  }
  static httplib::Result fetch(const std::string& url) {
    return server_->client().Post("/v1/extract?fetch=" + httplib::detail::encode_query_param(url), "", "text/plain");
  }
  static std::string redirect_to(const std::string& url) {
    return origin_->base() + "/redirect?to=" + httplib::detail::encode_query_param(url);
  }
  static Origin* origin_;
  static ServeProcess* server_;
};
Origin* ServeFetch::origin_ = nullptr;
ServeProcess* ServeFetch::server_ = nullptr;

TEST_F(ServeFetch, TheAllowListedTestOriginIsFetched) {
  // Without this the refusals below could pass for a fetcher that fetches nothing.
  auto res = fetch(origin_->base() + "/article");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  EXPECT_NE(res->body.find("\"title\":\"Origin story\""), std::string::npos) << res->body;
  EXPECT_NE(res->body.find("\"url\":\"" + origin_->base() + "/article\""), std::string::npos) << res->body;
  EXPECT_EQ(res->body.find("Home | News"), std::string::npos);
  auto json = server_->client().Post("/v1/extract", "{\"url\":\"" + origin_->base() + "/article\"}", "application/json");
  ASSERT_TRUE(json);
  EXPECT_EQ(json->status, 200) << json->body;
}

TEST_F(ServeFetch, PrivateAndSpecialTargetsAreRefused) {
  const std::string port = std::to_string(server_->port());
  for (const std::string& url :
       {"http://127.0.0.1:" + port + "/healthz", "http://localhost:" + port + "/", "http://[::1]:" + port + "/",
        "http://[::ffff:127.0.0.1]:" + port + "/", "http://2130706433:" + port + "/", "http://0x7f.1:" + port + "/",
        std::string("http://10.0.0.1/"), std::string("http://10.255.255.254:8080/x"), std::string("http://172.16.5.4/"),
        std::string("http://192.168.0.1/"), std::string("http://169.254.169.254/latest/meta-data/"),
        std::string("http://[fd00::1]/"), std::string("http://0.0.0.0:" + port + "/"),
        std::string("http://100.100.100.200/latest/meta-data/")}) {
    auto res = fetch(url);
    ASSERT_TRUE(res) << url;
    EXPECT_EQ(res->status, 403) << url << " " << res->body;
    EXPECT_EQ(error_code(res->body), "forbidden_address") << url << " " << res->body;
  }
}

TEST_F(ServeFetch, OtherSchemesAndBadUrlsAreRefused) {
  for (const char* url : {"file:///etc/passwd", "gopher://example.org/", "ftp://example.org/x", "dict://x:11211/"}) {
    auto res = fetch(url);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << url;
    EXPECT_EQ(error_code(res->body), "unsupported_scheme") << url << " " << res->body;
  }
  auto bad = fetch("not a url");
  ASSERT_TRUE(bad);
  EXPECT_EQ(error_code(bad->body), "invalid_url") << bad->body;
}

TEST_F(ServeFetch, RedirectsIntoPrivateAddressesAreRefused) {
  const int hits_before = origin_->article_hits.load();
  for (const std::string& target :
       {origin_->base() + "/article",  // the allow-listed origin itself: allowed only as the first hop
        "http://localhost:" + std::to_string(origin_->port()) + "/article", std::string("http://10.0.0.1/"),
        std::string("http://169.254.169.254/latest/meta-data/iam/"), std::string("http://[::1]/"),
        std::string("http://192.168.1.1/admin")}) {
    auto res = fetch(redirect_to(target));
    ASSERT_TRUE(res) << target;
    EXPECT_EQ(res->status, 403) << target << " " << res->body;
    EXPECT_EQ(error_code(res->body), "forbidden_address") << target << " " << res->body;
  }
  auto scheme = fetch(redirect_to("file:///etc/passwd"));
  ASSERT_TRUE(scheme);
  EXPECT_EQ(error_code(scheme->body), "unsupported_scheme") << scheme->body;
  EXPECT_EQ(origin_->article_hits.load(), hits_before) << "a refused redirect target was requested";
}

TEST_F(ServeFetch, UpstreamErrorsAndOversizedPagesAreReported) {
  auto missing = fetch(origin_->base() + "/missing");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 502);
  EXPECT_EQ(error_code(missing->body), "upstream_status");
  auto big = fetch(origin_->base() + "/big");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 502);
  EXPECT_EQ(error_code(big->body), "fetch_too_large") << big->body;
}

TEST(ServeAllowPrivate, FollowsRedirectsOnLoopbackAndStopsRedirectLoops) {
  Origin origin;
  ServeProcess server({"--allow-private", "--max-redirects", "2"});
  auto client = server.client();
  const std::string once = origin.base() + "/redirect?to=" + httplib::detail::encode_query_param(origin.base() + "/article");
  auto followed = client.Post("/v1/extract?fetch=" + httplib::detail::encode_query_param(once), "", "text/plain");
  ASSERT_TRUE(followed);
  EXPECT_EQ(followed->status, 200) << followed->body;
  EXPECT_NE(followed->body.find("Origin story"), std::string::npos);
  std::string chain = origin.base() + "/article";
  for (int i = 0; i < 3; ++i) chain = origin.base() + "/redirect?to=" + httplib::detail::encode_query_param(chain);
  auto looped = client.Post("/v1/extract?fetch=" + httplib::detail::encode_query_param(chain), "", "text/plain");
  ASSERT_TRUE(looped);
  EXPECT_EQ(looped->status, 502);
  EXPECT_EQ(error_code(looped->body), "too_many_redirects") << looped->body;
  EXPECT_EQ(server.stop(), 0);
}

TEST(ServeLimits, ABodyTooSlowForTheTimeLimitAnswers408) {
  ServeProcess server({"--timeout-ms", "300"});
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(server.port()));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  const std::string head = "POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Length: 40\r\n\r\n<html><body>";
  send(fd, head.data(), head.size(), MSG_NOSIGNAL);
  std::this_thread::sleep_for(std::chrono::milliseconds(600));
  const std::string rest = "<p>the rest of it</p>";
  send(fd, rest.data(), rest.size(), MSG_NOSIGNAL);
  std::string response;
  char buffer[2048];
  pollfd waiting{fd, POLLIN, 0};
  while (poll(&waiting, 1, 3000) > 0) {
    const ssize_t got = recv(fd, buffer, sizeof buffer, 0);
    if (got <= 0) break;
    response.append(buffer, static_cast<std::size_t>(got));
    if (response.find("}\n") != std::string::npos) break;
  }
  close(fd);
  EXPECT_EQ(response.rfind("HTTP/1.1 408", 0), 0u) << response;
  EXPECT_NE(response.find("\"code\":\"request_timeout\""), std::string::npos) << response;
  EXPECT_EQ(server.stop(), 0);
}

// With its one worker busy and no room to wait, a request is refused at once; with the worker free it runs.
TEST(ServeLimits, AFullQueueAnswers503Overloaded) {
  ServeProcess server({"--workers", "1", "--max-queue", "0"});
  auto idle = server.client().Post("/v1/extract", "<p>text</p>", "text/html");
  ASSERT_TRUE(idle);
  EXPECT_EQ(idle->status, 200);
  std::string long_page = "<html><body><article>";
  for (int i = 0; i < 80'000; ++i) {
    long_page += "<p>Paragraph " + std::to_string(i) + " of a long article, with enough words to count as text.</p>\n";
  }
  long_page += "</article></body></html>";  // about 8 MB: the worker is busy for a few hundred ms
  std::atomic<bool> long_done{false};
  std::thread busy([&server, &long_page, &long_done] {
    // Refused itself while a probe below holds the worker: sent again.
    auto res = server.client().Post("/v1/extract", long_page, "text/html");
    for (int i = 0; i < 20 && res && res->status == 503; ++i) res = server.client().Post("/v1/extract", long_page, "text/html");
    EXPECT_TRUE(res && res->status == 200);
    long_done = true;
  });
  // Ask until an answer comes while the long page is being extracted (its upload takes a moment too).
  std::string code;
  for (int i = 0; i < 200 && code.empty() && !long_done; ++i) {
    auto res = server.client().Post("/v1/extract", "<p>text</p>", "text/html");
    ASSERT_TRUE(res);
    if (res->status == 503) code = error_code(res->body);
    else std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  busy.join();
  EXPECT_EQ(code, "overloaded");
  EXPECT_EQ(server.stop(), 0);
}

// A request whose client hangs up while it waits for the one worker is dropped, not extracted: work for
// nobody would only delay the requests behind it (e.g. after a load test's clients stop).
TEST(ServeLimits, AClientThatLeavesWhileQueuedIsNotExtracted) {
  ServeProcess server({"--workers", "1"});
  std::string long_page = "<html><body><article>";
  for (int i = 0; i < 80'000; ++i) {
    long_page += "<p>Paragraph " + std::to_string(i) + " of a long article, with enough words to count as text.</p>\n";
  }
  long_page += "</article></body></html>";  // about 8 MB: the worker is busy for a few hundred ms
  std::thread busy([&server, &long_page] {
    auto res = server.client().Post("/v1/extract", long_page, "text/html");
    EXPECT_TRUE(res && res->status == 200);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(60));
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(server.port()));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  EXPECT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  const std::string request = "POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n<p>text</p>";
  send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  close(fd);  // at once: the request waits behind the long page
  busy.join();
  auto res = server.client().Get("/metrics");
  ASSERT_TRUE(res);
  EXPECT_EQ(metric_value(res->body, "lede_pages_extracted_total"), 1) << res->body;
  EXPECT_EQ(metric_value(res->body, "lede_errors_total{code=\"client_closed\"}"), 1) << res->body;
  EXPECT_EQ(server.stop(), 0);
}

}  // namespace
