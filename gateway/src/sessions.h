// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Short-lived app sessions of logged-in professionals, in memory. Only a hash of each session
// token is kept, so a memory dump or a log line never yields a usable session. A session ends at
// its expiry or after `idleSeconds` without use (a workstation left logged in), and is bound to
// the key of the desktop that logged in (session_proof.h).
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
  std::int64_t lastUsed = 0;
  std::string jkt;  // thumbprint of the desktop's proof key
};

class SessionStore {
 public:
  explicit SessionStore(std::int64_t idleSeconds) : m_idleSeconds(idleSeconds) {}
  // Returns the new session token.
  std::string Create(const Identity& user, std::int64_t expiresAt, std::string jkt);
  // The session while it has not expired and was used within the idle time; it does not count as
  // a use (Touch does, once the request's proof has been checked).
  std::optional<Session> Find(const std::string& token);
  void Touch(const std::string& token);
  bool Remove(const std::string& token);

 private:
  bool Ended(const Session& s, std::int64_t now) const;
  const std::int64_t m_idleSeconds;
  std::mutex m_mutex;
  std::map<std::string, Session> m_sessions;  // key: SHA-256 of the token
};

}  // namespace zb::gateway
