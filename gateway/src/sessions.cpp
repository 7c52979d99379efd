// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions.h"

#include <chrono>
#include <iostream>

#include "clock.h"
#include "net/jose/random.h"

namespace zb::gateway {

bool SessionStore::Ended(const Session& s, std::int64_t now) const {
  return s.expiresAt <= now || now - s.lastUsed > m_idleSeconds;
}

std::string SessionStore::Create(const Identity& user, std::int64_t expiresAt, std::string jkt) {
  const std::string token = net::jose::RandomToken(32);
  const std::int64_t now = Now();
  std::lock_guard lock(m_mutex);
  // Drop ended sessions on the way, so the map cannot grow without bound.
  for (auto it = m_sessions.begin(); it != m_sessions.end();) {
    it = Ended(it->second, now) ? m_sessions.erase(it) : std::next(it);
  }
  m_sessions[net::jose::Sha256(token)] = {user, expiresAt, now, std::move(jkt)};
  return token;
}

std::optional<Session> SessionStore::Find(const std::string& token) {
  const std::int64_t now = Now();
  std::lock_guard lock(m_mutex);
  auto it = m_sessions.find(net::jose::Sha256(token));
  if (it == m_sessions.end()) return std::nullopt;
  if (Ended(it->second, now)) {
    if (it->second.expiresAt > now) std::clog << "session ended: " << m_idleSeconds << " s without use\n";
    m_sessions.erase(it);
    return std::nullopt;
  }
  return it->second;
}

void SessionStore::Touch(const std::string& token) {
  std::lock_guard lock(m_mutex);
  if (auto it = m_sessions.find(net::jose::Sha256(token)); it != m_sessions.end()) it->second.lastUsed = Now();
}

bool SessionStore::Remove(const std::string& token) {
  std::lock_guard lock(m_mutex);
  return m_sessions.erase(net::jose::Sha256(token)) > 0;
}

}  // namespace zb::gateway
