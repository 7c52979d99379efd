// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the draft editor window asks for a change or a new start (prescribing.md "Drafts"), turned
// into a draft: the product chosen from the home's formulary (or a PRK outside it, with the
// reason), the dose through the dose editor's fields, the reason of RedenWijzigenStaken, the GDS
// moment for a roll patient, and the dispense request (VV: quantity, pharmacy, ward, wishes
// spoed / niet in GDS / bezorgen). Every refusal names the field, so the window can say what to fix.
#include <optional>
#include <string>

#include "domain/dose_form.h"
#include "domain/formulary.h"
#include "domain/prescription_draft.h"
#include "domain/result.h"

namespace zb::domain {

struct DispenseForm {
  bool wanted = false;    // a VV goes with the new agreement
  std::string quantity;   // decimal with a point
  std::string unit;       // a dose-editor unit (code or name): "stuk"
  Actor pharmacy;         // who dispenses: the own or the on-duty pharmacy
  std::string ward;       // the nursing home's ward the medication goes to (dispense location)
  bool urgent = false;    // AanvWensVV 1 spoed
  bool notInGds = false;  // 2 niet in GDS
  bool deliver = false;   // 3 bezorgen
};

struct DraftForm {
  DraftAction action = DraftAction::kChange;  // the window writes changes and starts
  BlockId treatment;                          // the line changed (empty for a start)
  const FormularyItem* item = nullptr;        // the product chosen from the formulary
  std::string otherPrk;                       // or a PRK outside it
  std::string offFormularyReason;
  bool doseGiven = true;  // a change may keep the dose and change the product only
  DoseForm dose;
  std::string reasonCode;        // SNOMED code of RedenWijzigenStaken (a change needs one)
  std::optional<GdsTiming> gds;  // a roll patient's change: when it takes effect
  DispenseForm dispense;
};

// The AanvWensVV codings of the form's ticked wishes, in code order.
std::vector<Coding> DispenseWishes(const DispenseForm& form);

// The draft, or an error naming the field: no product for a start, a change with neither a
// product nor a dose, a dose the dose editor refuses, a reason outside the value set, a PRK that
// is not digits, a dispense request without a positive quantity, a known unit or a pharmacy.
// The formulary check itself (a reason for a product outside it) stays with the store's Save.
Result<MedicationDraft> MakeDraft(const DraftForm& form);

}  // namespace zb::domain
