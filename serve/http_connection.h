// One client connection's life for cpp-httplib, in lede's hands: a socket stream that reads at most a
// budget a request (headers first, then the body the route allows), and the keep-alive loop around it.
// cpp-httplib 0.11.4 reads an unread body's bytes as the next request line, unbounded; this must not.
#pragma once

#include <httplib.h>

#include <cstddef>

namespace lede::serve {

// httplib::Server whose connections run through BoundedStream (http_connection.cc).
class HttpServer : public httplib::Server {
 public:
  // Bytes a request may send before its routing decides anything: the request line and headers.
  static constexpr std::size_t kHeaderBudget = 64 * 1024;

  // Raises the listen backlog from cpp-httplib's built-in 5, so that a burst of connections is not
  // dropped (and retried a second later) by the kernel.
  void widen_backlog(int backlog);

 private:
  bool process_and_close_socket(socket_t sock) override;
  bool wait_for_request(socket_t sock) const;
};

// For the request being handled on this thread (called from route handlers):
// let it send `bytes` more of body (the budget starts at kHeaderBudget) ...
void allow_request_body(std::size_t bytes);
// ... or close the connection once the answer is written (its body was refused unread).
void close_after_response();

}  // namespace lede::serve
