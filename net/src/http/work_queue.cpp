// SPDX-License-Identifier: GPL-3.0-or-later
#include "work_queue.h"

#include "thread_name.h"

namespace zb::net::http {

WorkQueue::WorkQueue(int workers, std::size_t maxQueued, std::chrono::milliseconds maxHeadWait)
    : m_maxQueued(maxQueued), m_maxHeadWait(maxHeadWait) {
  for (int i = 0; i < workers; ++i)
    m_threads.emplace_back([this] {
      NameThisThread("zb-server-work");
      Run();
    });
}

WorkQueue::~WorkQueue() { Stop(); }

bool WorkQueue::Offer(std::function<void()> job) {
  {
    std::lock_guard lock(m_mutex);
    // Jobs an idle worker is about to take do not wait: only those beyond the idle workers count.
    const std::size_t idle = m_threads.size() - m_busy;
    if (m_stopping || m_jobs.size() >= m_maxQueued + idle) return false;
    const auto now = std::chrono::steady_clock::now();
    if (!m_jobs.empty() && now - m_jobs.front().queuedAt > m_maxHeadWait) return false;
    m_jobs.push_back({now, std::move(job)});
  }
  m_wake.notify_one();
  return true;
}

void WorkQueue::Stop() {
  std::deque<Job> dropped;
  {
    std::lock_guard lock(m_mutex);
    m_stopping = true;
    dropped.swap(m_jobs);
  }
  m_wake.notify_all();
  for (auto& t : m_threads)
    if (t.joinable()) t.join();
  // Dropped jobs are destroyed here, outside the lock: they may own connections whose destructors
  // call back into the server.
}

std::size_t WorkQueue::Busy() const {
  std::lock_guard lock(m_mutex);
  return m_busy;
}

std::size_t WorkQueue::Queued() const {
  std::lock_guard lock(m_mutex);
  return m_jobs.size();
}

void WorkQueue::Run() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(m_mutex);
      m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
      if (m_stopping) return;
      job = std::move(m_jobs.front().run);
      m_jobs.pop_front();
      ++m_busy;
    }
    job();
    job = nullptr;
    std::lock_guard lock(m_mutex);
    --m_busy;
  }
}

}  // namespace zb::net::http
