// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/fhir/release_bundle_check.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "net/contract/release_services.h"
#include "net/json_member.h"

namespace zb::net::fhir {
namespace {

using nlohmann::json;

// Outside JSON read without exceptions: a member of another type reads as absent.
std::string Str(const json& j, std::string_view name) { return StringMember(j, name); }
json Arr(const json& j, std::string_view name) {
  if (!j.is_object()) return json::array();
  auto it = j.find(name);
  return it != j.end() && it->is_array() ? *it : json::array();
}
json Obj(const json& j, std::string_view name) {
  if (!j.is_object()) return json::object();
  auto it = j.find(name);
  return it != j.end() && it->is_object() ? *it : json::object();
}

constexpr const char* kZibValueSetOid = "urn:oid:2.16.840.1.113883.2.4.3.11.60.40.2";
constexpr const char* kMaCategory = "33633005";  // MP9 3.0 (mp-MedicationAgreement fixes it)
constexpr const char* kVvCategory = "52711000146108";

bool HasActionableTag(const json& resource) {
  const json tags = resource.contains("meta") ? Arr(resource["meta"], "tag") : json::array();
  for (const auto& t : tags) {
    if (Str(t, "system") == "http://terminology.hl7.org/CodeSystem/common-tags" && Str(t, "code") == "actionable")
      return true;
  }
  return false;
}

std::string CategoryCode(const json& resource) {
  for (const auto& c : Arr(resource, "category")) {
    for (const auto& coding : Arr(c, "coding")) {
      if (Str(coding, "system") == "http://snomed.info/sct") return Str(coding, "code");
    }
  }
  return {};
}

// The datatype rules every sending TestScript asserts, walked over the whole resource.
void CheckDatatypes(const json& node, const std::string& key, const std::string& where,
                    std::vector<std::string>& problems) {
  if (node.is_array()) {
    for (const auto& item : node) CheckDatatypes(item, key, where, problems);
    return;
  }
  if (!node.is_object()) return;
  if (key == "coding") {
    if (!node.contains("system") || !node.contains("code"))
      problems.push_back(where + ": a Coding lacks system or code");
    if (Str(node, "system").rfind(kZibValueSetOid, 0) == 0)
      problems.push_back(where + ": a zib ValueSet OID is used as code system");
  }
  if (node.contains("coding") && !node.contains("text")) {
    bool display = false;
    for (const auto& c : node["coding"]) display = display || c.contains("display");
    if (!display) problems.push_back(where + ": a CodeableConcept has neither display nor text");
  }
  const bool reference =
      node.contains("reference") || (key != "identifier" && key != "" && node.contains("identifier") &&
                                     node.size() <= 3 && !node.contains("resourceType"));
  if (reference && !node.contains("display")) problems.push_back(where + "." + key + ": a Reference has no display");
  if (key == "identifier" && (!node.contains("value") || !(node.contains("system") || node.contains("type"))))
    problems.push_back(where + ": an Identifier lacks value, or system and type");
  for (const auto& [k, v] : node.items()) CheckDatatypes(v, k, where, problems);
}

}  // namespace

std::vector<std::string> CheckReleaseBundle(std::string_view text, ReleaseTarget target) {
  const json bundle = json::parse(text, nullptr, false);
  std::vector<std::string> problems;
  if (!bundle.is_object() || Str(bundle, "resourceType") != "Bundle") return {"the body is not a FHIR Bundle"};
  if (Str(bundle, "type") != "transaction") problems.push_back("Bundle.type is not transaction");
  const json identifier = Obj(bundle, "identifier");
  if (!identifier.is_object() || !identifier.contains("system") || !identifier.contains("value"))
    problems.push_back("Bundle.identifier (system and value) is required: it makes a release idempotent");
  const json profiles = bundle.contains("meta") ? Arr(bundle["meta"], "profile") : json::array();
  const bool profiled =
      profiles.is_array() && std::find(profiles.begin(), profiles.end(),
                                       std::string(net::contract::kPrescriptionBundleProfile)) != profiles.end();
  if (target == ReleaseTarget::kPharmacy && !profiled)
    problems.push_back("Bundle.meta.profile lacks mp-MedicationPrescription-Bundle");
  const json entries = Arr(bundle, "entry");
  if (!entries.is_array() || entries.empty()) return problems.push_back("the Bundle has no entries"), problems;
  int agreements = 0;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const json& e = entries[i];
    const std::string where = "Bundle.entry[" + std::to_string(i) + "]";
    const json resource = Obj(e, "resource");
    if (Str(e, "fullUrl").rfind("urn:uuid:", 0) != 0) problems.push_back(where + ".fullUrl is not a urn:uuid");
    if (!e.contains("request") || Str(e["request"], "method") != "POST")
      problems.push_back(where + ".request.method is not POST (this receiver only creates)");
    if (resource.contains("id")) problems.push_back(where + ".resource has an id (a create has none)");
    if (!resource.contains("meta") || Arr(resource["meta"], "profile").empty())
      problems.push_back(where + ".resource.meta.profile is missing");
    CheckDatatypes(resource, "", where, problems);
    if (Str(resource, "resourceType") != "MedicationRequest") continue;
    const std::string category = CategoryCode(resource);
    const bool order = category == kMaCategory || category == kVvCategory;
    if (category == kMaCategory) ++agreements;
    if (!order) continue;
    if (target == ReleaseTarget::kPharmacy) {
      if (!HasActionableTag(resource))
        problems.push_back(where + ": an MA/VV to the pharmacy lacks the actionable tag");
      if (Str(resource, "intent") != "order") problems.push_back(where + ": intent is not order");
    } else if (HasActionableTag(resource)) {
      problems.push_back(where + ": medication data for the care record carries the actionable tag (an order)");
    }
  }
  if (agreements == 0) problems.push_back("the Bundle holds no medication agreement (MA)");
  return problems;
}

}  // namespace zb::net::fhir

