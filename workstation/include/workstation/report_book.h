// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The covering physician's on-call reports (waarneem.md, docs/waarneem-ig.md): written during the
// shift as drafts kept sealed in the local store (nothing written is lost), signed by the logged-in
// physician — who is the author, from the DEZI verklaring, never typed in — which freezes the
// version and its FHIR document, and corrected as a new version. Every save and signature is in
// the audit trail. Sending is not here yet (issue 16's transport step).
// Threads: call from one thread at a time (the UI thread); each call is one store transaction.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/audit.h"
#include "domain/locum_report.h"
#include "domain/patient_register.h"
#include "domain/result.h"

namespace zb::store {
class LocalStore;
}

namespace zb::workstation {

struct User;

struct ReportEntry {
  domain::LocumReport report;
  domain::AuditUser author;  // who last wrote it
  domain::Instant createdAt;
  domain::Instant updatedAt;
};

class ReportBook {
 public:
  struct Impl {
    store::LocalStore& store;
    std::function<std::optional<User>()> user;
    std::function<void(domain::AuditAction, const std::string& bsn, const std::string& context,
                       const std::string& outcome)>
        audit;
  };
  explicit ReportBook(std::unique_ptr<Impl> impl);
  ~ReportBook();
  ReportBook(const ReportBook&) = delete;
  ReportBook& operator=(const ReportBook&) = delete;

  // A new draft (not stored yet): a fresh id, the patient from the register, the logged-in user as
  // author, the contact starting at `now`, and the medication section filled with what was released
  // to a pharmacy for this patient in the last kShiftHours (B-R6). Problem "not_logged_in" without a
  // session.
  domain::Result<domain::LocumReport> New(const domain::RegisteredPatient& patient, domain::Instant now);
  // The agreements released to a pharmacy for the patient since `since`, by identifier, each in the
  // words of the release (AgreementActionText: stoppen, onderbreken, wijzigen, starten). A stored
  // release that does not read back is an error naming the outbox item.
  domain::Result<std::vector<domain::ShiftMedication>> ReleasedSince(const domain::RegisteredPatient& patient,
                                                                     domain::Instant since);
  static constexpr int kShiftHours = 16;  // the longest ANW shift: a weekend night 17:00-08:00 and some
  // Stores a draft version (new or edited), sealed and audited; the patient and author are set from
  // the register and the login. A signed version is refused: correct it instead.
  domain::Result<ReportEntry> Save(const domain::RegisteredPatient& patient, domain::LocumReport report,
                                   domain::Instant now);
  // Signs the stored draft `reportId` as the logged-in user (B-R1: a physician, DEZI role 01.xxx):
  // checked (domain::SignProblems, each named), frozen with its FHIR document in one transaction,
  // audited. Problem "not_found" for another patient's or an unknown report.
  domain::Result<ReportEntry> Sign(const domain::RegisteredPatient& patient, const std::string& reportId,
                                   domain::Instant now);
  // A new draft version that corrects the signed version `reportId`, stored.
  domain::Result<ReportEntry> Correct(const domain::RegisteredPatient& patient, const std::string& reportId,
                                      domain::Instant now);
  // The patient's report versions, oldest first; a stored one that does not read back is an error
  // naming it (never skipped).
  domain::Result<std::vector<ReportEntry>> List(const domain::RegisteredPatient& patient);
  // The FHIR document frozen when `reportId` was signed (problem "not_found" if none).
  domain::Result<std::string> Document(const domain::RegisteredPatient& patient, const std::string& reportId);

 private:
  std::unique_ptr<Impl> m_impl;
};

}  // namespace zb::workstation
