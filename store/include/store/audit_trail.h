// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The workstation's own audit trail (NEN 7513): every access to patient data appended to a chain
// in which each record's MAC covers the record and the previous MAC, keyed with a key from the
// keychain. A sealed head (last sequence number and MAC) makes removing records at the end visible
// too. Without the key nobody can make an edited, removed or reordered record verify again. The
// head is also kept outside the store (HeadAnchor), so an earlier copy of the whole store, put
// back after records were deleted, no longer verifies either.
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

// Keeps the trail's head where the store file is not: the workstation puts it beside the store's
// key (keychain or key file). Saved after every append; read by Verify.
class HeadAnchor {
 public:
  virtual ~HeadAnchor() = default;
  virtual domain::Result<std::optional<std::string>> Load() = 0;  // nullopt: never saved
  virtual domain::Result<bool> Save(const std::string& text) = 0;
};

class AuditTrail {
 public:
  AuditTrail(std::shared_ptr<Database> db, const Cipher& cipher) : m_db(std::move(db)), m_cipher(cipher) {}
  // From now on every append also saves the head to `anchor`, and Verify checks against it. A
  // store that was once anchored and has lost its anchor does not verify.
  void SetAnchor(std::shared_ptr<HeadAnchor> anchor) { m_anchor = std::move(anchor); }
  domain::Result<std::int64_t> Append(const domain::AuditEvent& e);
  domain::Result<std::vector<AuditRecord>> ForPatient(const domain::Bsn& bsn);
  domain::Result<std::vector<AuditRecord>> All();
  AuditCheck Verify();
  // Tab-separated export, one record per line with a header, for the privacy officer.
  domain::Result<std::string> ExportTsv(const std::optional<domain::Bsn>& patient);

 private:
  domain::Result<std::vector<AuditRecord>> Query(const std::string& where, const std::string& patientKey);
  std::string CheckAnchor(std::size_t records, std::int64_t anchorSeq, bool macMatches);
  std::shared_ptr<Database> m_db;
  const Cipher& m_cipher;
  std::shared_ptr<HeadAnchor> m_anchor;
};

}  // namespace zb::store
