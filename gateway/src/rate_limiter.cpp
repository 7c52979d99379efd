// SPDX-License-Identifier: GPL-3.0-or-later
#include "rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace zb::gateway {

int RateLimiter::Take(const std::string& client) {
  const auto now = std::chrono::steady_clock::now();
  const double rate = m_perMinute / 60.0;  // tokens per second
  std::lock_guard lock(m_mutex);
  // Full buckets carry no information: drop them now and then so the map cannot grow without bound.
  if (m_buckets.size() > 10000) {
    std::erase_if(m_buckets, [&](const auto& b) {
      return b.second.tokens + std::chrono::duration<double>(now - b.second.at).count() * rate >= m_perMinute;
    });
  }
  auto [it, fresh] = m_buckets.try_emplace(client, Bucket{static_cast<double>(m_perMinute), now});
  Bucket& b = it->second;
  b.tokens = std::min<double>(m_perMinute, b.tokens + std::chrono::duration<double>(now - b.at).count() * rate);
  b.at = now;
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return 0;
  }
  return std::max(1, static_cast<int>(std::ceil((1.0 - b.tokens) / rate)));
}

}  // namespace zb::gateway
