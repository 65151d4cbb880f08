#include "cli/thread_pool.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

using reportkg::cli::ThreadPool;

TEST_CASE("thread pool returns every task's result through its future") {
  ThreadPool pool(4);
  CHECK(pool.size() == 4);
  std::vector<std::future<int>> results;
  for (int i = 0; i < 100; ++i) results.push_back(pool.submit([i] { return i * i; }));
  for (int i = 0; i < 100; ++i) CHECK(results[static_cast<std::size_t>(i)].get() == i * i);
}

TEST_CASE("thread pool runs tasks on several threads at once") {
  ThreadPool pool(3);
  std::atomic<int> running{0};
  std::atomic<int> most{0};
  std::vector<std::future<std::thread::id>> ids;
  for (int i = 0; i < 9; ++i) {
    ids.push_back(pool.submit([&] {
      const int now = ++running;
      int seen = most.load();
      while (now > seen && !most.compare_exchange_weak(seen, now)) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      --running;
      return std::this_thread::get_id();
    }));
  }
  std::set<std::thread::id> threads;
  for (auto& id : ids) threads.insert(id.get());
  CHECK(threads.size() > 1);
  CHECK(threads.size() <= 3);
  CHECK(most.load() > 1);
}

TEST_CASE("thread pool passes a task's exception to its future") {
  ThreadPool pool(2);
  auto failing = pool.submit([]() -> int { throw std::runtime_error("bad report"); });
  auto fine = pool.submit([] { return 7; });
  CHECK_THROWS_WITH_AS(failing.get(), "bad report", std::runtime_error);
  CHECK(fine.get() == 7);
}

TEST_CASE("thread pool with zero threads still has one") {
  ThreadPool pool(0);
  CHECK(pool.size() == 1);
  CHECK(pool.submit([] { return 1; }).get() == 1);
  CHECK(ThreadPool::default_size() >= 1);
}

TEST_CASE("thread pool destructor lets running tasks finish and drops the queued ones") {
  std::atomic<int> ran{0};
  std::vector<std::future<void>> queued;
  std::promise<void> started;
  std::promise<void> release;
  std::thread opener;
  {
    ThreadPool pool(1);
    std::shared_future<void> gate = release.get_future().share();
    auto running = pool.submit([gate, &ran, &started] {
      started.set_value();
      gate.wait();
      ++ran;
    });
    for (int i = 0; i < 10; ++i) queued.push_back(pool.submit([&ran] { ++ran; }));
    started.get_future().wait();  // the first task runs; the ten others wait in the queue
    // Let the first task finish only after the destructor has started.
    opener = std::thread([&release] {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      release.set_value();
    });
  }
  opener.join();
  // Each queued task either ran (if the destructor came late) or was dropped; none is lost.
  int dropped = 0;
  for (auto& f : queued) {
    try {
      f.get();
    } catch (const std::future_error& e) {
      CHECK(e.code() == std::future_errc::broken_promise);
      ++dropped;
    }
  }
  CHECK(ran.load() >= 1);
  CHECK(dropped + ran.load() == 11);
}
