// SPDX-License-Identifier: GPL-3.0-or-later
// Medication drafts through the workstation against the real chain: made against the stored
// retrieval of a real lookup, kept sealed across a restart, audited with who and which treatment,
// a secretariat's draft stored as a proposal, and nothing of it sent anywhere.
#include <catch2/catch.hpp>
#include <condition_variable>
#include <fstream>
#include <mutex>

#include "domain/dose_form.h"
#include "exchange_world.h"
#include "resident.h"
#include "stored_lookup.h"
#include "workstation/workstation.h"

using namespace zb;

namespace {

test::ExchangeWorld& World() {
  static test::ExchangeWorld world;
  return world;
}

domain::MedicationDraft StopDraft(const domain::BlockId& treatment) {
  domain::MedicationDraft d;
  d.action = domain::DraftAction::kStop;
  d.treatment = treatment;
  d.reason.codings.push_back({"http://snomed.info/sct", "182856006", "geneesmiddel niet voorradig"});
  return d;
}

std::size_t Count(const std::vector<workstation::AuditEntry>& trail, domain::AuditAction action) {
  return static_cast<std::size_t>(
      std::count_if(trail.begin(), trail.end(), [action](const auto& e) { return e.event.action == action; }));
}

}  // namespace

TEST_CASE("a stop draft is made against the stored retrieval, survives a restart and is audited") {
  const std::string dir = test::MakeTempDir("zb-drafts");
  auto jansen = test::Resident("999991000", "A. Jansen", domain::Date(1938, 3, 12));
  domain::BlockId treatment;
  std::int64_t draftId = 0;
  const auto now = boost::posix_time::second_clock::universal_time();
  {
    auto w = std::move(workstation::Workstation::Open(test::StoreConfig(World(), dir, World().gatewayUrl())).value());
    // Without a login nothing is written.
    jansen = w->SavePatient(jansen, domain::Date(2026, 12, 1)).value();
    auto anonymous = w->drafts().Save(jansen, StopDraft({"urn:oid:x", "y"}), 0, now);
    REQUIRE_FALSE(anonymous.ok());
    CHECK(anonymous.error().problem == "not_logged_in");

    REQUIRE(w->LogIn({"so", World().caFile(), nullptr}, std::chrono::seconds(20)).ok());
    auto early = w->drafts().Save(jansen, StopDraft({"urn:oid:x", "y"}), 0, now);
    REQUIRE_FALSE(early.ok());
    CHECK(early.error().problem == "no_retrieval");

    test::LookUpAndStore(*w, jansen);
    treatment = test::OneAgreementLine(*w, jansen);
    auto noReason = StopDraft(treatment);
    noReason.reason = {};
    auto refused = w->drafts().Save(jansen, noReason, 0, now);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == domain::ErrorCode::kMissing);

    auto saved = w->drafts().Save(jansen, StopDraft(treatment), 0, now);
    REQUIRE(saved.ok());
    draftId = saved->id;
    CHECK_FALSE(saved->draft.against.empty());
    CHECK(saved->draft.againstRegistered.has_value());
    CHECK_FALSE(saved->proposal);
    CHECK(saved->author.roleCode == "01.047");
    CHECK(saved->freshness.freshness == domain::DraftFreshness::kCurrent);

    // A second draft for the same line is refused; the first is edited instead.
    CHECK(w->drafts().Save(jansen, StopDraft(treatment), 0, now).error().code == domain::ErrorCode::kInconsistent);
    auto pause = StopDraft(treatment);
    pause.action = domain::DraftAction::kPause;
    REQUIRE(w->drafts().Save(jansen, pause, draftId, now).ok());
  }
  // A new session of the workstation: the draft is there, as edited, and still current.
  auto w = std::move(workstation::Workstation::Open(test::StoreConfig(World(), dir, World().gatewayUrl())).value());
  auto listed = w->drafts().List(jansen);
  REQUIRE(listed.ok());
  REQUIRE(listed->size() == 1);
  const auto& entry = listed->front();
  CHECK(entry.id == draftId);
  CHECK(entry.draft.action == domain::DraftAction::kPause);
  CHECK(entry.draft.treatment == treatment);
  CHECK(entry.author.name.find("Vries") != std::string::npos);
  CHECK(entry.freshness.freshness == domain::DraftFreshness::kCurrent);
  // The draft is not in the file in the clear.
  CHECK(test::ReadTextFile(dir + "/zorgbrug.db").find(treatment.value) == std::string::npos);
  CHECK(test::ReadTextFile(dir + "/zorgbrug.db-wal").find(treatment.value) == std::string::npos);

  // A secretariat may write a draft too, but only as a proposal.
  REQUIRE(w->LogIn({"secretariaat", World().caFile(), nullptr}, std::chrono::seconds(20)).ok());
  const auto gatewayTrail = test::ReadTextFile(World().auditFile()).size();
  auto edit = entry.draft;
  edit.reason.codings = {{"http://snomed.info/sct", "183966005", "geen indicatie voor medicamenteuze behandeling"}};
  auto proposal = w->drafts().Save(jansen, edit, draftId, now);
  REQUIRE(proposal.ok());
  CHECK(proposal->proposal);
  CHECK(proposal->author.roleCode != "01.047");
  REQUIRE(w->drafts().Remove(jansen, draftId).value());
  CHECK_FALSE(w->drafts().Remove(jansen, draftId).value());
  CHECK(w->drafts().List(jansen)->empty());

  const auto view = w->AuditTrail(jansen.bsn);
  CHECK(view.intact);
  const auto& trail = view.entries.value();
  CHECK(Count(trail, domain::AuditAction::kDraftCreated) == 1);
  CHECK(Count(trail, domain::AuditAction::kDraftEdited) == 2);
  CHECK(Count(trail, domain::AuditAction::kDraftDeleted) == 1);
  for (const auto& e : trail) {
    if (e.event.action != domain::AuditAction::kDraftEdited) continue;
    CHECK(e.event.context.find(", treatment t:") != std::string::npos);
    CHECK(e.event.context.find(treatment.value) == std::string::npos);
  }
  CHECK(trail.back().event.action == domain::AuditAction::kDraftDeleted);
  CHECK(trail.back().event.actor.roleCode != "01.047");
  // Drafts stay on this workstation: writing, listing and removing them asked the gateway nothing.
  CHECK(test::ReadTextFile(World().auditFile()).size() == gatewayTrail);
}

