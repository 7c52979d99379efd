// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Short-lived app sessions of logged-in professionals, in memory. Only a hash of each session
// token is kept, so a memory dump or a log line never yields a usable session.
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "identity.h"

namespace zb::gateway {

struct Session {
  Identity user;
  std::int64_t expiresAt = 0;
};

class SessionStore {
 public:
  // Returns the new session token.
  std::string Create(const Identity& user, std::int64_t expiresAt);
  std::optional<Session> Find(const std::string& token);
  bool Remove(const std::string& token);

 private:
  std::mutex m_mutex;
  std::map<std::string, Session> m_sessions;  // key: SHA-256 of the token
};

}  // namespace zb::gateway
