// SPDX-License-Identifier: GPL-3.0-or-later
// The outbox of releases: queued in the same transaction that ends the drafts, sealed, never
// queued twice, due again only after its back-off, and kept across reopening.
#include "store_fixture.h"

using namespace zb;

namespace {

domain::Instant At(int hour, int minute) {
  return domain::Instant(domain::Date(2026, 12, 2),
                         boost::posix_time::hours(hour) + boost::posix_time::minutes(minute));
}

store::OutboxItem Item(std::int64_t patient, const std::string& identifier, const std::string& target) {
  store::OutboxItem o;
  o.patientId = patient;
  o.release = "release-1";
  o.bundleIdentifier = identifier;
  o.target = target;
  o.receiverUra = "90000402";
  o.receiverName = "Apotheek Centrum";
  o.author = {"900012345", "A. de Vries", "01.047", "90000380"};
  o.createdAt = o.updatedAt = At(10, 0);
  o.bundle = R"({"resourceType":"Bundle","secret-marker":"furosemide-release"})";
  o.lines = "1 MA, 0 VV";
  return o;
}

store::StoredDraft Draft(std::int64_t patient) {
  store::StoredDraft d;
  d.patientId = patient;
  d.author = {"900012345", "A. de Vries", "01.047", "90000380"};
  d.updatedAt = At(9, 0);
  d.payload = "start";
  return d;
}

}  // namespace

TEST_CASE("a release is queued sealed in the transaction that ends its drafts, and never twice") {
  test::StoreFile f;
  std::int64_t jansen = 0, draft = 0;
  std::vector<std::int64_t> ids;
  {
    auto s = f.Open();
    jansen = s->patients().Save(test::SyntheticPatient("999991000", "J. Jansen")).value();
    draft = s->drafts().Save(Draft(jansen)).value();
    auto queued = s->outbox().Enqueue(
        {Item(jansen, "urn:oid:2.999.4|b-1", "pharmacy"), Item(jansen, "urn:oid:2.999.4|b-2", "care-record")}, {draft});
    REQUIRE(queued.ok());
    ids = queued.value();
    CHECK(s->drafts().List(jansen).value().empty());
    // The same Bundle again: refused, and nothing changes (the draft below stays a draft).
    const auto again = s->drafts().Save(Draft(jansen)).value();
    auto twice = s->outbox().Enqueue({Item(jansen, "urn:oid:2.999.4|b-1", "pharmacy")}, {again});
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.error().code == domain::ErrorCode::kInconsistent);
    CHECK(s->drafts().List(jansen).value().size() == 1);
    // A draft that is gone meanwhile: nothing is queued.
    auto gone = s->outbox().Enqueue({Item(jansen, "urn:oid:2.999.4|b-3", "pharmacy")}, {again + 100});
    REQUIRE_FALSE(gone.ok());
    CHECK(s->outbox().List(jansen).value().size() == 2);
  }
  CHECK(test::RawFiles(f.path).find("furosemide-release") == std::string::npos);

  auto s = f.Open();
  auto list = s->outbox().List(jansen).value();
  REQUIRE(list.size() == 2);
  CHECK(list[0].bundle == R"({"resourceType":"Bundle","secret-marker":"furosemide-release"})");
  CHECK(list[0].state == store::OutboxState::kQueued);
  CHECK(list[0].target == "pharmacy");
  CHECK(s->outbox().Pending(At(10, 0)).value().size() == 2);

  // Sending, then a transient failure: due again only at its next attempt.
  REQUIRE(s->outbox().Mark(ids[0], store::OutboxState::kSending, 1, std::nullopt, "", At(10, 1)).ok());
  REQUIRE(s->outbox().Mark(ids[0], store::OutboxState::kRetry, 1, At(10, 2), "HTTP 503", At(10, 1)).ok());
  REQUIRE(s->outbox().Mark(ids[1], store::OutboxState::kDelivered, 1, std::nullopt, "Bundle/x", At(10, 1)).ok());
  CHECK(s->outbox().Pending(At(10, 1)).value().empty());
  const auto due = s->outbox().Pending(At(10, 2)).value();
  REQUIRE(due.size() == 1);
  CHECK(due[0].answer == "HTTP 503");
  CHECK(due[0].attempts == 1);
  // A POST under way when the program stopped stays due (to be looked up first).
  REQUIRE(s->outbox().Mark(ids[0], store::OutboxState::kSending, 2, std::nullopt, "", At(10, 2)).ok());
  CHECK(s->outbox().Pending(At(10, 2)).value().size() == 1);
  CHECK_FALSE(s->outbox().Mark(999, store::OutboxState::kDelivered, 1, std::nullopt, "", At(10, 3)).ok());
}

TEST_CASE("a pharmacy release waits for its processing answer, which is kept sealed with it") {
  test::StoreFile f;
  std::int64_t jansen = 0;
  std::vector<std::int64_t> ids;
  {
    auto s = f.Open();
    jansen = s->patients().Save(test::SyntheticPatient("999991000", "J. Jansen")).value();
    ids = s->outbox()
              .Enqueue(
                  {Item(jansen, "urn:oid:2.999.4|p-1", "pharmacy"), Item(jansen, "urn:oid:2.999.4|p-2", "care-record")},
                  {})
              .value();
    // Not delivered yet: nothing to wait for.
    CHECK(s->outbox().AwaitingProcessing(At(10, 1)).value().empty());
    for (const auto id : ids)
      REQUIRE(s->outbox().Mark(id, store::OutboxState::kDelivered, 1, {}, "ok", At(10, 1)).ok());
    // Only the pharmacy's Bundle gets a processing answer; the home's record sends none.
    auto waiting = s->outbox().AwaitingProcessing(At(10, 1)).value();
    REQUIRE(waiting.size() == 1);
    CHECK(waiting[0].id == ids[0]);
    // Asked without an answer: not due again before the time set.
    REQUIRE(s->outbox().AskProcessingAgainAt(ids[0], At(10, 5)).ok());
    CHECK(s->outbox().AwaitingProcessing(At(10, 4)).value().empty());
    CHECK(s->outbox().AwaitingProcessing(At(10, 5)).value().size() == 1);
    REQUIRE(s->outbox().MarkProcessed(ids[0], "TA\tx|y\tparacetamol-answer\t\t\t\n", At(10, 30)).ok());
    CHECK(s->outbox().AwaitingProcessing(At(12, 0)).value().empty());
    CHECK_FALSE(s->outbox().MarkProcessed(ids[0] + 10, "TA", At(10, 30)).ok());
  }
  CHECK(test::RawFiles(f.path).find("paracetamol-answer") == std::string::npos);
  auto s = f.Open();
  const auto item = s->outbox().Get(ids[0]).value();
  REQUIRE(item);
  CHECK(item->processedAt == At(10, 30));
  CHECK(item->processing == "TA\tx|y\tparacetamol-answer\t\t\t\n");
  // A later mark (the state) keeps the answer.
  REQUIRE(s->outbox().Mark(ids[0], store::OutboxState::kDelivered, 1, {}, "ok", At(11, 0)).ok());
  CHECK(s->outbox().Get(ids[0]).value()->processing == "TA\tx|y\tparacetamol-answer\t\t\t\n");
  CHECK_FALSE(s->outbox().Get(ids[1]).value()->processedAt);
}
