// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/prescription_draft.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace zb::domain {
namespace {

constexpr std::string_view kNullFlavor = "http://terminology.hl7.org/CodeSystem/v3-NullFlavor";

// ValueSet RedenWijzigen_StakenCodelijst (…77.11.42, version 2022-11-14): its 17 SNOMED codes plus
// nullFlavor OTH. tests/conformance compares this list with the published ValueSet.
// The displays are the ValueSet's (Dutch): the reason is data sent with the agreement.
constexpr std::array<std::pair<std::string_view, std::string_view>, 17> kChangeReasons{{
    {"62014003", "ongewenste reactie op medicatie en/of drugs"},
    {"438833006", "toedienen van medicatie gecontra-indiceerd"},
    {"79899007", "geneesmiddelinteractie"},
    {"58848006", "gebrek aan geneesmiddeleffect"},
    {"112251000146103", "te sterk effect van medicatie"},
    {"112191000146101", "medicatietoedieningsweg voldoet niet"},
    {"183966005", "geen indicatie voor medicamenteuze behandeling"},
    {"112751000146109", "medicatiebeleid veranderd"},
    {"159711000146106", "verzoek van zorgafnemer om behandeling te wijzigen"},
    {"112261000146100", "hervatten van beleid van vorige zorgverlener"},
    {"305335007", "opname in instelling"},
    {"405613005", "verrichting gepland"},
    {"159691000146109", "foutieve registratie van medicatie"},
    {"182856006", "geneesmiddel niet voorradig"},
    {"160131000146104", "verandering in labwaarde"},
    {"160161000146108", "dubbele registratie van medicamenteuze behandeling"},
    {"180011000146107", "dubbele registratie van medicamenteuze behandeling"},
}};

Coding StopCoding(StopType type) {
  switch (type) {
    case StopType::kSuspended:
      return {std::string(systems::kSnomed), "385655000", "onderbroken"};
    case StopType::kCancelled:
      return {std::string(systems::kSnomed), "89925002", "geannuleerd"};
    default:
      return {std::string(systems::kSnomed), "410546004", "stopgezet"};
  }
}

bool ReasonRequired(DraftAction a) {
  return a == DraftAction::kChange || a == DraftAction::kStop || a == DraftAction::kPause || a == DraftAction::kCancel;
}

Actor RequesterOf(const Prescriber& p) {
  Actor a;
  a.display = p.name;
  if (!p.roleName.empty()) a.display += ", " + p.roleName;
  if (!p.organisationName.empty()) a.display += ", " + p.organisationName;
  if (!p.deziNumber.empty()) a.identifier = Coding{std::string(systems::kUzi), p.deziNumber, ""};
  return a;
}

// A block of ours: new identifier, same treatment, registered at release, requested by the prescriber.
MedicationAgreement NewAgreement(const BlockId& treatment, const Actor& requester, const DateTime& moment,
                                 const IdentifierMint& mint) {
  MedicationAgreement ma;
  ma.h.kind = BlockKind::kMedicationAgreement;
  ma.h.id = {mint.agreementSystem, mint.next()};
  ma.h.treatment = treatment;
  ma.h.registered = moment;
  ma.h.author = requester;
  ma.h.fhirStatus = "active";
  ma.categoryCode = "33633005";
  return ma;
}

// The original's product and dose, ended at `moment` with a stop type (3.1b, 3.4b; the technical
// stop of 3.2b/3.3b without a reason).
MedicationAgreement StopOf(const MedicationAgreement& original, StopType type, const Concept& reason,
                           const Actor& requester, const DateTime& moment, const IdentifierMint& mint) {
  MedicationAgreement stop = NewAgreement(original.h.treatment, requester, moment, mint);
  stop.h.product = original.h.product;
  stop.h.dosage = original.h.dosage;
  stop.h.renderedDosage = original.h.renderedDosage;
  stop.h.cycle = original.h.cycle;
  PeriodOfUse period;
  period.start = original.h.period ? original.h.period->start : std::nullopt;
  period.end = moment;
  if (type == StopType::kCancelled) period.start = moment;  // 3.6b: start = end, it never takes effect
  stop.h.period = period;
  stop.h.stop = {type, StopCoding(type), false};
  stop.h.reason = reason;
  stop.priorPrescription = original.h.id;
  return stop;
}

DispenseRequest DispenseFor(const MedicationAgreement& ma, const DispenseDraft& d, const Actor& requester,
                            const DateTime& moment, const IdentifierMint& mint) {
  DispenseRequest vv;
  vv.h.kind = BlockKind::kDispenseRequest;
  vv.h.id = {mint.dispenseSystem, mint.next()};
  vv.h.treatment = ma.h.treatment;
  vv.h.registered = moment;  // written as authoredOn
  vv.h.author = requester;
  vv.h.fhirStatus = "active";
  vv.h.product = ma.h.product;
  vv.basedOnAgreement = ma.h.id;
  vv.quantity = d.quantity;
  vv.performer = d.pharmacy;
  vv.dispenseLocation = d.dispenseLocation;
  vv.additionalWishes = d.wishes;
  return vv;
}

Error Refuse(ErrorCode code, const MedicationDraft& draft, const std::string& what) {
  return MakeError(code, std::string("draft '") + ToString(draft.action) + "' for treatment " +
                             (draft.treatment.empty() ? std::string("(new)") : draft.treatment.value) + ": " + what);
}

}  // namespace

