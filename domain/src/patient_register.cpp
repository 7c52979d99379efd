// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/patient_register.h"

#include <set>

namespace zb::domain {

const char* ToString(PatientCategory c) {
  switch (c) {
    case PatientCategory::kExpected:
      return "expected";
    case PatientCategory::kAdmitted:
      return "admitted";
    case PatientCategory::kTemporary:
      return "temporary";
  }
  return "admitted";
}

std::optional<PatientCategory> PatientCategoryFromString(std::string_view text) {
  for (auto c : {PatientCategory::kExpected, PatientCategory::kAdmitted, PatientCategory::kTemporary}) {
    if (text == ToString(c)) return c;
  }
  return std::nullopt;
}

std::vector<Error> Validate(const RegisteredPatient& p, Date today) {
  std::vector<Error> errors;
  if (p.name.find_first_not_of(" \t") == std::string::npos) errors.push_back(MakeError(ErrorCode::kMissing, "name"));
  if (p.birthDate && *p.birthDate > today) errors.push_back(MakeError(ErrorCode::kOutOfRange, "birth_date"));
  if (p.expectedOn && p.category != PatientCategory::kExpected)
    errors.push_back(MakeError(ErrorCode::kInconsistent, "expected_on"));
  std::set<std::string> uras;
  for (const auto& s : p.sources) {
    if (!Ura::Parse(s.ura))
      errors.push_back(MakeError(ErrorCode::kInvalidFormat, "source_ura:" + s.ura));
    else if (!uras.insert(s.ura).second)
      errors.push_back(MakeError(ErrorCode::kInconsistent, "source_ura_twice:" + s.ura));
  }
  return errors;
}

}  // namespace zb::domain
