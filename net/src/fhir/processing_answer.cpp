// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/fhir/processing_answer.h"

#include <nlohmann/json.hpp>

#include "net/json_member.h"

namespace zb::net::fhir {
namespace {

using nlohmann::json;

json Member(const json& j, std::string_view name, json fallback) {
  if (!j.is_object()) return fallback;
  auto it = j.find(name);
  return it != j.end() && it->type() == fallback.type() ? *it : fallback;
}

std::string IdentifierText(const json& id) {
  const std::string system = StringMember(id, "system"), value = StringMember(id, "value");
  return system.empty() || value.empty() ? std::string() : system + "|" + value;
}

bool HasProfile(const json& r, std::string_view profile) {
  for (const auto& p : Member(Member(r, "meta", json::object()), "profile", json::array()))
    if (p.is_string() && p.get<std::string>() == profile) return true;
  return false;
}

bool EndsWith(const std::string& s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

std::optional<domain::Instant> Moment(const std::string& text) {
  auto parsed = domain::DateTime::Parse(text);
  if (!parsed) return std::nullopt;
  return parsed.value().Earliest();
}

std::string QuantityText(const json& q) {
  if (!q.is_object() || !q.contains("value") || !q["value"].is_number()) return {};
  const double v = q["value"].get<double>();
  std::string number = std::to_string(v);
  number.erase(number.find_last_not_of('0') + 1);
  if (!number.empty() && number.back() == '.') number.pop_back();
  const std::string unit = StringMember(q, "unit");
  return unit.empty() ? number : number + " " + unit;
}

}  // namespace

std::vector<std::string> RequestIdentifiers(std::string_view bundle) {
  std::vector<std::string> out;
  const json b = json::parse(bundle, nullptr, false);
  for (const auto& e : Member(b, "entry", json::array())) {
    const json r = Member(e, "resource", json::object());
    if (StringMember(r, "resourceType") != "MedicationRequest") continue;
    for (const auto& id : Member(r, "identifier", json::array())) {
      const std::string text = IdentifierText(id);
      if (!text.empty()) out.push_back(text);
    }
  }
  return out;
}

ProcessingRead ReadProcessingSearch(std::string_view body) {
  ProcessingRead out;
  const json b = json::parse(body, nullptr, false);
  if (StringMember(b, "resourceType") != "Bundle" || StringMember(b, "type") != "searchset") return out;
  out.searchset = true;
  for (const auto& e : Member(b, "entry", json::array())) {
    const json r = Member(e, "resource", json::object());
    const bool ta = HasProfile(r, "http://nictiz.nl/fhir/StructureDefinition/mp-AdministrationAgreement");
    const bool mve = HasProfile(r, "http://nictiz.nl/fhir/StructureDefinition/mp-MedicationDispense");
    const json auth = Member(r, "authorizingPrescription", json::array());
    const std::string authorising =
        auth.empty() ? std::string() : IdentifierText(Member(auth[0], "identifier", json::object()));
    if (StringMember(r, "resourceType") != "MedicationDispense" || (!ta && !mve) || authorising.empty()) {
      ++out.skipped;
      continue;
    }
    domain::ProcessedBlock block;
    block.kind = ta ? domain::ProcessedBlock::Kind::kAdministrationAgreement : domain::ProcessedBlock::Kind::kDispense;
    block.authorising = authorising;
    block.product = StringMember(Member(r, "medicationReference", json::object()), "display");
    for (const auto& ext : Member(r, "extension", json::array())) {
      const std::string url = StringMember(ext, "url");
      if (EndsWith(url, "ext-RenderedDosageInstruction")) block.detail = StringMember(ext, "valueString");
      if (EndsWith(url, "ext-RegistrationDateTime")) block.moment = Moment(StringMember(ext, "valueDateTime"));
    }
    // MP9 3.0 carries the stop type as a modifier extension (av-mp-va-tst-3-1b).
    for (const auto& ext : Member(r, "modifierExtension", json::array()))
      if (EndsWith(StringMember(ext, "url"), "ext-StopType")) block.stop = true;
    if (ta && block.detail.empty()) {
      const json dosage = Member(r, "dosageInstruction", json::array());
      if (!dosage.empty()) block.detail = StringMember(dosage[0], "text");
    }
    if (mve) {
      block.detail = QuantityText(Member(r, "quantity", json::object()));
      block.moment = Moment(StringMember(r, "whenHandedOver"));
    }
    out.blocks.push_back(std::move(block));
  }
  return out;
}

}  // namespace zb::net::fhir
