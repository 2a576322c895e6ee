// The bench command: load a set's pages into memory, run timed passes with one reused Extractor a thread,
// then write the predictions and report speed and memory. Only extract() and to_json() sit inside the
// clock: reading pages, writing predictions and reporting never do. It scores nothing (bench/run does).
#include "bench_command.h"

#include <sys/resource.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "inputs.h"
#include "lede/extract.h"
#include "lede/render.h"
#include "warc_command.h"

namespace lede::cli {
namespace fs = std::filesystem;
namespace {

using Clock = std::chrono::steady_clock;

constexpr double kMB = 1e6;  // every MB this command prints is 10^6 bytes, RSS included
constexpr double kUnknown = -1;

struct Page {
  std::string id;  // the file name without .html: the prediction is <id>.json
  std::string bytes;
};

struct SetResult {
  std::string name;
  std::string dir;
  std::size_t pages = 0;
  std::size_t bytes = 0;
  std::size_t failures = 0;
  std::size_t write_failures = 0;
  double seconds = 0;               // the passes' times, summed: each the busiest thread's clocked pages
  std::vector<double> pass_seconds;
  std::vector<double> page_seconds; // each page's fastest pass
  std::string slowest_id;           // the page whose fastest pass was the slowest
  double slowest_ms = 0;
  double peak_rss_mb = kUnknown;      // getrusage ru_maxrss: this set's peak where the reset worked
  double set_peak_rss_mb = kUnknown;  // VmHWM, the same high-water mark read from procfs
  bool peak_reset = false;            // the peak was reset before the set was loaded (else: process peak)
  double loaded_rss_mb = kUnknown;    // VmRSS with the pages loaded, before the first pass
  std::vector<double> rss_after_pass_mb;  // VmRSS after each pass, Extractors still alive
  std::size_t output_bytes = 0;     // the JSON predictions written (none are held in memory)

  double pages_per_second() const { return seconds > 0 ? pages * pass_seconds.size() / seconds : 0; }
  double mb_per_second() const { return seconds > 0 ? bytes * pass_seconds.size() / kMB / seconds : 0; }
  // The extraction's own peak: how far the RSS rose above the loaded pages.
  double peak_above_loaded_mb() const {
    if (loaded_rss_mb < 0 || peak_rss_mb < 0) return kUnknown;
    return std::max(0.0, peak_rss_mb - loaded_rss_mb);
  }
  double rss_growth_mb() const {
    if (loaded_rss_mb < 0 || rss_after_pass_mb.empty() || rss_after_pass_mb.back() < 0) return kUnknown;
    return rss_after_pass_mb.back() - loaded_rss_mb;
  }
};

// "VmRSS" / "VmHWM" from /proc/self/status, in MB; kUnknown where there is no procfs.
double proc_status_mb(std::string_view key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.size() > key.size() && line.compare(0, key.size(), key) == 0 && line[key.size()] == ':') {
      return std::strtod(line.c_str() + key.size() + 1, nullptr) * 1024 / kMB;  // the kernel writes kB
    }
  }
  return kUnknown;
}

double max_rss_mb() {
  rusage usage{};
  if (getrusage(RUSAGE_SELF, &usage) != 0) return kUnknown;
  return static_cast<double>(usage.ru_maxrss) * 1024 / kMB;  // Linux: kilobytes
}

// Linux resets the peak RSS (VmHWM) when "5" is written to clear_refs; so each set gets its own peak.
bool reset_peak_rss() {
  std::ofstream out("/proc/self/clear_refs");
  out << "5";
  out.flush();
  return static_cast<bool>(out);
}

// Hands the previous set's freed pages back to the kernel, so the next set's RSS starts from what is live.
void release_free_memory() {
#ifdef __GLIBC__
  malloc_trim(0);
#endif
}

// The set's pages, sorted by name: every regular *.html directly inside dir.
bool load_set(const std::string& dir, std::vector<Page>* pages, std::string* error) {
  std::error_code ec;
  std::vector<fs::path> paths;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".html" && it->is_regular_file(ec)) paths.push_back(it->path());
  }
  if (ec) {
    *error = dir + ": " + ec.message();
    return false;
  }
  std::sort(paths.begin(), paths.end());
  pages->reserve(paths.size());
  for (const fs::path& path : paths) {
    Page page;
    page.id = path.stem().string();
    if (!read_input({path.string(), page.id}, &page.bytes, error)) {
      *error = path.string() + ": " + *error;
      return false;
    }
    page.bytes.shrink_to_fit();  // read in chunks: drop the slack so the loaded RSS is the input
    pages->push_back(std::move(page));
  }
  return true;
}

