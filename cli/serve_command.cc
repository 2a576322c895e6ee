// `lede serve` (serve_command.h): wires the flags into a ServeConfig, sets the process's signal and
// malloc policy, binds, prints where it listens and stops on SIGINT/SIGTERM. All HTTP lives in serve/;
// this file only starts and stops it.
#include "serve_command.h"

#include <malloc.h>
#include <pthread.h>
#include <signal.h>

#include <iostream>
#include <thread>

#include "server.h"

namespace lede::cli {
namespace {

serve::ServeConfig to_config(const ServeArgs& args) {
  serve::ServeConfig config;
  config.host = args.host;
  config.port = args.port;
  config.workers = args.workers;
  config.max_connections = args.max_connections;
  config.max_queue = args.max_queue;
  config.max_body_bytes = static_cast<std::size_t>(args.max_body_mb * 1024 * 1024);
  config.request_timeout_ms = args.request_timeout_ms;
  config.max_fetches = args.max_fetches;
  config.fetch.timeout_ms = args.fetch_timeout_ms;
  config.fetch.max_bytes = static_cast<std::size_t>(args.fetch_max_mb * 1024 * 1024);
  config.fetch.max_redirects = args.max_redirects;
  config.fetch.allow_private = args.allow_private;
  config.fetch.testing_start_origin = args.testing_allow_origin;
  return config;
}

// Blocks SIGINT/SIGTERM in every thread (threads started later inherit the mask) and ignores SIGPIPE,
// so that a client closing early never kills the process; returns the set one thread waits on.
sigset_t take_over_signals() {
  signal(SIGPIPE, SIG_IGN);
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  return stop_signals;
}

// glibc returns freed memory to the kernel eagerly: blocks over 128 KiB (a page, its decoded copy)
// are mmap'ed and unmapped one by one, and an arena's free top is trimmed past 128 KiB. With the answer
// freed on another thread than the one that rendered it, the workers' heaps were trimmed between requests
// and faulted back in: about 80 page faults a page, some 5 % of the server's CPU at 0.8x the CLI's rate.
// Blocks under 4 MiB stay in the arenas, and a free top is trimmed only past 32 MiB.
void keep_freed_memory_for_reuse() {
  mallopt(M_MMAP_THRESHOLD, 4 << 20);
  mallopt(M_TRIM_THRESHOLD, 32 << 20);
}

}  // namespace

int run_serve(const ServeArgs& args) {
  const sigset_t stop_signals = take_over_signals();
  keep_freed_memory_for_reuse();
  net::init_fetching();
  serve::Server server(to_config(args));
  const int port = server.bind();
  if (port <= 0) {
    std::cerr << "lede serve: cannot listen on " << args.host << ":" << args.port << "\n";
    return 1;
  }
  std::cout << "lede serve: listening on http://" << args.host << ":" << port << "/" << std::endl;
  if (args.allow_private) std::cerr << "lede serve: --allow-private: fetches may reach private addresses\n";
  std::thread signal_waiter([&server, stop_signals] {
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    server.stop();
  });
  const bool ok = server.listen();
  // listen() also returns when the socket fails: wake the waiter so that it can be joined.
  pthread_kill(signal_waiter.native_handle(), SIGTERM);
  signal_waiter.join();
  std::cerr << "lede serve: stopped\n";
  return ok ? 0 : 1;
}

}  // namespace lede::cli
