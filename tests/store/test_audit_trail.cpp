// SPDX-License-Identifier: GPL-3.0-or-later
// The local audit trail: appended per access, verifiable, and any edit, removal or reordering of a
// record, or of the head, is detected and named.
#include "store_fixture.h"

using namespace zb;

namespace {

domain::AuditEvent Event(int minute, const std::string& bsn, domain::AuditAction action,
                         const std::string& context = "admission") {
  domain::AuditEvent e;
  e.at = boost::posix_time::ptime(domain::Date(2026, 11, 23), boost::posix_time::minutes(minute));
  e.actor = {"900022159", "A. de Vries", "01.047", "90000380"};
  e.patientBsn = bsn;
  e.action = action;
  e.context = context;
  e.outcome = "ok";
  return e;
}

// Five records: three about Jansen, one about Visser, one login without a patient.
std::unique_ptr<store::LocalStore> Filled(const test::StoreFile& f) {
  auto s = f.Open();
  REQUIRE(s->audit().Append(Event(1, "", domain::AuditAction::kLogin, "")).value() == 1);
  REQUIRE(s->audit().Append(Event(2, "999991000", domain::AuditAction::kRetrieve)).ok());
  REQUIRE(s->audit().Append(Event(3, "999991000", domain::AuditAction::kViewOverview)).ok());
  REQUIRE(s->audit().Append(Event(4, "999900109", domain::AuditAction::kViewOffline, "on-call")).ok());
  REQUIRE(s->audit().Append(Event(5, "999991000", domain::AuditAction::kExportPdf, "overview.pdf")).value() == 5);
  return s;
}

}  // namespace

TEST_CASE("the audit trail records who did what with which patient, and verifies") {
  test::StoreFile f;
  auto s = Filled(f);
  const auto check = s->audit().Verify();
  CHECK(check.intact);
  CHECK(check.records == 5);
  CHECK(check.problem.empty());

  auto jansen = s->audit().ForPatient(domain::Bsn::Parse("999991000").value()).value();
  REQUIRE(jansen.size() == 3);
  CHECK(jansen[0].event.action == domain::AuditAction::kRetrieve);
  CHECK(jansen[2].event.context == "overview.pdf");
  CHECK(jansen[0].event.actor.roleCode == "01.047");
  CHECK(jansen[0].event.at.time_of_day().minutes() == 2);
  CHECK(s->audit().ForPatient(domain::Bsn::Parse("999900109").value()).value().size() == 1);

  const std::string tsv = s->audit().ExportTsv(std::nullopt).value();
  CHECK(std::count(tsv.begin(), tsv.end(), '\n') == 6);
  CHECK(tsv.find("view-offline") != std::string::npos);
  CHECK(tsv.find("999991000") == std::string::npos);  // the patient appears only as its keyed hash
  CHECK(test::RawFiles(f.path).find("999991000") == std::string::npos);
}

TEST_CASE("an edited audit record is detected") {
  test::StoreFile f;
  auto s = Filled(f);
  REQUIRE(s->database().Execute("UPDATE audit SET action = 'view-overview' WHERE seq = 5").ok());
  const auto check = s->audit().Verify();
  CHECK_FALSE(check.intact);
  CHECK(check.problem == "record 5 was altered after it was written");
}

TEST_CASE("a record removed from the middle is detected") {
  test::StoreFile f;
  auto s = Filled(f);
  REQUIRE(s->database().Execute("DELETE FROM audit WHERE seq = 3").ok());
  const auto check = s->audit().Verify();
  CHECK_FALSE(check.intact);
  CHECK(check.problem.find("record 3 is missing") == 0);
}

TEST_CASE("records removed from the end are detected by the head") {
  test::StoreFile f;
  auto s = Filled(f);
  REQUIRE(s->database().Execute("DELETE FROM audit WHERE seq >= 4").ok());
  const auto check = s->audit().Verify();
  CHECK_FALSE(check.intact);
  CHECK(check.problem.find("records after 3 were removed") == 0);
}

TEST_CASE("reordered records are detected") {
  test::StoreFile f;
  auto s = Filled(f);
  // Swap the contents of records 2 and 3 (MACs included), keeping the sequence numbers.
  REQUIRE(s->database()
              .Execute(R"sql(
    CREATE TEMP TABLE t AS SELECT * FROM audit WHERE seq IN (2, 3);
    UPDATE audit SET at = (SELECT at FROM t WHERE seq = 5 - audit.seq), action = (SELECT action FROM t WHERE seq = 5 - audit.seq),
      prev_mac = (SELECT prev_mac FROM t WHERE seq = 5 - audit.seq), mac = (SELECT mac FROM t WHERE seq = 5 - audit.seq)
      WHERE seq IN (2, 3);)sql")
              .ok());
  const auto check = s->audit().Verify();
  CHECK_FALSE(check.intact);
  CHECK(check.problem.find("record 2") == 0);
}

TEST_CASE("a forged head, or a renumbered chain, is detected") {
  SECTION("head moved back after truncation") {
    test::StoreFile f;
    auto s = Filled(f);
    REQUIRE(
        s->database()
            .Execute(
                "DELETE FROM audit WHERE seq = 5; UPDATE audit_head SET seq = 4, mac = (SELECT mac FROM audit WHERE seq = 4)")
            .ok());
    CHECK(s->audit().Verify().problem == "the chain's head was altered");
  }
  SECTION("records renumbered to close a gap") {
    test::StoreFile f;
    auto s = Filled(f);
    REQUIRE(
        s->database().Execute("DELETE FROM audit WHERE seq = 2; UPDATE audit SET seq = seq - 1 WHERE seq > 2").ok());
    const auto check = s->audit().Verify();
    CHECK_FALSE(check.intact);
    CHECK(check.problem.find("record 2") == 0);
  }
  SECTION("the head deleted") {
    test::StoreFile f;
    auto s = Filled(f);
    REQUIRE(s->database().Execute("DELETE FROM audit_head").ok());
    CHECK(s->audit().Verify().problem == "the chain's head record is missing");
  }
}
