// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A draft and the overview it is made on. Binding (when the draft is saved) finds the treatment
// line and the agreement the draft changes and records that agreement's identifier and
// registration time; the staleness check (before release) compares that record with the overview
// as it is now, so a line the source changed after the draft was made is not released unseen
// (prescribing.md, the stale-draft guard).
#include <optional>
#include <string>

#include "domain/overview.h"
#include "domain/prescription_draft.h"

namespace zb::domain {

// Sets draft.against and draft.againstRegistered. A start must name no treatment. Otherwise the
// line of draft.treatment must be in the overview (kMissing) and have a governing agreement (a
// line known only from use or dispense data has none to change: kInconsistent, "record a start");
// with several parallel agreements the draft must name one in `against` (kInconsistent naming
// them). Then the draft is compiled once at `moment` with throwaway identifiers, so that a draft
// that could never be released (no reason, no new dose, ...) is refused when it is written, not at
// admission. Returns the agreement (null for a start); it points into `overview`.
Result<const MedicationAgreement*> BindDraft(MedicationDraft& draft, const Overview& overview, const DateTime& moment);

enum class DraftFreshness {
  kCurrent,        // the line is governed by the agreement the draft was made against
  kReplaced,       // another agreement governs the line now
  kEnded,          // the source stopped or cancelled the line after the draft was made
  kReregistered,   // the same agreement, registered again (corrected) after the draft was made
  kLineMissing,    // the treatment is not in the overview any more
  kNotAssessable,  // no current overview of the patient to compare with
};
const char* ToString(DraftFreshness f);

struct DraftStaleness {
  DraftFreshness freshness = DraftFreshness::kCurrent;
  BlockId wasAgreement;  // what the draft was made against
  std::optional<DateTime> wasRegistered;
  BlockId nowAgreement;  // what governs (or ended) the line now
  std::optional<DateTime> nowRegistered;
  std::string nowSource;    // the source of nowAgreement
  std::string nowRendered;  // the governing agreement's own dose text now, for the screen
  bool Blocks() const { return freshness != DraftFreshness::kCurrent; }
};

// A start is always current. Release of a draft that is not current is blocked until the
// physician confirms it again (binding it anew against the overview of now).
DraftStaleness CheckFreshness(const MedicationDraft& draft, const Overview* current);

}  // namespace zb::domain
