// SPDX-License-Identifier: GPL-3.0-or-later
// ICA (mp9.md §d): zib 2020 and CiO AllergyIntolerance, contra-indication / surveillance / alert Flags.
#include "datatypes.h"
#include "mappers.h"
#include "profiles.h"

namespace zb::net::fhir::detail {

namespace d = zb::domain;

namespace {

std::string_view StatusCode(Context& c, Object r, std::string_view key) {
  auto cc = c.Obj(r, key);
  if (!cc) return {};
  Array codings;
  Element e;
  if ((*cc)["coding"].get(e) || e.get(codings)) return {};
  for (Element item : codings) {
    Object co;
    std::string_view code, sys;
    if (item.get(co) || co["code"].get(code)) continue;
    // The HL7 code system carries the status; zib adds a SNOMED translation we do not need here.
    if (!co["system"].get(sys) && sys.find("terminology.hl7.org") != std::string_view::npos) return code;
  }
  return {};
}

d::BlockId ItemId(Context& c, Object r, std::string_view resourceId, const std::string& source) {
  if (auto id = FirstIdentifier(c, r)) return *id;
  return d::BlockId{"urn:zorgbrug:resource:" + source, std::string(resourceId)};
}

d::FlagStatus FlagStatusOf(std::string_view s) {
  if (s == "active") return d::FlagStatus::kActive;
  if (s == "inactive") return d::FlagStatus::kInactive;
  if (s == "entered-in-error") return d::FlagStatus::kEnteredInError;
  return d::FlagStatus::kUnknown;
}

}  // namespace

void MapAllergyIntolerance(DocumentState& st, Object resource) {
  Context& c = st.c;
  CheckModifiers(c, resource);
  if (c.rejected()) return;
  d::Allergy a;
  a.source = c.options().source;
  a.resourceId = std::string(c.Str(resource, "id").value_or(""));
  a.id = ItemId(c, resource, a.resourceId, a.source);

  const auto clinical = StatusCode(c, resource, "clinicalStatus");
  if (clinical == "active") a.clinical = d::ClinicalStatus::kActive;
  if (clinical == "inactive") a.clinical = d::ClinicalStatus::kInactive;
  if (clinical == "resolved") a.clinical = d::ClinicalStatus::kResolved;
  const auto verification = StatusCode(c, resource, "verificationStatus");
  if (verification == "confirmed") a.verification = d::VerificationStatus::kConfirmed;
  if (verification == "unconfirmed") a.verification = d::VerificationStatus::kUnconfirmed;
  if (verification == "refuted") a.verification = d::VerificationStatus::kRefuted;
  if (verification == "entered-in-error") a.verification = d::VerificationStatus::kEnteredInError;

  if (auto cats = c.Arr(resource, "category")) {
    for (Element e : *cats) {
      std::string_view cat;
      if (e.get(cat)) continue;
      if (cat == "medication") a.category = d::AllergyCategory::kMedication;
      if (cat == "food") a.category = d::AllergyCategory::kFood;
      if (cat == "environment") a.category = d::AllergyCategory::kEnvironment;
      if (cat == "biologic") a.category = d::AllergyCategory::kBiologic;
    }
  }
  if (auto crit = c.Str(resource, "criticality")) {
    if (*crit == "low") a.criticality = d::Criticality::kLow;
    if (*crit == "high") a.criticality = d::Criticality::kHigh;
    if (*crit == "unable-to-assess") a.criticality = d::Criticality::kUnableToAssess;
  }
  if (auto code = ConceptField(c, resource, "code")) a.substance = std::move(*code);
  a.onset = c.DateTime(resource, "onsetDateTime");
  a.recorded = c.DateTime(resource, "recordedDate");
  a.lastOccurrence = c.DateTime(resource, "lastOccurrence");
  if (auto v = ActorField(c, resource, "asserter")) a.asserter = std::move(*v);
  if (a.asserter.display.empty()) {
    if (auto v = ActorField(c, resource, "recorder")) a.asserter = std::move(*v);
  }
  if (auto notes = c.Arr(resource, "note")) {
    for (Element e : *notes) {
      Object o;
      std::string_view t;
      if (!e.get(o) && !o["text"].get(t) && a.note.empty()) a.note = t;
    }
  }
  ForEachExtension(c, resource, "http://", [&](std::string_view, Object ext) {
    auto url = c.Str(ext, "url").value_or("");
    if (url == url::kAllergyType) {
      if (auto cc = ConceptField(c, ext, "valueCodeableConcept")) {
        a.reactionRecord = cc->Has(d::systems::kSnomed, category::kCioReactionType);
      }
      a.model = d::IcaModel::kCio;
    } else if (url.size() > url::kNictiz.size() && url.substr(url::kNictiz.size()) == url::kHypersensitivityId) {
      a.hypersensitivityGroup = IdentifierField(c, ext, "valueIdentifier");
      a.model = d::IcaModel::kCio;
    }
  });
  if (auto reactions = c.Arr(resource, "reaction")) {
    std::ptrdiff_t i = 0;
    for (Element e : *reactions) {
      Context::Scope s(c, "reaction", i++);
      auto ro = c.AsObject(e, "a reaction");
      if (!ro) continue;
      d::Reaction re;
      if (auto v = ConceptField(c, *ro, "substance")) re.substance = std::move(*v);
      re.manifestations = ConceptArray(c, *ro, "manifestation");
      if (auto v = c.Str(*ro, "description")) re.description = *v;
      if (auto v = c.Str(*ro, "severity")) re.severity = *v;
      if (auto v = ConceptField(c, *ro, "exposureRoute")) re.exposureRoute = std::move(*v);
      re.onset = c.DateTime(*ro, "onset");
      a.reactions.push_back(std::move(re));
    }
  }
  if (a.substance.empty()) c.Warn("allergy without a causative agent (code)");
  st.out.ica.allergies.push_back(std::move(a));
}

void MapFlag(DocumentState& st, Object resource) {
  Context& c = st.c;
  CheckModifiers(c, resource);
  if (c.rejected()) return;
  const std::string source = c.options().source;
  const std::string resourceId(c.Str(resource, "id").value_or(""));
  const auto categories = ConceptArray(c, resource, "category");
  auto has = [&](std::string_view code) {
    for (const auto& cat : categories) {
      if (cat.Has(d::systems::kSnomed, code)) return true;
    }
    return false;
  };
  const auto status = FlagStatusOf(c.Str(resource, "status").value_or(""));
  std::optional<d::DateTime> start, end;
  if (auto p = c.Obj(resource, "period")) {
    Context::Scope s(c, "period");
    start = c.DateTime(*p, "start");
    end = c.DateTime(*p, "end");
  }
  auto code = ConceptField(c, resource, "code").value_or(d::Concept{});
  d::Actor author = ActorField(c, resource, "author").value_or(d::Actor{});
  std::string comment;
  std::vector<d::Concept> safeWithin;
  auto collect = [&](Object holder) {
    ForEachExtension(c, holder, url::kNictiz, [&](std::string_view name, Object ext) {
      if (name == url::kComment) {
        if (auto v = c.Str(ext, "valueString")) comment = *v;
      } else if (name == url::kSafeWithinUnsafeGroup) {
        if (auto v = ConceptField(c, ext, "valueCodeableConcept")) safeWithin.push_back(std::move(*v));
      }
    });
  };
  collect(resource);
  if (auto co = c.Obj(resource, "code")) collect(*co);

  if (has(category::kCioContraIndication) || has(category::kZibContraIndication)) {
    d::ContraIndication ci{source,
                           resourceId,
                           ItemId(c, resource, resourceId, source),
                           std::move(code),
                           std::string(has(category::kCioContraIndication) ? category::kCioContraIndication
                                                                           : category::kZibContraIndication),
                           status,
                           start,
                           end,
                           std::move(author),
                           std::move(comment)};
    st.out.ica.contraIndications.push_back(std::move(ci));
  } else if (has(category::kSurveillance)) {
    d::SurveillanceDecision sd{source,
                               resourceId,
                               ItemId(c, resource, resourceId, source),
                               std::move(code),
                               std::move(safeWithin),
                               status,
                               start,
                               end,
                               std::move(author)};
    st.out.ica.surveillanceDecisions.push_back(std::move(sd));
  } else {
    d::Alert alert{source,
                   resourceId,
                   ItemId(c, resource, resourceId, source),
                   std::move(code),
                   categories.empty() ? d::Concept{} : categories.front(),
                   status,
                   start,
                   end,
                   std::move(comment)};
    st.out.ica.alerts.push_back(std::move(alert));
  }
}

}  // namespace zb::net::fhir::detail
