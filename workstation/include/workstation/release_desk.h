// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Release on admission (prescribing.md §1, A-R3 … A-R9): a prescriber's drafts of a patient are
// compiled into MP9 3.0 blocks (identifiers under the organisation's root, signals decided with a
// reason, code 10 for a consciously overridden hypersensitivity), written into two transaction
// Bundles — an order to the pharmacy, the same agreements as information to the home's own record
// — checked against the sending TestScripts' rules and queued in the outbox in the transaction
// that ends the drafts. Sending goes through the gateway, never to the hospital; a Bundle whose
// answer was lost is looked up at the receiver before it is sent again.
// Threads: Release and Outbox on the UI thread; Send blocks (call it off the UI thread).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "domain/date_time.h"
#include "domain/patient_register.h"
#include "domain/processing.h"
#include "domain/release_checks.h"
#include "domain/result.h"
#include "present/prescription_report.h"

namespace zb::workstation {

enum class DeliveryState { kQueued, kSending, kRetry, kDelivered, kRefused, kNoReceiver, kHandDelivered };
const char* ToString(DeliveryState state);  // "queued", "sending", ...

struct OutboxEntry {
  std::int64_t id = 0;
  std::string release;
  std::string bundleIdentifier;
  std::string target;  // "pharmacy" or "care-record"
  std::string receiverUra;
  std::string receiverName;
  DeliveryState state = DeliveryState::kQueued;
  int attempts = 0;
  std::string answer;   // the receiver's issue text, or what it created
  std::string summary;  // what the Bundle holds, and each signal decision with its reason
  domain::Instant updatedAt;
  // The pharmacy's processing answer ("verwerkt door apotheek"), once it came.
  std::optional<domain::Instant> processedAt;
  std::vector<domain::ProcessedBlock> processing;
};

struct ReleaseRequest {
  std::vector<domain::SignalDecision> decisions;  // one per signal that must be handled
  std::string pharmacyUra;    // empty: the patient's own pharmacy (the pharmacy source of the last retrieval)
  std::string careRecordUra;  // empty: the own organisation's record
};

struct ReleaseResult {
  std::string release;  // the release's id (both Bundles carry it)
  std::vector<OutboxEntry> queued;
};

class ReleaseDesk {
 public:
  struct Impl;
  explicit ReleaseDesk(std::unique_ptr<Impl> impl);
  ~ReleaseDesk();
  ReleaseDesk(const ReleaseDesk&) = delete;
  ReleaseDesk& operator=(const ReleaseDesk&) = delete;

  // Queues the patient's drafts as one release at `now`. Refused (nothing changes) when: no login
  // ("not_logged_in"); the role may not release ("role_not_allowed": a secretariat prepares, a
  // prescriber releases); no identifier root is configured ("identifier_root_missing"); no
  // retrieval is stored ("no_retrieval"); nothing to release; a draft is stale, a proposal or does
  // not compile; a signal lacks a decision with a reason; a Bundle fails the TestScript rules.
  domain::Result<ReleaseResult> Release(const domain::RegisteredPatient& patient, const ReleaseRequest& request,
                                        domain::Instant now);
  // Sends what is due (queued, retries due at `now`, and "sending" ones — looked up first), then
  // asks the gateway for the processing answers of releases delivered to a pharmacy. Needs a
  // login. Returns the entries it handled with their new state (sent, or newly processed), one per
  // outbox item.
  domain::Result<std::vector<OutboxEntry>> Send(domain::Instant now);
  // A user confirms that a Bundle nobody could take electronically (no receiver, or refused) was
  // delivered another way (phoned, faxed, handed over): the line then reads "handmatig
  // afgeleverd". Audited with who. Refused ("not_logged_in", "not_found", "not_confirmable") for
  // another patient's item or one that is queued, sending or delivered.
  domain::Result<OutboxEntry> ConfirmHandDelivery(const domain::RegisteredPatient& patient, std::int64_t entryId,
                                                  domain::Instant now);
  // The paper prescription of pharmacy order `entryId` that no pharmacy took electronically (no
  // receiver, refused, or confirmed by hand): read back from the Bundle as queued, with the
  // prescriber who released it. Audited as a print. Refused ("not_logged_in", "not_found",
  // "no_paper" for a delivered or queued order, or the home's own record).
  domain::Result<present::PrescriptionPaper> Prescription(const domain::RegisteredPatient& patient,
                                                          std::int64_t entryId);
  // The patient's outbox, oldest first.
  domain::Result<std::vector<OutboxEntry>> Outbox(const domain::RegisteredPatient& patient);

 private:
  // release_processing.cpp: the answers the pharmacy sent to the gateway's receiving endpoint.
  domain::Result<bool> CollectProcessing(const std::string& session, domain::Instant now,
                                         std::vector<OutboxEntry>& out);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace zb::workstation