TEST_CASE("with the home's formulary imported, a product outside it needs a reason, and a bad file changes nothing") {
  const std::string dir = test::MakeTempDir("zb-drafts");
  auto w = std::move(workstation::Workstation::Open(test::StoreConfig(World(), dir, World().gatewayUrl())).value());
  CHECK(w->drafts().Formulary()->empty());
  const std::string demo = std::string(ZB_DEMO_DIR) + "/../formulary/demo-formularium.csv";
  auto imported = w->drafts().ImportFormulary(demo, domain::Date(2026, 12, 2));
  REQUIRE(imported.ok());
  CHECK(imported.value() == 13);
  auto formulary = w->drafts().Formulary();
  REQUIRE(formulary.ok());
  CHECK(formulary->name() == "demo-formularium.csv");
  CHECK(formulary->updated() == domain::Date(2026, 12, 2));
  CHECK(formulary->Search("pantoprazol").size() == 2);

  // A file with a bad row is refused whole; the formulary in use stays.
  const std::string bad = dir + "/formularium.csv";
  {
    std::ofstream out(bad);
    out << "naam;prk;atc\nGoed;900101;C07AB02\nFout;12X;C07AB02\n";
  }
  auto refused = w->drafts().ImportFormulary(bad, domain::Date(2026, 12, 2));
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().detail.find("line 3, column 'prk'") != std::string::npos);
  CHECK(w->drafts().Formulary()->items().size() == 13);

  // A new start: from the formulary it passes; omeprazol (not on it) only with a reason.
  auto jansen = test::Resident("999991000", "A. Jansen", domain::Date(1938, 3, 12));
  REQUIRE(w->LogIn({"so", World().caFile(), nullptr}, std::chrono::seconds(20)).ok());
  jansen = w->SavePatient(jansen, domain::Date(2026, 12, 1)).value();
  const auto now = boost::posix_time::second_clock::universal_time();
  domain::DoseForm dose;
  dose.amount = "1";
  dose.unit = "stuk";
  dose.timesPerDay = 1;
  dose.route.codings.push_back({std::string(domain::systems::kGstdRoute), "9", "Oraal"});
  domain::MedicationDraft start;
  start.action = domain::DraftAction::kStart;
  start.dosage = domain::ToDosage(dose).value();
  start.renderedDosage = domain::RenderDose(dose);
  start.product = domain::ToProduct(*formulary->Search("pantoprazol 20").front());
  auto fromList = w->drafts().Save(jansen, start, 0, now);
  REQUIRE(fromList.ok());
  CHECK(fromList->draft.renderedDosage == "1 maal per dag 1 stuk, Oraal");

  domain::Product omeprazol;
  omeprazol.codes.push_back({domain::ProductCodeLevel::kPrk,
                             {std::string(domain::systems::kPrk), "900105", "OMEPRAZOL CAPSULE MSR 20MG"},
                             true});
  start.product = omeprazol;
  auto off = w->drafts().Save(jansen, start, 0, now);
  REQUIRE_FALSE(off.ok());
  CHECK(off.error().detail.find("not on the formulary") != std::string::npos);
  start.offFormularyReason = "pantoprazol eerder niet verdragen";
  auto withReason = w->drafts().Save(jansen, start, 0, now);
  REQUIRE(withReason.ok());
  CHECK(w->drafts().List(jansen)->back().draft.offFormularyReason == "pantoprazol eerder niet verdragen");
}

