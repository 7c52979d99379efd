// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/draft_form.h"

#include <algorithm>
#include <cctype>

#include "domain/codes.h"

namespace zb::domain {

namespace {

Error Refuse(const std::string& field, const std::string& what) {
  return MakeError(ErrorCode::kMissing, field + ": " + what);
}

bool Blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

std::vector<Coding> DispenseWishes(const DispenseForm& form) {
  // The value set's own display names: they are sent as data, not shown as screen text.
  std::vector<Coding> out;
  const std::string system(systems::kVvAdditionalWishes);
  if (form.urgent) out.push_back({system, "1", "Spoed"});
  if (form.notInGds) out.push_back({system, "2", "Niet in GDS"});
  if (form.deliver) out.push_back({system, "3", "Bezorgen"});
  return out;
}

Result<MedicationDraft> MakeDraft(const DraftForm& form) {
  MedicationDraft draft;
  draft.action = form.action;
  if (form.action != DraftAction::kChange && form.action != DraftAction::kStart)
    return Refuse("action", "the editor writes a change or a new start");
  if (form.action == DraftAction::kChange && form.treatment.empty())
    return Refuse("line", "choose the line to change in the medication list");
  draft.treatment = form.treatment;

  if (form.item) {
    draft.product = ToProduct(*form.item);
  } else if (!Blank(form.otherPrk)) {
    if (!std::all_of(form.otherPrk.begin(), form.otherPrk.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }))
      return Refuse("product", "'" + form.otherPrk + "' is not a PRK code (digits only)");
    Product p;
    p.codes.push_back({ProductCodeLevel::kPrk, {std::string(systems::kPrk), form.otherPrk, ""}, true});
    draft.product = p;
  } else if (form.action == DraftAction::kStart) {
    return Refuse("product", "choose a product from the formulary or give a PRK code");
  }
  draft.offFormularyReason = form.offFormularyReason;

  if (form.doseGiven) {
    auto dosage = ToDosage(form.dose);
    if (!dosage) return dosage.error();
    draft.dosage = std::move(dosage.value());
    draft.renderedDosage = RenderDose(form.dose);
  } else if (form.action == DraftAction::kStart || draft.product->empty()) {
    return Refuse("dose", "give the dose (a change keeps the dose only when the product changes)");
  }

  if (form.action == DraftAction::kChange) {
    auto reason = ChangeOrStopReason(form.reasonCode);
    if (!reason) return Refuse("reason", "choose the reason for the change (RedenWijzigenStaken)");
    draft.reason = *reason;
  }
  if (form.gds) draft.additionalInformation.push_back(GdsTimingCode(*form.gds));

  if (form.dispense.wanted) {
    auto quantity = DoseQuantity(form.dispense.quantity, form.dispense.unit, "dispense quantity");
    if (!quantity) return quantity.error();
    if (Blank(form.dispense.pharmacy.display) && !form.dispense.pharmacy.identifier)
      return Refuse("pharmacy", "name the pharmacy that dispenses");
    DispenseDraft vv;
    vv.quantity = quantity.value();
    vv.pharmacy = form.dispense.pharmacy;
    if (!Blank(form.dispense.ward)) vv.dispenseLocation.display = form.dispense.ward;
    vv.wishes = DispenseWishes(form.dispense);
    draft.dispense = std::move(vv);
  }
  return draft;
}

}  // namespace zb::domain
