// SPDX-License-Identifier: GPL-3.0-or-later
// The local store: patients by category and BSN, sealed at rest, the last retrieval per patient,
// settings, schema version and key checks.
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "store_fixture.h"

using namespace zb;
using domain::PatientCategory;

TEST_CASE("patients are saved, found by BSN, listed per category and updated") {
  test::StoreFile f;
  auto s = f.Open();
  auto id = s->patients().Save(test::SyntheticPatient("999991000", "J. Jansen"));
  REQUIRE(id.ok());
  REQUIRE(s->patients().Save(test::SyntheticPatient("999900109", "W. Visser", PatientCategory::kTemporary)).ok());
  REQUIRE(s->patients().Save(test::SyntheticPatient("999911120", "A. Bakker")).ok());

  auto found = s->patients().FindByBsn(domain::Bsn::Parse("999991000").value());
  REQUIRE(found.ok());
  REQUIRE(found.value());
  CHECK(found.value()->id == id.value());
  CHECK(found.value()->name == "J. Jansen");
  CHECK(found.value()->birthDate == domain::Date(1938, 4, 12));
  CHECK(found.value()->location == "Afdeling Linde, kamer 12");
  REQUIRE(found.value()->sources.size() == 2);
  CHECK(found.value()->sources[1].ura == "90000102");
  CHECK(found.value()->sources[1].source.kind == domain::SourceKind::kPharmacy);
  CHECK_FALSE(s->patients().FindByBsn(domain::Bsn::Parse("999910012").value()).value());

  auto admitted = s->patients().List(PatientCategory::kAdmitted).value();
  REQUIRE(admitted.size() == 2);
  CHECK(admitted[0].name == "A. Bakker");  // by name
  CHECK(s->patients().List(PatientCategory::kTemporary).value().size() == 1);
  CHECK(s->patients().List(PatientCategory::kExpected).value().empty());

  auto edited = found.value().value();
  edited.category = PatientCategory::kExpected;
  edited.expectedOn = domain::Date(2026, 11, 30);
  edited.sources.pop_back();
  REQUIRE(s->patients().Save(edited).value() == id.value());
  auto again = s->patients().Get(id.value()).value().value();
  CHECK(again.category == PatientCategory::kExpected);
  CHECK(again.expectedOn == domain::Date(2026, 11, 30));
  CHECK(again.sources.size() == 1);
}

TEST_CASE("a second patient with the same BSN is refused without naming the BSN") {
  test::StoreFile f;
  auto s = f.Open();
  REQUIRE(s->patients().Save(test::SyntheticPatient("999991000", "J. Jansen")).ok());
  auto twice = s->patients().Save(test::SyntheticPatient("999991000", "J. Jansen-de Wit"));
  REQUIRE_FALSE(twice.ok());
  CHECK(twice.error().code == domain::ErrorCode::kInconsistent);
  CHECK(twice.error().detail.find("999991000") == std::string::npos);
  CHECK(twice.error().detail.find("000") != std::string::npos);  // masked: last digits only
}

TEST_CASE("no BSN, name, birth date or source detail is stored in the clear") {
  test::StoreFile f;
  {
    auto s = f.Open();
    REQUIRE(s->patients().Save(test::SyntheticPatient("999991000", "Johanna Jansen-Zwartkop")).ok());
    store::CachedRetrieval r;
    r.patientId = 1;
    r.retrievedAt = boost::posix_time::ptime(domain::Date(2026, 11, 23), boost::posix_time::hours(9));
    store::CachedSource c;
    c.outcome.source = {"gp", domain::SourceKind::kGeneralPractitioner, "Huisartsenpraktijk Test"};
    c.outcome.status = domain::SourceStatus::kConsentRefused;
    c.outcome.detail = "Patient Zwartkop refused consent";
    c.snapshot =
        R"({"resourceType":"Bundle","entry":[{"resource":{"resourceType":"MedicationRequest","id":"Metoprololsuccinaat"}}]})";
    r.sources.push_back(c);
    REQUIRE(s->retrievals().Save(r).ok());
  }
  const std::string raw = test::RawFiles(f.path);
  REQUIRE(raw.size() > 4096);
  CHECK(raw.find("999991000") == std::string::npos);
  CHECK(raw.find("Zwartkop") == std::string::npos);
  CHECK(raw.find("1938-04-12") == std::string::npos);
  CHECK(raw.find("Metoprolol") == std::string::npos);
  CHECK(raw.find("kamer 12") == std::string::npos);
  CHECK(raw.find("consent-refused") != std::string::npos);  // statuses stay readable (not patient data)
}

