// Connections for `lede serve` (http_connection.h): a buffered socket stream with a per-request read
// budget, one send per answer, the keep-alive loop, a lingering close after a refused body. HTTP parsing
// and routing stay cpp-httplib's (Server::process_request); this file never looks inside a request.
#include "http_connection.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <string>

namespace lede::serve {
namespace {

// Writes are gathered up to this size and sent together (httplib writes the status line and headers,
// then the body, in two calls: two sends, two segments, two wake-ups of the client).
constexpr std::size_t kWriteGather = 64 * 1024;

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
// and stop at the request's budget, so no request can make the server hold more than it allowed. Writes
// are gathered and sent with one writev when the answer is complete (flush()) or before the next read.
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

  // Gathers small writes; a write that would overflow the gathering buffer goes out with it at once.
  ssize_t write(const char* ptr, size_t size) override {
    if (write_failed_) return -1;
    if (pending_.size() + size <= kWriteGather) {
      pending_.append(ptr, size);
      return static_cast<ssize_t>(size);
    }
    return send_all(ptr, size) ? static_cast<ssize_t>(size) : -1;
  }

  // Sends what write() gathered; false when the socket failed (the connection is then closed).
  bool flush() { return pending_.empty() || send_all(nullptr, 0); }

  // The body straight into `body`: what the header reads left in the buffer, then recv into the body's
  // own memory. Bounded by the budget, the read timeout and the request's deadline.
  BodyRead read_body(std::size_t length, std::chrono::steady_clock::time_point deadline, RawBody* body) {
    if (!flush()) return BodyRead::closed;  // e.g. "100 Continue" must reach the client first
    if (read_in_request_ + length > budget_) return BodyRead::closed;
    body->data.reset(new char[length]);  // uninitialised: every byte is written below before it is used
    body->size = 0;
    char* const to = body->data.get();
    std::size_t got = std::min(length, end_ - begin_);
    std::memcpy(to, buffer_ + begin_, got);
    begin_ += got;
    while (got < length) {
      const ssize_t n = recv(sock_, to + got, length - got, MSG_DONTWAIT);
      if (n > 0) {
        got += static_cast<std::size_t>(n);
        continue;
      }
      if (n == 0) return BodyRead::closed;
      if (errno == EINTR) continue;
      if (errno != EAGAIN && errno != EWOULDBLOCK) return BodyRead::closed;
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                            deadline - std::chrono::steady_clock::now()).count();
      if (left <= 0) return BodyRead::timeout;
      const bool deadline_first = left < read_timeout_ms_;
      if (!wait_ready(sock_, POLLIN, static_cast<int>(deadline_first ? left + 1 : read_timeout_ms_))) {
        return deadline_first ? BodyRead::timeout : BodyRead::closed;
      }
    }
    read_in_request_ += length;
    body->size = length;
    return BodyRead::ok;
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
  // Sends pending_ and then [ptr, ptr + size) completely, with as few syscalls as the socket allows.
  bool send_all(const char* ptr, std::size_t size) {
    std::size_t pending_sent = 0, sent = 0;
    while (pending_sent < pending_.size() || sent < size) {
      iovec parts[2];
      int count = 0;
      if (pending_sent < pending_.size()) parts[count++] = {pending_.data() + pending_sent, pending_.size() - pending_sent};
      if (sent < size) parts[count++] = {const_cast<char*>(ptr) + sent, size - sent};
      msghdr message{};
      message.msg_iov = parts;
      message.msg_iovlen = static_cast<std::size_t>(count);
      const ssize_t n = sendmsg(sock_, &message, MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) && wait_ready(sock_, POLLOUT, write_timeout_ms_)) continue;
      if (n <= 0) {
        write_failed_ = true;
        pending_.clear();
        return false;
      }
      std::size_t done = static_cast<std::size_t>(n);
      const std::size_t from_pending = std::min(done, pending_.size() - pending_sent);
      pending_sent += from_pending;
      sent += done - from_pending;
    }
    pending_.clear();
    return true;
  }

  bool fill() {
    if (!flush()) return false;  // never wait for the client while our answer sits in the buffer
    for (;;) {  // read what is there; wait only when nothing is (the keep-alive wait has usually seen data)
      const ssize_t got = recv(sock_, buffer_, sizeof buffer_, MSG_DONTWAIT);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) && wait_ready(sock_, POLLIN, read_timeout_ms_)) continue;
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
  std::string pending_;  // gathered writes
  bool write_failed_ = false;
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

HttpServer::HttpServer() : stop_fd_(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {}

HttpServer::~HttpServer() {
  if (stop_fd_ >= 0) close(stop_fd_);
}

void HttpServer::widen_backlog(int backlog) { ::listen(svr_sock_, backlog); }

void HttpServer::stop_connections() {
  if (stop_fd_ < 0) return;
  const std::uint64_t one = 1;
  const ssize_t written = ::write(stop_fd_, &one, sizeof one);  // only fails when the counter is full
  (void)written;
}

// Waits for the next request's first bytes, the keep-alive timeout, or the server's stop: one poll, no
// periodic wake-ups (200 idle connections polling five times a second would take the workers' cores).
bool HttpServer::wait_for_request(socket_t sock) const {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(keep_alive_timeout_sec_);
  pollfd entries[2] = {{sock, POLLIN, 0}, {stop_fd_, POLLIN, 0}};
  const nfds_t count = stop_fd_ >= 0 ? 2 : 1;
  while (svr_sock_ != INVALID_SOCKET) {  // the server socket is closed by stop()
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now()).count();
    if (left <= 0) return false;
    // Without the eventfd (it could not be made), look at svr_sock_ every 200 ms as before.
    const int rc = poll(entries, count, count == 2 ? static_cast<int>(left) : static_cast<int>(std::min<long long>(left, 200)));
    if (rc < 0 && errno == EINTR) continue;
    if (rc < 0) return false;
    if (count == 2 && entries[1].revents != 0) return false;  // stopping
    if (entries[0].revents != 0) return true;  // data, or a hang-up that the read will see
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
    if (!stream.flush()) ok = false;  // the answer, in one send
    if (!ok || connection_closed || stream.close_requested()) break;
  }
  current_stream = nullptr;
  stream.flush();
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

ClientCheck current_client() { return ClientCheck{current_stream != nullptr ? current_stream->socket() : -1}; }

bool ClientCheck::gone() const {
  if (sock < 0) return false;
  pollfd entry{sock, POLLRDHUP, 0};
  return poll(&entry, 1, 0) > 0 && (entry.revents & (POLLRDHUP | POLLHUP | POLLERR)) != 0;
}

BodyRead read_request_body(std::size_t length, std::chrono::steady_clock::time_point deadline, RawBody* body) {
  if (current_stream == nullptr) return BodyRead::closed;
  return current_stream->read_body(length, deadline, body);
}

}  // namespace lede::serve
