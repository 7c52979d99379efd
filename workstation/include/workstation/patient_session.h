// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One patient on screen: the use case "choose a patient → look up → consolidate → present" without
// a window. Opening shows the stored retrieval at once (marked with its time, not current) and asks
// the sources again; the first fresh answer replaces the stored picture and each further answer is
// added as it arrives; Stop closes what is still pending as cancelled, so nothing unanswered ever
// passes for complete. Screen() is what a window paints, for one moment: header, rows and lines.
// The GUI, the GUI benchmark and `zorgbrug-cli overview --bsn` all drive this class.
//
// Threads: every member is called on the owner's thread (the UI thread). Deliveries come in on
// the lookup's thread and are handed to `post`, which must run them on the owner's thread
// (wx: CallAfter; tests and the CLI: a CallQueue they drain); a late delivery of an earlier lookup,
// or one that arrives after the session is gone, is dropped.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "domain/formulary.h"
#include "domain/ica_check.h"
#include "domain/locum_report.h"
#include "domain/medication_knowledge.h"
#include "domain/patient_register.h"
#include "domain/pharmacy_roster.h"
#include "domain/retrieval.h"
#include "present/overview_view.h"
#include "present/patient_header.h"
#include "present/workstation_texts.h"
#include "workstation/patient_lookups.h"

namespace zb::workstation {

using Post = std::function<void(std::function<void()>)>;

// What changed, for a caller that reports progress (the CLI prints each source as it answers).
struct SessionChange {
  enum class Kind { kOpened, kSourceAnswered, kEnded, kStopped, kNotStarted };
  Kind kind = Kind::kOpened;
  std::optional<domain::SourceOutcome> source;  // kSourceAnswered: the source's outcome
};

struct ScreenOptions {
  bool showHistory = false;  // older treatment lines in the list too
  // The home's formulary: lines still given whose product is not on it are marked (none: no marks).
  std::shared_ptr<const domain::Formulary> formulary;
  // The organisation's pharmacy roster: the header says whether the own pharmacy is open now and
  // who is (none, or an empty one: only the own pharmacy is named).
  std::shared_ptr<const domain::PharmacyRoster> roster;
};

// What a window shows of the session at one moment. `view`'s rows point into `overview`.
struct PatientScreen {
  present::PatientHeader header;
  present::OverviewView view;
  std::shared_ptr<const domain::Overview> overview;  // empty: nothing to show yet (no picture)
  domain::IcaSummary ica;
  domain::IcaCheck icaCheck;                       // the overview's lines against the ICA
  std::map<std::string, std::string> sourceNames;  // source id → organisation name
  present::LookupProgress progress;
  domain::PharmacyReach pharmacy;  // points into the ScreenOptions' roster
};

// The overview of `picture` at `now` as an on-call report's context: the lines still relevant
// (no history), checked against the ICA as the screen is, without marks relative to an earlier
// retrieval; `retrievedAt` is when the picture's data came.
domain::ReportContext ReportContextOf(const domain::PatientPicture& picture, domain::Instant retrievedAt,
                                      domain::Instant now, const domain::MedicationKnowledge& knowledge);

class PatientSession {
 public:
  using OnChanged = std::function<void(const SessionChange&)>;
  // `knowledge`: what the ICA cross-check asks; null means the open substance-group table.
  PatientSession(PatientLookups& lookups, Post post, OnChanged onChanged,
                 std::shared_ptr<const domain::MedicationKnowledge> knowledge = nullptr);
  ~PatientSession();  // cancels a running lookup; nothing arrives afterwards
  PatientSession(const PatientSession&) = delete;
  PatientSession& operator=(const PatientSession&) = delete;

  // Shows `patient`: the stored retrieval first (if any), then asks the sources.
  void Open(const domain::RegisteredPatient& patient);
  // Asks the open patient's sources again (F5); what is shown stays until the first answer.
  void Refresh();
  // Stops asking (Ctrl+., the lock): every source not yet answered is closed with `status`
  // (cancelled; a caller that gave up on a deadline says unreachable) and the picture keeps what came.
  void Stop(domain::SourceStatus status = domain::SourceStatus::kCancelled, const std::string& reason = "cancelled");
  // Forgets the patient (the screen is cleared); a running lookup is stopped without a trace.
  void Close();

  const std::optional<domain::RegisteredPatient>& patient() const;
  const domain::PatientPicture* picture() const;  // what is shown: stored or fresh; null before any
  bool running() const;
  bool stored() const;  // the shown picture is the stored retrieval, not a fresh answer
  present::LookupProgress progress() const;

  // Consolidated at `now`; cheap enough to call on every change (benchmark: ~20 ms for 400 lines).
  PatientScreen Screen(domain::Instant now, const ScreenOptions& options) const;
  // What an on-call report written now from this overview carries as context (ReportContextOf),
  // with the retrieval's time (`now` while the sources are still being asked); nullopt before any
  // picture.
  std::optional<domain::ReportContext> ContextForReport(domain::Instant now) const;

 private:
  struct State;
  std::shared_ptr<State> m_state;  // shared with the posted deliveries, which hold it weakly
};

}  // namespace zb::workstation
