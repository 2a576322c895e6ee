// One client connection's life for cpp-httplib, in lede's hands: a socket stream that reads at most a
// budget a request (headers first, then the body the route allows), and the keep-alive loop around it.
// cpp-httplib 0.11.4 reads an unread body's bytes as the next request line, unbounded; this must not.
#pragma once

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <memory>
#include <string_view>

namespace lede::serve {

// httplib::Server whose connections run through BoundedStream (http_connection.cc).
class HttpServer : public httplib::Server {
 public:
  // Bytes a request may send before its routing decides anything: the request line and headers.
  static constexpr std::size_t kHeaderBudget = 64 * 1024;

  // Raises the listen backlog from cpp-httplib's built-in 5, so that a burst of connections is not
  // dropped (and retried a second later) by the kernel.
  void widen_backlog(int backlog);
  // Wakes every connection waiting for its next keep-alive request so that it closes now (with stop()).
  // Signal-thread-safe: one write to an eventfd.
  void stop_connections();

  HttpServer();
  ~HttpServer() override;

 private:
  bool process_and_close_socket(socket_t sock) override;
  bool wait_for_request(socket_t sock) const;

  int stop_fd_ = -1;  // an eventfd, readable once the server stops (idle connections poll it with their socket)
};

// For the request being handled on this thread (called from route handlers):
// let it send `bytes` more of body (the budget starts at kHeaderBudget) ...
void allow_request_body(std::size_t bytes);
// ... or close the connection once the answer is written (its body was refused unread).
void close_after_response();

// Whether the client of the request being handled on this thread has closed (or reset) its connection,
// e.g. a client that timed out while the request waited in the queue. Returns a check that any thread
// may call (one poll, no wait, nothing read) while this request's connection thread waits for it.
struct ClientCheck {
  int sock = -1;
  bool gone() const;
};
ClientCheck current_client();

// A request body as read from the socket: its own bytes, never zero-filled first.
struct RawBody {
  std::unique_ptr<char[]> data;
  std::size_t size = 0;
  std::string_view view() const { return {data.get(), size}; }
};

enum class BodyRead { ok, closed, timeout };
// Reads exactly `length` (> 0) bytes of the current request's body (a Content-Length body, no transfer
// or content coding) straight from the socket into `body`: one copy, no zero-filling. The caller has
// allowed the body (allow_request_body) and checked `length` against its limit.
BodyRead read_request_body(std::size_t length, std::chrono::steady_clock::time_point deadline, RawBody* body);

}  // namespace lede::serve
