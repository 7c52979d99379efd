// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The workstation's own audit trail (NEN 7513): every access to patient data appended to a chain
// in which each record's MAC covers the record and the previous MAC, keyed with a key from the
// keychain. A sealed head (last sequence number and MAC) makes removing records at the end visible
// too. Without the key nobody can make an edited, removed or reordered record verify again.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/audit.h"
#include "domain/identifiers.h"
#include "domain/result.h"
#include "store/cipher.h"
#include "store/database.h"

namespace zb::store {

struct AuditRecord {
  std::int64_t seq = 0;
  domain::AuditEvent event;  // patientBsn is empty: only the keyed hash is stored
  std::string patientKey;    // empty for events without a patient
};

struct AuditCheck {
  bool intact = false;
  std::size_t records = 0;
  std::string problem;  // the first problem found: which record and what is wrong
};

class AuditTrail {
 public:
  AuditTrail(std::shared_ptr<Database> db, const Cipher& cipher) : m_db(std::move(db)), m_cipher(cipher) {}
  domain::Result<std::int64_t> Append(const domain::AuditEvent& e);
  domain::Result<std::vector<AuditRecord>> ForPatient(const domain::Bsn& bsn);
  domain::Result<std::vector<AuditRecord>> All();
  AuditCheck Verify();
  // Tab-separated export, one record per line with a header, for the privacy officer.
  domain::Result<std::string> ExportTsv(const std::optional<domain::Bsn>& patient);

 private:
  domain::Result<std::vector<AuditRecord>> Query(const std::string& where, const std::string& patientKey);
  std::shared_ptr<Database> m_db;
  const Cipher& m_cipher;
};

}  // namespace zb::store
