// SPDX-License-Identifier: GPL-3.0-or-later
// Pharmacy reach: the own pharmacy read from the newest dispense request or dispense, the roster's
// windows in Dutch civil time (past midnight, summer and winter time), and what the draft editor
// offers when the own pharmacy is closed.
#include <catch2/catch.hpp>

#include "domain/pharmacy_roster.h"
#include "present/pharmacy_texts.h"

using namespace zb::domain;

namespace {

Instant Utc(const char* iso) { return DateTime::Parse(iso).value().Earliest(); }

RosterPharmacy Vaart() {
  RosterPharmacy p;
  p.name = "Apotheek De Vaart";
  p.phone = "030-0000471";
  p.windows = {{{1, 2, 3, 4, 5}, 8 * 60, 17 * 60 + 30}, {{6}, 10 * 60, 13 * 60}};
  return p;
}

RosterPharmacy Duty() {
  RosterPharmacy p;
  p.name = "Dienstapotheek Utrecht Stad";
  p.identifier = Coding{std::string(systems::kAgb), "06000490", ""};
  p.onDuty = true;
  p.courier = true;
  p.phone = "030-0000490";
  p.windows = {{{1, 2, 3, 4, 5}, 17 * 60 + 30, 8 * 60}, {{6, 7}, 0, 24 * 60}};
  return p;
}

MedicationData Dispensed(const std::string& pharmacy, const char* when) {
  MedicationData data;
  MedicationDispense mve;
  mve.h.kind = BlockKind::kMedicationDispense;
  mve.h.id = {"urn:oid:2.999.1", std::string("mve-") + when};
  mve.h.source = "apotheek";
  mve.h.registered = DateTime::Parse(when).value();
  mve.h.author = Actor{pharmacy, std::nullopt};
  data.dispenses.push_back(mve);
  return data;
}

}  // namespace

TEST_CASE("the own pharmacy is the one of the newest dispense request or dispense that names one") {
  auto data = Dispensed("Apotheek De Vaart", "2026-11-12T10:00:00+01:00");
  data.Append(Dispensed("Apotheek Overvecht", "2026-10-01T10:00:00+02:00"));
  DispenseRequest vv;
  vv.h.kind = BlockKind::kDispenseRequest;
  vv.h.id = {"urn:oid:2.999.2", "vv-1"};
  vv.h.source = "ziekenhuis";
  vv.h.registered = DateTime::Parse("2026-11-20T09:00:00+01:00").value();
  vv.performer = Actor{"Apotheek Centrum", Coding{std::string(systems::kUra), "90000402", ""}};
  auto own = FindOwnPharmacy(data);
  REQUIRE(own);
  CHECK(own->pharmacy.display == "Apotheek De Vaart");
  CHECK(own->from == BlockKind::kMedicationDispense);
  data.dispenseRequests.push_back(vv);
  own = FindOwnPharmacy(data);
  REQUIRE(own);
  CHECK(own->pharmacy.display == "Apotheek Centrum");
  CHECK(own->block.value == "vv-1");
  CHECK(own->source == "ziekenhuis");
  // A cancelled request names nobody's pharmacy.
  data.dispenseRequests.back().cancelled = true;
  CHECK(FindOwnPharmacy(data)->pharmacy.display == "Apotheek De Vaart");
  CHECK_FALSE(FindOwnPharmacy(MedicationData{}));
}

TEST_CASE("roster windows are Dutch wall-clock time, also past midnight and across summer time") {
  const PharmacyRoster roster({Vaart(), Duty()}, Date(2026, 12, 1));
  // Thursday 03-12-2026 10:00 CET = 09:00 UTC: the own pharmacy is open, the duty pharmacy not.
  auto open = roster.OpenAt(Utc("2026-12-03T09:00:00Z"));
  REQUIRE(open.size() == 1);
  CHECK(open[0]->name == "Apotheek De Vaart");
  // Thursday 17:29 local: still the own pharmacy; 17:30 the duty pharmacy takes over.
  CHECK(roster.OpenAt(Utc("2026-12-03T16:29:00Z"))[0]->name == "Apotheek De Vaart");
  open = roster.OpenAt(Utc("2026-12-03T16:30:00Z"));
  REQUIRE(open.size() == 1);
  CHECK(open[0]->name == "Dienstapotheek Utrecht Stad");
  // Friday 03:00 local: the window of Thursday evening runs on past midnight.
  CHECK(roster.OpenAt(Utc("2026-12-04T02:00:00Z")).size() == 1);
  // Monday 03:00 local is Sunday night's: the weekend window (all of Sunday) ended at midnight, and
  // Monday's evening window has not started; the Sunday-night gap the roster really has is shown.
  CHECK(roster.OpenAt(Utc("2026-12-07T02:00:00Z")).empty());
  // Saturday 11:00 local: both, the duty pharmacy first.
  open = roster.OpenAt(Utc("2026-12-05T10:00:00Z"));
  REQUIRE(open.size() == 2);
  CHECK(open[0]->onDuty);
  // Summer time: Wednesday 01-07-2026 08:00 local is 06:00 UTC (CEST), not 07:00.
  CHECK(roster.OpenAt(Utc("2026-07-01T06:00:00Z"))[0]->name == "Apotheek De Vaart");
  CHECK(roster.OpenAt(Utc("2026-07-01T05:59:00Z"))[0]->name == "Dienstapotheek Utrecht Stad");
}

