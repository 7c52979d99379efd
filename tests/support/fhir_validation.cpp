// SPDX-License-Identifier: GPL-3.0-or-later
#include "fhir_validation.h"

#include <filesystem>
#include <sstream>

#include "child_process.h"

namespace zb::test {

std::optional<FhirValidation> ValidateFhir(const std::string& pathToCheck) {
  namespace fs = std::filesystem;
  const fs::path tests = ZB_TESTS_DIR;
  if (!fs::exists(tests / "node_modules" / "@medplum" / "core") || !fs::exists(tests / "node_modules" / "fhirpath"))
    return std::nullopt;
  const std::string log = MakeTempDir("zb-validate") + "/validate.log";
  ChildProcess node({"node", (tests / "conformance" / "tools" / "validate-fhir.mjs").string(), pathToCheck}, log,
                    {"ZB_SHARED_DIR=" + std::string(ZB_SHARED_DIR)}, true);
  FhirValidation v;
  v.exitCode = node.Wait(std::chrono::minutes(3));
  v.output = ReadTextFile(log);
  std::istringstream lines(v.output);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("validated ", 0) == 0) v.summary = line;
  }
  return v;
}

}  // namespace zb::test
