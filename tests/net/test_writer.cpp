// SPDX-License-Identifier: GPL-3.0-or-later
// Writing a MedicationAgreement out and reading it back gives the same agreement.
#include <catch2/catch.hpp>
#include <filesystem>

#include "fixtures.h"
#include "net/fhir/writer.h"

using namespace zb::domain;
using namespace zb::net::fhir;

namespace {

void RoundTrip(const MedicationAgreement& ma, const std::optional<Patient>& patient = std::nullopt) {
  INFO(ma.h.id.value);
  WriteOptions options;
  options.patient = patient;
  const std::string json = WriteAgreementBundle(ma, options);
  Reader reader;
  ReadOptions ro;
  ro.source = ma.h.source;
  auto doc = reader.Read(json, ro);
  REQUIRE(doc.ok());
  CHECK(doc->ErrorCount() == 0);
  REQUIRE(doc->medication.agreements.size() == 1);
  CHECK(doc->medication.agreements[0] == ma);
  CHECK(WriteAgreementBundle(doc->medication.agreements[0], options) == json);  // stable output
  if (patient) {
    REQUIRE(doc->patients.size() == 1);
    CHECK(doc->patients[0].bsn == patient->bsn);
    CHECK(doc->patients[0].birthDate == patient->birthDate);
  }
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
