// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions.h"

#include <chrono>

#include "clock.h"
#include "net/jose/random.h"

namespace zb::gateway {
std::string SessionStore::Create(const Identity& user, std::int64_t expiresAt) {
  const std::string token = net::jose::RandomToken(32);
  std::lock_guard lock(m_mutex);
  // Drop expired sessions on the way, so the map cannot grow without bound.
  for (auto it = m_sessions.begin(); it != m_sessions.end();) {
    it = it->second.expiresAt <= Now() ? m_sessions.erase(it) : std::next(it);
  }
  m_sessions[net::jose::Sha256(token)] = {user, expiresAt};
  return token;
}

std::optional<Session> SessionStore::Find(const std::string& token) {
  std::lock_guard lock(m_mutex);
  auto it = m_sessions.find(net::jose::Sha256(token));
  if (it == m_sessions.end()) return std::nullopt;
  if (it->second.expiresAt <= Now()) {
    m_sessions.erase(it);
    return std::nullopt;
  }
  return it->second;
}

bool SessionStore::Remove(const std::string& token) {
  std::lock_guard lock(m_mutex);
  return m_sessions.erase(net::jose::Sha256(token)) > 0;
}

}  // namespace zb::gateway
