// SPDX-License-Identifier: GPL-3.0-or-later
#include "background.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace zb::gui {

namespace {

struct Worker {
  std::mutex mutex;
  std::condition_variable wake;
  std::deque<std::function<void()>> jobs;
  std::thread thread;
  bool stopping = false;

  void Loop() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock lock(mutex);
        wake.wait(lock, [this] { return stopping || !jobs.empty(); });
        if (jobs.empty()) return;  // stopping, and nothing left to do
        job = std::move(jobs.front());
        jobs.pop_front();
      }
      job();
    }
  }
};

Worker& TheWorker() {
  static Worker w;
  return w;
}

}  // namespace

void RunInBackground(std::function<void()> job) {
  auto& w = TheWorker();
  std::lock_guard lock(w.mutex);
  w.stopping = false;
  w.jobs.push_back(std::move(job));
  if (!w.thread.joinable()) w.thread = std::thread([&w] { w.Loop(); });
  w.wake.notify_one();
}

void StopBackground() {
  auto& w = TheWorker();
  {
    std::lock_guard lock(w.mutex);
    w.stopping = true;
  }
  w.wake.notify_one();
  if (w.thread.joinable()) w.thread.join();
  w.thread = std::thread();
}

}  // namespace zb::gui
