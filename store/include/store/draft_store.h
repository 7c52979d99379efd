// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The physician's medication drafts per patient, sealed, until they are released (prescribing.md).
// The store keeps each draft as an opaque text (the workstation encodes and decodes it) with who
// wrote it and when; a treatment line has at most one draft. Nothing here is ever sent anywhere.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/audit.h"
#include "domain/date_time.h"
#include "domain/result.h"
#include "store/cipher.h"
#include "store/database.h"

namespace zb::store {

struct StoredDraft {
  std::int64_t id = 0;  // 0: not stored yet
  std::int64_t patientId = 0;
  std::string treatment;     // the MBH as "system|value"; empty for a new start
  domain::AuditUser author;  // who last wrote it
  bool proposal = false;     // prepared by someone who may not prescribe: a prescriber must adopt it
  domain::Instant createdAt;
  domain::Instant updatedAt;
  std::string payload;  // the encoded draft
};

class DraftStore {
 public:
  DraftStore(std::shared_ptr<Database> db, const Cipher& cipher) : m_db(std::move(db)), m_cipher(cipher) {}
  // Inserts (id 0; createdAt is set) or replaces (id set) one draft in one transaction; returns its
  // id. A second draft for the same treatment of the patient is refused (kInconsistent), and so is
  // an update of a draft that does not exist or belongs to another patient (kMissing).
  domain::Result<std::int64_t> Save(const StoredDraft& draft);
  domain::Result<std::vector<StoredDraft>> List(std::int64_t patientId);
  domain::Result<std::optional<StoredDraft>> Get(std::int64_t id);
  // Whether it existed.
  domain::Result<bool> Remove(std::int64_t id);
  // How the audit trail names a treatment: "t:" and 16 hex digits of its keyed hash. The trail is
  // readable without the key, and an MBH identifier leads back to the patient at its source.
  std::string TreatmentFingerprint(const std::string& treatment) const;

 private:
  domain::Result<StoredDraft> Load(Statement& row);
  std::shared_ptr<Database> m_db;
  const Cipher& m_cipher;
};

}  // namespace zb::store
