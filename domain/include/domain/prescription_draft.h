// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The physician's intended change to one treatment line before admission (prescribing.md §3, §10):
// a local draft until release — never sent, never shown to another organisation — and at release
// compiled into MP9 3.0 building blocks in the change pattern the Nictiz fixtures encode. Nothing
// here writes into the source's record: a change is a new block of ours that refers to the
// original by identifier.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/building_blocks.h"
#include "domain/result.h"

namespace zb::domain {

enum class DraftAction {
  kContinue,  // no block: the line goes on as the source agreed it
  kChange,    // stop-MA for the original + new MA (dose, form, route or product), optional VV
  kStop,      // one stop-MA, stop type 410546004
  kPause,     // one MA, stop type 385655000, until a date or "tot nader order"
  kCancel,    // a future MA that never starts: stop type 89925002, start = end
  kStart,     // a new treatment (new MBH): new MA, optional VV
};
const char* ToString(DraftAction action);

// Who releases: built from the DEZI verklaring at release, never typed in.
struct Prescriber {
  std::string name;
  std::string deziNumber;  // written as the Practitioner's identifier (uzi-nr-pers, as DEZI continues it)
  std::string roleCode;    // DEZI role, e.g. 01.047 (SO)
  std::string roleName;
  std::string organisationUra;
  std::string organisationName;
};

struct DispenseDraft {
  Quantity quantity;
  Actor pharmacy;              // performer
  Actor dispenseLocation;      // the nursing home's ward
  std::vector<Coding> wishes;  // AanvWensVV: 1 spoed, 2 niet in GDS, 3 bezorgen
};

struct MedicationDraft {
  DraftAction action = DraftAction::kContinue;
  BlockId treatment;                          // the MBH of the line (empty for kStart)
  BlockId against;                            // the source MA the draft was made against
  std::optional<DateTime> againstRegistered;  // its registration time (stale-draft guard)
  Concept reason;                             // RedenWijzigenStaken; required except for start/continue
  SharedProduct product;                      // change of product or form; the product of a start
  std::vector<Dosage> dosage;                 // the new dose (change, start)
  std::string renderedDosage;                 // the new dose in MP9 words
  std::optional<DateTime> pauseUntil;         // kPause: resume date; nullopt = "tot nader order"
  std::vector<Coding> additionalInformation;  // AanvInfoMA: GDS timing 6/7/11, overrides 8/9/10
  std::optional<DispenseDraft> dispense;      // a VV with the new MA (change, start)
  std::string offFormularyReason;             // why a product outside the home's formulary is chosen
};

// When a change reaches a patient with medication in the roll (GDS): AanvInfoMA 6, 7 or 11.
enum class GdsTiming { kDirect, kNextRollChange, kRegularProcessing };
Coding GdsTimingCode(GdsTiming timing);  // 6 direct, 7 per volgende rolwissel, 11 na reguliere verwerking

// New identifiers under the organisation's own roots, one fresh value per block.
struct IdentifierMint {
  std::string agreementSystem;  // e.g. urn:oid:<root>.1
  std::string dispenseSystem;   // e.g. urn:oid:<root>.2
  std::string treatmentSystem;  // e.g. urn:oid:<root>.3 (a new MBH for kStart)
  std::function<std::string()> next;
};

struct CompiledChange {
  std::vector<MedicationAgreement> agreements;    // in the order the fixtures list them: new MA, then stop-MA
  std::vector<DispenseRequest> dispenseRequests;  // each basedOn the new MA
  Actor requester;                                // the prescriber as an actor (display + DEZI number)
};

// Whether `reason` is one code of ValueSet RedenWijzigenStaken (2.16.840.1.113883.2.4.3.11.60.20.77.11.42).
bool IsChangeOrStopReason(const Concept& reason);
std::vector<std::string> ChangeOrStopReasonCodes();  // the SNOMED codes of that ValueSet
// The reason with the ValueSet's display, by SNOMED code or "OTH"; nullopt outside the value set.
std::optional<Concept> ChangeOrStopReason(std::string_view code);

// `original` is the source MA the draft names (required except for kStart); `moment` is the
// release instant: stop-MAs end and new MAs start there (gap-free; documented in prescribing.md).
// Refuses, naming what is wrong: a required reason missing (kMissing) or outside the value set
// (kOutOfRange), a change with neither a new dose nor a new product (kMissing), no original or an
// original of another treatment, or a cancelled agreement that has already started (kInconsistent).
Result<CompiledChange> CompileDraft(const MedicationDraft& draft, const MedicationAgreement* original,
                                    const Prescriber& prescriber, const DateTime& moment, const IdentifierMint& mint);

}  // namespace zb::domain
