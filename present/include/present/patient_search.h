// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Search tab: a BSN (checked with the 11-test) and a date of birth, both required, so a typo
// in either finds nobody rather than the wrong person. Errors name the field and what to do.
#include <string>
#include <vector>

#include "domain/patient_register.h"
#include "domain/result.h"

namespace zb::present {

struct PatientQuery {
  domain::Bsn bsn;
  domain::Date birthDate;
};

struct SearchErrors {
  std::string bsn;        // empty when the BSN is fine
  std::string birthDate;  // empty when the date is fine
  bool empty() const { return bsn.empty() && birthDate.empty(); }
};

// Either a query or the errors per field.
struct ParsedSearch {
  std::optional<PatientQuery> query;
  SearchErrors errors;
};

ParsedSearch ParseSearch(const std::string& bsnText, const std::string& birthText, domain::Date today);
std::vector<domain::RegisteredPatient> FindPatients(const std::vector<domain::RegisteredPatient>& all,
                                                    const PatientQuery& q);

}  // namespace zb::present
