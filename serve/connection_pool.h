// The HTTP server's connection threads (an httplib::TaskQueue): grows on demand up to a cap, so every
// open keep-alive connection up to the cap has a thread and none waits behind idle sockets. These threads
// only read, wait and write; CPU work goes to the ExtractionPool. Never parses HTTP itself.
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace lede::serve {

class ConnectionPool : public httplib::TaskQueue {
 public:
  explicit ConnectionPool(std::size_t max_threads);
  ~ConnectionPool() override;

  // A connection to serve: runs on an idle thread, a new one while under the cap, or waits its turn.
  void enqueue(std::function<void()> task) override;
  void shutdown() override;  // runs what is queued, then joins every thread

 private:
  void thread_loop();

  const std::size_t max_threads_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> tasks_;
  std::vector<std::thread> threads_;
  std::size_t idle_ = 0;
  bool stopping_ = false;
};

}  // namespace lede::serve
