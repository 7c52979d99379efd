// SPDX-License-Identifier: GPL-3.0-or-later
#include "write_json.h"

#include <cstdint>
#include <cstdio>
#include <functional>

namespace zb::net::fhir::write {

namespace d = zb::domain;

// Helpers used only here are static; the rest is declared in write_json.h.
json MetaJson(std::string_view profile, bool actionable) {
  json meta = {{"profile", json::array({Nictiz(profile)})}};
  if (actionable) {
    meta["tag"] =
        json::array({{{"system", "http://terminology.hl7.org/CodeSystem/common-tags"}, {"code", "actionable"}}});
  }
  return meta;
}

json CategoryJson(std::string_view code, std::string_view display) {
  return json::array({{{"coding", json::array({{{"system", std::string(d::systems::kSnomed)},
                                                {"code", std::string(code)},
                                                {"display", std::string(display)}}})}}});
}

json AgreementRelationJson(const d::BlockId& id) {
  json j = LogicalJson(id, "MedicationRequest");
  j["display"] = "relatie naar medicatieafspraak " + id.value;
  return j;
}

json SubjectJson(const EntryContext& ctx) {
  json j = {{"reference", ctx.patientUrl}, {"type", "Patient"}};
  if (!ctx.patientDisplay.empty()) j["display"] = ctx.patientDisplay;
  return j;
}

std::string Nictiz(std::string_view name) { return std::string(url::kNictiz) + std::string(name); }

static json Number(const std::string& decimal) {
  // Integers stay integers; anything else is written from the double the reader produced.
  if (decimal.find_first_of(".eE") == std::string::npos) {
    try {
      return json(std::stoll(decimal));
    } catch (...) {
    }
  }
  try {
    return json(std::stod(decimal));
  } catch (...) {
    return json(decimal);
  }
}

json CodingJson(const d::Coding& c) {
  json j = json::object();
  if (!c.system.empty()) j["system"] = c.system;
  if (!c.code.empty()) j["code"] = c.code;
  if (!c.display.empty()) j["display"] = c.display;
  return j;
}

json ConceptJson(const d::Concept& c) {
  json j = json::object();
  if (!c.codings.empty()) {
    j["coding"] = json::array();
    for (const auto& co : c.codings) j["coding"].push_back(CodingJson(co));
  }
  if (!c.text.empty()) j["text"] = c.text;
  return j;
}

json QuantityJson(const d::Quantity& q) {
  json j = json::object();
  if (q.gstdUnit) {
    json t = json::object();
    if (!q.decimal.empty()) t["value"] = Number(q.decimal);
    if (!q.gstdUnit->display.empty()) t["unit"] = q.gstdUnit->display;
    t["system"] = q.gstdUnit->system;
    t["code"] = q.gstdUnit->code;
    j["extension"] =
        json::array({{{"url", std::string(url::kHl7) + std::string(url::kPqTranslation)}, {"valueQuantity", t}}});
  }
  if (!q.decimal.empty()) j["value"] = Number(q.decimal);
  if (!q.unit.empty()) j["unit"] = q.unit;
  if (!q.system.empty()) j["system"] = q.system;
  if (!q.code.empty()) j["code"] = q.code;
  return j;
}

static json DurationJson(const d::Duration& dur) {
  return {{"value", dur.value}, {"unit", dur.unit}, {"system", std::string(d::systems::kUcum)}, {"code", dur.unit}};
}

static json RangeJson(const d::Range& r) {
  json j = json::object();
  if (r.low) j["low"] = QuantityJson(*r.low);
  if (r.high) j["high"] = QuantityJson(*r.high);
  return j;
}

static json RatioJson(const d::Ratio& r) {
  json j = json::object();
  if (r.numerator) j["numerator"] = QuantityJson(*r.numerator);
  if (r.denominator) j["denominator"] = QuantityJson(*r.denominator);
  return j;
}

json DosageJson(const d::Dosage& ds) {
  json j = json::object();
  for (const auto& also : ds.asNeededAlso) {
    j["extension"].push_back({{"url", Nictiz(url::kAsNeededFor)}, {"valueCodeableConcept", ConceptJson(also)}});
  }
  if (ds.sequence) j["sequence"] = *ds.sequence;
  if (!ds.text.empty()) j["text"] = ds.text;
  if (!ds.additionalInstruction.empty()) {
    j["additionalInstruction"] = json::array();
    for (const auto& a : ds.additionalInstruction) j["additionalInstruction"].push_back(ConceptJson(a));
  }
  const d::Timing& t = ds.timing;
  json repeat = json::object();
  if (t.exact) {
    repeat["extension"] =
        json::array({{{"url", std::string(url::kHl7) + std::string(url::kTimingExact)}, {"valueBoolean", *t.exact}}});
  }
  if (t.boundsDuration) repeat["boundsDuration"] = DurationJson(*t.boundsDuration);
  if (t.count) repeat["count"] = *t.count;
  if (t.countMax) repeat["countMax"] = *t.countMax;
  if (t.duration) {
    repeat["duration"] = t.duration->value;
    repeat["durationUnit"] = t.duration->unit;
  }
  if (t.frequency) repeat["frequency"] = *t.frequency;
  if (t.frequencyMax) repeat["frequencyMax"] = *t.frequencyMax;
  if (t.period) repeat["period"] = *t.period;
  if (t.periodMax) repeat["periodMax"] = *t.periodMax;
  if (!t.periodUnit.empty()) repeat["periodUnit"] = t.periodUnit;
  if (!t.dayOfWeek.empty()) repeat["dayOfWeek"] = t.dayOfWeek;
  if (!t.timeOfDay.empty()) repeat["timeOfDay"] = t.timeOfDay;
  if (!t.when.empty()) repeat["when"] = t.when;
  if (!repeat.empty()) j["timing"] = {{"repeat", repeat}};
  if (!ds.asNeededCriterion.empty()) {
    j["asNeededCodeableConcept"] = ConceptJson(ds.asNeededCriterion);
  } else if (ds.asNeeded) {
    j["asNeededBoolean"] = true;
  }
  if (!ds.route.empty()) j["route"] = ConceptJson(ds.route);
  if (!ds.doseAndRate.empty()) {
    j["doseAndRate"] = json::array();
    for (const auto& dr : ds.doseAndRate) {
      json o = json::object();
      if (dr.dose) o["doseQuantity"] = QuantityJson(*dr.dose);
      if (dr.doseRange) o["doseRange"] = RangeJson(*dr.doseRange);
      if (dr.rate) o["rateQuantity"] = QuantityJson(*dr.rate);
      if (dr.rateRange) o["rateRange"] = RangeJson(*dr.rateRange);
      j["doseAndRate"].push_back(o);
    }
  }
  if (ds.maxDosePerPeriod) j["maxDosePerPeriod"] = RatioJson(*ds.maxDosePerPeriod);
  return j;
}

// An Identifier; a source identifier without a system is written without one (R4: a string is
// never empty, so "system": "" would be invalid).
json IdentifierJson(const std::string& system, const std::string& value) {
  json j = json::object();
  if (!system.empty()) j["system"] = system;
  if (!value.empty()) j["value"] = value;
  return j;
}

json ActorJson(const d::Actor& a, std::string_view type) {
  json j = json::object();
  j["type"] = std::string(type);
  if (a.identifier) j["identifier"] = IdentifierJson(a.identifier->system, a.identifier->code);
  if (!a.display.empty()) j["display"] = a.display;
  return j;
}

json LogicalJson(const d::BlockId& id, std::string_view type) {
  return {{"type", std::string(type)}, {"identifier", IdentifierJson(id.system, id.value)}};
}

json ProductJson(const d::Product& product, const std::string& id) {
  json j = {{"resourceType", "Medication"}};
  if (!id.empty()) j["id"] = id;
  j["meta"] = MetaJson("mp-PharmaceuticalProduct", false);
  if (!product.description.empty()) {
    j["extension"] = json::array({{{"url", Nictiz(url::kProductDescription)}, {"valueString", product.description}}});
  }
  json code = json::object();
  if (!product.codes.empty()) {
    code["coding"] = json::array();
    for (const auto& pc : product.codes) {
      json co = CodingJson(pc.coding);
      if (pc.userSelected) co["userSelected"] = true;
      code["coding"].push_back(co);
    }
  }
  if (!product.text.empty()) code["text"] = product.text;
  if (!code.empty()) j["code"] = code;
  if (!product.form.empty()) j["form"] = ConceptJson(product.form);
  if (!product.ingredients.empty()) {
    j["ingredient"] = json::array();
    for (const auto& ing : product.ingredients) {
      json io = {{"itemCodeableConcept", ConceptJson(ing.item)}};
      if (ing.strength) io["strength"] = RatioJson(*ing.strength);
      j["ingredient"].push_back(io);
    }
  }
  return j;
}

static json PeriodJson(const d::PeriodOfUse& p) {
  json j = json::object();
  json exts = json::array();
  if (p.duration) exts.push_back({{"url", Nictiz(url::kDuration)}, {"valueDuration", DurationJson(*p.duration)}});
  if (!p.condition.empty()) exts.push_back({{"url", Nictiz(url::kCondition)}, {"valueString", p.condition}});
  if (!exts.empty()) j["extension"] = exts;
  if (p.start) j["start"] = p.start->ToIso();
  if (p.end) j["end"] = p.end->ToIso();
  return j;
}

json AgreementJson(const d::MedicationAgreement& ma, const EntryContext& ctx) {
  const d::BlockHeader& h = ma.h;
  json j = {{"resourceType", "MedicationRequest"}};
  if (!ctx.id.empty()) j["id"] = ctx.id;
  j["meta"] = MetaJson("mp-MedicationAgreement", ctx.actionable);
  json exts = json::array();
  if (h.registered)
    exts.push_back({{"url", Nictiz(url::kRegistrationDateTime)}, {"valueDateTime", h.registered->ToIso()}});
  if (!h.renderedDosage.empty())
    exts.push_back({{"url", Nictiz(url::kRenderedDosage)}, {"valueString", h.renderedDosage}});
  if (h.period) exts.push_back({{"url", Nictiz(url::kPeriodOfUse)}, {"valuePeriod", PeriodJson(*h.period)}});
  if (!h.treatment.empty()) {
    exts.push_back({{"url", Nictiz(url::kTreatmentId)},
                    {"valueIdentifier", IdentifierJson(h.treatment.system, h.treatment.value)}});
  }
  for (const auto& c : ma.additionalInformation) {
    exts.push_back({{"url", Nictiz(url::kMaAdditionalInfo)},
                    {"valueCodeableConcept", {{"coding", json::array({CodingJson(c)})}}}});
  }
  if (ma.nextPractitioner) {
    exts.push_back({{"url", Nictiz(url::kNextPractitioner)},
                    {"valueReference", ActorJson(*ma.nextPractitioner, "PractitionerRole")}});
  }
  if (!exts.empty()) j["extension"] = exts;
  json mods = json::array();
  if (h.stop.type != d::StopType::kNone) {
    mods.push_back({{"url", Nictiz(url::kStopType)},
                    {"valueCodeableConcept", {{"coding", json::array({CodingJson(h.stop.coding)})}}}});
  }
  if (h.cycle) mods.push_back({{"url", Nictiz(url::kCyclicalSchedule)}, {"valueDuration", DurationJson(*h.cycle)}});
  if (!mods.empty()) j["modifierExtension"] = mods;
  j["identifier"] = json::array({IdentifierJson(h.id.system, h.id.value)});
  j["status"] = h.fhirStatus.empty() ? std::string("unknown") : h.fhirStatus;
  j["intent"] = "order";
  // What we send is an MP9 3.0 agreement: mp-MedicationAgreement fixes the category to 33633005,
  // also when the agreement was read from a GP's zorginzage answer (16076005).
  j["category"] = CategoryJson(category::kMedicationAgreement, "voorschrijven van geneesmiddel");
  if (h.copy) j["reportedBoolean"] = true;
  j["medicationReference"] = {
      {"reference", ctx.medicationUrl}, {"type", "Medication"}, {"display", h.product->DisplayName()}};
  j["subject"] = SubjectJson(ctx);
  if (!ctx.requesterUrl.empty()) {
    j["requester"] = {{"reference", ctx.requesterUrl}, {"type", "PractitionerRole"}, {"display", h.author.display}};
  } else if (!h.author.display.empty() || h.author.identifier) {
    j["requester"] = ActorJson(h.author, "PractitionerRole");
  }
  if (!h.reason.empty()) j["reasonCode"] = json::array({ConceptJson(h.reason)});
  // The indication travels inside the agreement as a contained Condition (nl-core-Problem), so
  // the receiver reads the coded problem without a second resource to keep in step.
  for (std::size_t i = 0; i < ma.indications.size(); ++i) {
    const std::string local = "indication-" + std::to_string(i + 1);
    json condition = {{"resourceType", "Condition"},
                      {"id", local},
                      {"meta", {{"profile", json::array({Nictiz("nl-core-Problem")})}}},
                      {"code", ConceptJson(ma.indications[i])}};
    condition["subject"] = SubjectJson(ctx);
    j["contained"].push_back(std::move(condition));
    j["reasonReference"].push_back(
        {{"reference", "#" + local}, {"type", "Condition"}, {"display", ma.indications[i].Label()}});
  }
  if (!h.note.empty()) j["note"] = json::array({{{"text", h.note}}});
  if (!h.dosage.empty()) {
    j["dosageInstruction"] = json::array();
    for (const auto& ds : h.dosage) j["dosageInstruction"].push_back(DosageJson(ds));
  }
  if (ma.priorPrescription) j["priorPrescription"] = AgreementRelationJson(*ma.priorPrescription);
  // MedicationRequest.basedOn may not point at a MedicationDispense or MedicationStatement: the
  // relation to a TA or MGB lives only inside its extension, as in the Nictiz examples.
  json basedOn = json::array();
  auto relation = [&](const std::optional<d::BlockId>& target, std::string_view ext, std::string_view type) {
    if (!target) return;
    basedOn.push_back(
        {{"extension", json::array({{{"url", Nictiz(ext)}, {"valueReference", LogicalJson(*target, type)}}})}});
  };
  relation(ma.basedOnAdministrationAgreement, url::kRelationAdministrationAgreement, "MedicationDispense");
  relation(ma.basedOnMedicationUse, url::kRelationMedicationUse, "MedicationStatement");
  if (!basedOn.empty()) j["basedOn"] = basedOn;
  return j;
}

std::string UuidFrom(const std::string& seed, const char* salt) {
  // Deterministic urn:uuid per block, so writing the same agreement twice gives identical output.
  const std::size_t h1 = std::hash<std::string>{}(seed + salt);
  const std::size_t h2 = std::hash<std::string>{}(std::string(salt) + seed);
  char buf[64];
  std::snprintf(buf, sizeof buf, "urn:uuid:%08x-%04x-4%03x-8%03x-%012llx", static_cast<unsigned>(h1 & 0xffffffffu),
                static_cast<unsigned>((h1 >> 32) & 0xffffu), static_cast<unsigned>((h1 >> 48) & 0xfffu),
                static_cast<unsigned>(h2 & 0xfffu), static_cast<unsigned long long>((h2 >> 12) & 0xffffffffffffULL));
  return buf;
}

}  // namespace zb::net::fhir::write
