// Prometheus text for the server's counters (metrics.h). Formatting only; the server decides what to
// count and when.
#include "metrics.h"

#include <cstdio>

namespace lede::serve {
namespace {

std::string format_number(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.9g", value);
  return buffer;
}

void write_help(std::string* out, const char* name, const char* type, const char* help) {
  *out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
}

}  // namespace

void Metrics::record_request(const std::string& route, int status, double seconds) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++requests_[{route, status}];
  Histogram& histogram = latency_[route];
  std::size_t bucket = 0;
  while (bucket < kLatencyBuckets.size() && seconds > kLatencyBuckets[bucket]) ++bucket;
  ++histogram.counts[bucket];
  histogram.sum += seconds;
  ++histogram.count;
}

void Metrics::record_page(std::size_t bytes) {
  pages_.fetch_add(1, std::memory_order_relaxed);
  page_bytes_.fetch_add(bytes, std::memory_order_relaxed);
}

void Metrics::record_error(const std::string& code) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++errors_[code];
}

std::string Metrics::render_prometheus() const {
  std::string out;
  std::lock_guard<std::mutex> lock(mutex_);
  write_help(&out, "lede_http_requests_total", "counter", "HTTP requests answered, by route and status.");
  for (const auto& [key, count] : requests_) {
    out += "lede_http_requests_total{route=\"" + key.first + "\",status=\"" + std::to_string(key.second) +
           "\"} " + std::to_string(count) + "\n";
  }
  write_help(&out, "lede_http_request_duration_seconds", "histogram",
             "Time from the request's arrival to its answer, by route.");
  for (const auto& [route, histogram] : latency_) {
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i <= kLatencyBuckets.size(); ++i) {
      cumulative += histogram.counts[i];
      const std::string le = i < kLatencyBuckets.size() ? format_number(kLatencyBuckets[i]) : "+Inf";
      out += "lede_http_request_duration_seconds_bucket{route=\"" + route + "\",le=\"" + le + "\"} " +
             std::to_string(cumulative) + "\n";
    }
    out += "lede_http_request_duration_seconds_sum{route=\"" + route + "\"} " + format_number(histogram.sum) + "\n";
    out += "lede_http_request_duration_seconds_count{route=\"" + route + "\"} " + std::to_string(histogram.count) +
           "\n";
  }
  write_help(&out, "lede_pages_extracted_total", "counter", "Pages extracted successfully.");
  out += "lede_pages_extracted_total " + std::to_string(pages_.load()) + "\n";
  write_help(&out, "lede_page_bytes_total", "counter", "Bytes of the pages extracted successfully.");
  out += "lede_page_bytes_total " + std::to_string(page_bytes_.load()) + "\n";
  write_help(&out, "lede_errors_total", "counter", "Error answers, by their stable code.");
  for (const auto& [code, count] : errors_) {
    out += "lede_errors_total{code=\"" + code + "\"} " + std::to_string(count) + "\n";
  }
  write_help(&out, "lede_extraction_queue_depth", "gauge", "Extractions waiting for a worker.");
  out += "lede_extraction_queue_depth " + std::to_string(queue_depth_.load()) + "\n";
  write_help(&out, "lede_requests_in_flight", "gauge", "Requests being handled now.");
  out += "lede_requests_in_flight " + std::to_string(in_flight_.load()) + "\n";
  return out;
}

}  // namespace lede::serve