TEST_CASE("at night the own pharmacy is closed: warned about, and the duty pharmacy is offered after it") {
  const PharmacyRoster roster({Vaart(), Duty()}, Date(2026, 12, 1));
  const auto data = Dispensed("apotheek de vaart", "2026-11-12T10:00:00+01:00");  // found by name, any case
  const auto night = ReachAt(data, roster, Utc("2026-12-03T02:00:00Z"));
  REQUIRE(night.ownEntry);
  CHECK_FALSE(night.ownOpen);
  CHECK(night.Warn());
  const auto choices = night.Choices();
  REQUIRE(choices.size() == 2);
  CHECK(choices[0].display == "Apotheek De Vaart");
  CHECK(choices[1].display == "Dienstapotheek Utrecht Stad");
  CHECK(choices[1].identifier->code == "06000490");
  const std::string warning = zb::present::ClosedWarning(night);
  CHECK_THAT(warning, Catch::Contains("Apotheek De Vaart") && Catch::Contains("ma-vr 08:00–17:30") &&
                          Catch::Contains("za 10:00–13:00"));
  CHECK_THAT(zb::present::OwnPharmacyText(night, {{"apotheek", "Apotheek De Vaart"}}),
             Catch::Contains("nu gesloten") && Catch::Contains("12-11-2026") && Catch::Contains("030-0000471"));
  CHECK_THAT(zb::present::OpenNowText(night, roster), Catch::Contains("Dienstapotheek Utrecht Stad") &&
                                                          Catch::Contains("030-0000490") &&
                                                          Catch::Contains("bezorgt") && Catch::Contains("01-12-2026"));

  const auto day = ReachAt(data, roster, Utc("2026-12-03T09:00:00Z"));
  CHECK(day.ownOpen);
  CHECK_FALSE(day.Warn());
  CHECK(zb::present::ClosedWarning(day).empty());
  // Not on the roster: no warning can be given, and the text says only what the data says.
  const auto unknown =
      ReachAt(Dispensed("Apotheek Elders", "2026-11-12T10:00:00+01:00"), roster, Utc("2026-12-03T02:00:00Z"));
  CHECK_FALSE(unknown.ownEntry);
  CHECK_FALSE(unknown.Warn());
  CHECK(unknown.Choices().front().display == "Apotheek Elders");
}

TEST_CASE("roster days and clock times are read strictly") {
  CHECK(ParseDays("ma-vr") == std::vector<int>{1, 2, 3, 4, 5});
  CHECK(ParseDays("za, zo") == std::vector<int>{6, 7});
  CHECK(ParseDays("Dagelijks")->size() == 7);
  CHECK(ParseDays("ma,wo-vr") == std::vector<int>{1, 3, 4, 5});
  CHECK_FALSE(ParseDays("vr-ma"));
  CHECK_FALSE(ParseDays("maandag"));
  CHECK_FALSE(ParseDays(""));
  CHECK(ParseClock("08:00") == 480);
  CHECK(ParseClock("24:00") == 1440);
  CHECK(ParseClock("17:30:00") == 1050);
  CHECK_FALSE(ParseClock("24:30"));
  CHECK_FALSE(ParseClock("8:00"));
  CHECK_FALSE(ParseClock("08:60"));
  CHECK(WindowText({{1, 2, 3, 4, 5}, 480, 1050}) == "ma-vr 08:00–17:30");
  CHECK(WindowText({{6, 7}, 0, 1440}) == "za,zo 00:00–24:00");
}
