// SPDX-License-Identifier: GPL-3.0-or-later
// "What changed since the last retrieval" (domain/overview_changes.h).
#include <catch2/catch.hpp>

#include "builders.h"
#include "domain/overview_changes.h"

using namespace zb::domain;
using namespace zb::test;

namespace {

TreatmentLine Line(const std::string& mbh, TreatmentStatus status, const std::string& product = "METOPROLOL 50MG") {
  TreatmentLine line;
  line.treatment = {"urn:oid:mbh", mbh};
  line.status = status;
  line.product = SharedProduct(Prk("1", product));
  line.start = At(0);
  return line;
}

Overview Of(std::vector<TreatmentLine> lines) {
  Overview o;
  o.lines = std::move(lines);
  return o;
}

}  // namespace

TEST_CASE("New, stopped and changed lines are found by treatment, unchanged ones are not listed", "[changes]") {
  const auto before = Of({Line("same", TreatmentStatus::kCurrent), Line("stops", TreatmentStatus::kCurrent),
                          Line("dose", TreatmentStatus::kCurrent), Line("ages", TreatmentStatus::kRecentlyStopped),
                          Line("pauses", TreatmentStatus::kCurrent)});
  auto strength = Line("dose", TreatmentStatus::kCurrent, "METOPROLOL 100MG");
  auto longer = Line("same", TreatmentStatus::kCurrent);
  const auto now = Of({longer, Line("stops", TreatmentStatus::kRecentlyStopped), strength,
                       Line("ages", TreatmentStatus::kHistoric), Line("pauses", TreatmentStatus::kSuspended),
                       Line("new", TreatmentStatus::kCurrent), Line("old-history", TreatmentStatus::kHistoric)});
  const auto changes = ChangesSince(before, now);
  CHECK(changes.count("same") == 0);
  CHECK(changes.at("stops").change == LineChange::kStopped);
  CHECK(changes.at("dose").change == LineChange::kChanged);
  CHECK(changes.at("dose").product);
  CHECK_FALSE(changes.at("dose").status);
  CHECK(changes.count("ages") == 0);  // the calendar moved it to history, the record did not change
  CHECK(changes.at("pauses").change == LineChange::kChanged);
  CHECK(changes.at("pauses").status);
  CHECK(changes.at("new").change == LineChange::kNew);
  CHECK(changes.count("old-history") == 0);
  CHECK(changes.size() == 4);
}

TEST_CASE("A changed period is a change: a stop date set on a running line", "[changes]") {
  auto running = Line("a", TreatmentStatus::kCurrent);
  auto ending = running;
  ending.end = At(5);
  const auto changes = ChangesSince(Of({running}), Of({ending}));
  REQUIRE(changes.count("a") == 1);
  CHECK(changes.at("a").period);
  CHECK(ChangesSince(Of({running}), Of({running})).empty());
}
