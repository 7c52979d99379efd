// SPDX-License-Identifier: GPL-3.0-or-later
// A draft bound to the overview it was made on, and the stale-draft guard: a line the source
// changed, stopped or corrected after the draft was made is not current any more.
#include <catch2/catch.hpp>

#include "builders.h"
#include "domain/draft_binding.h"

using namespace zb::domain;
using zb::test::At;
using zb::test::Daily;
using zb::test::Day;
using zb::test::MaBuilder;

namespace {

Concept Reason(const std::string& code) { return Concept{{{std::string(systems::kSnomed), code, ""}}, ""}; }

MedicationDraft StopOf(const std::string& mbh) {
  MedicationDraft d;
  d.action = DraftAction::kStop;
  d.treatment = {"urn:oid:mbh", mbh};
  d.reason = Reason("182856006");
  return d;
}

MedicationData Hospital() {
  MedicationData data;
  data.agreements.push_back(MaBuilder("MA1", "MBH1", "ziekenhuis").Start(-5).Registered(-5));
  data.agreements.push_back(MaBuilder("MA2", "MBH2", "ziekenhuis").Start(-5).Registered(-5, 10));
  data.agreements.push_back(MaBuilder("MA3", "MBH2", "ziekenhuis").Start(-4).Registered(-4).Dose(Daily(2, "1")));
  return data;
}

}  // namespace

TEST_CASE("binding records the agreement a draft changes and its registration time") {
  const auto overview = Consolidate(Hospital(), At(0));
  auto draft = StopOf("MBH1");
  auto bound = BindDraft(draft, overview, Day(0, 12));
  REQUIRE(bound.ok());
  REQUIRE(bound.value());
  CHECK(bound.value()->h.id.value == "MA1");
  CHECK(draft.against == BlockId{"urn:oid:ma", "MA1"});
  CHECK(draft.againstRegistered == Day(-5, 9));
}

TEST_CASE("binding refuses what could not be released, naming why") {
  const auto overview = Consolidate(Hospital(), At(0));
  auto unknown = StopOf("MBH-UNKNOWN");
  CHECK(BindDraft(unknown, overview, Day(0)).error().code == ErrorCode::kMissing);

  auto parallel = StopOf("MBH2");
  auto refused = BindDraft(parallel, overview, Day(0));
  REQUIRE_FALSE(refused.ok());
  INFO(refused.error().detail);
  CHECK(refused.error().detail.find("parallel agreements") != std::string::npos);
  CHECK(refused.error().detail.find("MA2") != std::string::npos);
  CHECK(refused.error().detail.find("MA3") != std::string::npos);
  parallel.against = {"urn:oid:ma", "MA3"};
  REQUIRE(BindDraft(parallel, overview, Day(0)).ok());
  parallel.against = {"urn:oid:ma", "MA-OTHER"};
  CHECK(BindDraft(parallel, overview, Day(0)).error().detail.find("does not govern") != std::string::npos);

  auto noReason = StopOf("MBH1");
  noReason.reason = {};
  CHECK(BindDraft(noReason, overview, Day(0)).error().code == ErrorCode::kMissing);

  MedicationDraft start;
  start.action = DraftAction::kStart;
  start.treatment = {"urn:oid:mbh", "MBH1"};
  CHECK(BindDraft(start, overview, Day(0)).error().code == ErrorCode::kInconsistent);
}

TEST_CASE("a draft stays current until the source changes, stops or corrects its line") {
  auto data = Hospital();
  auto draft = StopOf("MBH1");
  REQUIRE(BindDraft(draft, Consolidate(data, At(0)), Day(0, 12)).ok());

  const auto same = Consolidate(data, At(1));
  CHECK(CheckFreshness(draft, &same).freshness == DraftFreshness::kCurrent);
  CHECK_FALSE(CheckFreshness(draft, &same).Blocks());
  CHECK(CheckFreshness(draft, nullptr).freshness == DraftFreshness::kNotAssessable);

  SECTION("the hospital changed the dose: a new agreement governs") {
    data.agreements.push_back(
        MaBuilder("MA9", "MBH1", "ziekenhuis").Start(1).Registered(1).Prior("MA1").Dose(Daily(3, "1")));
    const auto now = Consolidate(data, At(2));
    const auto s = CheckFreshness(draft, &now);
    CHECK(s.freshness == DraftFreshness::kReplaced);
    CHECK(s.Blocks());
    CHECK(s.wasAgreement.value == "MA1");
    CHECK(s.nowAgreement.value == "MA9");
    CHECK(s.nowSource == "ziekenhuis");
    CHECK(s.nowRegistered == Day(1, 9));
  }
  SECTION("the hospital added an agreement to the treatment beside the drafted one") {
    data.agreements.push_back(MaBuilder("MA7", "MBH1", "ziekenhuis").Start(1).Registered(1).Dose(Daily(3, "1")));
    const auto now = Consolidate(data, At(2));
    const auto s = CheckFreshness(draft, &now);
    CHECK(s.freshness == DraftFreshness::kReplaced);
    CHECK(s.Blocks());
    CHECK(s.nowAgreement.value == "MA7");
  }
  SECTION("the hospital stopped the line") {
    data.agreements.push_back(
        MaBuilder("MA8", "MBH1", "ziekenhuis").Start(-5).End(1).Registered(1).Prior("MA1").Stop(StopType::kStopped));
    const auto now = Consolidate(data, At(2));
    const auto s = CheckFreshness(draft, &now);
    CHECK(s.freshness == DraftFreshness::kEnded);
    CHECK(s.nowAgreement.value == "MA8");
  }
  SECTION("the same agreement was registered again (a correction)") {
    data.agreements[0].h.registered = Day(1, 8);
    const auto now = Consolidate(data, At(2));
    CHECK(CheckFreshness(draft, &now).freshness == DraftFreshness::kReregistered);
  }
  SECTION("the line is gone") {
    data.agreements.erase(data.agreements.begin());
    const auto now = Consolidate(data, At(2));
    CHECK(CheckFreshness(draft, &now).freshness == DraftFreshness::kLineMissing);
  }
  SECTION("a start has no line to go stale") {
    MedicationDraft start;
    start.action = DraftAction::kStart;
    CHECK(CheckFreshness(start, nullptr).freshness == DraftFreshness::kCurrent);
  }
}

TEST_CASE("a line that was already ended cannot get a draft") {
  auto data = Hospital();
  data.agreements.push_back(
      MaBuilder("MA8", "MBH1", "ziekenhuis").Start(-5).End(-1).Registered(-1).Prior("MA1").Stop(StopType::kStopped));
  auto draft = StopOf("MBH1");
  auto refused = BindDraft(draft, Consolidate(data, At(0)), Day(0));
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().detail.find("already ended by MA8") != std::string::npos);
}
