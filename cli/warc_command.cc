// The WARC pipeline: reader thread -> N workers (one Extractor each) -> this thread writing JSON Lines in
// input order. At most `window` records are in flight between the reader and the writer, so memory is
// bounded by a small multiple of the largest record whatever the archive's size.
#include "warc_command.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

#include "batch_output.h"
#include "lede/extract.h"
#include "lede/render.h"
#include "lede/warc.h"

namespace lede::cli {
namespace {

using Clock = std::chrono::steady_clock;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

struct Job {
  std::uint64_t seq = 0;
  WarcRecord record;
};

struct Result {
  bool ok = false;
  std::string line;   // the page's JSON line, or the error message
  std::string code;   // the Status code name when !ok
};

// Counts for the closing summary.
struct Tally {
  std::uint64_t records = 0, pages = 0, extracted = 0, read_errors = 0;
  std::map<std::string, std::uint64_t> skipped, failed;
};

Options page_options(const ExtractArgs& args) {
  Options options;
  options.charset = args.charset;
  options.include_comments = args.comments;
  options.include_metadata = !args.no_metadata;
  options.reference_date = args.reference_date;
  return options;
}

Result extract_record(Extractor& extractor, const WarcRecord& record, Options options) {
  options.url = record.target_uri;
  options.content_type = record.content_type;
  // The crawl's own date is the day relative dates on the page are read against, unless the caller said.
  if (options.reference_date.empty() && record.date.size() >= 10) options.reference_date = record.date.substr(0, 10);
  Article article;
  Status status = extractor.extract(record.payload, options, &article);
  Result result;
  if (!status.ok()) {
    result.code = status.code_name();
    result.line = record.target_uri + " " + record.record_id + ": " + status.message();
    return result;
  }
  std::string json = to_json(article);
  // The page's document, plus where it came from in the archive (docs/crawl.md).
  if (!json.empty() && json.back() == '}') json.pop_back();
  json += ",\"warc_target_uri\":";
  lede::append_json_string(&json, record.target_uri);
  json += ",\"warc_date\":";
  lede::append_json_string(&json, record.date);
  json += ",\"warc_record_id\":";
  lede::append_json_string(&json, record.record_id);
  json += "}\n";
  result.ok = true;
  result.line = std::move(json);
  return result;
}

std::string format_rate(double pages, double seconds) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", seconds > 0 ? pages / seconds : 0.0);
  return buffer;
}

}  // namespace

bool is_warc_path(std::string_view path) {
  return ends_with(path, ".warc") || ends_with(path, ".warc.gz") || ends_with(path, ".warc.zst");
}

