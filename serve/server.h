// `lede serve`'s HTTP server: POST /v1/extract, GET /healthz, GET /metrics and the reader page at /.
// A thin shell over lede::Extractor like the CLI: it parses requests, bounds them, wires the library and
// answers; it never prints (the CLI reports). cpp-httplib stays behind this header.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "fetch.h"  // net/

namespace lede::serve {

struct ServeConfig {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (bind() says which)
  std::size_t workers = 0;               // concurrent extractions, one Extractor each; 0: the core count
  std::size_t max_connections = 256;     // connections served at once (one thread each, made on demand)
  std::size_t max_queue = 512;           // extractions waiting for a worker; past it: 503 overloaded
  std::size_t max_body_bytes = 16u << 20;  // request body (after Content-Encoding); past it: 413
  long request_timeout_ms = 15'000;      // arrival to answer: queueing, fetching and extracting
  long read_timeout_s = 10;              // one read from a client (slow senders are dropped)
  long keep_alive_timeout_s = 5;         // an idle keep-alive connection is closed after this
  std::size_t keep_alive_max_requests = 10'000;
  std::size_t max_fetches = 16;          // concurrent fetch=URL requests; past it: 503 overloaded
  net::FetchOptions fetch;
};

class Server {
 public:
  explicit Server(ServeConfig config);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listening socket; returns the port (useful with port 0), or -1 when it cannot bind.
  int bind();
  // Serves until stop(); returns false when the listening socket failed.
  bool listen();
  // Thread-safe and signal-thread-safe enough: asks listen() to return.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lede::serve
