// SPDX-License-Identifier: GPL-3.0-or-later
// The workstation's on-call reports on a real store file: written as drafts, signed by the
// logged-in physician (who becomes the author, B-R1), frozen with a FHIR document that reads back,
// corrected as a new version; every save and signature audited; nothing without a login or for
// another patient.
#include <boost/date_time/posix_time/posix_time.hpp>

#include "locum_example.h"
#include "net/fhir/locum_report_fhir.h"
#include "store_fixture.h"
#include "workstation/workstation.h"

using namespace zb;
namespace d = zb::domain;

namespace {

const d::Instant kNight = boost::posix_time::from_iso_extended_string("2026-12-02T02:05:00");

struct Desk {
  test::StoreFile file;
  std::unique_ptr<store::LocalStore> store = file.Open();
  std::optional<workstation::User> user;
  std::vector<std::string> audit;  // "action outcome"
  workstation::ReportBook book{std::make_unique<workstation::ReportBook::Impl>(workstation::ReportBook::Impl{
      *store, [this] { return user; },
      [this](d::AuditAction a, const std::string&, const std::string&, const std::string& outcome) {
        audit.push_back(std::string(d::ToString(a)) + " " + outcome);
      },
      [] { return std::string(); }, nullptr})};
  d::RegisteredPatient Patient(const std::string& bsn, const std::string& name) {
    auto p = test::SyntheticPatient(bsn, name);
    p.id = store->patients().Save(p).value();
    return p;
  }
  void LogIn(const std::string& role, const std::string& name) {
    user = workstation::User{{"9000" + role.substr(0, 2) + "4321", name, role, "90000380"},
                             role == "01.047" ? "Specialist ouderengeneeskunde" : "Verpleegkundige",
                             "Tést Zorginstelling 01",
                             true,
                             role == "01.047"};
  }
};

// The example's clinical content on a new draft of `book` for `patient`.
d::LocumReport Filled(d::LocumReport fresh) {
  auto example = test::ExampleLocumDraft();
  example.id = fresh.id;
  example.patient = fresh.patient;
  example.author = fresh.author;
  return example;
}

}  // namespace

TEST_CASE("an on-call report is drafted, signed by the logged-in physician, frozen and corrected") {
  Desk desk;
  auto jansen = desk.Patient("999991000", "J. Jansen");
  auto visser = desk.Patient("999900109", "W. Visser");
  CHECK(desk.book.New(jansen, kNight).error().problem == "not_logged_in");

  desk.LogIn("01.047", "M. de Wit");
  auto fresh = desk.book.New(jansen, kNight);
  REQUIRE(fresh);
  CHECK(fresh->patient.name == "J. Jansen");
  CHECK(fresh->author.name == "M. de Wit");
  CHECK(fresh->contact.location == "Afdeling Linde, kamer 12");
  auto draft = Filled(fresh.value());
  draft.reason.clear();
  REQUIRE(desk.book.Save(jansen, draft, kNight));

  // Signing names what is missing and keeps the draft as it was.
  auto refused = desk.book.Sign(jansen, draft.id, kNight);
  REQUIRE_FALSE(refused);
  CHECK_THAT(refused.error().detail, Catch::Contains("reason"));
  draft.reason = "Gevallen op de kamer";
  REQUIRE(desk.book.Save(jansen, draft, kNight));

  CHECK(desk.book.Sign(visser, draft.id, kNight).error().problem == "not_found");  // another patient's
  // Someone else signs: they are the author, not the one who wrote the draft.
  desk.LogIn("01.047", "A. de Vries");
  auto signedEntry = desk.book.Sign(jansen, draft.id, kNight);
  REQUIRE(signedEntry);
  CHECK(signedEntry->report.status == d::ReportStatus::kFinal);
  CHECK(signedEntry->report.author.name == "A. de Vries");
  auto document = desk.book.Document(jansen, draft.id);
  REQUIRE(document);
  auto read = net::fhir::ReadLocumReport(document.value(), "document");
  REQUIRE(read);
  CHECK(read->author.name == "A. de Vries");
  CHECK(read->reason == "Gevallen op de kamer");
  CHECK(read->patient.name == "J. Jansen");

  // Frozen: neither saved over nor signed again.
  auto edited = signedEntry->report;
  edited.status = d::ReportStatus::kDraft;
  edited.plan = "anders";
  CHECK_FALSE(desk.book.Save(jansen, edited, kNight));
  CHECK_FALSE(desk.book.Sign(jansen, draft.id, kNight));

  auto correction = desk.book.Correct(jansen, draft.id, kNight + boost::posix_time::hours(1));
  REQUIRE(correction);
  CHECK(correction->report.replaces == draft.id);
  CHECK(correction->report.version == 2);
  auto amended = desk.book.Sign(jansen, correction->report.id, kNight + boost::posix_time::hours(1));
  REQUIRE(amended);
  CHECK(amended->report.status == d::ReportStatus::kAmended);
  auto versions = desk.book.List(jansen);
  REQUIRE(versions);
  REQUIRE(versions->size() == 2);
  CHECK(versions->at(0).report.status == d::ReportStatus::kFinal);
  CHECK(versions->at(0).report.plan == draft.plan);  // the first version is as it was signed
  CHECK(desk.book.List(visser)->empty());

  CHECK(desk.audit == std::vector<std::string>{"report-saved ok", "report-signed refused", "report-saved ok",
                                               "report-signed ok", "report-signed refused", "report-saved ok",
                                               "report-signed ok"});
}

TEST_CASE("only a physician signs an on-call report (B-R1)") {
  Desk desk;
  auto jansen = desk.Patient("999991000", "J. Jansen");
  desk.LogIn("30.000", "V. Pleeg");  // a nurse may write it down
  auto draft = Filled(desk.book.New(jansen, kNight).value());
  REQUIRE(desk.book.Save(jansen, draft, kNight));
  auto refused = desk.book.Sign(jansen, draft.id, kNight);
  REQUIRE_FALSE(refused);
  CHECK_THAT(refused.error().detail, Catch::Contains("author.role"));
  desk.LogIn("01.047", "M. de Wit");
  CHECK(desk.book.Sign(jansen, draft.id, kNight));
}
