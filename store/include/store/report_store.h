// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// On-call reports per patient (waarneem.md B-R1, B-R2), sealed: each version with its own id, as an
// opaque text the workstation encodes, and for a signed version the FHIR document frozen at
// signing. A signed version is never changed or removed: a correction is another version. The
// report is kept here before signing completes, so nothing written during a shift is lost.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/audit.h"
#include "domain/date_time.h"
#include "domain/result.h"
#include "store/cipher.h"
#include "store/database.h"

namespace zb::store {

struct StoredReport {
  std::string reportId;  // the version's uuid
  std::int64_t patientId = 0;
  std::string status;         // draft, final, amended (readable: the shift view lists unsigned ones)
  domain::AuditUser author;   // who last wrote it
  domain::Instant createdAt;  // set by the store on the first save
  domain::Instant updatedAt;
  std::optional<domain::Instant> signedAt;
  std::string payload;   // the encoded report
  std::string document;  // signed: the FHIR document as frozen; empty for a draft
};

class ReportStore {
 public:
  ReportStore(std::shared_ptr<Database> db, const Cipher& cipher) : m_db(std::move(db)), m_cipher(cipher) {}
  // Inserts or replaces a draft version in one transaction. Refused (kInconsistent) when the stored
  // version with this id is signed, or belongs to another patient; a signed one needs its document.
  domain::Result<bool> Save(const StoredReport& report);
  // The patient's versions, oldest first.
  domain::Result<std::vector<StoredReport>> List(std::int64_t patientId);
  domain::Result<std::optional<StoredReport>> Get(const std::string& reportId);
  // Removes a draft version; a signed one is refused (kInconsistent). False when there was none.
  domain::Result<bool> RemoveDraft(const std::string& reportId);

 private:
  domain::Result<StoredReport> Load(Statement& row);
  std::shared_ptr<Database> m_db;
  const Cipher& m_cipher;
};

}  // namespace zb::store
