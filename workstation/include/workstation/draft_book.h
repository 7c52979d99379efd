// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The physician's medication drafts before admission (prescribing.md): kept sealed in the local
// store, made against the patient's last stored retrieval, audited (draft created / edited /
// deleted, with who and which treatment), and never sent anywhere until release. A user whose
// role may not prescribe (a secretariat) writes proposals that a prescriber must adopt.
// Threads: call from one thread at a time (the UI thread); each call is one store transaction.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/audit.h"
#include "domain/draft_binding.h"
#include "domain/formulary.h"
#include "domain/patient_register.h"
#include "domain/pharmacy_roster.h"
#include "domain/prescription_draft.h"
#include "domain/release_checks.h"
#include "domain/result.h"

namespace zb::workstation {

struct DraftEntry {
  std::int64_t id = 0;
  domain::MedicationDraft draft;
  domain::AuditUser author;  // who last wrote it
  bool proposal = false;     // written by a non-prescriber: a prescriber must adopt it before release
  domain::Instant createdAt;
  domain::Instant updatedAt;
  domain::DraftStaleness freshness;  // against the last stored retrieval (List only)
};

// The checks before release over all of a patient's drafts (prescribing.md): what they would
// release, checked against the stored retrieval's overview and every source's ICA.
struct DraftCheck {
  domain::ReleaseCheck check;           // signals; which checks ran; that no licensed check ran
  std::vector<std::int64_t> stale;      // drafts whose source line changed since: confirm first
  std::vector<std::int64_t> proposals;  // drafts a prescriber has not adopted yet
  std::vector<std::string> problems;    // drafts that do not compile any more, each named
  bool Releasable() const;              // nothing stale, no proposal, no problem, no open signal
};

// The DEZI roles that may prescribe and release (SO, AVG, huisarts); configurable per organisation.
std::vector<std::string> DefaultPrescriberRoles();

class DraftBook {
 public:
  struct Impl;
  explicit DraftBook(std::unique_ptr<Impl> impl);
  ~DraftBook();
  DraftBook(const DraftBook&) = delete;
  DraftBook& operator=(const DraftBook&) = delete;

  // The patient's drafts in the order they were made, each with its freshness against the last
  // stored retrieval. A stored draft that cannot be read back is an error naming it (never skipped).
  domain::Result<std::vector<DraftEntry>> List(const domain::RegisteredPatient& patient);
  // Writes a new draft (id 0) or replaces draft `id`: bound to the last stored retrieval at `now`
  // (domain::BindDraft: the agreement it changes and its registration time are recorded; a draft
  // that could never be released is refused here), sealed, audited. Needs a login (problem
  // "not_logged_in") and a stored retrieval of the patient ("no_retrieval" for anything but a start).
  // A non-prescriber's draft is stored as a proposal; a prescriber who saves a proposal adopts it.
  domain::Result<DraftEntry> Save(const domain::RegisteredPatient& patient, domain::MedicationDraft draft,
                                  std::int64_t id, domain::Instant now);
  // Confirms draft `id` again after its source line changed (prescribing.md "stale-draft guard"):
  // bound anew to the agreement that governs the line now, saved and audited as an edit. A draft
  // that is current is returned unchanged; one whose line was ended or is gone is refused by Save
  // with the reason (delete it instead). A prescriber confirming a proposal adopts it. Problem
  // "not_found" for another patient's or no draft.
  domain::Result<DraftEntry> Confirm(const domain::RegisteredPatient& patient, std::int64_t id, domain::Instant now);
  // Deletes draft `id` of the patient (audited); false when there was none.
  domain::Result<bool> Remove(const domain::RegisteredPatient& patient, std::int64_t id);

  // Runs the checks over the patient's drafts at `now` (needs a login: the logged-in user is the
  // prescriber the blocks would carry; no stored retrieval: problem "no_retrieval").
  domain::Result<DraftCheck> Check(const domain::RegisteredPatient& patient, domain::Instant now);

  // Replaces the home's formulary with the CSV or FHIR file at `path` (net/formulary/formulary_csv.h,
  // formulary_fhir.h);
  // a file with any bad row changes nothing and the error lists the rows. Returns the number of
  // products. Once a formulary is imported, Save refuses a new product outside it without a reason.
  domain::Result<std::size_t> ImportFormulary(const std::string& path, domain::Date today);
  // The formulary last imported (empty when none is).
  domain::Result<domain::Formulary> Formulary();
  // Replaces the organisation's pharmacy roster with the CSV or FHIR file at `path`
  // (net/roster/roster.h); a file with any bad entry changes nothing. Returns the number of pharmacies.
  domain::Result<std::size_t> ImportRoster(const std::string& path, domain::Date today);
  // The roster last imported (empty when none is), with its import date.
  domain::Result<domain::PharmacyRoster> Roster();

 private:
  std::unique_ptr<Impl> m_impl;
};

}  // namespace zb::workstation
