// Extraction workers (extraction_pool.h): FIFO so that latency under load is fair, one Extractor per
// worker so that buffers are reused. A job lives on its caller's stack; the caller waits until it is done.
#include "extraction_pool.h"

namespace lede::serve {

struct ExtractionPool::Job {
  const Work* work = nullptr;
  Clock::time_point deadline;
  Outcome outcome = Outcome::ran;
  bool done = false;
  std::condition_variable finished;
};

ExtractionPool::ExtractionPool(std::size_t workers, std::size_t max_queue) : max_queue_(max_queue) {
  if (workers == 0) workers = 1;
  workers_.reserve(workers);
  for (std::size_t i = 0; i < workers; ++i) workers_.emplace_back([this] { worker_loop(); });
}

ExtractionPool::~ExtractionPool() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    for (Job* job : queue_) {
      job->outcome = Outcome::stopped;
      job->done = true;
      job->finished.notify_one();
    }
    queue_.clear();
  }
  ready_.notify_all();
  for (std::thread& worker : workers_) worker.join();
}

ExtractionPool::Outcome ExtractionPool::run(const Work& work, Clock::time_point deadline) {
  Job job;
  job.work = &work;
  job.deadline = deadline;
  std::unique_lock<std::mutex> lock(mutex_);
  if (stopping_) return Outcome::stopped;
  if (queue_.size() >= max_queue_) return Outcome::queue_full;
  queue_.push_back(&job);
  ready_.notify_one();
  job.finished.wait(lock, [&job] { return job.done; });
  return job.outcome;
}

std::size_t ExtractionPool::queue_depth() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return queue_.size();
}

void ExtractionPool::worker_loop() {
  lede::Extractor extractor;
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (stopping_ && queue_.empty()) return;
    Job* job = queue_.front();
    queue_.pop_front();
    if (Clock::now() >= job->deadline) {
      job->outcome = Outcome::expired;
    } else {
      lock.unlock();
      Outcome outcome = Outcome::ran;
      try {
        (*job->work)(extractor);
      } catch (...) {  // e.g. bad_alloc while rendering: this request fails, the worker and process live on
        outcome = Outcome::failed;
      }
      lock.lock();
      job->outcome = outcome;
    }
    job->done = true;
    job->finished.notify_one();
  }
}

}  // namespace lede::serve
