// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a pharmacy's processing answer (prescribing.md §1): every TA and MVE of the official
// Nictiz processing Bundles (av-mp-va-tst-*, read from ../shared) is read with what it answers, its
// product and its dose or quantity; the stop TA of 3-1b reads as a stop. Our own cases: what is
// no TA/MVE is counted and left out, and a release Bundle's MA/VV identifiers are what is asked.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "fixtures.h"
#include "net/fhir/date_placeholders.h"
#include "net/fhir/processing_answer.h"

using namespace zb;
using nlohmann::json;
using Kind = domain::ProcessedBlock::Kind;

namespace {

// The MedicationDispense resources of a processing Bundle, as the gateway's searchset holds them.
std::string AsSearchset(const json& bundle) {
  json out{{"resourceType", "Bundle"}, {"type", "searchset"}, {"entry", json::array()}};
  for (const auto& e : bundle["entry"]) {
    if (e["resource"]["resourceType"] == "MedicationDispense") out["entry"].push_back({{"resource", e["resource"]}});
  }
  return out.dump();
}

}  // namespace

TEST_CASE("every TA and MVE of the Nictiz processing Bundles is read with what it answers") {
  const auto nictiz = test::NictizDir();
  if (!nictiz) {
    WARN("../shared/fixtures/nictiz is absent: the Nictiz processing Bundles are not read");
    return;
  }
  int files = 0;
  for (const auto& f : std::filesystem::directory_iterator(*nictiz / "Nictiz-testscripts" / "mp9-fixtures-json")) {
    const std::string name = f.path().filename().string();
    if (name.rfind("av-mp-va-tst-", 0) != 0) continue;
    ++files;
    const json bundle =
        json::parse(net::fhir::SubstituteDatePlaceholders(test::ReadText(f.path()), domain::Date(2026, 12, 2)));
    std::size_t dispenses = 0;
    for (const auto& e : bundle["entry"]) dispenses += e["resource"]["resourceType"] == "MedicationDispense";
    const auto read = net::fhir::ReadProcessingSearch(AsSearchset(bundle));
    INFO(name);
    CHECK(read.searchset);
    CHECK(read.skipped == 0);
    REQUIRE(read.blocks.size() == dispenses);
    for (const auto& b : read.blocks) {
      CHECK(b.authorising.find('|') != std::string::npos);
      CHECK(b.moment);
      if (b.kind == Kind::kDispense) CHECK_FALSE(b.detail.empty());  // the quantity handed over
    }
    if (name == "av-mp-va-tst-3-1b-stoppen-v30.json") {
      CHECK(std::any_of(read.blocks.begin(), read.blocks.end(),
                        [](const auto& b) { return b.kind == Kind::kAdministrationAgreement && b.stop; }));
    }
    if (name == "av-mp-va-tst-1-3-chronische-medicatie-v30.json") {
      REQUIRE(read.blocks.size() == 2);
      CHECK(read.blocks[0].product == "ROTER APC TABLET");
      CHECK(read.blocks[0].detail == "1 maal per dag 1 stuk, oraal");
      CHECK(read.blocks[0].authorising ==
            "urn:oid:2.16.840.1.113883.2.4.3.11.999.77.16076005.1|MBH_300_chronisch_MA-tav");
      CHECK(read.blocks[1].kind == Kind::kDispense);
      CHECK(read.blocks[1].detail == "21 stuk");
    }
  }
  CHECK(files >= 20);
}

TEST_CASE("what is no TA or MVE with an authorising identifier is left out and counted") {
  const json search{
      {"resourceType", "Bundle"},
      {"type", "searchset"},
      {"entry",
       {{{"resource", {{"resourceType", "MedicationDispense"}}}},
        {{"resource",
          {{"resourceType", "MedicationDispense"},
           {"meta", {{"profile", {"http://nictiz.nl/fhir/StructureDefinition/mp-MedicationDispense"}}}},
           {"authorizingPrescription", {{{"identifier", {{"system", "urn:oid:2.999.380.2"}}}}}}}}},
        {{"resource", {{"resourceType", "Observation"}}}},
        {{"resource",
          {{"resourceType", "MedicationDispense"},
           {"meta", {{"profile", {"http://nictiz.nl/fhir/StructureDefinition/mp-MedicationDispense"}}}},
           {"quantity", {{"value", 2.5}, {"unit", "ml"}}},
           {"authorizingPrescription", {{{"identifier", {{"system", "urn:oid:2.999.380.2"}, {"value", "v"}}}}}}}}}}}};
  const auto read = net::fhir::ReadProcessingSearch(search.dump());
  CHECK(read.skipped == 3);
  REQUIRE(read.blocks.size() == 1);
  CHECK(read.blocks[0].detail == "2.5 ml");
  CHECK(read.blocks[0].authorising == "urn:oid:2.999.380.2|v");
  CHECK_FALSE(net::fhir::ReadProcessingSearch("{\"resourceType\":\"Bundle\",\"type\":\"collection\"}").searchset);
  CHECK_FALSE(net::fhir::ReadProcessingSearch("not json").searchset);
}

TEST_CASE("the identifiers asked about are the release Bundle's MA and VV identifiers") {
  const json bundle{
      {"resourceType", "Bundle"},
      {"entry",
       {{{"resource", {{"resourceType", "Patient"}, {"identifier", {{{"system", "bsn"}, {"value", "1"}}}}}}},
        {{"resource",
          {{"resourceType", "MedicationRequest"},
           {"identifier", {{{"system", "urn:oid:2.999.380.1"}, {"value", "ma"}}}}}}},
        {{"resource",
          {{"resourceType", "MedicationRequest"},
           {"identifier", {{{"system", "urn:oid:2.999.380.2"}, {"value", "vv"}}, {{"value", "x"}}}}}}}}}};
  CHECK(net::fhir::RequestIdentifiers(bundle.dump()) ==
        std::vector<std::string>{"urn:oid:2.999.380.1|ma", "urn:oid:2.999.380.2|vv"});
  CHECK(net::fhir::RequestIdentifiers("[1,2]").empty());
}
