// Connections for `lede serve` (http_connection.h): a buffered socket stream with a per-request read
// budget and timeouts, the keep-alive loop, and a lingering close after a refused body. HTTP parsing and
// routing stay cpp-httplib's (Server::process_request); this file never looks inside a request.
#include "http_connection.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>

namespace lede::serve {
namespace {

constexpr int kStopCheckMs = 200;  // how often an idle keep-alive wait looks whether the server stopped

// Waits until `sock` is ready for `events`, up to `timeout_ms`; false on timeout or error.
bool wait_ready(int sock, short events, int timeout_ms) {
  pollfd entry{sock, events, 0};
  for (;;) {
    const int rc = poll(&entry, 1, timeout_ms);
    if (rc < 0 && errno == EINTR) continue;
    return rc > 0 && (entry.revents & (events | POLLHUP | POLLERR)) != 0;
  }
}

void address_of(const sockaddr_storage& address, std::string& ip, int& port) {
  char buffer[INET6_ADDRSTRLEN] = {0};
  if (address.ss_family == AF_INET) {
    const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
    inet_ntop(AF_INET, &v4.sin_addr, buffer, sizeof buffer);
    port = ntohs(v4.sin_port);
  } else if (address.ss_family == AF_INET6) {
    const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
    inet_ntop(AF_INET6, &v6.sin6_addr, buffer, sizeof buffer);
    port = ntohs(v6.sin6_port);
  }
  ip = buffer;
}

// A connected socket as an httplib::Stream: reads are buffered (httplib reads header lines byte by byte)
// and stop at the request's budget, so no request can make the server hold more than it allowed.
class BoundedStream : public httplib::Stream {
 public:
  BoundedStream(int sock, int read_timeout_ms, int write_timeout_ms)
      : sock_(sock), read_timeout_ms_(read_timeout_ms), write_timeout_ms_(write_timeout_ms) {}

  void start_request() {
    read_in_request_ = 0;
    budget_ = HttpServer::kHeaderBudget;
    close_requested_ = false;
  }
  void allow(std::size_t bytes) { budget_ = HttpServer::kHeaderBudget + bytes; }
  void request_close() { close_requested_ = true; }
  bool close_requested() const { return close_requested_; }
  bool has_buffered() const { return begin_ < end_; }

  bool is_readable() const override { return has_buffered() || wait_ready(sock_, POLLIN, read_timeout_ms_); }
  bool is_writable() const override { return wait_ready(sock_, POLLOUT, write_timeout_ms_); }

  ssize_t read(char* ptr, size_t size) override {
    if (read_in_request_ >= budget_) return -1;  // over budget: httplib sees a failed read and gives up
    size = std::min(size, budget_ - read_in_request_);
    if (!has_buffered() && !fill()) return -1;
    const std::size_t n = std::min(size, end_ - begin_);
    std::memcpy(ptr, buffer_ + begin_, n);
    begin_ += n;
    read_in_request_ += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (!wait_ready(sock_, POLLOUT, write_timeout_ms_)) return -1;
    for (;;) {
      const ssize_t sent = send(sock_, ptr, size, MSG_NOSIGNAL);
      if (sent < 0 && errno == EINTR) continue;
      return sent;
    }
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (getpeername(sock_, reinterpret_cast<sockaddr*>(&address), &length) == 0) address_of(address, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (getsockname(sock_, reinterpret_cast<sockaddr*>(&address), &length) == 0) address_of(address, ip, port);
  }
  socket_t socket() const override { return sock_; }

 private:
  bool fill() {
    if (!wait_ready(sock_, POLLIN, read_timeout_ms_)) return false;
    for (;;) {
      const ssize_t got = recv(sock_, buffer_, sizeof buffer_, 0);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) return false;
      begin_ = 0;
      end_ = static_cast<std::size_t>(got);
      return true;
    }
  }

  const int sock_;
  const int read_timeout_ms_;
  const int write_timeout_ms_;
  char buffer_[16 * 1024];
  std::size_t begin_ = 0, end_ = 0;
  std::size_t read_in_request_ = 0;
  std::size_t budget_ = HttpServer::kHeaderBudget;
  bool close_requested_ = false;
};

thread_local BoundedStream* current_stream = nullptr;

// After refusing a body unread: send FIN first and read (and drop) what the client is still sending for
// a moment, so that the answer reaches it instead of being lost to a reset. Bounded in time and bytes.
void linger_and_close(int sock) {
  shutdown(sock, SHUT_WR);
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(500);
  char sink[16 * 1024];
  std::size_t dropped = 0;
  while (dropped < (8u << 20) && std::chrono::steady_clock::now() < until && wait_ready(sock, POLLIN, 100)) {
    const ssize_t got = recv(sock, sink, sizeof sink, 0);
    if (got <= 0) break;
    dropped += static_cast<std::size_t>(got);
  }
  close(sock);
}

}  // namespace

void HttpServer::widen_backlog(int backlog) { ::listen(svr_sock_, backlog); }

bool HttpServer::wait_for_request(socket_t sock) const {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(keep_alive_timeout_sec_);
  while (svr_sock_ != INVALID_SOCKET) {  // the server socket is closed by stop()
    if (wait_ready(sock, POLLIN, kStopCheckMs)) return true;
    if (std::chrono::steady_clock::now() >= until) return false;
  }
  return false;
}

bool HttpServer::process_and_close_socket(socket_t sock) {
  BoundedStream stream(sock, static_cast<int>(read_timeout_sec_ * 1000), static_cast<int>(write_timeout_sec_ * 1000));
  current_stream = &stream;
  bool ok = true;
  for (std::size_t left = keep_alive_max_count_; left > 0; --left) {
    if (!stream.has_buffered() && !wait_for_request(sock)) break;
    stream.start_request();
    bool connection_closed = false;
    ok = process_request(stream, left == 1, connection_closed, nullptr);
    if (!ok || connection_closed || stream.close_requested()) break;
  }
  current_stream = nullptr;
  if (stream.close_requested()) {
    linger_and_close(sock);
  } else {
    shutdown(sock, SHUT_RDWR);
    close(sock);
  }
  return ok;
}

void allow_request_body(std::size_t bytes) {
  if (current_stream != nullptr) current_stream->allow(bytes);
}

void close_after_response() {
  if (current_stream != nullptr) current_stream->request_close();
}

}  // namespace lede::serve