// A WARC archive as a set (docs/crawl.md): its HTML pages, read into memory like a folder's.
bool load_warc_set(const std::string& path, std::vector<Page>* pages, std::string* error) {
  std::vector<WarcPage> warc_pages;
  if (!load_warc_pages(path, &warc_pages, error)) return false;
  for (WarcPage& page : warc_pages) pages->push_back({std::move(page.id), std::move(page.bytes)});
  return true;
}

// The set's name is the folder's own name ("wcxb-dev" for ~/.cache/lede-bench/wcxb-dev/).
std::string set_name(const std::string& dir) {
  fs::path path = fs::absolute(dir).lexically_normal();
  if (path.filename().empty()) path = path.parent_path();  // a trailing '/' leaves an empty last part
  return path.filename().string();
}

// Where each page's prediction goes, and what went wrong with it. One slot a page: each page is touched by
// one thread a pass and passes do not overlap, so the slots need no lock.
struct PassState {
  const std::vector<Page>* pages = nullptr;
  fs::path output_dir;                  // empty: keep no predictions
  std::vector<std::string> errors;      // extraction failures, from the first pass
  std::vector<std::string> write_errors;
  std::vector<double> page_seconds;     // each page's fastest pass
  std::size_t output_bytes = 0;
  bool metadata = true;                 // Options::include_metadata
  std::size_t max_milliseconds = 0;     // Options::max_milliseconds
};

// One pass over every page; returns its time: the busiest thread's clocked seconds. Each page is clocked
// alone, so writing a prediction (first pass only, after the clock stops) never counts.
double run_pass(PassState& state, std::vector<std::unique_ptr<Extractor>>& extractors, bool first_pass) {
  const std::vector<Page>& pages = *state.pages;
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> output_bytes{0};
  std::vector<double> busy(extractors.size(), 0.0);
  Options options;  // what a crawl gives: no URL, no charset, the default limits
  options.include_metadata = state.metadata;
  options.max_milliseconds = state.max_milliseconds;
  auto worker = [&](std::size_t slot) {
    Extractor& extractor = *extractors[slot];
    Article article;  // reused, like the Extractor: extract() clears it
    std::string json;
    for (std::size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < pages.size();) {
      Clock::time_point start = Clock::now();
      Status status = extractor.extract(pages[i].bytes, options, &article);
      if (status.ok()) json = to_json(article);
      Clock::time_point stop = Clock::now();

      double seconds = std::chrono::duration<double>(stop - start).count();
      busy[slot] += seconds;
      state.page_seconds[i] = std::min(state.page_seconds[i], seconds);
      if (!first_pass) continue;
      if (!status.ok()) {
        state.errors[i] = std::string(status.code_name()) + ": " + status.message();
        continue;  // no prediction: the scorer counts the page as an empty output
      }
      if (state.output_dir.empty()) continue;
      json += '\n';
      output_bytes.fetch_add(json.size(), std::memory_order_relaxed);
      std::string path = (state.output_dir / (pages[i].id + ".json")).string();
      if (!write_file_atomic(path, json, &state.write_errors[i])) state.write_errors[i] = path + ": " + state.write_errors[i];
    }
  };
  if (extractors.size() == 1) {
    worker(0);
  } else {
    std::vector<std::thread> pool;
    for (std::size_t slot = 0; slot < extractors.size(); ++slot) pool.emplace_back(worker, slot);
    for (std::thread& thread : pool) thread.join();
  }
  state.output_bytes += output_bytes.load();
  return *std::max_element(busy.begin(), busy.end());
}

SetResult bench_set(const std::string& dir, const std::vector<Page>& pages, const BenchArgs& args,
                    unsigned threads, double loaded_rss_mb, bool* ok) {
  SetResult result;
  result.name = set_name(dir);
  result.dir = dir;
  result.pages = pages.size();
  for (const Page& page : pages) result.bytes += page.bytes.size();
  result.loaded_rss_mb = loaded_rss_mb;

  PassState state;
  state.pages = &pages;
  state.metadata = !args.no_metadata;
  state.max_milliseconds = args.max_milliseconds;
  state.errors.resize(pages.size());
  state.write_errors.resize(pages.size());
  state.page_seconds.assign(pages.size(), std::numeric_limits<double>::infinity());
  if (!args.output_dir.empty()) {
    state.output_dir = fs::path(args.output_dir) / result.name;
    std::error_code ec;
    fs::create_directories(state.output_dir, ec);
    if (ec) {
      std::cerr << "lede bench: " << state.output_dir.string() << ": " << ec.message() << "\n";
      *ok = false;
      state.output_dir.clear();
    }
  }

  std::vector<std::unique_ptr<Extractor>> extractors;
  for (unsigned t = 0; t < std::min<std::size_t>(threads, pages.size()); ++t) {
    extractors.push_back(std::make_unique<Extractor>());
  }
  for (unsigned pass = 0; pass < args.repeat; ++pass) {
    result.pass_seconds.push_back(run_pass(state, extractors, pass == 0));
    result.rss_after_pass_mb.push_back(proc_status_mb("VmRSS"));  // Extractors alive, outside any clock
  }
  for (double s : result.pass_seconds) result.seconds += s;
  result.set_peak_rss_mb = proc_status_mb("VmHWM");
  result.peak_rss_mb = max_rss_mb();
  result.page_seconds = std::move(state.page_seconds);
  auto slowest = std::max_element(result.page_seconds.begin(), result.page_seconds.end());
  result.slowest_id = pages[slowest - result.page_seconds.begin()].id;
  result.slowest_ms = *slowest * 1e3;
  result.output_bytes = state.output_bytes;

  for (std::size_t i = 0; i < pages.size(); ++i) {
    if (state.errors[i].empty()) continue;
    if (++result.failures <= 5) std::cerr << "lede bench: " << dir << "/" << pages[i].id << ".html: " << state.errors[i] << "\n";
  }
  if (result.failures > 5) std::cerr << "lede bench: " << result.failures - 5 << " more failures in " << dir << "\n";
  for (const std::string& error : state.write_errors) {
    if (error.empty()) continue;
    if (++result.write_failures <= 3) std::cerr << "lede bench: " << error << "\n";
  }
  if (result.failures || result.write_failures) *ok = false;
  return result;
}

