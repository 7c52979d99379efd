// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "builders.h"
#include "domain/dosage.h"

using namespace zb::domain;
using zb::test::Daily;

TEST_CASE("Daily amounts: a frequency and named times with the same amount are equal", "[dosage]") {
  Dosage perDay = Daily(1, "1");
  Dosage atNine = Daily(1, "1");
  atNine.timing = Timing{};
  atNine.timing.timeOfDay = {"09:00:00"};
  CHECK(DailyAmountKey({perDay}) == DailyAmountKey({atNine}));
  CHECK(DosageKey({perDay}) != DosageKey({atNine}));  // the full key still sees the difference
}

TEST_CASE("Daily amounts differ for another dose, frequency, route or as-needed use", "[dosage]") {
  const auto base = DailyAmountKey({Daily(1, "1")});
  CHECK(DailyAmountKey({Daily(1, "2")}) != base);
  CHECK(DailyAmountKey({Daily(2, "1")}) != base);
  Dosage rectal = Daily(1, "1");
  rectal.route.codings = {{std::string(systems::kGstdRoute), "12", "Rectaal"}};
  CHECK(DailyAmountKey({rectal}) != base);
  Dosage prn = Daily(1, "1");
  prn.asNeeded = true;
  CHECK(DailyAmountKey({prn}) != base);
}

TEST_CASE("Twice daily 1 equals two lines morning and evening of 1", "[dosage]") {
  const Dosage morning = zb::test::PartOfDay("MORN", "1");
  const Dosage evening = zb::test::PartOfDay("EVE", "1");
  CHECK(DailyAmountKey({Daily(2, "1")}) == DailyAmountKey({morning, evening}));
}

TEST_CASE("Weekly and hourly periods convert to per day", "[dosage]") {
  Dosage weekly = Daily(1, "7");
  weekly.timing.periodUnit = "wk";
  CHECK(DailyAmountKey({weekly}) == DailyAmountKey({Daily(1, "1")}));
  Dosage every8h = Daily(1, "1");
  every8h.timing.period = 8;
  every8h.timing.periodUnit = "h";
  CHECK(DailyAmountKey({every8h}) == DailyAmountKey({Daily(3, "1")}));
}
