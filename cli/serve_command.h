// `lede serve`: runs the HTTP API and reader page (serve/server.h) until SIGINT or SIGTERM. Reports the
// address it listens on; parses nothing itself (main.cc hands it options) and serves nothing itself.
#pragma once

#include <cstddef>
#include <string>

namespace lede::cli {

struct ServeArgs {
  std::string host = "127.0.0.1";
  int port = 8080;
  unsigned workers = 0;  // 0: all cores
  std::size_t max_connections = 256;
  std::size_t max_queue = 512;
  double max_body_mb = 16;
  long request_timeout_ms = 15'000;
  std::size_t max_fetches = 16;
  long fetch_timeout_ms = 10'000;
  double fetch_max_mb = 16;
  int max_redirects = 5;
  bool allow_private = false;
  std::string testing_allow_origin;  // hidden: "host:port" a fetch chain may start at (tests only)
};

// Returns the exit code: 0 after a clean stop, 1 when the address cannot be bound.
int run_serve(const ServeArgs& args);

}  // namespace lede::cli
