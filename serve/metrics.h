// The server's counters for GET /metrics, written in the Prometheus text exposition format (0.0.4).
// Thread-safe; recording is a few atomic adds and one short lock. Knows nothing of HTTP or extraction.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace lede::serve {

class Metrics {
 public:
  // One finished request: its route ("/v1/extract", "/healthz", "other", ...), HTTP status and duration.
  void record_request(const std::string& route, int status, double seconds);
  // One page extracted (its size in bytes), or one error answered, by its stable code.
  void record_page(std::size_t bytes);
  void record_error(const std::string& code);
  // Gauges the server keeps current.
  void set_queue_depth(std::size_t depth) { queue_depth_.store(depth, std::memory_order_relaxed); }
  void add_in_flight(int delta) { in_flight_.fetch_add(delta, std::memory_order_relaxed); }

  std::string render_prometheus() const;

  // Upper bounds of the latency histogram's buckets, in seconds (+Inf is implicit).
  static constexpr std::array<double, 14> kLatencyBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                                             0.25,  0.5,    1.0,   2.5,  5.0,   10.0, 30.0};

 private:
  struct Histogram {
    std::array<std::uint64_t, kLatencyBuckets.size() + 1> counts{};  // last: +Inf
    double sum = 0;
    std::uint64_t count = 0;
  };

  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, std::uint64_t> requests_;  // (route, status) -> count
  std::map<std::string, Histogram> latency_;                        // route -> histogram
  std::map<std::string, std::uint64_t> errors_;                     // code -> count
  std::atomic<std::uint64_t> pages_{0};
  std::atomic<std::uint64_t> page_bytes_{0};
  std::atomic<std::size_t> queue_depth_{0};
  std::atomic<int> in_flight_{0};
};

}  // namespace lede::serve
