// SPDX-License-Identifier: GPL-3.0-or-later
#include "knooppunt_policy.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace zb::sandbox {

using nlohmann::json;

namespace {

// Removed before the check (capabilities.go); _include/_revinclude are checked on their own.
// `_include:iterate` is NOT among them: it stays a parameter and is refused (README).
const std::set<std::string> kIgnored{"_format",  "_pretty",     "_summary", "_elements",  "_sort",         "_count",
                                     "_include", "_revinclude", "_total",   "_contained", "_containedType"};

}  // namespace

domain::Result<KnooppuntPolicy> KnooppuntPolicy::Load(const std::string& dir) {
  const std::string file = dir + "/component/pdp/policies/medicatieoverdracht_gf/fhir_capabilitystatement.json";
  std::ifstream in(file);
  if (!in)
    return domain::MakeError(domain::ErrorCode::kIo,
                             file + ": cannot read the published knooppunt CapabilityStatement");
  std::stringstream text;
  text << in.rdbuf();
  const json cs = json::parse(text.str(), nullptr, false);
  if (!cs.is_object() || cs.value("resourceType", "") != "CapabilityStatement")
    return domain::MakeError(domain::ErrorCode::kInvalidFormat, file + ": not a CapabilityStatement");
  KnooppuntPolicy policy;
  policy.source = file;
  for (const auto& rest : cs.value("rest", json::array())) {
    for (const auto& r : rest.value("resource", json::array())) {
      Resource& out = policy.resources[r.value("type", "")];
      for (const auto& i : r.value("interaction", json::array())) out.interactions.insert(i.value("code", ""));
      for (const auto& p : r.value("searchParam", json::array())) out.searchParams.insert(p.value("name", ""));
      for (const auto& i : r.value("searchInclude", json::array())) out.includes.insert(i.get<std::string>());
      for (const auto& i : r.value("searchRevInclude", json::array())) out.revIncludes.insert(i.get<std::string>());
    }
  }
  if (policy.resources.empty())
    return domain::MakeError(domain::ErrorCode::kInvalidFormat, file + ": lists no resources");
  return policy;
}

std::optional<std::string> KnooppuntPolicy::Deny(const std::string& type, const httplib::Params& params,
                                                 const std::set<std::string>& ownPaging) const {
  auto r = resources.find(type);
  if (r == resources.end() || !r->second.interactions.count("search-type"))
    return type + " search is not in the policy's CapabilityStatement";
  for (const auto& [name, value] : params) {
    if (ownPaging.count(name)) continue;
    if (name == "_include") {
      if (!r->second.includes.count(value)) return "_include=" + value + " is not listed";
      continue;
    }
    if (name == "_revinclude") {
      if (!r->second.revIncludes.count(value)) return "_revinclude=" + value + " is not listed";
      continue;
    }
    if (kIgnored.count(name)) continue;
    if (!r->second.searchParams.count(name)) return "search parameter " + name + " is not listed";
  }
  // The Rego rule: Patient?identifier=<BSN system>|…, or a MedicationRequest search; a patient must
  // be identified (patient=Patient/{id} for MedicationRequest).
  if (type == "Patient") {
    auto id = params.find("identifier");
    if (id == params.end() || id->second.rfind("http://fhir.nl/fhir/NamingSystem/bsn|", 0) != 0)
      return "Patient is searched by BSN identifier only";
    return std::nullopt;
  }
  if (type == "MedicationRequest") {
    auto p = params.find("patient");
    if (p == params.end() || p->second.empty()) return "no patient identified (patient=Patient/{id})";
    return std::nullopt;
  }
  return "only Patient and MedicationRequest searches are allowed";
}

}  // namespace zb::sandbox