int run_warc_extract(const ExtractArgs& args) {
  if (args.format != "json" && args.format != "text") {
    // text is the flag's default: WARC output is always JSON Lines.
    std::cerr << "lede: WARC input writes JSON Lines; --format " << args.format << " is not supported\n";
    return 2;
  }
  std::string error;
  std::unique_ptr<BatchOutput> output = open_batch_output(args.output_dir, &error);
  if (!output) {
    std::cerr << "lede: " << error << "\n";
    return 1;
  }
  unsigned threads = args.threads ? args.threads : std::max(1u, std::thread::hardware_concurrency());
  const std::uint64_t window = 4 * static_cast<std::uint64_t>(threads) + 4;
  const Options base = page_options(args);
  const bool progress = isatty(STDERR_FILENO) != 0;

  std::mutex mutex;
  std::condition_variable reader_cv, worker_cv, writer_cv;
  std::deque<Job> jobs;
  std::map<std::uint64_t, Result> results;
  std::uint64_t issued = 0, written = 0;
  bool reading_done = false;
  Tally tally;
  std::uint64_t total_bytes = 0, bytes_read = 0;
  std::mutex stderr_mutex;

  std::thread reader_thread([&] {
    for (const std::string& path : args.inputs) {
      WarcReader reader;
      Status status = reader.open(path);
      if (!status.ok()) {
        std::lock_guard lock(mutex);
        ++tally.read_errors;
        std::lock_guard err(stderr_mutex);
        std::cerr << "lede: " << status.message() << "\n";
        continue;
      }
      std::uint64_t done_before = bytes_read;
      {
        std::lock_guard lock(mutex);
        total_bytes += reader.file_size();
      }
      Job job;
      while (true) {
        WarcNext next = reader.next(&job.record);
        if (next.event == WarcEvent::end) break;
        std::unique_lock lock(mutex);
        bytes_read = done_before + reader.bytes_read();
        ++tally.records;
        if (next.event == WarcEvent::skipped) {
          ++tally.skipped[next.reason];
          continue;
        }
        if (next.event == WarcEvent::error) {
          ++tally.read_errors;
          std::lock_guard err(stderr_mutex);
          std::cerr << (progress ? "\r\033[K" : "") << "lede: " << path << ": " << next.reason << "\n";
          continue;
        }
        ++tally.pages;
        reader_cv.wait(lock, [&] { return issued - written < window; });
        job.seq = issued++;
        jobs.push_back(std::move(job));
        job = Job();
        worker_cv.notify_one();
      }
    }
    std::lock_guard lock(mutex);
    reading_done = true;
    worker_cv.notify_all();
    writer_cv.notify_all();
  });

  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      Extractor extractor;
      while (true) {
        Job job;
        {
          std::unique_lock lock(mutex);
          worker_cv.wait(lock, [&] { return !jobs.empty() || reading_done; });
          if (jobs.empty()) return;
          job = std::move(jobs.front());
          jobs.pop_front();
        }
        Result result = extract_record(extractor, job.record, base);
        std::lock_guard lock(mutex);
        results.emplace(job.seq, std::move(result));
        writer_cv.notify_one();
      }
    });
  }

  // The writer: results in input order, as soon as the next one is ready.
  Clock::time_point start = Clock::now(), last_progress = start;
  bool write_failed = false;
  while (true) {
    Result result;
    {
      std::unique_lock lock(mutex);
      writer_cv.wait_for(lock, std::chrono::milliseconds(progress ? 250 : 60000), [&] {
        return results.count(written) > 0 || (reading_done && written == issued);
      });
      if (progress && Clock::now() - last_progress > std::chrono::milliseconds(250)) {
        last_progress = Clock::now();
        double seconds = std::chrono::duration<double>(last_progress - start).count();
        std::string eta;
        if (total_bytes > 0 && bytes_read > 0 && bytes_read < total_bytes) {
          double left = seconds * static_cast<double>(total_bytes - bytes_read) / static_cast<double>(bytes_read);
          eta = ", ETA " + std::to_string(static_cast<long>(left)) + " s";
        }
        int percent = total_bytes ? static_cast<int>(100.0 * static_cast<double>(bytes_read) / static_cast<double>(total_bytes)) : 0;
        std::lock_guard err(stderr_mutex);
        std::cerr << "\r\033[Klede: " << percent << "% read, " << written << " pages, "
                  << format_rate(static_cast<double>(written), seconds) << " pages/s" << eta << std::flush;
      }
      auto it = results.find(written);
      if (it == results.end()) {
        if (reading_done && written == issued) break;
        continue;
      }
      result = std::move(it->second);
      results.erase(it);
      ++written;
      if (result.ok) ++tally.extracted;
      else ++tally.failed[result.code];
      reader_cv.notify_one();
    }
    if (result.ok) {
      if (!write_failed && !output->write(result.line)) {
        write_failed = true;
        std::cerr << "lede: writing " << (args.output_dir.empty() ? "standard output" : args.output_dir) << " failed\n";
      }
    } else {
      std::lock_guard err(stderr_mutex);
      std::cerr << (progress ? "\r\033[K" : "") << "lede: " << result.line << "\n";
    }
  }
  reader_thread.join();
  for (std::thread& worker : workers) worker.join();
  if (!output->close() && !write_failed) {
    write_failed = true;
    std::cerr << "lede: closing " << args.output_dir << " failed\n";
  }

  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::uint64_t skipped = 0, failed = 0;
  std::string skipped_by, failed_by;
  for (const auto& [reason, n] : tally.skipped) {
    skipped += n;
    skipped_by += (skipped_by.empty() ? "" : ", ") + reason + " " + std::to_string(n);
  }
  for (const auto& [code, n] : tally.failed) {
    failed += n;
    failed_by += (failed_by.empty() ? "" : ", ") + code + " " + std::to_string(n);
  }
  std::cerr << (progress ? "\r\033[K" : "") << "lede: " << tally.records << " records, " << tally.pages
            << " HTML pages, " << tally.extracted << " extracted, " << failed << " failed"
            << (failed_by.empty() ? "" : " (" + failed_by + ")") << ", " << skipped << " skipped"
            << (skipped_by.empty() ? "" : " (" + skipped_by + ")") << ", " << tally.read_errors
            << " read errors; " << format_rate(static_cast<double>(tally.pages), seconds) << " pages/s over "
            << format_rate(seconds, 1) << " s, " << threads << " thread" << (threads == 1 ? "" : "s") << "\n";
  return (failed || tally.read_errors || write_failed) ? 1 : 0;
}

bool load_warc_pages(const std::string& path, std::vector<WarcPage>* pages, std::string* error) {
  WarcReader reader;
  Status status = reader.open(path);
  if (!status.ok()) {
    *error = status.message();
    return false;
  }
  WarcRecord record;
  for (std::size_t index = 0;; ++index) {
    WarcNext next = reader.next(&record);
    if (next.event == WarcEvent::end) break;
    if (next.event == WarcEvent::error) std::cerr << "lede bench: " << path << ": " << next.reason << "\n";
    if (next.event != WarcEvent::page) continue;
    char id[24];
    std::snprintf(id, sizeof id, "%06zu", index);
    pages->push_back({id, record.payload, record.content_type});
    pages->back().bytes.shrink_to_fit();
  }
  return true;
}

}  // namespace lede::cli
