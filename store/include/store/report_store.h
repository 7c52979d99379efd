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

// A signed version on its way to the patient's own organisation (schema 8, report_sends).
struct ReportSend {
  std::string reportId;
  std::string receiverUra;
  std::string teamId;  // the receiver's team it is addressed to (schema 9); empty: the organisation
  std::string teamName;
  std::string state;  // queued, sent, no_endpoint, delivered_by_hand, refused
  domain::Instant queuedAt;
  domain::Instant updatedAt;
  std::int64_t attempts = 0;
  std::string lastError;
  std::string taskId;  // the sender gateway's workflow Task
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
  // Every patient's versions written since `since`, oldest first (the on-call physician's shift).
  domain::Result<std::vector<StoredReport>> Since(domain::Instant since);
  // Removes a draft version; a signed one is refused (kInconsistent). False when there was none.
  domain::Result<bool> RemoveDraft(const std::string& reportId);

  // Notes that a signed version is to be sent to `receiverUra` (and its team `teamId`/`teamName`,
  // empty: the organisation) before the gateway is asked. Again for the same receiver and team:
  // unchanged, true; for another: refused (kInconsistent).
  domain::Result<bool> QueueSend(const std::string& reportId, const std::string& receiverUra, domain::Instant now,
                                 const std::string& teamId = {}, const std::string& teamName = {});
  domain::Result<bool> MarkSend(const ReportSend& send);
  domain::Result<std::optional<ReportSend>> GetSend(const std::string& reportId);
  // The sends in `state`, oldest first.
  domain::Result<std::vector<ReportSend>> Sends(const std::string& state);

 private:
  domain::Result<StoredReport> Load(Statement& row);
  std::shared_ptr<Database> m_db;
  const Cipher& m_cipher;
};

}  // namespace zb::store
