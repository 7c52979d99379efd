// SPDX-License-Identifier: GPL-3.0-or-later
// The local audit trail: appended per access, verifiable, and any edit, removal or reordering of a
// record, or of the head, is detected and named.
#include <filesystem>

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

namespace {

// The head kept outside the store, in memory; `failSaves` stands for a keychain that refuses.
struct MemoryAnchor : store::HeadAnchor {
  std::optional<std::string> text;
  bool failSaves = false;
  domain::Result<std::optional<std::string>> Load() override { return text; }
  domain::Result<bool> Save(const std::string& t) override {
    if (failSaves) return domain::MakeError(domain::ErrorCode::kUnavailable, "the keychain is locked");
    text = t;
    return true;
  }
};

std::unique_ptr<store::LocalStore> OpenAnchored(const test::StoreFile& f, std::shared_ptr<MemoryAnchor> anchor) {
  auto s = store::LocalStore::Open(f.path, f.key, std::move(anchor));
  if (!s) FAIL("store did not open: " << s.error().detail);
  return std::move(s.value());
}

void CopyStore(const std::string& from, const std::string& to) {
  std::filesystem::copy_file(from, to, std::filesystem::copy_options::overwrite_existing);
  std::filesystem::remove(to + "-wal");
  std::filesystem::remove(to + "-shm");
}

}  // namespace

TEST_CASE("an earlier copy of the whole store, put back, is detected by the head kept outside it") {
  test::StoreFile f;
  auto anchor = std::make_shared<MemoryAnchor>();
  {
    auto s = OpenAnchored(f, anchor);
    for (int i = 1; i <= 3; ++i) REQUIRE(s->audit().Append(Event(i, "999991000", domain::AuditAction::kRetrieve)).ok());
  }  // closed: the file holds everything, no WAL
  CopyStore(f.path, f.dir + "/earlier.db");
  {
    auto s = OpenAnchored(f, anchor);
    REQUIRE(s->audit().Append(Event(4, "999900109", domain::AuditAction::kViewOffline)).ok());
    REQUIRE(s->audit().Append(Event(5, "999900109", domain::AuditAction::kExportPdf)).ok());
    REQUIRE(s->audit().Verify().intact);
  }
  CopyStore(f.dir + "/earlier.db", f.path);
  // Without the anchor the copy is a perfect trail of three records: the gap this closes.
  CHECK(f.Open()->audit().Verify().intact);
  const auto check = OpenAnchored(f, anchor)->audit().Verify();
  CHECK_FALSE(check.intact);
  CHECK(check.problem ==
        "records after 3 were removed: the head kept outside the store names record 5 (was an earlier copy of the "
        "store put back?)");
}

TEST_CASE("an earlier head row put back after deleting records is detected by the anchor") {
  test::StoreFile f;
  auto anchor = std::make_shared<MemoryAnchor>();
  auto s = OpenAnchored(f, anchor);
  for (int i = 1; i <= 3; ++i) REQUIRE(s->audit().Append(Event(i, "999991000", domain::AuditAction::kRetrieve)).ok());
  REQUIRE(s->database().Execute("CREATE TABLE saved_head AS SELECT * FROM audit_head").ok());
  REQUIRE(s->audit().Append(Event(4, "999900109", domain::AuditAction::kViewOffline)).ok());
  REQUIRE(s->database()
              .Execute("DELETE FROM audit WHERE seq = 4; DELETE FROM audit_head; "
                       "INSERT INTO audit_head SELECT * FROM saved_head")
              .ok());
  const auto check = s->audit().Verify();
  CHECK_FALSE(check.intact);
  CHECK(check.problem.find("records after 3 were removed: the head kept outside the store names record 4") == 0);
}

TEST_CASE("the anchor one record behind after a crash verifies, and a lost, altered or replaced one does not") {
  test::StoreFile f;
  auto anchor = std::make_shared<MemoryAnchor>();
  auto s = OpenAnchored(f, anchor);
  for (int i = 1; i <= 3; ++i) REQUIRE(s->audit().Append(Event(i, "999991000", domain::AuditAction::kRetrieve)).ok());
  const auto atThree = anchor->text;
  SECTION("a crash between the commit and the anchor leaves it one record behind: still intact") {
    anchor->failSaves = true;
    auto appended = s->audit().Append(Event(4, "999991000", domain::AuditAction::kViewOverview));
    REQUIRE_FALSE(appended.ok());
    CHECK(appended.error().detail ==
          "audit record 4 was written, but its head could not be kept outside the store: the keychain is locked");
    const auto check = s->audit().Verify();
    CHECK(check.intact);
    CHECK(check.records == 4);
  }
  SECTION("the anchor removed from a store that had one") {
    anchor->text.reset();
    CHECK(s->audit().Verify().problem.find("the trail's head kept outside the store (beside its key) is missing") == 0);
  }
  SECTION("an anchor edited by hand, or of another store") {
    anchor->text = atThree->substr(0, 3) + "2" + atThree->substr(4);  // "v1:3:..." made "v1:2:..."
    CHECK(s->audit().Verify().problem ==
          "the trail's head kept outside the store was altered, or belongs to another store");
    test::StoreFile other;
    auto otherAnchor = std::make_shared<MemoryAnchor>();
    REQUIRE(OpenAnchored(other, otherAnchor)->audit().Append(Event(1, "", domain::AuditAction::kLogin, "")).ok());
    anchor->text = otherAnchor->text;
    CHECK(s->audit().Verify().problem ==
          "the trail's head kept outside the store was altered, or belongs to another store");
  }
  SECTION("the store replaced by another store under the same key, as long, with other records") {
    s.reset();
    test::StoreFile other;
    other.key = f.key;
    {
      auto o = other.Open();
      for (int i = 1; i <= 3; ++i) REQUIRE(o->audit().Append(Event(i, "999900109", domain::AuditAction::kLogin)).ok());
    }
    CopyStore(other.path, f.path);
    const auto check = OpenAnchored(f, anchor)->audit().Verify();
    CHECK_FALSE(check.intact);
    CHECK(check.problem ==
          "record 3 is not the one whose head was kept outside the store (the store was replaced by another copy)");
  }
}

TEST_CASE("a store that never had an anchor verifies, and is anchored from its next record on") {
  test::StoreFile f;
  REQUIRE(Filled(f)->audit().Verify().intact);
  auto anchor = std::make_shared<MemoryAnchor>();
  auto s = OpenAnchored(f, anchor);
  CHECK(s->audit().Verify().intact);
  CHECK_FALSE(anchor->text.has_value());
  REQUIRE(s->audit().Append(Event(6, "", domain::AuditAction::kLogin, "")).value() == 6);
  REQUIRE(anchor->text.has_value());
  CHECK(anchor->text->rfind("v1:6:", 0) == 0);
  CHECK(s->audit().Verify().intact);
}
