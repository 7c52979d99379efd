// SPDX-License-Identifier: GPL-3.0-or-later
// The workstation's use cases against the real chain (sandbox + gateway processes): log in, look a
// registered patient up, the retrieval saved sealed and reopened offline with the same overview,
// every step in an intact audit trail.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <condition_variable>
#include <mutex>

#include "exchange_world.h"
#include "resident.h"
#include "workstation/workstation.h"

using namespace zb;

namespace {

test::ExchangeWorld& World() {
  static test::ExchangeWorld world;
  return world;
}

workstation::Config ConfigIn(const std::string& dir, const std::string& gateway) {
  return test::StoreConfig(World(), dir, gateway);
}

struct Lookup {
  std::mutex m;
  std::condition_variable cv;
  std::vector<domain::SourceDelivery> deliveries;
  std::optional<workstation::LookupEnd> end;
};

// Looks the patient up and waits for the end; returns the picture built from the deliveries.
std::unique_ptr<domain::PatientPicture> LookUp(workstation::Workstation& workstation,
                                               const domain::RegisteredPatient& patient, Lookup& lookup) {
  auto id = workstation.LookUp(
      patient,
      [&](workstation::Workstation::LookupId, domain::SourceDelivery d) {
        std::lock_guard lock(lookup.m);
        lookup.deliveries.push_back(std::move(d));
      },
      [&](workstation::Workstation::LookupId, workstation::LookupEnd e) {
        std::lock_guard lock(lookup.m);
        lookup.end = e;
        lookup.cv.notify_all();
      });
  REQUIRE(id.ok());
  std::unique_lock lock(lookup.m);
  REQUIRE(lookup.cv.wait_for(lock, std::chrono::seconds(20), [&] { return lookup.end.has_value(); }));
  std::vector<domain::SourceOutcome> expected;
  for (const auto& s : patient.sources) expected.push_back(domain::PendingOutcome(s.source, s.ura));
  auto picture = std::make_unique<domain::PatientPicture>(patient.bsn.digits(), expected);
  for (auto d : lookup.deliveries) picture->Deliver(std::move(d));
  return picture;
}

std::vector<std::string> Products(const domain::Overview& o) {
  std::vector<std::string> out;
  for (const auto& line : o.lines)
    out.push_back(std::string(domain::ToString(line.status)) + ":" + line.product->DisplayName());
  return out;
}

}  // namespace