TEST_CASE("the last retrieval of a patient round-trips and replaces the one before") {
  test::StoreFile f;
  auto s = f.Open();
  const auto id = s->patients().Save(test::SyntheticPatient("999991000", "J. Jansen")).value();
  for (int hour : {8, 9}) {
    store::CachedRetrieval r;
    r.patientId = id;
    r.retrievedAt = boost::posix_time::ptime(domain::Date(2026, 11, 23), boost::posix_time::hours(hour));
    r.complete = hour == 9;
    store::CachedSource gp;
    gp.outcome = {{"gp", domain::SourceKind::kGeneralPractitioner, "Huisarts"},
                  "90000101",
                  domain::SourceStatus::kData,
                  "",
                  "",
                  {},
                  std::chrono::milliseconds(120),
                  std::chrono::milliseconds(80),
                  5,
                  7,
                  6};
    gp.snapshot = "{\"hour\":" + std::to_string(hour) + "}";
    store::CachedSource pharmacy;
    pharmacy.outcome = {{"apo", domain::SourceKind::kPharmacy, "Apotheek", "030-0000402"},
                        "90000102",
                        domain::SourceStatus::kPartial,
                        "deadline",
                        "no answer within 10 s",
                        {"TA", "MVE"},
                        std::chrono::milliseconds(10000),
                        std::chrono::milliseconds(10000),
                        11,
                        0,
                        0};
    r.sources = {gp, pharmacy};
    REQUIRE(s->retrievals().Save(r).ok());
  }
  auto latest = s->retrievals().Latest(id);
  REQUIRE(latest.ok());
  REQUIRE(latest.value());
  const auto& r = *latest.value();
  CHECK(r.retrievedAt.time_of_day().hours() == 9);
  CHECK(r.complete);
  REQUIRE(r.sources.size() == 2);
  CHECK(r.sources[0].snapshot == "{\"hour\":9}");
  CHECK(r.sources[0].outcome.requests == 5);
  CHECK(r.sources[0].outcome.elapsed == std::chrono::milliseconds(120));
  CHECK(r.sources[1].outcome.status == domain::SourceStatus::kPartial);
  CHECK(r.sources[1].outcome.missing == std::vector<std::string>{"TA", "MVE"});
  CHECK(r.sources[0].outcome.missing.empty());
  CHECK(r.sources[1].outcome.detail == "no answer within 10 s");
  CHECK(r.sources[1].outcome.source.name == "Apotheek");
  // Offline at night the physician still needs whom to call.
  CHECK(r.sources[1].outcome.source.phone == "030-0000402");
  CHECK(r.sources[0].outcome.source.phone.empty());
  auto count = s->database().Prepare("SELECT count(*) FROM retrievals");
  REQUIRE(count.value().Step());
  CHECK(count.value().Int(0) == 1);
  CHECK_FALSE(s->retrievals().Latest(id + 1).value());
}

TEST_CASE("a sealed value moved to another row does not open") {
  test::StoreFile f;
  auto s = f.Open();
  REQUIRE(s->patients().Save(test::SyntheticPatient("999991000", "J. Jansen")).ok());
  REQUIRE(s->patients().Save(test::SyntheticPatient("999900109", "W. Visser")).ok());
  REQUIRE(s->database()
              .Execute("UPDATE patients SET record = (SELECT record FROM patients WHERE id = 1) WHERE id = 2")
              .ok());
  auto moved = s->patients().Get(2);
  REQUIRE_FALSE(moved.ok());
  CHECK(moved.error().code == domain::ErrorCode::kRefused);
  CHECK(moved.error().detail.find("patients/record/2") != std::string::npos);
}

