// SPDX-License-Identifier: GPL-3.0-or-later
// Writing a MedicationAgreement out and reading it back gives the same agreement.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "child_process.h"
#include "fhir_validation.h"
#include "fixtures.h"
#include "net/fhir/writer.h"

using namespace zb::domain;
using namespace zb::net::fhir;

namespace {

Patient Someone() {
  Patient p;
  p.bsn = Bsn::Parse("999991000").value();
  p.name = "A. Jansen";
  p.birthDate = Date(1938, 3, 12);
  return p;
}

void RoundTrip(MedicationAgreement ma, const Patient& patient = Someone()) {
  INFO(ma.h.id.value);
  const std::string json = WriteAgreementBundle(ma, patient);
  // What we send is an MP9 3.0 agreement: a GP's zorginzage category (16076005) goes out as
  // 33633005, the one mp-MedicationAgreement allows.
  ma.categoryCode = "33633005";
  Reader reader;
  ReadOptions ro;
  ro.source = ma.h.source;
  auto doc = reader.Read(json, ro);
  REQUIRE(doc.ok());
  CHECK(doc->ErrorCount() == 0);
  REQUIRE(doc->medication.agreements.size() == 1);
  CHECK(doc->medication.agreements[0] == ma);
  CHECK(WriteAgreementBundle(doc->medication.agreements[0], patient) == json);  // stable output
  REQUIRE(doc->patients.size() == 1);
  CHECK(doc->patients[0].bsn == patient.bsn);
  CHECK(doc->patients[0].birthDate == patient.birthDate);
}

std::size_t RoundTripFolder(const std::filesystem::path& dir, zb::domain::Date t) {
  std::size_t count = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    // The demo folder also holds the sandbox's access decisions and the demo patient register.
    if (entry.path().filename() == "access.json" || entry.path().filename() == "register.json") continue;
    const auto doc = zb::test::ReadFhir(entry.path(), "bron", t);
    for (const auto& ma : doc.medication.agreements) {
      RoundTrip(ma);
      ++count;
    }
  }
  return count;
}

}  // namespace

TEST_CASE("Every agreement of our synthetic data round-trips through the writer", "[writer]") {
  const auto count = RoundTripFolder(zb::test::DataDir(), zb::test::kTestDay) +
                     RoundTripFolder(zb::test::DemoDir(), zb::test::kTestDay);
  CHECK(count > 30);
}

TEST_CASE("The patient travels with the agreement", "[writer]") {
  const auto doc = zb::test::ReadFhir(zb::test::DemoDir() / "jansen" / "huisarts.json", "huisarts");
  RoundTrip(doc.medication.agreements.at(0), doc.patients.at(0));
}

TEST_CASE("Every agreement of the Nictiz MP9 fixtures round-trips", "[writer][conformance]") {
  auto dir = zb::test::NictizDir();
  if (!dir) {
    WARN("../shared/fixtures/nictiz is absent: Nictiz round-trip skipped");
    return;
  }
  const auto count = RoundTripFolder(*dir / "Nictiz-testscripts" / "mp9-fixtures-json", zb::test::kTestDay) +
                     RoundTripFolder(*dir / "HL7-mappings" / "mp930-fhir-medicatiegegevens-ALL", zb::test::kTestDay);
  CHECK(count > 100);
}

TEST_CASE("Every agreement the writer produces is valid R4 and mp-MedicationAgreement (medplum, fhirpath)",
          "[writer][validation]") {
  // Everything we read from our own data and the Nictiz fixtures, written out as we would send it,
  // then judged by validators we did not write (tests/conformance/tools/validate-fhir.mjs).
  const std::string out = zb::test::MakeTempDir("zb-writer-out");
  std::size_t written = 0;
  auto writeFolder = [&](const std::filesystem::path& dir) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
      if (entry.path().extension() != ".json" || entry.path().filename() == "access.json" ||
          entry.path().filename() == "register.json")
        continue;
      const auto doc = zb::test::ReadFhir(entry.path(), "bron", zb::test::kTestDay);
      const Patient patient = doc.patients.empty() ? Someone() : doc.patients.front();
      for (const auto& ma : doc.medication.agreements) {
        std::ofstream(out + "/written-" + std::to_string(++written) + ".json")
            << WriteAgreementBundle(ma, patient, {.pretty = true});
      }
    }
  };
  writeFolder(zb::test::DataDir());
  writeFolder(zb::test::DemoDir());
  if (auto nictiz = zb::test::NictizDir()) writeFolder(*nictiz / "Nictiz-testscripts" / "mp9-fixtures-json");
  REQUIRE(written > 30);
  const auto v = zb::test::ValidateFhir(out);
  if (!v) {
    WARN("skipped: tests/node_modules lacks @medplum/core or fhirpath: run `npm ci --prefix tests`");
    return;
  }
  INFO(v->output);
  WARN("writer output (" << written << " bundles): " << v->summary);
  CHECK(v->exitCode == 0);
  CHECK(v->summary.find(" 0 base-R4 errors, 0 failed of ") != std::string::npos);
}
