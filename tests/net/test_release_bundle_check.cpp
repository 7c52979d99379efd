// SPDX-License-Identifier: GPL-3.0-or-later
// The sending rules checked before a Bundle is queued (and by the sandbox's receivers), and how a
// receiver's answer is read: only a transaction-response with 200/201 is a delivery.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "builders.h"
#include "domain/prescription_draft.h"
#include "net/fhir/release_bundle_check.h"

using namespace zb::domain;
using namespace zb::net::fhir;
using json = nlohmann::json;

namespace {

std::string Bundle(ReleaseTarget target) {
  const MedicationAgreement original = zb::test::MaBuilder("ma-hosp-1", "mbh-1", "ziekenhuis").Start(-3).End(40);
  MedicationDraft draft;
  draft.action = DraftAction::kStop;
  draft.treatment = original.h.treatment;
  draft.reason = *ChangeOrStopReason("182856006");
  int n = 0;
  const Prescriber so{"A. de Vries", "900022159", "01.047", "Specialist ouderengeneeskunde", "90000380", "De Linde"};
  const auto compiled = CompileDraft(draft, &original, so, zb::test::Day(1, 10),
                                     {"urn:oid:2.999.1", "urn:oid:2.999.2", "urn:oid:2.999.3",
                                      [&] { return "zb-" + std::to_string(++n); }})
                            .value();
  ReleaseContent c;
  c.patient.bsn = Bsn::Parse("999991000").value();
  c.patient.name = "A. Jansen";
  c.prescriber = so;
  c.agreements = compiled.agreements;
  c.bundleId = {"urn:oid:2.999.4", "release-1"};
  return WriteReleaseBundle(c, target);
}

bool Names(const std::vector<std::string>& problems, const std::string& part) {
  return std::any_of(problems.begin(), problems.end(),
                     [&](const std::string& p) { return p.find(part) != std::string::npos; });
}

}  // namespace

TEST_CASE("a written release passes the sending rules for its own receiver only") {
  const std::string pharmacy = Bundle(ReleaseTarget::kPharmacy);
  const std::string record = Bundle(ReleaseTarget::kCareRecord);
  CHECK(CheckReleaseBundle(pharmacy, ReleaseTarget::kPharmacy).empty());
  CHECK(CheckReleaseBundle(record, ReleaseTarget::kCareRecord).empty());
  // An order sent as information, or information sent as an order, is refused.
  CHECK(Names(CheckReleaseBundle(pharmacy, ReleaseTarget::kCareRecord), "carries the actionable tag"));
  CHECK(Names(CheckReleaseBundle(record, ReleaseTarget::kPharmacy), "lacks the actionable tag"));
  CHECK(Names(CheckReleaseBundle(record, ReleaseTarget::kPharmacy), "mp-MedicationPrescription-Bundle"));
  CHECK(FirstAgreementIdentifier(pharmacy).rfind("urn:oid:2.999.1|zb-", 0) == 0);
}

TEST_CASE("each sending rule names the entry that breaks it") {
  json b = json::parse(Bundle(ReleaseTarget::kPharmacy));
  b["entry"][0]["request"]["method"] = "PUT";
  b["entry"][0]["resource"]["id"] = "x";
  b["entry"][1]["fullUrl"] = "MedicationRequest/1";
  b["entry"][0]["resource"]["priorPrescription"].erase("display");
  b["entry"][0]["resource"]["category"][0]["coding"][0].erase("system");
  const auto problems = CheckReleaseBundle(b.dump(), ReleaseTarget::kPharmacy);
  CHECK(Names(problems, "Bundle.entry[0].request.method is not POST"));
  CHECK(Names(problems, "Bundle.entry[0].resource has an id"));
  CHECK(Names(problems, "Bundle.entry[1].fullUrl is not a urn:uuid"));
  CHECK(Names(problems, "priorPrescription: a Reference has no display"));
  CHECK(Names(problems, "a Coding lacks system or code"));
  b.erase("identifier");
  CHECK(Names(CheckReleaseBundle(b.dump(), ReleaseTarget::kPharmacy), "Bundle.identifier"));
  CHECK(CheckReleaseBundle("<html>", ReleaseTarget::kPharmacy) ==
        std::vector<std::string>{"the body is not a FHIR Bundle"});
}

TEST_CASE("only a transaction-response with 200 or 201 is a delivery, a 4xx is a refusal with its issue text") {
  const std::string response =
      R"({"resourceType":"Bundle","type":"transaction-response","entry":[{"response":{"status":"201 Created","location":"MedicationRequest/a/_history/1"}}]})";
  const auto ok = ReadReleaseAnswer(201, response);
  CHECK(ok.delivered);
  CHECK(ok.text == "MedicationRequest/a/_history/1");
  CHECK_FALSE(ReadReleaseAnswer(201, R"({"resourceType":"OperationOutcome"})").delivered);
  CHECK_FALSE(ReadReleaseAnswer(202, response).delivered);
  const auto refused = ReadReleaseAnswer(
      422,
      R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"processing","diagnostics":"onbekend PRK"}]})");
  CHECK(refused.refused);
  CHECK(refused.text == "onbekend PRK");
  const auto bare = ReadReleaseAnswer(400, "");
  CHECK(bare.refused);
  CHECK(bare.text == "HTTP 400 without an OperationOutcome");
  const auto down = ReadReleaseAnswer(503, "");
  CHECK_FALSE(down.delivered);
  CHECK_FALSE(down.refused);
  CHECK(SearchMatches(R"({"resourceType":"Bundle","type":"searchset","entry":[{"search":{"mode":"match"}}]})") == 1u);
  CHECK_FALSE(SearchMatches("{}").has_value());
}