TEST_CASE("zorgbrug-cli draft add, list and remove, and formulary import, on a real store and chain") {
  const std::string dir = test::MakeTempDir("zb-cli-drafts");
  const std::string store = dir + "/zorgbrug.db";
  auto run = [&](const std::string& args) {
    const std::string out = dir + "/out.txt";
    const std::string cmd =
        std::string(ZB_CLI_PATH) + " " + args + " --store '" + store + "' --no-keychain > '" + out + "'";
    test::ChildProcess cli({"/bin/sh", "-c", cmd}, dir + "/cli.log",
                           {"ZORGBRUG_GATEWAY=" + World().gatewayUrl(), "ZORGBRUG_CA_FILE=" + World().caFile()}, false);
    const int rc = cli.Wait(std::chrono::seconds(60));
    return std::make_tuple(rc, test::ReadTextFile(out), test::ReadTextFile(dir + "/cli.log"));
  };
  const std::string patient = " --bsn 999991000 --register '" + std::string(ZB_DEMO_DIR) + "/register.json'";
  // A treatment the sources do not know: the lookup is stored, the draft refused with the reason.
  {
    const auto [rc, out, err] =
        run("draft add" + patient + " --persona so --lookup --action stop --treatment NO-SUCH-MBH --reason 182856006");
    CHECK(rc == 2);
    CHECK(err.find("NO-SUCH-MBH is not in the overview") != std::string::npos);
  }
  // A line of the stored retrieval with one agreement.
  domain::BlockId treatment;
  {
    auto w = std::move(workstation::Workstation::Open(test::StoreConfig(World(), dir, World().gatewayUrl())).value());
    auto jansen = w->FindPatient(domain::Bsn::Parse("999991000").value()).value();
    REQUIRE(jansen);
    treatment = test::OneAgreementLine(*w, *jansen);
  }
  {
    const auto [rc, out, err] = run("draft add" + patient + " --persona so --action stop --treatment " +
                                    treatment.value + " --reason 182856006");
    INFO(err);
    REQUIRE(rc == 0);
    CHECK(out.find("draft 1: stop  treatment " + treatment.value) != std::string::npos);
    CHECK(out.find("reason: geneesmiddel niet voorradig") != std::string::npos);
  }
  {
    const auto [rc, out, err] = run("draft add" + patient + " --persona so --action change --treatment " +
                                    treatment.value + " --reason 112191000146101 --amount 1 --per-day 2");
    CHECK(rc == 2);
    CHECK(err.find("already has a draft (draft 1)") != std::string::npos);
  }
  {
    const auto [rc, out, err] =
        run("formulary import '" + std::string(ZB_DEMO_DIR) + "/../formulary/demo-formularium.csv'");
    CHECK(rc == 0);
    CHECK(out == "formulary imported: 13 products\n");
  }
  {
    // The roster too, in either form; a bad file is refused with the place named (exit 2).
    auto [rc, out, err] = run("roster import '" + std::string(ZB_DEMO_DIR) + "/../formulary/demo-apotheekrooster.csv'");
    CHECK(rc == 0);
    CHECK_THAT(out, Catch::StartsWith("pharmacy roster imported: 4 pharmacies\n"));
    std::tie(rc, out, err) =
        run("roster import '" + std::string(ZB_TEST_DATA_DIR) + "/lists/roster-healthcareservice-bundle.json'");
    CHECK(rc == 0);
    CHECK_THAT(out, Catch::StartsWith("pharmacy roster imported: 2 pharmacies\n"));
    std::tie(rc, out, err) =
        run("roster import '" + std::string(ZB_TEST_DATA_DIR) + "/lists/formulary-medication-bundle.json'");
    CHECK(rc == 2);
    CHECK_THAT(err, Catch::Contains("the Bundle holds no HealthcareService"));
  }
  {
    const auto [rc, out, err] =
        run("draft add" + patient + " --persona so --action start --product 'pantoprazol 20' --amount 1 --per-day 1");
    INFO(err);
    CHECK(rc == 0);
    CHECK(out.find("product: Pantoprazol tablet msr 20mg") != std::string::npos);
    CHECK(out.find("dose: 1 maal per dag 1 stuk, Oraal") != std::string::npos);
  }
  {
    const auto [rc, out, err] =
        run("draft add" + patient + " --persona so --action start --product 900105 --amount 1 --per-day 1");
    CHECK(rc == 2);
    CHECK(err.find("not on the formulary") != std::string::npos);
  }
  {
    // The started pantoprazol and the stop: the checks list what ran and what must be handled.
    const auto [rc, out, err] = run("draft check" + patient + " --persona so");
    INFO(out << err);
    // Jansen's medication is in the roll and the start names no GDS moment: release is blocked.
    CHECK(rc == 3);
    CHECK(out.find("Uitgevoerde controles: overgevoeligheid") == 0);
    CHECK(out.find("geen gelicentieerde G-Standaard-controle uitgevoerd") != std::string::npos);
    CHECK(out.find("GDS-moment ontbreekt: Pantoprazol tablet msr 20mg") != std::string::npos);
    CHECK(out.find("blokkeert de vrijgave") != std::string::npos);
    CHECK(out.find("to handle before release") != std::string::npos);
  }
  {
    const auto [rc, out, err] = run("draft remove" + patient + " --persona so --id 1");
    CHECK(rc == 0);
    const auto [lrc, list, lerr] = run("draft list" + patient);
    CHECK(lrc == 0);
    CHECK(list.find("draft 1:") == std::string::npos);
    CHECK(list.find("draft 2: start") != std::string::npos);
  }
}

