// The server's extraction workers: a fixed number of threads (about the core count), each with its own
// reusable lede::Extractor, taking work from one bounded FIFO queue. Bounds CPU work however many
// connections are open; never touches sockets or HTTP.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "lede/extract.h"

namespace lede::serve {

class ExtractionPool {
 public:
  using Clock = std::chrono::steady_clock;
  using Work = std::function<void(lede::Extractor&)>;

  enum class Outcome {
    ran,         // the work ran on a worker
    queue_full,  // every worker was busy and max_queue jobs were already waiting: refused at once
    expired,     // the deadline passed before a worker was free: never ran
    stopped,     // the pool is shutting down
    failed,      // the work threw (it is not retried)
  };

  ExtractionPool(std::size_t workers, std::size_t max_queue);
  ~ExtractionPool();  // finishes running work, refuses queued work, joins the workers
  ExtractionPool(const ExtractionPool&) = delete;
  ExtractionPool& operator=(const ExtractionPool&) = delete;

  // Runs `work` on a worker and blocks until it has run, or was refused, or its deadline passed while it
  // was still queued (then it never runs). Thread-safe.
  Outcome run(const Work& work, Clock::time_point deadline);

  std::size_t queue_depth() const;  // jobs not yet taken by a worker

 private:
  struct Job;
  void worker_loop();

  const std::size_t max_queue_;
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Job*> queue_;
  std::vector<std::unique_ptr<Job>> spare_jobs_;  // the pool owns every job (see finish() in the .cc)
  std::size_t idle_workers_ = 0;  // waiting for a job (a wake-up is sent only when one is)
  std::size_t busy_workers_ = 0;  // extracting: the others take a job at once, even one still starting up
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace lede::serve