// Nearest-rank percentile of the per-page times, in milliseconds.
double percentile_ms(std::vector<double> seconds, double fraction) {
  if (seconds.empty()) return 0;
  std::size_t rank = static_cast<std::size_t>(fraction * (seconds.size() - 1) + 0.5);
  std::nth_element(seconds.begin(), seconds.begin() + rank, seconds.end());
  return seconds[rank] * 1e3;
}

std::string format(const char* pattern, double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, pattern, value);
  return buffer;
}

std::string mb_or_unknown(double mb, const char* pattern = "%.1f MB") {
  return mb < 0 ? "n/a" : format(pattern, mb);
}

void print_header() {
  std::printf("%-14s %6s %8s %8s %8s %7s %10s %11s %10s  %s\n", "set", "pages", "MB", "seconds", "pages/s", "MB/s",
              "peak RSS", "over input", "RSS grow", "slowest page");
}

void print_row(const SetResult& r) {
  std::string slowest = r.slowest_id + " (" + format("%.1f ms", r.slowest_ms) + ")";
  std::printf("%-14s %6zu %8.1f %8.3f %8.1f %7.1f %10s %11s %10s  %s\n", r.name.c_str(), r.pages, r.bytes / kMB,
              r.seconds, r.pages_per_second(), r.mb_per_second(), mb_or_unknown(r.peak_rss_mb).c_str(),
              mb_or_unknown(r.peak_above_loaded_mb(), "+%.1f MB").c_str(),
              mb_or_unknown(r.rss_growth_mb(), "%+.1f MB").c_str(), slowest.c_str());
  if (r.rss_after_pass_mb.size() > 1 && r.rss_after_pass_mb.front() >= 0) {
    std::printf("%-14s %s\n", "", ("passes " + format("%.3f s", r.pass_seconds.front()) + " .. " +
                                   format("%.3f s", r.pass_seconds.back()) + "; RSS after the first " +
                                   mb_or_unknown(r.rss_after_pass_mb.front()) + ", after the last " +
                                   mb_or_unknown(r.rss_after_pass_mb.back()) + "; median page " +
                                   format("%.2f ms", percentile_ms(r.page_seconds, 0.5)) + ", p99 " +
                                   format("%.2f ms", percentile_ms(r.page_seconds, 0.99)))
                                      .c_str());
  }
  std::fflush(stdout);
}

std::string json_string(std::string_view text) {
  std::string out;
  append_json_string(&out, text);
  return out;
}

// JSON has no NaN: unknown figures are null.
std::string json_number(double value, const char* pattern = "%.6g") {
  return value < 0 ? "null" : format(pattern, value);
}

