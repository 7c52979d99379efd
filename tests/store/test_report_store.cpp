// SPDX-License-Identifier: GPL-3.0-or-later
// On-call reports in the store: sealed, kept across reopening; a draft may be rewritten, a signed
// version never (by the store and by the database itself), and the versions of a report stay side
// by side (waarneem.md B-R1, B-R2).
#include "store_fixture.h"

using namespace zb;

namespace {

domain::Instant At(int hour, int minute) {
  return domain::Instant(domain::Date(2026, 12, 2),
                         boost::posix_time::hours(hour) + boost::posix_time::minutes(minute));
}

store::StoredReport Report(std::int64_t patient, const std::string& id, const std::string& payload) {
  store::StoredReport r;
  r.reportId = id;
  r.patientId = patient;
  r.status = "draft";
  r.author = {"900099994", "M. de Wit", "01.047", "90000380"};
  r.updatedAt = At(2, 20);
  r.payload = payload;
  return r;
}

}  // namespace

TEST_CASE("on-call reports are stored sealed, a draft is rewritten and a signed version is frozen") {
  test::StoreFile f;
  std::int64_t jansen = 0, visser = 0;
  {
    auto s = f.Open();
    jansen = s->patients().Save(test::SyntheticPatient("999991000", "J. Jansen")).value();
    visser = s->patients().Save(test::SyntheticPatient("999900109", "W. Visser")).value();
    REQUIRE(s->reports().Save(Report(jansen, "r-1", "gevallen-marker-draft")).ok());
    auto edit = Report(jansen, "r-1", "gevallen-marker-edited");
    edit.updatedAt = At(2, 40);
    REQUIRE(s->reports().Save(edit).ok());
    REQUIRE(s->reports().Save(Report(visser, "r-2", "koorts")).ok());
    // Another patient's report id is refused, not overwritten.
    auto stolen = s->reports().Save(Report(visser, "r-1", "x"));
    REQUIRE_FALSE(stolen);
    CHECK(stolen.error().code == domain::ErrorCode::kInconsistent);

    auto sign = Report(jansen, "r-1", "gevallen-marker-signed");
    sign.status = "final";
    sign.updatedAt = At(3, 5);
    auto noDocument = s->reports().Save(sign);
    REQUIRE_FALSE(noDocument);  // a signed version without its frozen document
    sign.signedAt = At(3, 5);
    sign.document = R"({"resourceType":"Bundle","type":"document","marker":"frozen-document"})";
    REQUIRE(s->reports().Save(sign).ok());
  }
  const auto raw = test::RawFiles(f.path);
  CHECK(raw.find("gevallen-marker") == std::string::npos);
  CHECK(raw.find("frozen-document") == std::string::npos);

  auto s = f.Open();
  auto list = s->reports().List(jansen);
  REQUIRE(list);
  REQUIRE(list->size() == 1);
  const auto& r = list->front();
  CHECK(r.status == "final");
  CHECK(r.payload == "gevallen-marker-signed");
  CHECK(r.document.find("frozen-document") != std::string::npos);
  CHECK(r.createdAt == At(2, 20));  // the first save's time is kept
  CHECK(r.signedAt == At(3, 5));
  CHECK(r.author.name == "M. de Wit");

  auto again = Report(jansen, "r-1", "changed after signing");
  auto refused = s->reports().Save(again);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == domain::ErrorCode::kInconsistent);
  CHECK_THAT(refused.error().detail, Catch::Contains("write a correction"));
  auto removed = s->reports().RemoveDraft("r-1");
  REQUIRE_FALSE(removed);
  CHECK_THAT(removed.error().detail, Catch::Contains("never removed"));
  // Below the store, the database refuses to change a signed row too.
  CHECK_FALSE(s->database().Execute("UPDATE reports SET status = 'draft' WHERE report_id = 'r-1'").ok());
  CHECK(s->reports().Get("r-1").value()->payload == "gevallen-marker-signed");

  // A correction is a version of its own, beside the signed one.
  REQUIRE(s->reports().Save(Report(jansen, "r-1b", "correction")).ok());
  CHECK(s->reports().List(jansen).value().size() == 2);
  CHECK(s->reports().RemoveDraft("r-1b").value());
  CHECK_FALSE(s->reports().RemoveDraft("r-1b").value());
  CHECK(s->reports().List(visser).value().size() == 1);
  CHECK_FALSE(s->reports().Get("absent").value());
}