TEST_CASE("the store refuses another key and a newer schema, and keeps its settings") {
  test::StoreFile f;
  {
    auto s = f.Open();
    REQUIRE(s->settings().Set("lock_minutes", "10").ok());
    REQUIRE(s->settings().Set("lock_minutes", "15").ok());
    CHECK(s->settings().Get("lock_minutes").value() == std::optional<std::string>("15"));
    CHECK_FALSE(s->settings().Get("absent").value());
  }
  auto other = store::LocalStore::Open(f.path, store::Cipher::RandomKey());
  REQUIRE_FALSE(other.ok());
  CHECK(other.error().code == domain::ErrorCode::kRefused);
  CHECK(other.error().detail.find("another key") != std::string::npos);

  auto again = f.Open();
  {  // statements end before the write below: SQLite commits a write only when no statement is active
    auto v = again->database().Prepare("PRAGMA user_version");
    REQUIRE(v.value().Step());
    CHECK(v.value().Int(0) == 10);
    auto mode = again->database().Prepare("PRAGMA journal_mode");
    REQUIRE(mode.value().Step());
    CHECK(mode.value().Text(0) == "wal");
  }
  REQUIRE(again->database().Execute("PRAGMA user_version = 99").ok());
  again.reset();
  auto newer = store::LocalStore::Open(f.path, f.key);
  REQUIRE_FALSE(newer.ok());
  CHECK(newer.error().code == domain::ErrorCode::kUnsupported);
  CHECK(newer.error().detail.find("newer Zorgbrug") != std::string::npos);
}

TEST_CASE("a file that is not a database gets an error naming it") {
  test::StoreFile f;
  {
    std::ofstream out(f.path);
    out << "this is not SQLite, it is a note somebody saved here by mistake, long enough to fill a header page...";
  }
  auto s = store::LocalStore::Open(f.path, f.key);
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().code == domain::ErrorCode::kIo);
  CHECK(s.error().detail.find(f.path) != std::string::npos);
}

TEST_CASE("a store of schema version 1 is migrated: its retrievals open, without missing kinds") {
  test::StoreFile f;
  {
    auto s = f.Open();
    const auto id = s->patients().Save(test::SyntheticPatient("999991000", "J. Jansen")).value();
    store::CachedRetrieval r;
    r.patientId = id;
    r.retrievedAt = boost::posix_time::second_clock::universal_time();
    store::CachedSource gp;
    gp.outcome.source = {"gp", domain::SourceKind::kGeneralPractitioner, "Huisarts"};
    gp.outcome.status = domain::SourceStatus::kData;
    r.sources = {gp};
    REQUIRE(s->retrievals().Save(r).ok());
    // Back to the file as version 1 wrote it.
    REQUIRE(s->database().Execute("DROP TABLE amo_imports").ok());
    REQUIRE(s->database().Execute("DROP TABLE report_sends").ok());
    REQUIRE(s->database().Execute("DROP TABLE reports").ok());
    REQUIRE(s->database().Execute("DROP TABLE outbox").ok());
    REQUIRE(s->database().Execute("DROP TABLE drafts").ok());
    REQUIRE(s->database().Execute("ALTER TABLE retrieval_sources DROP COLUMN phone").ok());
    REQUIRE(s->database().Execute("ALTER TABLE retrieval_sources DROP COLUMN missing").ok());
    REQUIRE(s->database().Execute("PRAGMA user_version = 1").ok());
  }
  auto again = f.Open();
  auto latest = again->retrievals().Latest(1);
  REQUIRE(latest.ok());
  REQUIRE(latest.value());
  CHECK(latest.value()->sources.at(0).outcome.status == domain::SourceStatus::kData);
  CHECK(latest.value()->sources.at(0).outcome.missing.empty());
  CHECK(latest.value()->sources.at(0).outcome.source.phone.empty());
}

TEST_CASE("the database and its WAL files are the user's alone, whatever the umask") {
  test::StoreFile f;
  const mode_t old = ::umask(022);
  {
    auto s = f.Open();
    REQUIRE(s->patients().Save(test::SyntheticPatient("999991000", "J. Jansen")).ok());
    namespace fs = std::filesystem;
    for (const std::string suffix : {"", "-wal", "-shm"}) {
      INFO("zorgbrug.db" << suffix);
      REQUIRE(fs::exists(f.path + suffix));
      CHECK((fs::status(f.path + suffix).permissions() & fs::perms::all) ==
            (fs::perms::owner_read | fs::perms::owner_write));
    }
  }
  ::umask(old);
}