std::string results_json(const std::vector<SetResult>& results, const BenchArgs& args, unsigned threads) {
  std::string out = "{\n  \"tool\": \"lede bench\",\n  \"lede_version\": " + json_string(version()) +
#ifdef NDEBUG
                    ",\n  \"build\": \"release\"" +
#else
                    ",\n  \"build\": \"debug\"" +
#endif
                    ",\n  \"threads\": " + std::to_string(threads) + ",\n  \"repeat\": " +
                    std::to_string(args.repeat) + ",\n  \"mb\": 1000000,\n  \"sets\": [";
  for (std::size_t s = 0; s < results.size(); ++s) {
    const SetResult& r = results[s];
    out += s ? ",\n    {" : "\n    {";
    out += "\"name\": " + json_string(r.name) + ", \"dir\": " + json_string(r.dir);
    out += ", \"pages\": " + std::to_string(r.pages) + ", \"bytes\": " + std::to_string(r.bytes);
    out += ", \"failures\": " + std::to_string(r.failures);
    out += ", \"seconds\": " + json_number(r.seconds);
    out += ", \"pages_per_second\": " + json_number(r.pages_per_second());
    out += ", \"mb_per_second\": " + json_number(r.mb_per_second());
    out += ", \"pass_seconds\": [";
    for (std::size_t i = 0; i < r.pass_seconds.size(); ++i) out += (i ? ", " : "") + json_number(r.pass_seconds[i]);
    out += "], \"page_ms\": {\"median\": " + json_number(percentile_ms(r.page_seconds, 0.5)) +
           ", \"p99\": " + json_number(percentile_ms(r.page_seconds, 0.99)) + "}";
    out += ", \"slowest\": {\"id\": " + json_string(r.slowest_id) + ", \"ms\": " + json_number(r.slowest_ms) + "}";
    out += ", \"peak_rss_mb\": " + json_number(r.peak_rss_mb, "%.1f");
    out += ", \"peak_reset\": " + std::string(r.peak_reset ? "true" : "false");
    out += ", \"vm_hwm_mb\": " + json_number(r.set_peak_rss_mb, "%.1f");
    out += ", \"peak_over_input_mb\": " + json_number(r.peak_above_loaded_mb(), "%.1f");
    out += ", \"loaded_rss_mb\": " + json_number(r.loaded_rss_mb, "%.1f");
    out += ", \"rss_after_pass_mb\": [";
    for (std::size_t i = 0; i < r.rss_after_pass_mb.size(); ++i) {
      out += (i ? ", " : "") + json_number(r.rss_after_pass_mb[i], "%.1f");
    }
    out += "], \"rss_growth_mb\": " + format("%.1f", r.rss_growth_mb() < 0 ? 0 : r.rss_growth_mb());
    out += ", \"output_mb\": " + json_number(r.output_bytes / kMB, "%.2f") + "}";
  }
  return out + "\n  ]\n}\n";
}

}  // namespace

int run_bench(const BenchArgs& args) {
  if (args.repeat == 0) {
    std::cerr << "lede bench: --repeat must be at least 1\n";
    return 2;
  }
  unsigned threads = args.threads ? args.threads : std::max(1u, std::thread::hardware_concurrency());
#ifdef NDEBUG
  const char* build = "release build";
#else
  const char* build = "DEBUG build: not for speed figures";
  std::cerr << "lede bench: this lede was built without NDEBUG; build with -DCMAKE_BUILD_TYPE=Release\n";
#endif
  std::printf("lede %s (%s), %u thread%s, %u pass%s a set; timed: decode, parse, extract, render JSON\n", version(),
              build, threads, threads == 1 ? "" : "s", args.repeat, args.repeat == 1 ? "" : "es");
  print_header();

  bool ok = true;
  bool any_pages = false;
  std::vector<SetResult> results;
  for (const std::string& dir : args.dirs) {
    release_free_memory();          // the previous set's pages are gone: start this one from what is live
    bool reset = reset_peak_rss();  // best effort: where it fails, peak RSS is the process's peak so far
    std::vector<Page> pages;
    std::string error;
    if (is_warc_path(dir) ? !load_warc_set(dir, &pages, &error) : !load_set(dir, &pages, &error)) {
      std::cerr << "lede bench: " << error << "\n";
      ok = false;
      continue;
    }
    if (pages.empty()) {
      std::cerr << "lede bench: " << dir << ": no *.html pages\n";
      continue;
    }
    any_pages = true;
    SetResult result = bench_set(dir, pages, args, threads, proc_status_mb("VmRSS"), &ok);
    result.peak_reset = reset;
    print_row(result);
    results.push_back(std::move(result));
  }

  if (results.size() > 1) {
    SetResult total;
    total.name = "all";
    total.pass_seconds.assign(args.repeat, 0);  // pages_per_second() counts passes by this
    for (const SetResult& r : results) {
      total.pages += r.pages;
      total.bytes += r.bytes;
      total.seconds += r.seconds;
      total.peak_rss_mb = std::max(total.peak_rss_mb, r.peak_rss_mb);
      if (r.slowest_ms > total.slowest_ms) {
        total.slowest_ms = r.slowest_ms;
        total.slowest_id = r.name + "/" + r.slowest_id;
      }
    }
    print_row(total);
  }

  if (!args.json_path.empty()) {
    std::string error;
    if (!write_file_atomic(args.json_path, results_json(results, args, threads), &error)) {
      std::cerr << "lede bench: " << args.json_path << ": " << error << "\n";
      ok = false;
    }
  }
  if (!any_pages) {
    std::cerr << "lede bench: no pages to time (give folders of *.html)\n";
    return ok ? 2 : 1;
  }
  return ok ? 0 : 1;
}

}  // namespace lede::cli
