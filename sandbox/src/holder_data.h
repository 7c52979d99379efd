// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What one FHIR holder knows: per patient (by BSN) the resources of its demo file, and the search
// that turns a query into a searchset Bundle.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/result.h"

namespace zb::sandbox {

struct PatientRecord {
  std::string bsn;
  std::string patientId;                // Patient.id at this holder (zorginzage uses it after _search)
  std::vector<nlohmann::json> entries;  // Bundle entries (fullUrl + resource)
};

struct Coding {
  std::string system;
  std::string code;
};

class HolderData {
 public:
  // Reads <dataDir>/<patient>/<fileName> for every patient folder; folders without it are patients
  // this holder does not know.
  static domain::Result<HolderData> Load(const std::string& dataDir, const std::string& fileName);

  const PatientRecord* ByBsn(const std::string& bsn) const;
  const PatientRecord* ByPatientId(const std::string& id) const;
  const std::vector<PatientRecord>& patients() const { return m_patients; }
  std::size_t patientCount() const { return m_patients.size(); }
  // BSN -> access-outcome code, from each patient folder's access.json ({"<holder>": "<code>"}).
  const std::map<std::string, std::string>& accessDecisions() const { return m_access; }

 private:
  std::vector<PatientRecord> m_patients;
  std::map<std::string, std::string> m_access;
};

// A searchset Bundle of the patient's resources of `resourceType` whose category matches (when
// given), plus (with `withIncludes`) every entry those resources reference.
nlohmann::json Search(const PatientRecord* patient, const std::string& resourceType,
                      const std::optional<Coding>& category, bool withIncludes, const std::string& selfUrl);
// CiO: the hypersensitivity blocks (AllergyIntolerance) carrying this medication hypersensitivity
// identifier ("system|value"), whichever patient they belong to; `bsns` gets those patients.
nlohmann::json SearchHypersensitivity(const HolderData& data, const std::string& identifierToken,
                                      const std::string& selfUrl, std::vector<std::string>& bsns);
nlohmann::json EmptySearchset(const std::string& selfUrl);
nlohmann::json OperationOutcome(const std::string& severity, const std::string& code, const std::string& text);

}  // namespace zb::sandbox
