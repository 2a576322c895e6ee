// Connection threads for cpp-httplib (connection_pool.h): a thread is created only when every existing
// one is busy, and kept afterwards. Must not drop a task: httplib's task owns the socket it closes.
#include "connection_pool.h"

#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cstdint>

namespace lede::serve {
namespace {

// Linux's struct sched_attr (include/uapi/linux/sched/types.h); glibc 2.36 has no wrapper for it.
struct SchedAttr {
  std::uint32_t size;
  std::uint32_t sched_policy;
  std::uint64_t sched_flags;
  std::int32_t sched_nice;
  std::uint32_t sched_priority;
  std::uint64_t sched_runtime;
  std::uint64_t sched_deadline;
  std::uint64_t sched_period;
};

// These threads run for a few microseconds at a time (read a request, hand it over, write the answer).
// With EEVDF (Linux >= 6.12) a shorter time slice lets a waking thread preempt a CPU-bound extraction
// worker at once instead of waiting up to the end of the worker's slice (1.5 ms on 2 cores), on every
// hop of every request. Same policy and nice value: it asks for no more CPU, only sooner. Where the
// kernel does not know the field, the call fails and nothing changes.
void ask_for_short_slices() {
#ifdef SYS_sched_setattr
  SchedAttr attr{};
  attr.size = sizeof attr;
  attr.sched_policy = SCHED_OTHER;
  attr.sched_nice = 0;
  attr.sched_runtime = 100'000;  // ns: the kernel's minimum custom slice
  syscall(SYS_sched_setattr, 0, &attr, 0);
#endif
}

}  // namespace

ConnectionPool::ConnectionPool(std::size_t max_threads) : max_threads_(max_threads == 0 ? 1 : max_threads) {}

ConnectionPool::~ConnectionPool() { shutdown(); }

void ConnectionPool::enqueue(std::function<void()> task) {
  std::lock_guard<std::mutex> lock(mutex_);
  tasks_.push_back(std::move(task));
  if (tasks_.size() > idle_ && threads_.size() < max_threads_) {
    threads_.emplace_back([this] { thread_loop(); });
  }
  ready_.notify_one();
}

void ConnectionPool::shutdown() {
  std::vector<std::thread> threads;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    threads.swap(threads_);
  }
  ready_.notify_all();
  for (std::thread& thread : threads) thread.join();
}

void ConnectionPool::thread_loop() {
  ask_for_short_slices();
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    ++idle_;
    ready_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
    --idle_;
    if (tasks_.empty()) return;  // stopping, nothing left
    std::function<void()> task = std::move(tasks_.front());
    tasks_.pop_front();
    lock.unlock();
    task();
    lock.lock();
  }
}

}  // namespace lede::serve
