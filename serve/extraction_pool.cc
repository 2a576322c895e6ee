// Extraction workers (extraction_pool.h): FIFO so that latency under load is fair, one Extractor per
// worker so that its buffers (and malloc arena) stay warm on one thread; a worker with jobs queued goes
// from one to the next without sleeping. Every wake-up is signalled after the lock is released, so that
// the woken thread does not find the lock held and sleep again.
#include "extraction_pool.h"

#include <algorithm>

namespace lede::serve {

// A job belongs to the pool, not to its caller's stack: a worker signals it after unlocking, and by then
// the caller may have left; a late signal only wakes the job's next user once, for nothing.
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
  std::unique_lock<std::mutex> lock(mutex_);
  if (stopping_) return Outcome::stopped;
  // Room: max_queue jobs may wait, beside one for each worker not extracting (which takes it at once).
  // Counted by the busy ones, not the waiting ones: a worker still starting up, or between two jobs, is
  // not waiting yet but is free (a server just started with --max-queue 0 refused its first request).
  if (queue_.size() >= max_queue_ + (workers_.size() - busy_workers_)) return Outcome::queue_full;
  if (spare_jobs_.empty()) spare_jobs_.push_back(std::make_unique<Job>());
  std::unique_ptr<Job> job = std::move(spare_jobs_.back());
  spare_jobs_.pop_back();
  job->work = &work;
  job->deadline = deadline;
  job->outcome = Outcome::ran;
  job->done = false;
  queue_.push_back(job.get());
  const bool wake_worker = idle_workers_ > 0;
  lock.unlock();
  if (wake_worker) ready_.notify_one();
  lock.lock();
  while (!job->done) {
    if (job->finished.wait_until(lock, deadline) == std::cv_status::timeout && !job->done) {
      const auto queued = std::find(queue_.begin(), queue_.end(), job.get());
      if (queued == queue_.end()) {  // a worker has it (its extraction is bounded by the deadline too)
        job->finished.wait(lock, [&job] { return job->done; });
        break;
      }
      queue_.erase(queued);
      job->outcome = Outcome::expired;
      break;
    }
  }
  const Outcome outcome = job->outcome;
  spare_jobs_.push_back(std::move(job));
  return outcome;
}

std::size_t ExtractionPool::queue_depth() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return queue_.size();
}

void ExtractionPool::worker_loop() {
  lede::Extractor extractor;
  std::unique_lock<std::mutex> lock(mutex_);
  Job* finished = nullptr;  // the job to signal once the lock is released
  for (;;) {
    if (queue_.empty() && !stopping_) {
      ++idle_workers_;
      ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      --idle_workers_;
    }
    if (stopping_ && queue_.empty()) return;
    Job* job = queue_.front();
    queue_.pop_front();
    if (Clock::now() >= job->deadline) {
      job->outcome = Outcome::expired;
      job->done = true;
      lock.unlock();
      job->finished.notify_one();
      lock.lock();
      continue;
    }
    ++busy_workers_;
    lock.unlock();
    if (finished != nullptr) finished->finished.notify_one();  // the previous job's caller
    Outcome outcome = Outcome::ran;
    try {
      (*job->work)(extractor);
    } catch (...) {  // e.g. bad_alloc while rendering: this request fails, the worker and process live on
      outcome = Outcome::failed;
    }
    lock.lock();
    --busy_workers_;
    job->outcome = outcome;
    job->done = true;
    finished = job;
    if (queue_.empty()) {  // nothing to start first: signal now
      lock.unlock();
      finished->finished.notify_one();
      finished = nullptr;
      lock.lock();
    }
  }
}

}  // namespace lede::serve
