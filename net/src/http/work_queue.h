// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A fixed set of worker threads with a bounded queue: Offer() refuses rather than letting the
// queue grow, so overload becomes an immediate 503 at the server instead of unbounded waiting.
// Besides its length, the queue's delay bounds it: while the oldest waiting job has waited longer
// than `maxHeadWait`, a new job is refused at once. A full-length queue of quick jobs is fine; a
// short queue that does not move means every newcomer would wait too, past its client's deadline.
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace zb::net::http {

class WorkQueue {
 public:
  // `maxQueued`: jobs that may wait while every worker is busy.
  WorkQueue(int workers, std::size_t maxQueued, std::chrono::milliseconds maxHeadWait = std::chrono::hours(1));
  ~WorkQueue();
  WorkQueue(const WorkQueue&) = delete;
  WorkQueue& operator=(const WorkQueue&) = delete;

  // False when the queue is full, its oldest job has waited longer than maxHeadWait, or it is
  // stopped; the job is then not run.
  bool Offer(std::function<void()> job);
  // Lets running jobs finish, drops the waiting ones and joins the workers.
  void Stop();
  std::size_t Busy() const;
  std::size_t Queued() const;

 private:
  void Run();

  mutable std::mutex m_mutex;
  std::condition_variable m_wake;
  struct Job {
    std::chrono::steady_clock::time_point queuedAt;
    std::function<void()> run;
  };
  std::deque<Job> m_jobs;
  std::size_t m_maxQueued;
  std::chrono::milliseconds m_maxHeadWait;
  std::size_t m_busy = 0;
  bool m_stopping = false;
  std::vector<std::thread> m_threads;
};

}  // namespace zb::net::http