TEST_CASE("log in, look a patient up, reopen the stored retrieval offline with the same overview") {
  const std::string dir = test::MakeTempDir("zb-ws");
  auto opened = workstation::Workstation::Open(ConfigIn(dir, World().gatewayUrl()));
  REQUIRE(opened.ok());
  auto& w = *opened.value();
  CHECK(w.keyWarning().find("no keychain") != std::string::npos);

  auto user = w.LogIn({"so", World().caFile(), nullptr}, std::chrono::seconds(20));
  REQUIRE(user.ok());
  CHECK(user->audit.roleCode == "01.047");
  CHECK(user->Describe().find("Specialist ouderengeneeskunde (01.047)") != std::string::npos);

  auto jansen = test::Resident("999991000", "A. Jansen", domain::Date(1938, 3, 12));
  jansen = w.SavePatient(jansen, domain::Date(2026, 12, 1)).value();
  REQUIRE(jansen.id != 0);
  Lookup l;
  auto live = LookUp(w, jansen, l);
  REQUIRE(l.end->complete);
  CHECK(l.end->saved);
  CHECK(l.deliveries.size() == 3);
  CHECK(live->Complete());
  const auto at = boost::posix_time::second_clock::universal_time();
  const auto liveOverview = live->Consolidate(at);
  REQUIRE(liveOverview.lines.size() >= 5);

  auto offline = w.OpenOffline(jansen);
  REQUIRE(offline.ok());
  REQUIRE(offline.value());
  const auto& stored = *offline.value();
  CHECK(stored.problems.empty());
  CHECK(stored.picture->Complete());
  CHECK(Products(stored.picture->Consolidate(at)) == Products(liveOverview));
  CHECK(stored.picture->Ica(at).allergies.size() == live->Ica(at).allergies.size());

  const auto view = w.AuditTrail(jansen.bsn);
  CHECK(view.intact);
  const auto& trail = view.entries.value();
  REQUIRE(trail.size() == 3);
  CHECK(trail[0].event.action == domain::AuditAction::kRegisterPatient);
  CHECK(trail[1].event.action == domain::AuditAction::kRetrieve);
  CHECK(trail[1].event.outcome == "complete");
  CHECK(trail[1].event.actor.roleCode == "01.047");
  CHECK(trail[2].event.action == domain::AuditAction::kViewOffline);
  // No keychain here: the trail's head is also kept beside the key file, private, naming the last
  // record: the view of the trail itself, appended after the three it checked.
  const auto anchorFile = w.config().keyFile + ".audit-head";
  struct stat st {};
  REQUIRE(::stat(anchorFile.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(test::ReadTextFile(anchorFile).rfind("v1:" + std::to_string(view.checked + 1) + ":", 0) == 0);
}

TEST_CASE("a consent refusal is stored with the retrieval and still shows offline, with no gateway at all") {
  const std::string dir = test::MakeTempDir("zb-ws");
  auto visser = test::Resident("999900109", "C. Visser", domain::Date(1941, 11, 5));
  {
    auto w = std::move(workstation::Workstation::Open(ConfigIn(dir, World().gatewayUrl())).value());
    REQUIRE(w->LogIn({"so", World().caFile(), nullptr}, std::chrono::seconds(20)).ok());
    visser = w->SavePatient(visser, domain::Date(2026, 12, 1)).value();
    Lookup l;
    auto live = LookUp(*w, visser, l);
    CHECK_FALSE(l.end->complete);
    CHECK(l.end->saved);
    const auto trail = w->AuditTrail(visser.bsn).entries.value();
    REQUIRE(trail.size() == 2);
    CHECK(trail[1].event.outcome == "incomplete: pharmacy=consent-refused");
  }
  // Another session of the workstation, its gateway unreachable: the stored picture opens.
  auto w = std::move(workstation::Workstation::Open(ConfigIn(dir, "https://127.0.0.1:9")).value());
  auto offline = w->OpenOffline(visser).value();
  REQUIRE(offline);
  CHECK_FALSE(offline->picture->Complete());
  const auto missing = offline->picture->Missing();
  REQUIRE(missing.size() == 1);
  CHECK(missing[0]->status == domain::SourceStatus::kConsentRefused);
  CHECK(missing[0]->source.kind == domain::SourceKind::kPharmacy);
  CHECK_FALSE(offline->picture->medication().Count() == 0);  // the GP's data is there
  CHECK(w->AuditTrail(std::nullopt).intact);
}

TEST_CASE("a lookup without login, or without known sources, says so") {
  const std::string dir = test::MakeTempDir("zb-ws");
  auto w = std::move(workstation::Workstation::Open(ConfigIn(dir, World().gatewayUrl())).value());
  auto p = test::Resident("999991000", "A. Jansen", domain::Date(1938, 3, 12));
  auto r = w->LookUp(p, {}, {});
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().detail == "not logged in");
  REQUIRE(w->LogIn({"so", World().caFile(), nullptr}, std::chrono::seconds(20)).ok());
  p.sources.clear();
  auto none = w->LookUp(p, {}, {});
  REQUIRE_FALSE(none.ok());
  CHECK(none.error().detail == "no sources are known for this patient");
}

TEST_CASE("saving a patient validates, stores and audits in one step, and a bad one is refused with its reasons") {
  const std::string dir = test::MakeTempDir("zb-ws");
  auto w = std::move(workstation::Workstation::Open(ConfigIn(dir, World().gatewayUrl())).value());
  auto p = test::Resident("999991000", "", domain::Date(2030, 1, 1));  // no name, born in the future
  auto refused = w->SavePatient(p, domain::Date(2026, 12, 1));
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == domain::ErrorCode::kInvalidFormat);
  CHECK(refused.error().detail.find('\n') != std::string::npos);  // both problems, one per line
  CHECK(w->ListPatients(domain::PatientCategory::kAdmitted).value().empty());
  CHECK(w->AuditTrail(std::nullopt).entries.value().empty());

  p.name = "A. Jansen";
  p.birthDate = domain::Date(1938, 3, 12);
  auto saved = w->SavePatient(p, domain::Date(2026, 12, 1));
  REQUIRE(saved.ok());
  saved.value().location = "Kamer 12";
  REQUIRE(w->SavePatient(saved.value(), domain::Date(2026, 12, 1)).ok());
  const auto listed = w->ListPatients(domain::PatientCategory::kAdmitted).value();
  REQUIRE(listed.size() == 1);
  CHECK(listed[0].location == "Kamer 12");
  const auto trail = w->AuditTrail(p.bsn).entries.value();
  REQUIRE(trail.size() == 2);
  CHECK(trail[0].event.action == domain::AuditAction::kRegisterPatient);
  CHECK(trail[1].event.action == domain::AuditAction::kEditPatient);
  // The export writes the trail and names a path it cannot write.
  REQUIRE(w->ExportAudit(p.bsn, dir + "/audit.tsv").ok());
  CHECK(test::ReadTextFile(dir + "/audit.tsv").find("register-patient") != std::string::npos);
  auto unwritable = w->ExportAudit(p.bsn, dir + "/no/such/folder/audit.tsv");
  REQUIRE_FALSE(unwritable.ok());
  CHECK(unwritable.error().code == domain::ErrorCode::kIo);
}