TEST_CASE("Jansen's drafted amoxicillin is checked against her penicillin allergy before any release") {
  const std::string dir = test::MakeTempDir("zb-drafts");
  auto w = std::move(workstation::Workstation::Open(test::StoreConfig(World(), dir, World().gatewayUrl())).value());
  auto jansen = test::Resident("999991000", "A. Jansen", domain::Date(1938, 3, 12));
  REQUIRE(w->LogIn({"so", World().caFile(), nullptr}, std::chrono::seconds(20)).ok());
  jansen = w->SavePatient(jansen, domain::Date(2026, 12, 1)).value();
  const auto now = boost::posix_time::second_clock::universal_time();
  CHECK(w->drafts().Check(jansen, now).error().problem == "no_retrieval");
  test::LookUpAndStore(*w, jansen);

  domain::DoseForm dose;
  dose.amount = "1";
  dose.unit = "stuk";
  dose.timesPerDay = 3;
  dose.route = *domain::FindDoseRoute("oraal");
  domain::MedicationDraft start;
  start.action = domain::DraftAction::kStart;
  start.dosage = domain::ToDosage(dose).value();
  start.renderedDosage = domain::RenderDose(dose);
  domain::Product amoxicillin;
  amoxicillin.codes.push_back(
      {domain::ProductCodeLevel::kPrk,
       {std::string(domain::systems::kPrk), "900106", "AMOXICILLINE/CLAVULAANZUUR TABLET 500/125MG"},
       true});
  amoxicillin.text = "AMOXICILLINE/CLAVULAANZUUR TABLET 500/125MG";
  start.product = amoxicillin;
  auto saved = w->drafts().Save(jansen, start, 0, now);
  REQUIRE(saved.ok());

  auto checked = w->drafts().Check(jansen, now);
  REQUIRE(checked.ok());
  const auto& c = checked.value();
  CHECK_FALSE(c.check.licensedChecks);
  CHECK_FALSE(c.Releasable());
  const auto has = [&](domain::ReleaseSignalKind kind) {
    return std::any_of(c.check.signals.begin(), c.check.signals.end(),
                       [kind](const domain::ReleaseSignal& s) { return s.kind == kind; });
  };
  REQUIRE(has(domain::ReleaseSignalKind::kHypersensitivity));
  for (const auto& s : c.check.signals) {
    if (s.kind != domain::ReleaseSignalKind::kHypersensitivity) continue;
    CHECK(s.MustHandle());
    CHECK(s.what.find("PENICILLINES") != std::string::npos);
  }
  // Jansen's medication is in the roll: the new agreement needs its GDS timing; with it, that
  // signal goes and the allergy remains to be handled.
  CHECK(has(domain::ReleaseSignalKind::kGdsTimingMissing));
  start.additionalInformation.push_back(domain::GdsTimingCode(domain::GdsTiming::kNextRollChange));
  REQUIRE(w->drafts().Save(jansen, start, saved->id, now).ok());
  const auto again = w->drafts().Check(jansen, now).value();
  CHECK(std::none_of(again.check.signals.begin(), again.check.signals.end(), [](const domain::ReleaseSignal& s) {
    return s.kind == domain::ReleaseSignalKind::kGdsTimingMissing;
  }));
  CHECK_FALSE(again.Releasable());
}