Coding GdsTimingCode(GdsTiming timing) {
  const std::string system(systems::kMaAdditionalInfo);
  switch (timing) {
    case GdsTiming::kDirect:
      return {system, "6", "direct op toedienlijst of in GDS"};
    case GdsTiming::kNextRollChange:
      return {system, "7", "per volgende GDS-rolwissel op toedienlijst"};
    case GdsTiming::kRegularProcessing:
      return {system, "11", "na reguliere voorschriftverwerking op toedienlijst of in GDS"};
  }
  return {};
}

const char* ToString(DraftAction action) {
  switch (action) {
    case DraftAction::kContinue:
      return "continue";
    case DraftAction::kChange:
      return "change";
    case DraftAction::kStop:
      return "stop";
    case DraftAction::kPause:
      return "pause";
    case DraftAction::kCancel:
      return "cancel";
    case DraftAction::kStart:
      return "start";
  }
  return "?";
}

std::vector<std::string> ChangeOrStopReasonCodes() {
  std::vector<std::string> out;
  for (const auto& [code, display] : kChangeReasons) out.emplace_back(code);
  return out;
}

std::optional<Concept> ChangeOrStopReason(std::string_view code) {
  if (code == "OTH") return Concept{{{std::string(kNullFlavor), "OTH", "Overig"}}, ""};
  for (const auto& [c, display] : kChangeReasons) {
    if (c == code) return Concept{{{std::string(systems::kSnomed), std::string(c), std::string(display)}}, ""};
  }
  return std::nullopt;
}

bool IsChangeOrStopReason(const Concept& reason) {
  if (reason.codings.size() != 1) return false;
  const Coding& c = reason.codings.front();
  if (c.system == kNullFlavor) return c.code == "OTH";
  return c.system == systems::kSnomed &&
         std::any_of(kChangeReasons.begin(), kChangeReasons.end(), [&c](const auto& r) { return r.first == c.code; });
}

