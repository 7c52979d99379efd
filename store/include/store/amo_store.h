// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Imported discharge AMOs (docs/amo-import.md) waiting in the secretariat's review queue, sealed:
// the document as read, each line's review (checked by, accepted by) and every field change. The
// store keeps the review as an opaque text (amo/amo_review_json.h encodes it) with its state, so
// the queue can be listed without opening every record.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/date_time.h"
#include "domain/result.h"
#include "store/cipher.h"
#include "store/database.h"

namespace zb::store {

struct StoredAmoImport {
  std::int64_t id = 0;  // 0: not stored yet
  std::int64_t patientId = 0;
  std::string state;       // imported, checked, accepted (domain::ReviewState)
  std::string importedBy;  // reviewer id of the import
  domain::Instant createdAt;
  domain::Instant updatedAt;
  std::string payload;  // the encoded review
};

class AmoStore {
 public:
  AmoStore(std::shared_ptr<Database> db, const Cipher& cipher) : m_db(std::move(db)), m_cipher(cipher) {}
  // Inserts (id 0; createdAt is set) or replaces (id set, same patient) in one transaction.
  domain::Result<std::int64_t> Save(const StoredAmoImport& amo);
  domain::Result<std::vector<StoredAmoImport>> List(std::int64_t patientId);
  // The queue: every import not yet wholly accepted, oldest first, over all patients.
  domain::Result<std::vector<StoredAmoImport>> Open();
  domain::Result<std::optional<StoredAmoImport>> Get(std::int64_t id);

 private:
  domain::Result<std::vector<StoredAmoImport>> Query(const std::string& where, std::optional<std::int64_t> bind);
  domain::Result<StoredAmoImport> Load(Statement& row);
  std::shared_ptr<Database> m_db;
  const Cipher& m_cipher;
};

}  // namespace zb::store