TEST_CASE("a secretariat's proposal stays one until a prescriber confirms it, which adopts it") {
  const std::string dir = test::MakeTempDir("zb-drafts-adopt");
  auto w = std::move(workstation::Workstation::Open(test::StoreConfig(World(), dir, World().gatewayUrl())).value());
  auto jansen = test::Resident("999991000", "A. Jansen", domain::Date(1938, 3, 12));
  jansen = w->SavePatient(jansen, domain::Date(2026, 12, 1)).value();
  REQUIRE(w->LogIn({"so", World().caFile(), nullptr}, std::chrono::seconds(20)).ok());
  test::LookUpAndStore(*w, jansen);
  const auto treatment = test::OneAgreementLine(*w, jansen);
  const auto now = boost::posix_time::second_clock::universal_time();
  REQUIRE(w->LogIn({"secretariaat", World().caFile(), nullptr}, std::chrono::seconds(20)).ok());
  auto proposed = w->drafts().Save(jansen, StopDraft(treatment), 0, now);
  REQUIRE(proposed.ok());
  CHECK(proposed->proposal);
  // The secretariat confirming its own proposal does not make it an order.
  auto still = w->drafts().Confirm(jansen, proposed->id, now);
  REQUIRE(still.ok());
  CHECK(still->proposal);
  REQUIRE(w->LogIn({"so", World().caFile(), nullptr}, std::chrono::seconds(20)).ok());
  CHECK(w->drafts().Check(jansen, now)->proposals == std::vector<std::int64_t>{proposed->id});
  auto adopted = w->drafts().Confirm(jansen, proposed->id, now);
  REQUIRE(adopted.ok());
  CHECK_FALSE(adopted->proposal);
  CHECK(adopted->author.roleCode == "01.047");
  CHECK(w->drafts().Check(jansen, now)->proposals.empty());
}
