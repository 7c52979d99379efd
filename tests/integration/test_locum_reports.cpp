// SPDX-License-Identifier: GPL-3.0-or-later
// On-call reports through zorgbrug-cli on a real store with real DEZI logins through the gateway:
// written as a draft, refused for a signer without a physician role (B-R1), signed by the SO (who
// becomes the author), exported as the frozen FHIR document and as PDF, frozen against edits, and
// corrected as a second version. A stop released during the shift reaches the pharmacy and is in
// the report's medication section by the same identifier (B-R6).
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "exchange_world.h"
#include "net/fhir/locum_report_fhir.h"
#include "resident.h"
#include "stored_lookup.h"
#include "workstation/workstation.h"

using namespace zb;

namespace {

test::ExchangeWorld& World() {
  static test::ExchangeWorld world;
  return world;
}

}  // namespace

TEST_CASE("zorgbrug-cli report new, sign, export, correct and list, on a real store and login") {
  const std::string dir = test::MakeTempDir("zb-cli-reports");
  const std::string store = dir + "/zorgbrug.db";
  auto run = [&](std::initializer_list<std::string> pieces) {
    // Appended piece by piece: GCC 12 reports a false -Warray-bounds on chained operator+ here.
    const std::string out = dir + "/out.txt";
    std::string cmd = ZB_CLI_PATH;
    for (const auto& p : pieces) (cmd += " ") += p;
    cmd += " --store '";
    cmd += store;
    cmd += "' --no-keychain > '";
    cmd += out;
    cmd += "'";
    test::ChildProcess cli({"/bin/sh", "-c", cmd}, dir + "/cli.log",
                           {"ZORGBRUG_GATEWAY=" + World().gatewayUrl(), "ZORGBRUG_CA_FILE=" + World().caFile()}, false);
    const int rc = cli.Wait(std::chrono::seconds(60));
    return std::make_tuple(rc, test::ReadTextFile(out), test::ReadTextFile(dir + "/cli.log"));
  };
  const std::string patient = " --bsn 999991000 --register '" + std::string(ZB_DEMO_DIR) + "/register.json'";
  // A value that does not parse is named (exit 1) and nothing is stored.
  {
    const auto [rc, out, err] = run({"report new", patient, " --persona so --vital temp=37,2"});
    CHECK(rc == 1);
    CHECK_THAT(err, Catch::Contains("'37,2' is not a number"));
  }
  {  // No gateway to log in at: exit 3 (try again later), not 4 (a refused login); no report written.
    test::ChildProcess cli(
        {ZB_CLI_PATH, "report", "new", "--bsn", "999991000", "--register", std::string(ZB_DEMO_DIR) + "/register.json",
         "--persona", "so", "--reason", "Val", "--store", store, "--no-keychain"},
        dir + "/away.log", {"ZORGBRUG_GATEWAY=https://127.0.0.1:9", "ZORGBRUG_CA_FILE=" + World().caFile()}, true);
    CHECK(cli.Wait(std::chrono::seconds(60)) == 3);
    CHECK_THAT(test::ReadTextFile(dir + "/away.log"), Catch::Contains("login: "));
  }
  std::string id;
  {
    const auto [rc, out, err] = run(
        {"report new", patient,
         " --persona huisarts-anw --contact-start 2026-12-02T02:10:00+01:00 --contact-minutes 35 --caller nurse"
         " --caller-detail \"EVV'er afdeling Linde\" --urgency 2 --phone 030-0000399"
         " --reason 'Gevallen op de kamer' --subjective 'Pijn linkerheup' --objective 'Geen exorotatie'"
         " --vital bp=132/78 --vital temp=37.2 --icpc 'A80=Ongeval/letsel' --episode --evaluation 'Val zonder fractuur'"
         " --plan 'Paracetamol zo nodig' --request 'Heup opnieuw beoordelen;03-12-2026;spoed'"
         " --agreements 'Dochter ingelicht'"});
    INFO(err);
    REQUIRE(rc == 0);
    id = out.substr(0, out.find(' '));
    CHECK(id.size() == 36);
    CHECK_THAT(out, Catch::Contains("versie 1  draft  02-12-2026 02:10  Gevallen op de kamer"));
    CHECK(out.find("before signing") == std::string::npos);  // complete
  }
  {  // The secretariat may not sign (B-R1); the draft stays.
    const auto [rc, out, err] = run({"report sign", patient, " --persona secretariaat --id ", id});
    CHECK(rc == 2);
    CHECK_THAT(err, Catch::Contains("author.role"));
  }
  {
    const auto [rc, out, err] = run({"report sign", patient, " --persona so --id ", id});
    INFO(err);
    REQUIRE(rc == 0);
    CHECK_THAT(out, Catch::Contains(id + "  versie 1  final"));
  }
  const std::string fhir = dir + "/verslag.json", pdf = dir + "/verslag.pdf";
  {
    const auto [rc, out, err] = run({"report export", patient, " --id ", id, " --fhir ", fhir, " --pdf ", pdf});
    INFO(err);
    REQUIRE(rc == 0);
    auto read = net::fhir::ReadLocumReport(test::ReadTextFile(fhir), fhir);
    REQUIRE(read);
    CHECK(read->status == domain::ReportStatus::kFinal);
    CHECK(read->author.roleCode == "01.047");  // the signer, not the one who wrote the draft
    CHECK(read->author.organisationUra == "90000380");
    CHECK(read->reason == "Gevallen op de kamer");
    CHECK(read->contact.urgency == 2);
    CHECK(read->requests.size() == 1);
    CHECK(read->vitals.size() == 2);
    CHECK(std::filesystem::file_size(pdf) > 1000);
  }
  {  // Frozen: an edit is refused and names the way out.
    const auto [rc, out, err] = run({"report new", patient, " --persona so --id ", id, " --plan anders"});
    CHECK(rc == 2);
    CHECK_THAT(err, Catch::Contains("write a correction"));
  }
  std::string second;
  {
    const auto [rc, out, err] = run({"report correct", patient, " --persona so --id ", id});
    INFO(err);
    REQUIRE(rc == 0);
    second = out.substr(0, out.find(' '));
    CHECK_THAT(out, Catch::Contains("versie 2  draft"));
  }
  {
    const auto [rc, out, err] =
        run({"report new", patient, " --persona so --id ", second, " --plan 'Paracetamol, 3 dd'"});
    REQUIRE(rc == 0);
    const auto [rc2, out2, err2] = run({"report sign", patient, " --persona so --id ", second});
    INFO(err2);
    REQUIRE(rc2 == 0);
    CHECK_THAT(out2, Catch::Contains("versie 2  amended"));
  }
  {
    const auto [rc, out, err] = run({"report list", patient});
    REQUIRE(rc == 0);
    CHECK_THAT(out, Catch::Contains(id + "  versie 1  final") && Catch::Contains(second + "  versie 2  amended"));
    const auto [rc2, out2, err2] = run({"report export", patient, " --id ", second, " --fhir ", fhir});
    REQUIRE(rc2 == 0);
    auto read = net::fhir::ReadLocumReport(test::ReadTextFile(fhir), fhir);
    REQUIRE(read);
    CHECK(read->replaces == id);
    CHECK(read->plan == "Paracetamol, 3 dd");
  }
}

