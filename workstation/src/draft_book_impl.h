// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a DraftBook needs from the workstation: the store, the logged-in user and the audit trail.
#include <functional>

#include "offline_picture.h"
#include "store/local_store.h"
#include "workstation/draft_book.h"
#include "workstation/workstation.h"

namespace zb::workstation {

// The moment in Dutch civil time: what the compiled blocks carry.
domain::DateTime DutchMoment(domain::Instant now);

// All of a patient's drafts compiled as release would at `moment` (continue drafts make no block):
// the agreements and dispense requests in draft order, and the drafts that do not compile, named.
struct CompiledDrafts {
  std::vector<domain::MedicationAgreement> agreements;
  std::vector<domain::DispenseRequest> dispenseRequests;
  std::vector<std::string> problems;
};
CompiledDrafts CompileAll(const std::vector<DraftEntry>& drafts, const domain::Overview& overview,
                          const domain::Prescriber& prescriber, const domain::DateTime& moment,
                          const domain::IdentifierMint& mint);
// The placeholder identifiers of the checks before release (real ones are minted only at
// release): the same sequence on every call, so a signal's key is the same each time it is shown.
domain::IdentifierMint CheckMint();
// Problem "not_logged_in": what every book answers without a session.
domain::Error NotLoggedIn();
// The prescriber a release names, from the logged-in user's DEZI verklaring (never typed in).
domain::Prescriber PrescriberOf(const User& user);
// A patient's last stored retrieval, rebuilt and consolidated at `now`, with the drafts checked
// against that one overview: what the checks and the release both start from.
struct StoredDrafts {
  store::CachedRetrieval retrieval;
  OfflinePicture picture;
  domain::Overview overview;
  std::vector<DraftEntry> drafts;
};
// Problem "no_retrieval" when none is stored.
domain::Result<StoredDrafts> LoadStoredDrafts(store::LocalStore& store, const domain::RegisteredPatient& patient,
                                              domain::Instant now);
// The drafts as stored, each with its freshness against `overview` (null: no retrieval stored).
domain::Result<std::vector<DraftEntry>> Entries(store::LocalStore& store, const domain::RegisteredPatient& patient,
                                                const domain::Overview* overview);

struct DraftBook::Impl {
  store::LocalStore& store;
  std::function<std::optional<User>()> user;
  std::function<void(domain::AuditAction, const std::string& bsn, const std::string& context,
                     const std::string& outcome)>
      audit;
  std::vector<std::string> prescriberRoles;
};

}  // namespace zb::workstation
