// SPDX-License-Identifier: GPL-3.0-or-later
#include "holder_data.h"

#include <boost/date_time/posix_time/posix_time.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "domain/date_time.h"
#include "net/fhir/date_placeholders.h"

namespace zb::sandbox {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

void CollectReferences(const json& node, std::set<std::string>& out) {
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      if (key == "reference" && value.is_string())
        out.insert(value.get<std::string>());
      else
        CollectReferences(value, out);
    }
  } else if (node.is_array()) {
    for (const auto& v : node) CollectReferences(v, out);
  }
}

// Category as CodeableConcept, array of CodeableConcepts, or array of codes (AllergyIntolerance).
bool CategoryMatches(const json& resource, const Coding& wanted) {
  if (!resource.contains("category")) return false;
  const json& c = resource["category"];
  auto conceptMatches = [&](const json& cc) {
    if (cc.is_string()) return wanted.system.empty() && cc == wanted.code;
    for (const auto& coding : cc.value("coding", json::array())) {
      if (coding.value("code", "") == wanted.code &&
          (wanted.system.empty() || coding.value("system", "") == wanted.system)) {
        return true;
      }
    }
    return false;
  };
  if (c.is_array()) {
    for (const auto& cc : c) {
      if (conceptMatches(cc)) return true;
    }
    return false;
  }
  return conceptMatches(c);
}

}  // namespace

domain::Result<HolderData> HolderData::Load(const std::string& dataDir, const std::string& fileName) {
  HolderData data;
  std::error_code ec;
  std::vector<fs::path> dirs;
  for (const auto& entry : fs::directory_iterator(dataDir, ec)) {
    if (entry.is_directory()) dirs.push_back(entry.path());
  }
  if (ec) return domain::MakeError(domain::ErrorCode::kIo, "cannot read the demo data folder " + dataDir);
  std::sort(dirs.begin(), dirs.end());
  for (const auto& dir : dirs) {
    const fs::path file = dir / fileName;
    if (!fs::exists(file)) continue;
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    // The demo data is written relative to "today" (${DATE, T, D, n}); a server serves real dates.
    const auto today = domain::NetherlandsDate(boost::posix_time::second_clock::universal_time());
    const json bundle = json::parse(net::fhir::SubstituteDatePlaceholders(text.str(), today), nullptr, false);
    if (!bundle.is_object() || !bundle.contains("entry")) {
      return domain::MakeError(domain::ErrorCode::kInvalidFormat, file.string() + ": not a FHIR Bundle with entries");
    }
    PatientRecord record;
    for (const auto& entry : bundle["entry"]) {
      const json& r = entry.value("resource", json::object());
      if (r.value("resourceType", "") == "Patient") {
        record.patientId = r.value("id", "");
        for (const auto& id : r.value("identifier", json::array())) {
          if (id.value("system", "") == "http://fhir.nl/fhir/NamingSystem/bsn") record.bsn = id.value("value", "");
        }
      }
      record.entries.push_back({{"fullUrl", entry.value("fullUrl", "")}, {"resource", r}});
    }
    if (record.bsn.empty())
      return domain::MakeError(domain::ErrorCode::kMissing, file.string() + ": no Patient with a BSN");
    if (std::ifstream access(dir / "access.json"); access) {
      const json decisions = json::parse(access, nullptr, false);
      const std::string holder = fs::path(fileName).stem().string();
      if (!decisions.is_object())
        return domain::MakeError(domain::ErrorCode::kInvalidFormat,
                                 (dir / "access.json").string() + ": not a JSON object");
      if (decisions.contains(holder) && decisions[holder].is_string()) data.m_access[record.bsn] = decisions[holder];
    }
    if (record.patientId.empty()) record.patientId = "patient-" + record.bsn.substr(5);
    data.m_patients.push_back(std::move(record));
  }
  return data;
}

const PatientRecord* HolderData::ByBsn(const std::string& bsn) const {
  for (const auto& p : m_patients) {
    if (p.bsn == bsn) return &p;
  }
  return nullptr;
}

const PatientRecord* HolderData::ByPatientId(const std::string& id) const {
  for (const auto& p : m_patients) {
    if (p.patientId == id) return &p;
  }
  return nullptr;
}

json EmptySearchset(const std::string& selfUrl) {
  return {{"resourceType", "Bundle"},
          {"type", "searchset"},
          {"total", 0},
          {"link", {{{"relation", "self"}, {"url", selfUrl}}}},
          {"entry", json::array()}};
}

json Search(const PatientRecord* patient, const std::string& resourceType, const std::optional<Coding>& category,
            bool withIncludes, const std::string& selfUrl) {
  json bundle = EmptySearchset(selfUrl);
  if (!patient) return bundle;
  std::set<std::string> references;
  int total = 0;
  for (const auto& entry : patient->entries) {
    const json& r = entry["resource"];
    if (r.value("resourceType", "") != resourceType) continue;
    if (category && !CategoryMatches(r, *category)) continue;
    json e = entry;
    e["search"] = {{"mode", "match"}};
    bundle["entry"].push_back(std::move(e));
    ++total;
    if (withIncludes) CollectReferences(r, references);
  }
  bundle["total"] = total;
  if (withIncludes && total > 0) {
    for (const auto& entry : patient->entries) {
      const json& r = entry["resource"];
      const std::string full = entry.value("fullUrl", "");
      const std::string relative = r.value("resourceType", "") + "/" + r.value("id", "");
      if (r.value("resourceType", "") == resourceType) continue;
      if (!references.count(full) && !references.count(relative)) continue;
      json e = entry;
      e["search"] = {{"mode", "include"}};
      bundle["entry"].push_back(std::move(e));
    }
  }
  return bundle;
}

json SearchHypersensitivity(const HolderData& data, const std::string& token, const std::string& selfUrl,
                            std::vector<std::string>& bsns) {
  static const std::string kUrl = "http://nictiz.nl/fhir/StructureDefinition/ext-MedicationHypersensitivity.Identifier";
  json bundle = EmptySearchset(selfUrl);
  int total = 0;
  for (const auto& patient : data.patients()) {
    for (const auto& entry : patient.entries) {
      const json& r = entry["resource"];
      if (r.value("resourceType", "") != "AllergyIntolerance") continue;
      bool match = false;
      for (const auto& ext : r.value("extension", json::array())) {
        if (ext.value("url", "") != kUrl || !ext.contains("valueIdentifier")) continue;
        const json& id = ext["valueIdentifier"];
        const std::string system = id.value("system", "");
        match = match || (system.empty() ? "" : system + "|") + id.value("value", "") == token;
      }
      if (!match) continue;
      json e = entry;
      e["search"] = {{"mode", "match"}};
      bundle["entry"].push_back(std::move(e));
      ++total;
      if (std::find(bsns.begin(), bsns.end(), patient.bsn) == bsns.end()) bsns.push_back(patient.bsn);
    }
  }
  bundle["total"] = total;
  return bundle;
}

json OperationOutcome(const std::string& severity, const std::string& code, const std::string& text) {
  return {{"resourceType", "OperationOutcome"},
          {"issue", {{{"severity", severity}, {"code", code}, {"diagnostics", text}, {"details", {{"text", text}}}}}}};
}

}  // namespace zb::sandbox