TEST_CASE("a stop released during the shift is in the pharmacy's prescriptions and in the report by identifier") {
  const std::string dir = test::MakeTempDir("zb-report-release");
  auto config = test::StoreConfig(World(), dir, World().gatewayUrl());
  config.identifierRoot = "2.999.380";
  auto w = std::move(workstation::Workstation::Open(config).value());
  REQUIRE(w->LogIn({"so", World().caFile(), nullptr}, std::chrono::seconds(20)).ok());
  auto jansen =
      w->SavePatient(test::Resident("999991000", "A. Jansen", domain::Date(1938, 3, 12)), domain::Date(2026, 12, 1))
          .value();
  test::LookUpAndStore(*w, jansen);
  domain::MedicationDraft stop;
  stop.action = domain::DraftAction::kStop;
  stop.treatment = test::OneAgreementLine(*w, jansen);
  stop.reason = *domain::ChangeOrStopReason("182856006");
  stop.additionalInformation.push_back(
      domain::GdsTimingCode(domain::GdsTiming::kNextRollChange));  // she is in the roll
  const auto now = boost::posix_time::second_clock::universal_time();
  REQUIRE(w->drafts().Save(jansen, stop, 0, now).ok());
  // Released as the CLI does it, on the same store.
  test::ChildProcess cli({ZB_CLI_PATH, "release", "--bsn", "999991000", "--persona", "so", "--store", config.storePath,
                          "--no-keychain", "--identifier-root", "2.999.380"},
                         dir + "/cli.log",
                         {"ZORGBRUG_GATEWAY=" + World().gatewayUrl(), "ZORGBRUG_CA_FILE=" + World().caFile()}, true);
  REQUIRE(cli.Wait(std::chrono::seconds(60)) == 0);

  // What the pharmacy took: the MedicationRequest identifiers of the Bundles it received.
  std::set<std::string> atPharmacy;
  const auto received = nlohmann::json::parse(
      World().Send({"GET", World().sandbox()["control"].get<std::string>() + "/received", {}, ""}).body);
  for (const auto& r : received["apotheek"]) {
    for (const auto& e : r["bundle"]["entry"]) {
      if (e["resource"]["resourceType"] != "MedicationRequest") continue;
      for (const auto& id : e["resource"]["identifier"])
        atPharmacy.insert(id["system"].get<std::string>() + "|" + id["value"].get<std::string>());
    }
  }
  REQUIRE_FALSE(atPharmacy.empty());

  auto report = w->reports().New(jansen, now);
  REQUIRE(report);
  REQUIRE(report->medication.size() == 1);
  const auto& change = report->medication.front();
  CHECK(atPharmacy.count(change.agreement.Key()) == 1);
  CHECK_THAT(change.text, Catch::StartsWith("stoppen: ") && Catch::Contains("niet voorradig"));
  // An earlier shift's releases are not this report's.
  CHECK(w->reports().ReleasedSince(jansen, now + boost::posix_time::hours(1))->empty());

  auto draft = report.value();
  draft.reason = "Onrustig, medicatie niet voorradig";
  draft.plan = "Gestopt; eigen arts beoordeelt alternatief";
  REQUIRE(w->reports().Save(jansen, draft, now));
  REQUIRE(w->reports().Sign(jansen, draft.id, now + boost::posix_time::minutes(1)));
  const auto document = nlohmann::json::parse(w->reports().Document(jansen, draft.id).value());
  const auto& medication = document["entry"][0]["resource"]["section"][5];
  REQUIRE(medication["entry"].size() == 1);
  const auto& ref = medication["entry"][0];
  CHECK(ref["type"] == "MedicationRequest");
  CHECK(atPharmacy.count(ref["identifier"]["system"].get<std::string>() + "|" +
                         ref["identifier"]["value"].get<std::string>()) == 1);
}
