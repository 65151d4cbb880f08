// A fixed-size pool of worker threads for converting many reports at once. Header-only so that the
// unit tests (which do not link the CLI) can use it.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace reportkg::cli {

/// Runs submitted tasks on `size()` threads, in submission order as threads become free. The
/// result (or the exception) of a task arrives through the future submit() returns. The destructor
/// lets running tasks finish, drops tasks not yet started (their futures report broken_promise)
/// and joins the threads.
class ThreadPool {
 public:
  /// `threads` workers (at least one).
  explicit ThreadPool(std::size_t threads) {
    if (threads == 0) threads = 1;
    threads_.reserve(threads);
    for (std::size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
  }
  ~ThreadPool() {
    {
      const std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
      queue_.clear();
    }
    ready_.notify_all();
    for (std::thread& t : threads_) t.join();
  }
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  std::size_t size() const { return threads_.size(); }

  /// Queues `task` (callable without arguments) and returns the future of its result.
  template <class F>
  std::future<std::invoke_result_t<F>> submit(F task) {
    using R = std::invoke_result_t<F>;
    // std::function needs a copyable callable; a packaged_task is move-only.
    auto packaged = std::make_shared<std::packaged_task<R()>>(std::move(task));
    std::future<R> future = packaged->get_future();
    {
      const std::lock_guard<std::mutex> lock(mu_);
      queue_.emplace_back([packaged] { (*packaged)(); });
    }
    ready_.notify_one();
    return future;
  }

  /// The number of threads to use by default: one per hardware thread (at least one).
  static std::size_t default_size() {
    const unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : n;
  }

 private:
  void work() {
    for (;;) {
      std::function<void()> task;
      {
        std::unique_lock<std::mutex> lock(mu_);
        ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (stopping_) return;
        task = std::move(queue_.front());
        queue_.pop_front();
      }
      task();  // a packaged_task: exceptions go into its future
    }
  }

  std::mutex mu_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> queue_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;  // last: started after the members above exist
};

}  // namespace reportkg::cli
