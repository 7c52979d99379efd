// SPDX-License-Identifier: GPL-3.0-or-later
// Medication drafts in the store: sealed, one per treatment line, kept across reopening, removed
// with their patient.
#include "store_fixture.h"

using namespace zb;

namespace {

domain::Instant At(int hour, int minute) {
  return domain::Instant(domain::Date(2026, 12, 2),
                         boost::posix_time::hours(hour) + boost::posix_time::minutes(minute));
}

store::StoredDraft Draft(std::int64_t patient, const std::string& treatment, const std::string& payload) {
  store::StoredDraft d;
  d.patientId = patient;
  d.treatment = treatment;
  d.author = {"900012345", "A. de Vries", "01.047", "90000380"};
  d.updatedAt = At(10, 15);
  d.payload = payload;
  return d;
}

}  // namespace

TEST_CASE("drafts are stored sealed, listed per patient and read back exactly after reopening") {
  test::StoreFile f;
  std::int64_t jansen = 0, visser = 0, stop = 0;
  {
    auto s = f.Open();
    jansen = s->patients().Save(test::SyntheticPatient("999991000", "J. Jansen")).value();
    visser = s->patients().Save(test::SyntheticPatient("999900109", "W. Visser")).value();
    auto id = s->drafts().Save(Draft(jansen, "urn:oid:2.16.840.1.113883.2.4.3.11.999.35|MBH-OMEPRAZOL-77",
                                     R"({"action":"stop","secret-marker":"omeprazol-stop-draft"})"));
    REQUIRE(id.ok());
    stop = id.value();
    REQUIRE(s->drafts().Save(Draft(jansen, "", "start one")).ok());
    REQUIRE(s->drafts().Save(Draft(jansen, "", "start two")).ok());  // several new starts may exist
    REQUIRE(s->drafts().Save(Draft(visser, "urn:oid:2.16.840.1.113883.2.4.3.11.999.35|MBH-OMEPRAZOL-77", "x")).ok());
  }
  const auto raw = test::RawFiles(f.path);
  CHECK(raw.find("omeprazol-stop-draft") == std::string::npos);
  CHECK(raw.find("MBH-OMEPRAZOL-77") == std::string::npos);

  auto s = f.Open();
  auto list = s->drafts().List(jansen);
  REQUIRE(list.ok());
  REQUIRE(list.value().size() == 3);
  const auto& first = list.value().front();
  CHECK(first.id == stop);
  CHECK(first.treatment == "urn:oid:2.16.840.1.113883.2.4.3.11.999.35|MBH-OMEPRAZOL-77");
  CHECK(first.payload == R"({"action":"stop","secret-marker":"omeprazol-stop-draft"})");
  CHECK(first.author.name == "A. de Vries");
  CHECK(first.author.roleCode == "01.047");
  CHECK_FALSE(first.proposal);
  CHECK(first.createdAt == At(10, 15));
  CHECK(s->drafts().List(visser).value().size() == 1);

  // Edited: same id, new text and author, created time kept.
  auto edited = first;
  edited.payload = "changed";
  edited.author = {"900055555", "B. Secretaresse", "01.000", "90000380"};
  edited.proposal = true;
  edited.updatedAt = At(11, 0);
  REQUIRE(s->drafts().Save(edited).value() == stop);
  auto again = s->drafts().Get(stop).value().value();
  CHECK(again.payload == "changed");
  CHECK(again.proposal);
  CHECK(again.createdAt == first.createdAt);
  CHECK(again.updatedAt == edited.updatedAt);

  // One draft per treatment line.
  auto second = s->drafts().Save(Draft(jansen, first.treatment, "another"));
  REQUIRE_FALSE(second.ok());
  CHECK(second.error().code == domain::ErrorCode::kInconsistent);
  CHECK(second.error().detail.find("draft " + std::to_string(stop)) != std::string::npos);

  // An edit of a draft that is gone, or of another patient's draft, is refused.
  auto foreign = first;
  foreign.patientId = visser;
  foreign.treatment = "";
  CHECK(s->drafts().Save(foreign).error().code == domain::ErrorCode::kMissing);

  CHECK(s->drafts().Remove(stop).value());
  CHECK_FALSE(s->drafts().Remove(stop).value());
  CHECK_FALSE(s->drafts().Get(stop).value());
  auto gone = first;
  CHECK(s->drafts().Save(gone).error().code == domain::ErrorCode::kMissing);

  // The audit trail names a treatment by a keyed fingerprint: stable, distinct, not the MBH.
  const auto print = s->drafts().TreatmentFingerprint(first.treatment);
  CHECK(print.rfind("t:", 0) == 0);
  CHECK(print.size() == 18);
  CHECK(print == s->drafts().TreatmentFingerprint(first.treatment));
  CHECK(print != s->drafts().TreatmentFingerprint("urn:oid:2.16.840.1.113883.2.4.3.11.999.35|MBH-OMEPRAZOL-78"));
  CHECK(print.find("OMEPRAZOL") == std::string::npos);

  // The patient's removal takes his drafts along.
  REQUIRE(s->patients().Remove(jansen).ok());
  CHECK(s->drafts().List(jansen).value().empty());
}

TEST_CASE("a draft copied into another row does not open") {
  test::StoreFile f;
  auto s = f.Open();
  const auto p = s->patients().Save(test::SyntheticPatient("999991000", "J. Jansen")).value();
  const auto a = s->drafts().Save(Draft(p, "sys|A", "payload A")).value();
  const auto b = s->drafts().Save(Draft(p, "sys|B", "payload B")).value();
  REQUIRE(s->database()
              .Execute("UPDATE drafts SET record = (SELECT record FROM drafts WHERE id = " + std::to_string(a) +
                       ") WHERE id = " + std::to_string(b))
              .ok());
  auto read = s->drafts().Get(b);
  REQUIRE_FALSE(read.ok());
  auto list = s->drafts().List(p);
  REQUIRE_FALSE(list.ok());
}
