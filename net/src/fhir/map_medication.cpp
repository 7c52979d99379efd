// SPDX-License-Identifier: GPL-3.0-or-later
// MP9 3.0 building blocks (mp9.md §a.3): MedicationRequest -> MA / WDS / VV, MedicationDispense ->
// TA / MVE, MedicationStatement -> MGB, MedicationAdministration -> MTD. GP data from the
// zorginzage use case (MedicationRequest category 16076005) maps to MA.
#include "block_header.h"

namespace zb::net::fhir::detail {

namespace d = zb::domain;

namespace {

std::optional<d::BlockId> FirstLogical(Context& c, Object r, std::string_view key) {
  auto arr = c.Arr(r, key);
  if (!arr) return std::nullopt;
  std::ptrdiff_t i = 0;
  for (Element e : *arr) {
    Context::Scope s(c, key, i++);
    auto o = c.AsObject(e, "a Reference");
    if (!o) continue;
    if (auto id = LogicalReference(c, *o)) return id;
  }
  return std::nullopt;
}

std::optional<d::BlockId> LogicalField(Context& c, Object r, std::string_view key) {
  auto o = c.Obj(r, key);
  if (!o) return std::nullopt;
  Context::Scope s(c, key);
  return LogicalReference(c, *o);
}

std::vector<d::Coding> Codings(Context& c, Object ext) {
  auto cc = ConceptField(c, ext, "valueCodeableConcept");
  return cc ? cc->codings : std::vector<d::Coding>{};
}

bool IsGds(Context& c, Object ext) {
  for (const auto& coding : Codings(c, ext)) {
    if (coding.Is(d::systems::kDistributionForm, "1")) return true;
  }
  return false;
}

std::optional<d::Actor> FirstPerformer(Context& c, Object r) {
  auto arr = c.Arr(r, "performer");
  if (!arr) return std::nullopt;
  for (Element e : *arr) {
    Object o;
    if (e.get(o)) continue;
    if (auto a = ActorField(c, o, "actor")) return a;
  }
  return std::nullopt;
}

void RegisteredFallback(d::BlockHeader& h, const std::optional<d::DateTime>& when) {
  if (!h.registered && when) h.registered = when;
}

void MapAgreement(DocumentState& st, Object resource, std::string_view category) {
  Context& c = st.c;
  d::MedicationAgreement ma;
  ma.categoryCode = std::string(category);
  const bool ok =
      MapHeader(st, resource, d::BlockKind::kMedicationAgreement, ma.h, [&](std::string_view name, Object ext) {
        if (name == url::kMaAdditionalInfo) {
          auto codings = Codings(c, ext);
          ma.additionalInformation.insert(ma.additionalInformation.end(), codings.begin(), codings.end());
        } else if (name == url::kNextPractitioner) {
          ma.nextPractitioner = ActorField(c, ext, "valueReference");
        }
      });
  if (!ok) return;
  ma.priorPrescription = LogicalField(c, resource, "priorPrescription");
  if (auto basedOn = c.Arr(resource, "basedOn")) {
    std::ptrdiff_t i = 0;
    for (Element e : *basedOn) {
      Context::Scope s(c, "basedOn", i++);
      auto o = c.AsObject(e, "a Reference");
      if (!o) continue;
      // Nictiz puts the related block's identifier inside the relation extension (the outer
      // Reference carries only a display); older shapes put it on the outer Reference.
      ForEachExtension(c, *o, url::kNictiz, [&](std::string_view name, Object ext) {
        const bool ta = name == url::kRelationAdministrationAgreement;
        if (!ta && name != url::kRelationMedicationUse) return;
        std::optional<d::BlockId> id = LogicalField(c, ext, "valueReference");
        if (!id) id = LogicalReference(c, *o);
        (ta ? ma.basedOnAdministrationAgreement : ma.basedOnMedicationUse) = id;
      });
    }
  }
  ma.h.copy = ma.h.copy || c.Bool(resource, "reportedBoolean").value_or(false);
  if (auto reasons = ConceptArray(c, resource, "reasonCode"); !reasons.empty()) ma.h.reason = reasons.front();
  ma.indications = ReasonReferences(st, resource);
  if (auto a = ResolvedActorField(st, resource, "requester")) ma.h.author = std::move(*a);
  RegisteredFallback(ma.h, c.DateTime(resource, "authoredOn"));
  ma.h.dosage = MapDosageArray(c, resource, "dosageInstruction");
  st.out.medication.agreements.push_back(std::move(ma));
}

void MapRegimen(DocumentState& st, Object r) {
  Context& c = st.c;
  d::VariableDosingRegimen wds;
  if (!MapHeader(st, r, d::BlockKind::kVariableDosingRegimen, wds.h, [](std::string_view, Object) {})) return;
  wds.basedOnAgreement = FirstLogical(c, r, "basedOn");
  wds.previousRegimen = LogicalField(c, r, "priorPrescription");
  if (auto reasons = ConceptArray(c, r, "reasonCode"); !reasons.empty()) wds.h.reason = reasons.front();
  if (auto a = ResolvedActorField(st, r, "requester")) wds.h.author = std::move(*a);
  RegisteredFallback(wds.h, c.DateTime(r, "authoredOn"));
  wds.h.dosage = MapDosageArray(c, r, "dosageInstruction");
  st.out.medication.regimens.push_back(std::move(wds));
}

void MapRequest(DocumentState& st, Object resource) {
  Context& c = st.c;
  d::DispenseRequest vv;
  if (!MapHeader(st, resource, d::BlockKind::kDispenseRequest, vv.h, [&](std::string_view name, Object ext) {
        if (name == url::kAdditionalWishes) {
          auto codings = Codings(c, ext);
          vv.additionalWishes.insert(vv.additionalWishes.end(), codings.begin(), codings.end());
        }
      })) {
    return;
  }
  vv.basedOnAgreement = FirstLogical(c, resource, "basedOn");
  vv.cancelled = vv.h.fhirStatus == "entered-in-error";
  if (auto a = ResolvedActorField(st, resource, "requester")) vv.h.author = std::move(*a);
  // The pharmacy asked to dispense: with the dispenses, where the patient's own pharmacy is read.
  if (auto a = ResolvedActorField(st, resource, "performer")) vv.performer = std::move(*a);
  RegisteredFallback(vv.h, c.DateTime(resource, "authoredOn"));
  if (auto dr = c.Obj(resource, "dispenseRequest")) {
    Context::Scope s(c, "dispenseRequest");
    vv.quantity = QuantityField(c, *dr, "quantity");
    if (auto n = c.Int(*dr, "numberOfRepeatsAllowed"); n && *n >= 0 && *n < 1000) {
      vv.repeatsAllowed = static_cast<int>(*n);
    }
    if (auto vp = c.Obj(*dr, "validityPeriod")) {
      Context::Scope vs(c, "validityPeriod");
      vv.validFrom = c.DateTime(*vp, "start");
      vv.validUntil = c.DateTime(*vp, "end");
    }
    ForEachExtension(c, *dr, url::kNictiz, [&](std::string_view name, Object ext) {
      if (name == url::kDispenseLocation) {
        if (auto a = ActorField(c, ext, "valueReference")) vv.dispenseLocation = std::move(*a);
      }
    });
  }
  st.out.medication.dispenseRequests.push_back(std::move(vv));
}

void MapAdministrationAgreement(DocumentState& st, Object resource) {
  Context& c = st.c;
  d::AdministrationAgreement ta;
  const bool ok =
      MapHeader(st, resource, d::BlockKind::kAdministrationAgreement, ta.h, [&](std::string_view name, Object ext) {
        if (name == url::kDistributionForm) {
          ta.distributedInGds = IsGds(c, ext);
        } else if (name == url::kRelationAdministrationAgreement) {
          ta.previousAgreement = LogicalField(c, ext, "valueReference");
        } else if (name == url::kTaDateTime) {
          ta.agreementDate = c.DateTime(ext, "valueDateTime");
        } else if (name == url::kTaReason) {
          if (auto cc = ConceptField(c, ext, "valueCodeableConcept")) ta.h.reason = std::move(*cc);
        } else if (name == url::kTaAdditionalInfo) {
          auto codings = Codings(c, ext);
          ta.additionalInformation.insert(ta.additionalInformation.end(), codings.begin(), codings.end());
        }
      });
  if (!ok) return;
  ta.authorizingAgreement = FirstLogical(c, resource, "authorizingPrescription");
  if (auto a = FirstPerformer(c, resource)) ta.h.author = std::move(*a);
  RegisteredFallback(ta.h, ta.agreementDate);
  ta.h.dosage = MapDosageArray(c, resource, "dosageInstruction");
  st.out.medication.administrationAgreements.push_back(std::move(ta));
}

void MapDispense(DocumentState& st, Object resource) {
  Context& c = st.c;
  d::MedicationDispense mve;
  const bool ok =
      MapHeader(st, resource, d::BlockKind::kMedicationDispense, mve.h, [&](std::string_view name, Object ext) {
        if (name == url::kDistributionForm) {
          mve.distributedInGds = IsGds(c, ext);
        } else if (name == url::kRequestDate) {
          mve.requestDate = c.DateTime(ext, "valueDateTime");
        } else if (name == url::kMveAdditionalInfo) {
          auto codings = Codings(c, ext);
          mve.additionalInformation.insert(mve.additionalInformation.end(), codings.begin(), codings.end());
        }
      });
  if (!ok) return;
  mve.authorizingRequest = FirstLogical(c, resource, "authorizingPrescription");
  mve.quantity = QuantityField(c, resource, "quantity");
  mve.daysSupply = QuantityField(c, resource, "daysSupply");
  mve.handedOver = c.DateTime(resource, "whenHandedOver");
  if (auto a = FirstPerformer(c, resource)) mve.h.author = std::move(*a);
  RegisteredFallback(mve.h, mve.handedOver ? mve.handedOver : mve.requestDate);
  mve.h.dosage = MapDosageArray(c, resource, "dosageInstruction");
  st.out.medication.dispenses.push_back(std::move(mve));
}

d::UseStatus UseOf(std::string_view status) {
  if (status == "active" || status == "completed" || status == "intended") return d::UseStatus::kUsing;
  if (status == "not-taken") return d::UseStatus::kNotUsing;
  if (status == "on-hold") return d::UseStatus::kSuspended;
  if (status == "stopped") return d::UseStatus::kStopped;
  return d::UseStatus::kUnknown;
}

}  // namespace

void MapMedicationRequest(DocumentState& st, Object r) {
  const auto cat = BlockCategory(st.c, r);
  if (cat == category::kMedicationAgreement || cat == category::kGpPrescription) {
    MapAgreement(st, r, cat);
  } else if (cat == category::kVariableDosingRegimen) {
    MapRegimen(st, r);
  } else if (cat == category::kDispenseRequest) {
    MapRequest(st, r);
  } else {
    st.c.Drop("MedicationRequest without an MP9 or GP medication category; not a building block, not used");
  }
}

void MapMedicationDispense(DocumentState& st, Object r) {
  const auto cat = BlockCategory(st.c, r);
  if (cat == category::kAdministrationAgreement) {
    MapAdministrationAgreement(st, r);
  } else if (cat == category::kMedicationDispense) {
    MapDispense(st, r);
  } else {
    st.c.Drop("MedicationDispense without category 422037009 (TA) or 373784005 (MVE); not used");
  }
}

void MapMedicationStatement(DocumentState& st, Object resource) {
  Context& c = st.c;
  d::MedicationUse mgb;
  const bool ok = MapHeader(st, resource, d::BlockKind::kMedicationUse, mgb.h, [&](std::string_view name, Object ext) {
    if (name == url::kAsAgreed) {
      mgb.asAgreed = c.Bool(ext, "valueBoolean");
    } else if (name == url::kUseAuthor) {
      if (auto a = ActorField(c, ext, "valueReference")) mgb.h.author = std::move(*a);
    }
  });
  if (!ok) return;
  if (mgb.h.fhirStatus == "entered-in-error") {
    c.Drop("medication use entered in error; not used");
    return;
  }
  mgb.use = UseOf(mgb.h.fhirStatus);
  if (auto p = c.Obj(resource, "effectivePeriod")) {
    Context::Scope s(c, "effectivePeriod");
    mgb.h.period = MapPeriodOfUse(c, *p);
  }
  mgb.asserted = c.DateTime(resource, "dateAsserted");
  RegisteredFallback(mgb.h, mgb.asserted);
  if (auto a = ActorField(c, resource, "informationSource")) mgb.informant = std::move(*a);
  if (mgb.h.author.display.empty()) mgb.h.author = mgb.informant;
  if (auto derived = c.Arr(resource, "derivedFrom")) {
    for (Element e : *derived) {
      Object o;
      if (e.get(o)) continue;
      if (auto id = LogicalReference(c, o)) mgb.derivedFrom.push_back(std::move(*id));
    }
  }
  if (auto reasons = ConceptArray(c, resource, "statusReason"); !reasons.empty()) mgb.statusReason = reasons.front();
  if (auto reasons = ConceptArray(c, resource, "reasonCode"); !reasons.empty()) mgb.h.reason = reasons.front();
  mgb.h.dosage = MapDosageArray(c, resource, "dosage");
  st.out.medication.uses.push_back(std::move(mgb));
}

void MapMedicationAdministration(DocumentState& st, Object resource) {
  Context& c = st.c;
  d::MedicationAdministration mtd;
  const bool ok =
      MapHeader(st, resource, d::BlockKind::kMedicationAdministration, mtd.h, [&](std::string_view name, Object ext) {
        if (name == url::kAgreedDateTime) {
          mtd.planned = c.DateTime(ext, "valueDateTime");
        } else if (name == url::kDeviationReason) {
          if (auto cc = ConceptField(c, ext, "valueCodeableConcept")) mtd.deviationReason = std::move(*cc);
        }
      });
  if (!ok) return;
  mtd.administered = c.DateTime(resource, "effectiveDateTime");
  if (!mtd.administered) {
    if (auto p = c.Obj(resource, "effectivePeriod")) mtd.administered = c.DateTime(*p, "start");
  }
  mtd.agreement = LogicalField(c, resource, "request");
  if (auto a = FirstPerformer(c, resource)) mtd.h.author = std::move(*a);
  RegisteredFallback(mtd.h, mtd.administered);
  mtd.h.dosage = MapDosageArray(c, resource, "dosage", /*single=*/true);
  if (!mtd.h.dosage.empty() && !mtd.h.dosage.front().doseAndRate.empty())
    mtd.dose = mtd.h.dosage.front().doseAndRate.front().dose;
  st.out.medication.administrations.push_back(std::move(mtd));
}

}  // namespace zb::net::fhir::detail
