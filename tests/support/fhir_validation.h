// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs the third-party FHIR validation (tests/conformance/tools/validate-fhir.mjs: @medplum/core
// base R4 + FHIRPath profile rules with fhirpath.js) over a folder of JSON files we wrote.
#include <optional>
#include <string>

namespace zb::test {

struct FhirValidation {
  int exitCode = -1;
  std::string output;   // one line per problem, then the count line
  std::string summary;  // the count line ("validated N files, M resources: ...")
};

// nullopt when tests/node_modules lacks the validators (npm ci --prefix tests installs them).
std::optional<FhirValidation> ValidateFhir(const std::string& pathToCheck);

}  // namespace zb::test
