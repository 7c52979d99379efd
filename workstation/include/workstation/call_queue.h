// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A PatientSession's owner thread where there is no UI loop (the CLI, tests, the benchmark): work
// posted from any thread waits here until the owner drains it.
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>

namespace zb::workstation {

class CallQueue {
 public:
  // Thread-safe; `call` runs later, on the thread that drains the queue.
  void Post(std::function<void()> call);
  // Runs what is queued now (and what those calls queue); returns how many ran.
  std::size_t RunPending();
  // Runs queued calls until `done()` is true (checked after each call and before waiting) or the
  // timeout passes; true when done.
  bool RunUntil(const std::function<bool()>& done, std::chrono::milliseconds timeout);

 private:
  std::mutex m_mutex;
  std::condition_variable m_posted;
  std::deque<std::function<void()>> m_calls;
};

}  // namespace zb::workstation
