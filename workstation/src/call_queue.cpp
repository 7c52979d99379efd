// SPDX-License-Identifier: GPL-3.0-or-later
#include "workstation/call_queue.h"

namespace zb::workstation {

void CallQueue::Post(std::function<void()> call) {
  {
    std::lock_guard lock(m_mutex);
    m_calls.push_back(std::move(call));
  }
  m_posted.notify_all();
}

std::size_t CallQueue::RunPending() {
  std::size_t ran = 0;
  for (;;) {
    std::function<void()> call;
    {
      std::lock_guard lock(m_mutex);
      if (m_calls.empty()) return ran;
      call = std::move(m_calls.front());
      m_calls.pop_front();
    }
    call();  // outside the lock: a call may post again
    ++ran;
  }
}

bool CallQueue::RunUntil(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
  const auto until = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    RunPending();
    if (done()) return true;
    std::unique_lock lock(m_mutex);
    if (!m_posted.wait_until(lock, until, [this] { return !m_calls.empty(); })) return done();
  }
}

}  // namespace zb::workstation
