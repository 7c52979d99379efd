// SPDX-License-Identifier: GPL-3.0-or-later
// The organisation's lists from outside files: the formulary as FHIR Medication resources (ours and
// every Medication of the Nictiz MP9 fixtures), and the pharmacy roster as CSV (the demo's) or FHIR
// HealthcareService. A bad entry refuses the whole file, naming the entry and element.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "fixtures.h"
#include "net/formulary/formulary_fhir.h"
#include "net/roster/roster.h"

using namespace zb;
using nlohmann::json;

namespace {

std::string ListFile(const char* name) { return test::ReadText(test::DataDir() / "lists" / name); }

}  // namespace

TEST_CASE("a formulary of FHIR Medication resources gives name, codes, ATC, form, strength, substance and GDS") {
  auto items = net::formulary::ReadFormulary(ListFile("formulary-medication-bundle.json"), "formularium.json");
  REQUIRE(items);
  REQUIRE(items->size() == 2);
  const auto& panto = items->at(0);
  CHECK(panto.name == "Pantoprazol tablet maagsapresistent 40mg");
  CHECK(panto.prk == "900110");
  CHECK(panto.gpk == "900210");
  CHECK(panto.atc == "A02BC02");
  CHECK(panto.form == "tablet maagsapresistent");
  CHECK(panto.strength == "40 mg");
  CHECK(panto.substance == "pantoprazol");
  CHECK(panto.inGds);
  const auto& para = items->at(1);
  CHECK(para.atc == "N02BE01");  // from the ingredient when the code has none
  CHECK(para.form == "tablet");
  CHECK(para.substance == "paracetamol");
  CHECK_FALSE(para.inGds);
}

TEST_CASE("a FHIR formulary with a bad Medication is refused whole, naming the entry and element") {
  json bundle = json::parse(ListFile("formulary-medication-bundle.json"));
  bundle["entry"][1]["resource"]["code"] = {{"text", "Magistraal"}};
  bundle["entry"][0]["resource"]["extension"][0]["valueBoolean"] = "ja";
  auto items = net::formulary::ReadFormularyFhir(bundle.dump(), "formularium.json");
  REQUIRE_FALSE(items);
  CHECK_THAT(items.error().detail,
             Catch::StartsWith("formularium.json: not imported, 2 problems") &&
                 Catch::Contains("entry 2 (Medication/paracetamol-500), code.coding") &&
                 Catch::Contains("entry 1 (Medication/pantoprazol-40), extension formulary-in-gds"));
  CHECK_THAT(net::formulary::ReadFormularyFhir("{\"resourceType\":\"Patient\"}", "x.json").error().detail,
             Catch::Contains("resourceType 'Patient'"));
  CHECK_THAT(net::formulary::ReadFormulary("{not json", "x.json").error().detail, Catch::Contains("not JSON"));
  // A CSV still goes to the CSV reader.
  CHECK(net::formulary::ReadFormulary("naam;prk;gds\nParacetamol 500mg;900111;nee\n", "f.csv"));
}

TEST_CASE("every Medication of the Nictiz MP9 fixtures reads as a formulary item, or is refused for its missing code") {
  const auto nictiz = test::NictizDir();
  if (!nictiz) {
    WARN("../shared/fixtures/nictiz is absent: the Nictiz Medication resources are not read");
    return;
  }
  std::size_t accepted = 0, refused = 0;
  for (const auto& f : std::filesystem::directory_iterator(*nictiz / "Nictiz-testscripts" / "mp9-fixtures-json")) {
    const json doc = json::parse(test::ReadText(f.path()), nullptr, false);
    if (doc.is_discarded() || !doc.contains("entry")) continue;
    for (const auto& e : doc["entry"]) {
      const json& r = e.value("resource", json::object());
      if (r.value("resourceType", "") != "Medication") continue;
      INFO(f.path().filename().string() << " Medication/" << r.value("id", ""));
      bool coded = false;
      std::string prk;
      for (const auto& c : r["code"].value("coding", json::array())) {
        const std::string system = c.value("system", "");
        coded = coded || system == "urn:oid:2.16.840.1.113883.2.4.4.10" ||
                system == "urn:oid:2.16.840.1.113883.2.4.4.1" || system == "urn:oid:2.16.840.1.113883.2.4.4.7";
        if (system == "urn:oid:2.16.840.1.113883.2.4.4.10") prk = c.value("code", "");
      }
      auto items = net::formulary::ReadFormularyFhir(r.dump(), "nictiz.json");
      if (coded) {
        REQUIRE(items);
        CHECK_FALSE(items->at(0).name.empty());
        CHECK(items->at(0).prk == prk);
        ++accepted;
      } else {
        REQUIRE_FALSE(items);
        CHECK_THAT(items.error().detail, Catch::Contains("no PRK, GPK or HPK code"));
        ++refused;
      }
    }
  }
  CHECK(accepted > 100);
  CHECK(refused > 0);  // the compounded products (nullFlavor OTH) of scenario 7.4
}

