// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A token bucket per client address for the endpoints anyone can call without a session (login):
// each attempt writes an audit record, so an unlimited caller could fill the trail's disk.
#include <chrono>
#include <map>
#include <mutex>
#include <string>

namespace zb::gateway {

class RateLimiter {
 public:
  // `perMinute` attempts per address and minute, with a burst of as many.
  explicit RateLimiter(int perMinute) : m_perMinute(perMinute) {}
  // 0 when the attempt may go ahead, otherwise the seconds until it may (Retry-After).
  int Take(const std::string& client);

 private:
  struct Bucket {
    double tokens = 0;
    std::chrono::steady_clock::time_point at;
  };
  int m_perMinute;
  std::mutex m_mutex;
  std::map<std::string, Bucket> m_buckets;
};

}  // namespace zb::gateway