namespace zb::net::fhir {

using nlohmann::json;

ReleaseAnswer ReadReleaseAnswer(long status, std::string_view body) {
  ReleaseAnswer out;
  const json answer = json::parse(body, nullptr, false);
  if (status >= 400 && status < 500) {
    out.refused = true;
    if (answer.is_object() && Str(answer, "resourceType") == "OperationOutcome") {
      for (const auto& issue : Arr(answer, "issue")) {
        std::string text = Str(issue, "diagnostics");
        if (text.empty() && issue.contains("details")) text = Str(issue["details"], "text");
        if (!text.empty()) out.text += (out.text.empty() ? "" : "; ") + text;
      }
    }
    if (out.text.empty()) out.text = "HTTP " + std::to_string(status) + " without an OperationOutcome";
    return out;
  }
  if ((status == 200 || status == 201) && answer.is_object() && Str(answer, "resourceType") == "Bundle" &&
      Str(answer, "type") == "transaction-response") {
    out.delivered = true;
    for (const auto& e : Arr(answer, "entry")) {
      const std::string location = e.is_object() ? Str(Obj(e, "response"), "location") : "";
      if (!location.empty()) out.text += (out.text.empty() ? "" : " ") + location;
    }
    return out;
  }
  out.text =
      "HTTP " + std::to_string(status) + (status == 200 || status == 201 ? " without a transaction-response" : "");
  return out;
}

std::string FirstAgreementIdentifier(std::string_view bundle) {
  const json b = json::parse(bundle, nullptr, false);
  if (!b.is_object()) return {};
  for (const auto& e : Arr(b, "entry")) {
    const json r = e.is_object() ? Obj(e, "resource") : json::object();
    if (!r.is_object() || Str(r, "resourceType") != "MedicationRequest") continue;
    for (const auto& id : Arr(r, "identifier")) {
      if (id.is_object() && id.value("system", json()).is_string() && id.value("value", json()).is_string())
        return id["system"].get<std::string>() + "|" + id["value"].get<std::string>();
    }
  }
  return {};
}

std::optional<std::size_t> SearchMatches(std::string_view body) {
  const json b = json::parse(body, nullptr, false);
  if (!b.is_object() || Str(b, "resourceType") != "Bundle" || Str(b, "type") != "searchset") return {};
  std::size_t n = 0;
  for (const auto& e : Arr(b, "entry")) {
    if (e.is_object() && StringMemberOr(Obj(e, "search"), "mode", "match") == "match") ++n;
  }
  return n;
}

}  // namespace zb::net::fhir
