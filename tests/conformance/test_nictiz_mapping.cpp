// SPDX-License-Identifier: GPL-3.0-or-later
// Every official Nictiz MP9 3.0, CiO 2.0 and zib 2020 instance maps without error (after date
// placeholder substitution). Reads ../shared/fixtures/nictiz; skips with a message when absent.
#include <catch2/catch.hpp>
#include <filesystem>

#include "fixtures.h"

namespace fs = std::filesystem;
using namespace zb::net::fhir;

namespace {

struct Totals {
  std::size_t files = 0;
  std::size_t blocks = 0;
  std::size_t ica = 0;
};

Totals MapFolder(const fs::path& dir) {
  Totals t;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    const auto& p = entry.path();
    if (p.extension() != ".json" || p.filename() == "properties.json") continue;
    const auto doc = zb::test::ReadFhir(p, "nictiz");
    INFO(p.string());
    for (const auto& issue : doc.issues) {
      if (issue.severity == IssueSeverity::kError) FAIL_CHECK(issue.Describe());
    }
    ++t.files;
    t.blocks += doc.medication.Count();
    t.ica += doc.ica.Count();
  }
  return t;
}

}  // namespace

TEST_CASE("Nictiz MP9 3.0 instances map without error", "[conformance][mp9]") {
  auto dir = zb::test::NictizDir();
  if (!dir) {
    WARN("../shared/fixtures/nictiz is absent: Nictiz conformance skipped");
    return;
  }
  Totals total;
  for (const char* sub : {"Nictiz-testscripts/mp9-fixtures-json", "Nictiz-testscripts/mp9-fixtures-searchset-xml",
                          "Nictiz-testscripts/mp9-fixtures-patients-xml",
                          "HL7-mappings/mp930-fhir-medicatiegegevens-ALL", "HL7-mappings/mp930-fhir-xml-voorbeelden"}) {
    const auto t = MapFolder(*dir / sub);
    INFO(sub);
    CHECK(t.files > 0);
    total.blocks += t.blocks;
  }
  CHECK(total.blocks > 1000);
}

TEST_CASE("Nictiz CiO 2.0 and zib 2020 instances map without error", "[conformance][ica]") {
  auto dir = zb::test::NictizDir();
  if (!dir) {
    WARN("../shared/fixtures/nictiz is absent: Nictiz conformance skipped");
    return;
  }
  const auto cio = MapFolder(*dir / "Nictiz-R4-cio" / "Examples");
  const auto cioTests = MapFolder(*dir / "Nictiz-testscripts" / "cio-2-0-0-beta" / "_reference");
  const auto zib = MapFolder(*dir / "Nictiz-R4-zib2020" / "examples");
  CHECK(cio.ica > 20);
  CHECK(cioTests.files > 0);
  CHECK(zib.ica >= 5);
}

TEST_CASE("Nictiz 'reden van voorschrijven': the MA's indication and its prescriber by name, role and organisation",
          "[conformance][mp9]") {
  auto dir = zb::test::NictizDir();
  if (!dir) {
    WARN("../shared/fixtures/nictiz is absent: Nictiz conformance skipped");
    return;
  }
  const auto doc = zb::test::ReadFhir(
      *dir / "Nictiz-testscripts/mp9-fixtures-json/mv-mp-vo-tst-2-3-redenvanvoorschrijven-v30.json", "nictiz");
  REQUIRE(doc.medication.agreements.size() == 1);
  const auto& ma = doc.medication.agreements.front();
  // reasonReference -> Condition (nl-core-Problem) ICPC L88.01, included in the bundle.
  REQUIRE(ma.indications.size() == 1);
  CHECK(ma.indications.front().Label() == "Reumatoide artritis");
  CHECK(ma.indications.front().Has("http://hl7.org/fhir/sid/icpc-1-nl", "L88.01"));
  // requester -> PractitionerRole -> Practitioner + Organization, instead of the generated display
  // "Healthcare professional (role), Bertine van Doorn, …".
  CHECK(ma.h.author.display ==
        "Bertine van Doorn (Huisartsen, niet nader gespecificeerd), Huisartsenpraktijk Pulver & Partners");
}

TEST_CASE("Nictiz MA relations to a TA and an MGB: the identifiers inside the relation extensions are read",
          "[conformance][mp9]") {
  auto dir = zb::test::NictizDir();
  if (!dir) {
    WARN("../shared/fixtures/nictiz is absent: Nictiz conformance skipped");
    return;
  }
  // Nictiz's shape: basedOn carries only the extension (with the related block's identifier) and a
  // display; the outer Reference has no identifier.
  const auto doc =
      zb::test::ReadFhir(*dir / "HL7-mappings/mp930-fhir-xml-voorbeelden/mg-example-93-1-v30.json", "nictiz");
  bool found = false;
  for (const auto& ma : doc.medication.agreements) {
    if (!ma.basedOnAdministrationAgreement) continue;
    found = true;
    CHECK(ma.basedOnAdministrationAgreement->value == "MBH_920_mg_example-1-TA0");
    CHECK(ma.basedOnAdministrationAgreement->system == "urn:oid:2.16.840.1.113883.2.4.3.11.999.77.422037009.1");
    REQUIRE(ma.basedOnMedicationUse.has_value());
    CHECK(ma.basedOnMedicationUse->value == "MBH_920_mg_example-1-MGB0");
  }
  CHECK(found);
}
