// SPDX-License-Identifier: GPL-3.0-or-later
#include "knooppunt_policy.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
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
  const std::string pdFile = dir + "/config/policies/medicatieoverdracht-policy.json";
  std::ifstream pdIn(pdFile);
  const json pd = json::parse(pdIn, nullptr, false);
  if (!pd.is_object() || !pd.contains("medicatieoverdracht-gf") ||
      !pd["medicatieoverdracht-gf"].contains("organization"))
    return domain::MakeError(domain::ErrorCode::kInvalidFormat,
                             pdFile + ": no presentation definition for scope medicatieoverdracht-gf");
  policy.presentationDefinition = pd["medicatieoverdracht-gf"]["organization"];
  return policy;
}

namespace {

// "$.credentialSubject[0].patientId" / "$.type" on a credential; nullptr when absent.
const json* At(const json& vc, const std::string& path) {
  const json* node = &vc;
  std::size_t i = path.rfind("$.", 0) == 0 ? 2 : 0;
  while (i < path.size()) {
    std::size_t end = path.find_first_of(".[", i);
    const std::string key = path.substr(i, end == std::string::npos ? std::string::npos : end - i);
    if (!key.empty()) {
      if (!node->is_object() || !node->contains(key)) return nullptr;
      node = &(*node)[key];
    }
    if (end == std::string::npos) break;
    if (path[end] == '[') {
      const std::size_t close = path.find(']', end);
      const std::size_t index = static_cast<std::size_t>(std::stoul(path.substr(end + 1, close - end - 1)));
      if (!node->is_array() || node->size() <= index) return nullptr;
      node = &(*node)[index];
      end = close + 1;
      if (end < path.size() && path[end] == '.') ++end;
      i = end;
    } else {
      i = end + 1;
    }
  }
  return node;
}

// A string filter (const / pattern) against a value; an array matches when one element does.
bool Passes(const json& value, const json& filter) {
  if (value.is_array()) {
    for (const auto& v : value) {
      if (Passes(v, filter)) return true;
    }
    return false;
  }
  if (!value.is_string()) return false;
  const std::string s = value.get<std::string>();
  if (filter.contains("const") && filter["const"] != s) return false;
  if (filter.contains("pattern") && !std::regex_search(s, std::regex(filter["pattern"].get<std::string>())))
    return false;
  return true;
}

}  // namespace

std::optional<std::string> KnooppuntPolicy::Evaluate(const json& credentials, json& claims) const {
  for (const auto& descriptor : presentationDefinition.value("input_descriptors", json::array())) {
    bool found = false;
    for (const auto& vc : credentials) {
      json mine = json::object();
      bool all = true;
      for (const auto& field : descriptor["constraints"].value("fields", json::array())) {
        const json* value = nullptr;
        for (const auto& path : field.value("path", json::array())) {
          if (!value) value = At(vc, path.get<std::string>());
        }
        if (!value || !Passes(*value, field.value("filter", json::object()))) {
          all = false;
          break;
        }
        if (field.contains("id")) mine[field["id"].get<std::string>()] = *value;
      }
      if (!all) continue;
      found = true;
      claims.update(mine);
      break;
    }
    if (!found) return "no credential satisfies input descriptor " + descriptor.value("id", std::string("?"));
  }
  return std::nullopt;
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
