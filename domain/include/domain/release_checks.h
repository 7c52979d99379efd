// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The checks before a release (prescribing.md A-R8) for what the drafts would start or change,
// without a licensed G-Standaard: the drafted products against every source's ICA (the same
// matching as the overview's cross-check), duplicates against the lines that stay current,
// contra-indication flags listed, and the GDS timing code for a patient whose medication is rolled.
// A signal that must be handled needs a decision with a reason; only then is the release ready,
// and a handled hypersensitivity is written into the agreement as MP9 code 10.
#include <optional>
#include <string>
#include <vector>

#include "domain/building_blocks.h"
#include "domain/ica_check.h"
#include "domain/overview.h"
#include "domain/result.h"

namespace zb::domain {

enum class ReleaseSignalKind {
  kHypersensitivity,  // a current allergy, reaction or surveillance item covers the drafted product
  kDuplicate,         // the same GPK as a line that stays current
  kSameSubstance,     // the same ATC (5th level) as a line that stays current
  kPseudoDuplicate,   // the same ATC 4th level: information
  kContraIndication,  // a contra-indication flag of the patient, listed (not judged without a licence)
  kGdsTimingMissing,  // medication in the roll: the agreement lacks timing code 6, 7 or 11
};
const char* ToString(ReleaseSignalKind kind);

struct ReleaseSignal {
  ReleaseSignalKind kind = ReleaseSignalKind::kHypersensitivity;
  BlockId treatment;          // the drafted line (empty for a listed contra-indication)
  std::string product;        // the drafted product's name
  std::string what;           // the ICA item or the other line's product
  std::optional<IcaHit> hit;  // kHypersensitivity: basis, sources, criticality
  // Needs a decision with a reason before release (hypersensitivity that warns, duplicate, same substance).
  bool MustHandle() const;
  // Cannot be decided away: the agreement itself must change (GDS timing).
  bool Blocking() const { return kind == ReleaseSignalKind::kGdsTimingMissing; }
  std::string Key() const;  // what a decision names: kind|treatment|what
};

struct SignalDecision {
  std::string key;     // ReleaseSignal::Key()
  std::string reason;  // free text, required
};

struct ReleaseCheck {
  std::string knowledgeBase;                 // whose substance groups matched (MedicationKnowledge::Name)
  bool licensedChecks = false;               // interactions, dose, age, renal function: false without a licence
  std::vector<ReleaseSignalKind> checksRun;  // which checks ran, for the screen
  std::vector<ReleaseSignal> signals;
};

// `released`: every agreement the drafts compiled to (new ones and stop-MAs).
ReleaseCheck CheckRelease(const std::vector<MedicationAgreement>& released, const Overview& overview,
                          const IcaSummary& ica, const MedicationKnowledge& knowledge);

// The agreements ready to send: refused (kRefused, naming each open signal) while a signal that must
// be handled lacks a decision with a reason, or a blocking signal remains. A handled
// hypersensitivity adds AanvInfoMA code 10 ("bewust van eerder gemelde overgevoeligheid").
Result<std::vector<MedicationAgreement>> ApplyDecisions(std::vector<MedicationAgreement> released,
                                                        const ReleaseCheck& check,
                                                        const std::vector<SignalDecision>& decisions);

}  // namespace zb::domain
