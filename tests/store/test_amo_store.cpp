// SPDX-License-Identifier: GPL-3.0-or-later
// Imported AMOs in the store: sealed, listed per patient and as the open queue, read back exactly
// after reopening, never moved to another patient, removed with their patient.
#include "store_fixture.h"

using namespace zb;

namespace {

domain::Instant At(int hour) { return domain::Instant(domain::Date(2026, 12, 3), boost::posix_time::hours(hour)); }

store::StoredAmoImport Amo(std::int64_t patient, const std::string& state, const std::string& payload) {
  store::StoredAmoImport a;
  a.patientId = patient;
  a.state = state;
  a.importedBy = "900000049";
  a.updatedAt = At(9);
  a.payload = payload;
  return a;
}

}  // namespace

TEST_CASE("imported AMOs are stored sealed and make up the secretariat's open queue") {
  test::StoreFile f;
  std::int64_t jansen = 0, visser = 0, first = 0, second = 0;
  {
    auto s = f.Open();
    jansen = s->patients().Save(test::SyntheticPatient("999991000", "J. Jansen")).value();
    visser = s->patients().Save(test::SyntheticPatient("999900109", "W. Visser")).value();
    first = s->amos().Save(Amo(jansen, "imported", R"({"product":"METOPROLOL-AMO-MARKER"})")).value();
    second = s->amos().Save(Amo(visser, "imported", "visser")).value();
    REQUIRE(s->amos().Save(Amo(jansen, "accepted", "done")).ok());
  }
  CHECK(test::RawFiles(f.path).find("METOPROLOL-AMO-MARKER") == std::string::npos);

  auto s = f.Open();
  auto list = s->amos().List(jansen);
  REQUIRE(list.ok());
  REQUIRE(list.value().size() == 2);
  CHECK(list.value().front().payload == R"({"product":"METOPROLOL-AMO-MARKER"})");
  CHECK(list.value().front().importedBy == "900000049");
  CHECK(list.value().front().createdAt == At(9));
  auto open = s->amos().Open();
  REQUIRE(open.ok());
  REQUIRE(open.value().size() == 2);  // the accepted one has left the queue
  CHECK(open.value()[0].id == first);
  CHECK(open.value()[1].id == second);

  // Checked later: same id, new state and payload, created time kept.
  auto again = Amo(jansen, "checked", "checked payload");
  again.id = first;
  again.updatedAt = At(11);
  REQUIRE(s->amos().Save(again).ok());
  auto got = s->amos().Get(first);
  REQUIRE(got.ok());
  REQUIRE(got.value().has_value());
  CHECK(got.value()->state == "checked");
  CHECK(got.value()->payload == "checked payload");
  CHECK(got.value()->createdAt == At(9));
  CHECK(got.value()->updatedAt == At(11));

  // Never onto another patient, never a state outside the three.
  auto moved = again;
  moved.patientId = visser;
  CHECK_FALSE(s->amos().Save(moved).ok());
  CHECK_FALSE(s->amos().Save(Amo(jansen, "whatever", "x")).ok());
  CHECK_FALSE(s->amos().Get(99999).value().has_value());

  REQUIRE(s->patients().Remove(visser).ok());
  CHECK(s->amos().Open().value().size() == 1);
  CHECK(s->amos().List(visser).value().empty());
}
