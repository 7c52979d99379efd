// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/settings.h"

namespace zb::store {

domain::Result<std::optional<std::string>> Settings::Get(const std::string& key) {
  auto lock = m_db->Lock();
  auto s = m_db->Prepare("SELECT value FROM settings WHERE key = ?");
  if (!s) return s.error();
  s.value().Bind(1, key);
  if (s.value().Step()) return std::optional<std::string>(s.value().Text(0));
  if (s.value().error()) return *s.value().error();
  return std::optional<std::string>();
}

domain::Result<bool> Settings::Set(const std::string& key, const std::string& value) {
  auto lock = m_db->Lock();
  auto s = m_db->Prepare(
      "INSERT INTO settings(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  if (!s) return s.error();
  s.value().Bind(1, key).Bind(2, value);
  return s.value().Run();
}

}  // namespace zb::store