TEST_CASE("the demo's pharmacy roster CSV merges a pharmacy's rows and reads windows past midnight") {
  auto roster = net::roster::ReadRoster(
      test::ReadText(std::filesystem::path(ZB_DEMO_DIR) / ".." / "formulary" / "demo-apotheekrooster.csv"),
      "demo-apotheekrooster.csv");
  REQUIRE(roster);
  REQUIRE(roster->size() == 4);
  const auto& vaart = roster->at(0);
  CHECK(vaart.name == "Apotheek De Vaart");
  CHECK(vaart.windows.size() == 2);
  CHECK(vaart.courier);
  CHECK_FALSE(vaart.onDuty);
  const auto& duty = roster->at(1);
  CHECK(duty.onDuty);
  REQUIRE(duty.windows.size() == 2);
  CHECK(duty.windows[0].from == 17 * 60 + 30);
  CHECK(duty.windows[0].to == 8 * 60);
  CHECK(roster->at(3).identifier->code == "90000402");
}

TEST_CASE("a roster CSV with bad rows is refused whole, naming line and column") {
  const std::string text =
      "naam;dagen;van;tot;bezorgen\n"
      "Apotheek A;ma-vr;08:00;17:30;ja\n"
      "Apotheek B;maandag;08:00;17:30;ja\n"
      "Apotheek C;ma-vr;8 uur;17:30;misschien\n";
  auto roster = net::roster::ReadRosterCsv(text, "rooster.csv");
  REQUIRE_FALSE(roster);
  CHECK_THAT(roster.error().detail, Catch::Contains("3 problems") && Catch::Contains("line 3, column 'dagen'") &&
                                        Catch::Contains("line 4, column 'van'") &&
                                        Catch::Contains("line 4, column 'bezorgen'"));
  CHECK_THAT(net::roster::ReadRosterCsv("naam;van;tot\n", "rooster.csv").error().detail,
             Catch::Contains("no column 'dagen'"));
}

TEST_CASE("a roster of FHIR HealthcareService gives windows, phone, address from the Location, duty and courier") {
  auto roster = net::roster::ReadRoster(ListFile("roster-healthcareservice-bundle.json"), "rooster.json");
  REQUIRE(roster);
  REQUIRE(roster->size() == 2);
  const auto& duty = roster->at(0);
  CHECK(duty.name == "Dienstapotheek Utrecht Stad");
  CHECK(duty.identifier->system == "http://fhir.nl/fhir/NamingSystem/agb-z");
  CHECK(duty.onDuty);
  CHECK(duty.courier);
  CHECK(duty.region == "Utrecht");
  CHECK(duty.phone == "030-0000490");
  CHECK(duty.address == "Dienstweg 1, 3500 AB Utrecht");
  REQUIRE(duty.windows.size() == 2);
  CHECK(duty.windows[0].days == std::vector<int>{1, 2, 3, 4, 5});
  CHECK(duty.windows[0].from == 17 * 60 + 30);
  CHECK(duty.windows[1].from == 0);
  CHECK(duty.windows[1].to == 24 * 60);
  CHECK(roster->at(1).identifier->code == "90000402");

  json bundle = json::parse(ListFile("roster-healthcareservice-bundle.json"));
  bundle["entry"][2]["resource"]["availableTime"][0]["daysOfWeek"][0] = "maandag";
  bundle["entry"][2]["resource"]["availableTime"][0].erase("availableEndTime");
  auto bad = net::roster::ReadRosterFhir(bundle.dump(), "rooster.json");
  REQUIRE_FALSE(bad);
  CHECK_THAT(bad.error().detail,
             Catch::Contains("entry 3 (HealthcareService/centrum), availableTime[0].daysOfWeek: 'maandag'") &&
                 Catch::Contains("availableTime[0].availableEndTime"));
}
