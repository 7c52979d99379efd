// SPDX-License-Identifier: GPL-3.0-or-later
// zorgbrug-cli as a user runs it: output, exit codes and messages.
#include <sys/wait.h>

#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "cli_run.h"

namespace {

using Run = zb::test::CliRun;
Run Cli(const std::string& args) { return zb::test::RunCli(args); }

const std::string kData = ZB_TEST_DATA_DIR;

}  // namespace

TEST_CASE("demo prints every status group, GDS marks, discrepancies and sources", "[cli]") {
  const auto r = Cli("demo");
  REQUIRE(r.exit == 0);
  for (const char* expected :
       {"ACTUEEL", "TOEKOMSTIG", "ONDERBROKEN", "RECENT GESTOPT", "GEANNULEERD", "ALLEEN GEBRUIK", "[GDS]",
        "Bronnen verschillen", "bron:     apotheek, huisarts, ziekenhuis", "per volgende GDS-rolwissel", "niet in GDS",
        "PENICILLINES", "A. Jansen"}) {
    INFO(expected);
    CHECK(r.out.find(expected) != std::string::npos);
  }
  CHECK(r.out.find("ONVOLLEDIG") == std::string::npos);
}

TEST_CASE("overview --explain shows why, --format json gives codes", "[cli]") {
  const auto text =
      Cli("overview --test-date 10-03-2026 --at 10-03-2026 --explain huisarts=" + kData + "/mp9/change.json");
  REQUIRE(text.exit == 0);
  CHECK(text.out.find("waarom:") != std::string::npos);
  CHECK(text.out.find("stopbericht CH_MA1_STOP") != std::string::npos);
  const auto json =
      Cli("overview --format json --test-date 10-03-2026 --at 10-03-2026 huisarts=" + kData + "/mp9/change.json");
  REQUIRE(json.exit == 0);
  CHECK(json.out.find("\"status\": \"current\"") != std::string::npos);
  CHECK(json.out.find("\"complete\": true") != std::string::npos);
  // A night moment as scripts write it: ISO 8601 with its offset.
  const auto night =
      Cli("overview --format json --test-date 10-03-2026 --at 2026-03-10T03:00:00+01:00 huisarts=" + kData +
          "/mp9/change.json");
  REQUIRE(night.exit == 0);
  CHECK(night.out.find("2026-03-10T02:00:00") != std::string::npos);
}

TEST_CASE("Bad input: a specific message and a non-zero exit", "[cli]") {
  const auto missing = Cli("overview /nonexistent/file.json");
  CHECK(missing.exit == 2);
  CHECK(missing.err.find("/nonexistent/file.json") != std::string::npos);

  const auto tmp = std::filesystem::temp_directory_path() / "zb-cli-not-json.json";
  std::ofstream(tmp) << "this is not json";
  const auto notJson = Cli("overview " + tmp.string());
  CHECK(notJson.exit == 2);
  CHECK(notJson.err.find("not valid JSON") != std::string::npos);
  std::filesystem::remove(tmp);

  const auto badDate = Cli("overview --at 31-02-2026 " + kData + "/mp9/change.json");
  CHECK(badDate.exit == 1);
  CHECK(badDate.err.find("--at") != std::string::npos);

  const auto noOffset = Cli("overview --at 2026-03-10T03:00:00 " + kData + "/mp9/change.json");
  CHECK(noOffset.exit == 1);
  CHECK(noOffset.err.find("has no offset") != std::string::npos);

  const auto badKind = Cli("overview tandarts:x=" + kData + "/mp9/change.json");
  CHECK(badKind.exit == 1);
  CHECK(badKind.err.find("tandarts") != std::string::npos);
}

TEST_CASE("Files of two different patients are never merged", "[cli]") {
  const auto r = Cli("overview " + kData + "/mp9/change.json " + std::string(ZB_DEMO_DIR) + "/jansen/huisarts.json");
  CHECK(r.exit == 2);
  CHECK(r.err.find("different patients") != std::string::npos);
  CHECK(r.err.find("999991000") == std::string::npos);  // BSNs only masked in messages
}

TEST_CASE("check lists problems per file and resource and fails when there are errors", "[cli]") {
  const auto tmp = std::filesystem::temp_directory_path() / "zb-cli-modifier.json";
  std::ofstream(tmp)
      << R"({"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"MedicationRequest","id":"x","identifier":[{"system":"urn:x","value":"x"}],"modifierExtension":[{"url":"http://example.org/mod","valueBoolean":true}],"category":[{"coding":[{"system":"http://snomed.info/sct","code":"33633005"}]}]}}]})";
  const auto r = Cli("check " + tmp.string());
  CHECK(r.exit == 3);
  CHECK(r.out.find("entry 0 (MedicationRequest/x) at MedicationRequest.modifierExtension[0]") != std::string::npos);
  const auto overview = Cli("overview " + tmp.string());
  CHECK(overview.exit == 0);
  CHECK(overview.out.rfind("ONVOLLEDIG", 0) == 0);  // the first line says the overview is incomplete
  std::filesystem::remove(tmp);
  const auto clean = Cli("check --test-date 10-03-2026 " + kData + "/mp9/change.json");
  CHECK(clean.exit == 0);
}