Result<CompiledChange> CompileDraft(const MedicationDraft& draft, const MedicationAgreement* original,
                                    const Prescriber& prescriber, const DateTime& moment, const IdentifierMint& mint) {
  if (ReasonRequired(draft.action)) {
    if (draft.reason.empty()) return Refuse(ErrorCode::kMissing, draft, "a reason for the change or stop is required");
    if (!IsChangeOrStopReason(draft.reason))
      return Refuse(ErrorCode::kOutOfRange, draft,
                    "the reason must be one code of RedenWijzigenStaken (2.16.840.1.113883.2.4.3.11.60.20.77.11.42)");
  }
  if (draft.action != DraftAction::kStart) {
    if (!original) return Refuse(ErrorCode::kInconsistent, draft, "the agreement it changes is not in the overview");
    if (original->h.treatment != draft.treatment)
      return Refuse(ErrorCode::kInconsistent, draft,
                    "the agreement " + original->h.id.value + " is of treatment " + original->h.treatment.value);
  }
  CompiledChange out;
  out.requester = RequesterOf(prescriber);
  const Actor& who = out.requester;
  switch (draft.action) {
    case DraftAction::kContinue:
      return out;
    case DraftAction::kStop:
      out.agreements.push_back(StopOf(*original, StopType::kStopped, draft.reason, who, moment, mint));
      // A stop in the roll says when it takes effect (GDS timing); overrides are the draft's too.
      out.agreements.back().additionalInformation = draft.additionalInformation;
      return out;
    case DraftAction::kPause: {
      if (draft.pauseUntil && draft.pauseUntil->Earliest() <= moment.Earliest())
        return Refuse(ErrorCode::kInconsistent, draft, "the resume date must lie after the start of the pause");
      out.agreements.push_back(StopOf(*original, StopType::kSuspended, draft.reason, who, moment, mint));
      out.agreements.back().additionalInformation = draft.additionalInformation;
      if (draft.pauseUntil) {
        // Resuming at a known date is a new agreement with the original dose from that date on.
        MedicationAgreement resume = NewAgreement(original->h.treatment, who, moment, mint);
        resume.h.product = original->h.product;
        resume.h.dosage = original->h.dosage;
        resume.h.renderedDosage = original->h.renderedDosage;
        PeriodOfUse period;
        period.start = draft.pauseUntil;
        if (original->h.period) period.end = original->h.period->end;
        resume.h.period = period;
        resume.priorPrescription = original->h.id;
        out.agreements.insert(out.agreements.begin(), resume);
      }
      return out;
    }
    case DraftAction::kCancel: {
      const auto started = original->h.period ? original->h.period->EffectiveStart() : std::nullopt;
      if (!started || *started <= moment.Earliest())
        return Refuse(ErrorCode::kInconsistent, draft,
                      "only an agreement that has not started yet can be cancelled; stop this one instead");
      out.agreements.push_back(StopOf(*original, StopType::kCancelled, draft.reason, who, moment, mint));
      out.agreements.back().additionalInformation = draft.additionalInformation;
      return out;
    }
    case DraftAction::kChange: {
      if (draft.dosage.empty() && draft.product->codes.empty() && draft.product->text.empty())
        return Refuse(ErrorCode::kMissing, draft, "a change needs a new dose or a new product");
      MedicationAgreement next = NewAgreement(original->h.treatment, who, moment, mint);
      const bool newProduct = !draft.product->codes.empty() || !draft.product->text.empty();
      next.h.product = newProduct ? draft.product : original->h.product;
      next.h.dosage = draft.dosage.empty() ? original->h.dosage : draft.dosage;
      next.h.renderedDosage = draft.dosage.empty() ? original->h.renderedDosage : draft.renderedDosage;
      PeriodOfUse period;
      period.start = moment;
      if (original->h.period && original->h.period->end) period.end = original->h.period->end;
      next.h.period = period;
      next.h.reason = draft.reason;
      next.additionalInformation = draft.additionalInformation;
      next.priorPrescription = original->h.id;
      out.agreements.push_back(next);
      out.agreements.push_back(StopOf(*original, StopType::kStopped, Concept{}, who, moment, mint));
      if (draft.dispense) out.dispenseRequests.push_back(DispenseFor(next, *draft.dispense, who, moment, mint));
      return out;
    }
    case DraftAction::kStart: {
      if (draft.product->codes.empty() && draft.product->text.empty())
        return Refuse(ErrorCode::kMissing, draft, "a new treatment needs a product");
      if (draft.dosage.empty()) return Refuse(ErrorCode::kMissing, draft, "a new treatment needs a dose");
      MedicationAgreement ma = NewAgreement({mint.treatmentSystem, mint.next()}, who, moment, mint);
      ma.h.product = draft.product;
      ma.h.dosage = draft.dosage;
      ma.h.renderedDosage = draft.renderedDosage;
      PeriodOfUse period;
      period.start = moment;
      ma.h.period = period;
      ma.h.reason = draft.reason;
      ma.additionalInformation = draft.additionalInformation;
      out.agreements.push_back(ma);
      if (draft.dispense) out.dispenseRequests.push_back(DispenseFor(ma, *draft.dispense, who, moment, mint));
      return out;
    }
  }
  return out;
}

}  // namespace zb::domain
