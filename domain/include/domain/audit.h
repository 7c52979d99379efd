// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the workstation records about access to patient data (NEN 7513: who, in which role and
// organisation, did what, with which patient, when, and in what context). Language-neutral codes;
// screens translate them.
#include <optional>
#include <string>
#include <string_view>

#include "domain/date_time.h"

namespace zb::domain {

enum class AuditAction {
  kLogin,
  kLogout,
  kLock,
  kUnlock,
  kRetrieve,      // data asked from the sources
  kViewOverview,  // the overview shown (current data)
  kViewOffline,   // a stored overview shown without asking the sources
  kPrint,
  kExportPdf,
  kRegisterPatient,
  kEditPatient,
  kViewAuditTrail,
  kExportAuditTrail,
  kDraftCreated,  // a medication draft before admission (prescribing.md): local, never sent
  kDraftEdited,
  kDraftDeleted,
  kReleaseQueued,       // drafts released: their Bundles written to the outbox
  kReleaseSent,         // one Bundle sent to a receiver (outcome: delivered, refused, retry, unknown)
  kReleaseProcessed,    // the pharmacy's processing answer (TA/MVE) to a delivered release read
  kReportSaved,         // an on-call report (waarneem.md) written or edited as a draft: local
  kReportSigned,        // an on-call report version signed and frozen
  kReportSent,          // a signed version handed to the gateway for the patient's own organisation
  kReportRead,          // another organisation's on-call report pulled and shown
  kReportAcknowledged,  // "gelezen en overgenomen": the sender's Task completed
  kReportRequestDone,   // a request of an on-call report done: its sub-Task at the sender completed
};
const char* ToString(AuditAction a);  // "login", "retrieve", "view-overview", ...
std::optional<AuditAction> AuditActionFromString(std::string_view text);

struct AuditUser {
  std::string userId;  // DEZI number of the logged-in user
  std::string name;
  std::string roleCode;  // e.g. 01.047
  std::string organisationUra;
  bool operator==(const AuditUser&) const = default;
};

struct AuditEvent {
  Instant at;
  AuditUser actor;
  std::string patientBsn;  // empty for events without a patient; stored only as a keyed hash
  AuditAction action = AuditAction::kViewOverview;
  std::string context;  // why / where: "admission", "on-call", the sources asked, a file name
  std::string outcome;  // "ok", "incomplete", an error code
};

}  // namespace zb::domain
