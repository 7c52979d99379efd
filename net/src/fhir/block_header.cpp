// SPDX-License-Identifier: GPL-3.0-or-later
#include "block_header.h"

#include <array>
#include <utility>

namespace zb::net::fhir::detail {

namespace d = zb::domain;

bool MapHeaderCore(DocumentState& st, Object r, d::BlockKind kind, d::BlockHeader& h) {
  Context& c = st.c;
  h.kind = kind;
  h.source = c.options().source;
  if (auto id = c.Str(r, "id")) h.resourceId = *id;
  if (auto id = FirstIdentifier(c, r)) {
    h.id = std::move(*id);
  } else if (!h.resourceId.empty()) {
    // Without a building-block identifier the block cannot be de-duplicated across sources or
    // referenced by others; keep it, keyed by its resource id at this source, and say so.
    c.Warn("no building-block identifier; using the resource id (cannot be matched across sources)");
    h.id = d::BlockId{"urn:zorgbrug:resource:" + h.source, h.resourceId};
  } else {
    c.Reject("building block has neither an identifier nor a resource id");
    return false;
  }
  if (auto status = c.Str(r, "status")) h.fhirStatus = *status;
  CheckModifiers(c, r);
  return !c.rejected();
}

void MapCommonExtension(Context& c, std::string_view name, Object ext, d::BlockHeader& h, bool& handled) {
  handled = true;
  if (name == url::kRegistrationDateTime) {
    h.registered = c.DateTime(ext, "valueDateTime");
  } else if (name == url::kRenderedDosage) {
    if (auto v = c.Str(ext, "valueString")) h.renderedDosage = *v;
  } else if (name == url::kPeriodOfUse) {
    if (auto p = c.Obj(ext, "valuePeriod")) {
      Context::Scope s(c, "valuePeriod");
      h.period = MapPeriodOfUse(c, *p);
    }
  } else if (name == url::kTreatmentId) {
    if (auto id = IdentifierField(c, ext, "valueIdentifier")) h.treatment = std::move(*id);
  } else if (name == url::kCopyIndicator) {
    h.copy = c.Bool(ext, "valueBoolean").value_or(false);
  } else if (name == url::kComment) {
    if (auto v = c.Str(ext, "valueString"); v && h.note.empty()) h.note = *v;
  } else {
    handled = false;
  }
}

void FinishHeader(DocumentState& st, Object resource, d::BlockHeader& header) {
  Context& c = st.c;
  // Modifier extensions we understand (CheckModifiers has refused any other).
  ForEachExtension(c, resource, "modifierExtension", url::kNictiz, [&](std::string_view name, Object ext) {
    if (name == url::kStopType) {
      auto cc = ConceptField(c, ext, "valueCodeableConcept");
      std::optional<d::StopInfo> info;
      if (cc) {
        for (const auto& coding : cc->codings) {
          if ((info = d::StopInfoFromCode(coding))) break;
        }
      }
      if (!info) {
        c.Reject(
            "stop type without a known code (expected 385655000, 410546004 or 89925002); the block "
            "cannot be read safely");
        return;
      }
      header.stop = *info;
    } else if (name == url::kCyclicalSchedule) {
      header.cycle = DurationField(c, ext, "valueDuration");
      if (!header.cycle) c.Reject("cyclical schedule without a duration changes the dosage in an unknown way");
    }
  });
  if (header.treatment.empty()) c.Warn("no treatment (MBH) identifier; the block is shown as its own treatment");

  // Product: a Medication resource in the document, or a code in place.
  if (auto ref = c.Obj(resource, "medicationReference")) {
    Context::Scope s(c, "medicationReference");
    auto text = c.Str(*ref, "reference").value_or(std::string_view());
    if (auto cached = st.products.find(text); !text.empty() && cached != st.products.end()) {
      header.product = cached->second;
    } else if (auto med = st.index.Resolve(text, resource)) {
      header.product = MapProduct(c, *med);
      if (!text.empty()) st.products.emplace(text, header.product);
    } else {
      d::Product shown;
      shown.text = std::string(c.Str(*ref, "display").value_or(""));
      header.product = std::move(shown);
      c.Warn(text.empty() ? std::string("no literal reference to the Medication; using its display text")
                          : "Medication '" + std::string(text) + "' is not in the document; using its display text");
    }
  } else if (auto cc = ConceptField(c, resource, "medicationCodeableConcept")) {
    d::Product inPlace;
    for (const auto& coding : cc->codings) inPlace.codes.push_back({d::LevelOfSystem(coding.system), coding, false});
    inPlace.text = cc->text;
    header.product = std::move(inPlace);
  } else {
    c.Warn("no medication given");
  }

  if (auto notes = c.Arr(resource, "note")) {
    for (Element e : *notes) {
      Object o;
      std::string_view t;
      if (!e.get(o) && !o["text"].get(t) && header.note.empty()) header.note = t;
    }
  }
}

d::Product MapProduct(Context& context, Object med) {
  d::Product p;
  std::string_view type;
  if (med["resourceType"].get(type) || type != "Medication") {
    context.Warn("medicationReference does not point to a Medication");
    return p;
  }
  if (auto code = context.Obj(med, "code")) {
    Context::Scope s(context, "code");
    if (auto codings = context.Arr(*code, "coding")) {
      for (Element e : *codings) {
        Object co;
        if (e.get(co)) continue;
        d::ProductCode pc;
        pc.coding = MapCoding(context, co);
        pc.level = d::LevelOfSystem(pc.coding.system);
        pc.userSelected = context.Bool(co, "userSelected").value_or(false);
        p.codes.push_back(std::move(pc));
      }
    }
    if (auto t = context.Str(*code, "text")) p.text = *t;
  }
  if (auto form = ConceptField(context, med, "form")) p.form = std::move(*form);
  if (auto ingredients = context.Arr(med, "ingredient")) {
    for (Element e : *ingredients) {
      Object io;
      if (e.get(io)) continue;
      d::Ingredient ing;
      if (auto item = ConceptField(context, io, "itemCodeableConcept")) ing.item = std::move(*item);
      if (auto strength = context.Obj(io, "strength")) ing.strength = MapRatio(context, *strength);
      p.ingredients.push_back(std::move(ing));
    }
  }
  ForEachExtension(context, med, url::kNictiz, [&](std::string_view name, Object ext) {
    if (name == url::kProductDescription) {
      if (auto v = context.Str(ext, "valueString")) p.description = *v;
    }
  });
  return p;
}

namespace {

bool KnownModifier(std::string_view url) {
  static constexpr std::array<std::string_view, 2> kKnown = {
      "http://nictiz.nl/fhir/StructureDefinition/ext-StopType",
      "http://nictiz.nl/fhir/StructureDefinition/ext-InstructionsForUse.RepeatPeriodCyclicalSchedule"};
  for (auto k : kKnown) {
    if (url == k) return true;
  }
  return false;
}

void ScanModifiers(Context& c, Element e, int depth);

void ScanObject(Context& context, Object object, int depth) {
  for (auto field : object) {
    if (field.key == "text" || field.key == "contained") continue;  // narrative; contained is checked when used
    if (field.key == "modifierExtension") {
      Array arr;
      if (field.value.get(arr)) continue;
      std::ptrdiff_t i = 0;
      for (Element m : arr) {
        Context::Scope s(context, "modifierExtension", i++);
        Object mo;
        std::string_view url;
        if (m.get(mo) || mo["url"].get(url)) {
          context.Reject("modifier extension without url; the resource cannot be read safely");
          return;
        }
        if (!KnownModifier(url)) {
          context.Reject("unknown modifier extension '" + std::string(url) +
                         "'; it may change the meaning of the resource, so the resource is not used");
          return;
        }
      }
      continue;
    }
    Context::Scope s(context, field.key);
    ScanModifiers(context, field.value, depth + 1);
    if (context.rejected()) return;
  }
}

void ScanModifiers(Context& c, Element e, int depth) {
  if (depth > 64 || c.rejected()) return;
  Object o;
  if (!e.get(o)) {
    ScanObject(c, o, depth);
    return;
  }
  Array arr;
  if (!e.get(arr)) {
    for (Element item : arr) ScanModifiers(c, item, depth + 1);
  }
}

// Fast pre-check without path bookkeeping: almost every resource passes, and only those that do
// not are walked again with paths for the message.
bool NeedsModifierReport(Element element, int depth) {
  if (depth > 64) return false;
  Object o;
  if (!element.get(o)) {
    for (auto field : o) {
      if (field.key == "text" || field.key == "contained") continue;
      if (field.key == "modifierExtension") {
        Array arr;
        if (field.value.get(arr)) continue;
        for (Element m : arr) {
          Object mo;
          std::string_view url;
          if (m.get(mo) || mo["url"].get(url) || !KnownModifier(url)) return true;
        }
        continue;
      }
      const auto type = field.value.type();
      if ((type == simdjson::dom::element_type::OBJECT || type == simdjson::dom::element_type::ARRAY) &&
          NeedsModifierReport(field.value, depth + 1)) {
        return true;
      }
    }
    return false;
  }
  Array arr;
  if (!element.get(arr)) {
    for (Element item : arr) {
      const auto type = item.type();
      if ((type == simdjson::dom::element_type::OBJECT || type == simdjson::dom::element_type::ARRAY) &&
          NeedsModifierReport(item, depth + 1)) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

void CheckModifiers(Context& context, Object resource) {
  if (resource["implicitRules"].error() == simdjson::SUCCESS) {
    Context::Scope s(context, "implicitRules");
    context.Reject("implicitRules is set; the resource follows rules we do not know and is not used");
    return;
  }
  bool needsReport = false;
  for (auto field : resource) {
    if (field.key == "text" || field.key == "contained") continue;
    if (field.key == "modifierExtension" || field.value.type() == simdjson::dom::element_type::OBJECT ||
        field.value.type() == simdjson::dom::element_type::ARRAY) {
      if (field.key == "modifierExtension") {
        Array arr;
        if (!field.value.get(arr)) {
          for (Element m : arr) {
            Object mo;
            std::string_view url;
            if (m.get(mo) || mo["url"].get(url) || !KnownModifier(url)) needsReport = true;
          }
        }
      } else if (NeedsModifierReport(field.value, 1)) {
        needsReport = true;
      }
    }
    if (needsReport) break;
  }
  if (needsReport) ScanObject(context, resource, 0);
}

std::string_view BlockCategory(Context& context, Object resource) {
  static constexpr std::array<std::string_view, 8> kCodes = {
      category::kMedicationAgreement, category::kGpPrescription,          category::kVariableDosingRegimen,
      category::kDispenseRequest,     category::kAdministrationAgreement, category::kMedicationDispense,
      category::kMedicationUse,       category::kMedicationAdministration};
  auto match = [&](Object cc) -> std::string_view {
    Array codings;
    Element ce;
    if (cc["coding"].get(ce) || ce.get(codings)) return {};
    for (Element e : codings) {
      Object co;
      std::string_view sys, code;
      if (e.get(co) || co["system"].get(sys) || co["code"].get(code) || sys != d::systems::kSnomed) continue;
      for (auto k : kCodes) {
        if (code == k) return k;
      }
    }
    return {};
  };
  Element cat;
  if (!resource["category"].get(cat)) {
    Object single;
    Array many;
    if (!cat.get(single)) {
      if (auto k = match(single); !k.empty()) return k;
    } else if (!cat.get(many)) {
      for (Element e : many) {
        Object o;
        if (e.get(o)) continue;
        if (auto k = match(o); !k.empty()) return k;
      }
    }
  }
  // Fall back on the declared profile (some senders leave the category out).
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kProfiles = {{
      {"mp-MedicationAgreement", category::kMedicationAgreement},
      {"mp-VariableDosingRegimen", category::kVariableDosingRegimen},
      {"mp-DispenseRequest", category::kDispenseRequest},
      {"mp-AdministrationAgreement", category::kAdministrationAgreement},
      {"mp-MedicationDispense", category::kMedicationDispense},
      {"mp-MedicationUse2", category::kMedicationUse},
      {"mp-MedicationAdministration2", category::kMedicationAdministration},
  }};
  if (auto meta = context.Obj(resource, "meta")) {
    if (auto profiles = context.Arr(*meta, "profile")) {
      for (Element e : *profiles) {
        std::string_view p;
        if (e.get(p)) continue;
        for (const auto& [suffix, code] : kProfiles) {
          if (p.size() > suffix.size() && p.substr(p.size() - suffix.size()) == suffix &&
              p[p.size() - suffix.size() - 1] == '/') {
            return code;
          }
        }
      }
    }
  }
  return {};
}

}  // namespace zb::net::fhir::detail
