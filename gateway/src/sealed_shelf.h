// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the gateway keeps of on-call reports (its own published ones, and notifications of others'):
// one JSON record per file, sealed (AES-256-GCM under a key of its own, bound to the file's name),
// written to a temporary file, synced and renamed over the old one, so a crash leaves the old or the
// new record, never half of one. All records are read at start; a file that does not open under the
// key stops the start, naming it (nothing is guessed at or dropped).
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/result.h"

namespace zb::store {
class Cipher;
}

namespace zb::gateway {

class SealedShelf {
 public:
  // `keyFile`: at least 32 random bytes, readable by the gateway only.
  static domain::Result<std::unique_ptr<SealedShelf>> Open(const std::string& directory, const std::string& keyFile);
  ~SealedShelf();
  SealedShelf(const SealedShelf&) = delete;
  SealedShelf& operator=(const SealedShelf&) = delete;

  // `key`: [A-Za-z0-9-], the file's name. On disk and synced when it returns.
  domain::Result<bool> Put(const std::string& key, const nlohmann::json& record);
  std::optional<nlohmann::json> Get(const std::string& key) const;
  std::vector<nlohmann::json> All() const;

 private:
  SealedShelf(std::string directory, std::unique_ptr<store::Cipher> cipher);
  std::string m_directory;
  std::unique_ptr<store::Cipher> m_cipher;
  mutable std::mutex m_mutex;
  std::map<std::string, nlohmann::json> m_records;
};

}  // namespace zb::gateway
