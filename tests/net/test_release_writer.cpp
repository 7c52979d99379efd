// SPDX-License-Identifier: GPL-3.0-or-later
// The release Bundles: to the pharmacy an order (actionable tag, Bundle profile, VVs with their
// pharmacy), to the home's ECD the same agreements as information; POST entries with urn:uuid
// fullUrls and no id, a display on every Reference, the same output for the same release.
#include <catch2/catch.hpp>
#include <functional>
#include <nlohmann/json.hpp>

#include "builders.h"
#include "domain/prescription_draft.h"
#include "net/fhir/prescription_writer.h"

using namespace zb::domain;
using zb::test::Day;
using json = nlohmann::json;

namespace {

zb::net::fhir::ReleaseContent Release() {
  const MedicationAgreement original = zb::test::MaBuilder("ma-hosp-1", "mbh-1", "ziekenhuis").Start(-3).End(40);
  MedicationDraft draft;
  draft.action = DraftAction::kChange;
  draft.treatment = original.h.treatment;
  draft.against = original.h.id;
  draft.reason = Concept{{{std::string(systems::kSnomed), "182856006", "geneesmiddel niet voorradig"}}, ""};
  draft.product = zb::test::Prk("2002", "FUROSEMIDE DRANK 4MG/ML");
  draft.renderedDosage = "1 maal per dag 10 ml";
  draft.dispense = DispenseDraft{{"150", "ml", std::string(systems::kUcum), "ml", std::nullopt},
                                 {"Apotheek Test", Coding{std::string(systems::kUra), "90000102", ""}},
                                 {"Afdeling Linde", std::nullopt},
                                 {{std::string(systems::kVvAdditionalWishes), "3", "Bezorgen"}}};
  int n = 0;
  const Prescriber so{"A. de Vries", "900022159",           "01.047", "Specialist ouderengeneeskunde",
                      "90000380",    "Zorgcentrum De Linde"};
  const auto compiled = CompileDraft(draft, &original, so, Day(1, 10),
                                     {"urn:oid:2.16.528.1.9999.1", "urn:oid:2.16.528.1.9999.2",
                                      "urn:oid:2.16.528.1.9999.3", [&] { return "zb-" + std::to_string(++n); }})
                            .value();
  zb::net::fhir::ReleaseContent c;
  c.patient.bsn = Bsn::Parse("999991000").value();
  c.patient.name = "A. Jansen";
  c.patient.birthDate = Date(1938, 3, 12);
  c.prescriber = so;
  c.agreements = compiled.agreements;
  c.dispenseRequests = compiled.dispenseRequests;
  c.bundleId = {"urn:oid:2.16.528.1.9999.4", "release-1"};
  return c;
}

void EachReference(const json& j, const std::function<void(const json&)>& f) {
  if (j.is_object()) {
    const bool logical =
        !j.contains("resourceType") && j.contains("identifier") && j.contains("type") && j["type"].is_string();
    if (j.contains("reference") || logical) f(j);
    for (const auto& [k, v] : j.items()) EachReference(v, f);
  } else if (j.is_array()) {
    for (const auto& v : j) EachReference(v, f);
  }
}

std::vector<std::string> Kinds(const json& b) {
  std::vector<std::string> out;
  for (const auto& e : b["entry"]) out.push_back(e["resource"]["meta"]["profile"][0].get<std::string>().substr(42));
  return out;
}

}  // namespace

TEST_CASE("the pharmacy gets an order with its VV, the home's ECD the agreements as information") {
  const auto content = Release();
  const auto text = zb::net::fhir::WriteReleaseBundle(content, zb::net::fhir::ReleaseTarget::kPharmacy);
  CHECK(zb::net::fhir::WriteReleaseBundle(content, zb::net::fhir::ReleaseTarget::kPharmacy) == text);  // stable
  const auto pharmacy = json::parse(text);
  CHECK(pharmacy["meta"]["profile"][0] == "http://nictiz.nl/fhir/StructureDefinition/mp-MedicationPrescription-Bundle");
  CHECK(pharmacy["type"] == "transaction");
  CHECK(pharmacy["identifier"]["value"] == "release-1");
  CHECK(Kinds(pharmacy) ==
        std::vector<std::string>{"mp-MedicationAgreement", "mp-MedicationAgreement", "mp-DispenseRequest",
                                 "nl-core-Patient", "nl-core-HealthProfessional-PractitionerRole",
                                 "nl-core-HealthProfessional-Practitioner", "nl-core-HealthcareProvider-Organization",
                                 "nl-core-HealthcareProvider-Organization", "mp-PharmaceuticalProduct",
                                 "mp-PharmaceuticalProduct"});
  for (const auto& e : pharmacy["entry"]) {
    const auto& r = e["resource"];
    CHECK_FALSE(r.contains("id"));
    CHECK(e["request"]["method"] == "POST");
    CHECK(e["request"]["url"] == r["resourceType"]);
    if (r["resourceType"] == "MedicationRequest") {
      CHECK(r["meta"]["tag"][0]["code"] == "actionable");
      CHECK(r["intent"] == "order");
    }
  }
  int references = 0;
  EachReference(pharmacy, [&](const json& ref) {
    ++references;
    INFO(ref.dump());
    CHECK(ref.contains("display"));
  });
  CHECK(references >= 15);
  const auto& vv = pharmacy["entry"][2]["resource"];
  CHECK(vv["performer"]["display"] == "Apotheek Test");
  CHECK(vv["basedOn"][0]["identifier"] == pharmacy["entry"][0]["resource"]["identifier"][0]);
  CHECK(vv["dispenseRequest"]["quantity"]["value"] == 150);
  CHECK(vv["dispenseRequest"]["extension"][0]["valueReference"]["display"] == "Afdeling Linde");
  CHECK(vv["extension"][0]["valueCodeableConcept"]["coding"][0]["code"] == "3");
  const auto& role = pharmacy["entry"][4]["resource"];
  CHECK(role["code"][0]["text"] == "Specialist ouderengeneeskunde (DEZI-rol 01.047)");
  const auto& practitioner = pharmacy["entry"][5]["resource"];
  CHECK(practitioner["identifier"][0]["value"] == "900022159");

  const auto ecd = json::parse(zb::net::fhir::WriteReleaseBundle(content, zb::net::fhir::ReleaseTarget::kCareRecord));
  CHECK_FALSE(ecd.contains("meta"));
  CHECK(ecd["type"] == "transaction");
  CHECK(Kinds(ecd) == std::vector<std::string>{"mp-MedicationAgreement", "mp-MedicationAgreement", "nl-core-Patient",
                                               "nl-core-HealthProfessional-PractitionerRole",
                                               "nl-core-HealthProfessional-Practitioner",
                                               "nl-core-HealthcareProvider-Organization", "mp-PharmaceuticalProduct",
                                               "mp-PharmaceuticalProduct"});
  for (const auto& e : ecd["entry"]) CHECK_FALSE(e["resource"]["meta"].contains("tag"));
  // Other fullUrls than the pharmacy's Bundle: the two are separate transactions.
  CHECK(ecd["entry"][0]["fullUrl"] != pharmacy["entry"][0]["fullUrl"]);
}
