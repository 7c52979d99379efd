// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Workstation settings (gateway URL, trust file, language, lock timeout): plain key/value pairs,
// no patient data.
#include <memory>
#include <optional>
#include <string>

#include "domain/result.h"
#include "store/database.h"

namespace zb::store {

class Settings {
 public:
  explicit Settings(std::shared_ptr<Database> db) : m_db(std::move(db)) {}
  domain::Result<std::optional<std::string>> Get(const std::string& key);
  domain::Result<bool> Set(const std::string& key, const std::string& value);

 private:
  std::shared_ptr<Database> m_db;
};

}  // namespace zb::store
