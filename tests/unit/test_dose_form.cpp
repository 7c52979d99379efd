// SPDX-License-Identifier: GPL-3.0-or-later
// The draft's dose editor: the form becomes one MP9 Dosage line and the dose in MP9's words. The
// expected words are those of the Nictiz fixtures (mp9-fixtures-json), where the same dose occurs.
#include <catch2/catch.hpp>

#include "domain/dose_form.h"
#include "present/dose_texts.h"

using namespace zb::domain;

namespace {

Concept Route(const std::string& display) { return Concept{{{std::string(systems::kGstdRoute), "9", display}}, ""}; }

DoseForm Form(const std::string& amount, int perDay, const std::string& route = "Oraal") {
  DoseForm f;
  f.amount = amount;
  f.unit = "stuk";
  f.timesPerDay = perDay;
  f.route = Route(route);
  return f;
}

}  // namespace

TEST_CASE("the dose in MP9's words, as the Nictiz fixtures write the same doses") {
  CHECK(RenderDose(Form("1", 3)) == "3 maal per dag 1 stuk, Oraal");
  CHECK(RenderDose(Form("0.5", 2, "oraal")) == "2 maal per dag 0.5 stuk, oraal");
  auto everyOther = Form("2", 1);
  everyOther.everyDays = 2;
  CHECK(RenderDose(everyOther) == "1 maal per 2 dagen 2 stuks, Oraal");
  auto course = Form("1", 3, "oraal");
  course.durationDays = 4;
  CHECK(RenderDose(course) == "gedurende 4 dagen 3 maal per dag 1 stuk, oraal");
  auto times = Form("1", 0, "oraal");
  times.timesOfDay = {"08:00", "14:00", "20:00"};
  CHECK(RenderDose(times) == "elke dag om 08:00, 14:00 en 20:00 1 stuk, oraal");
  auto asNeeded = Form("1", 1);
  asNeeded.asNeeded = true;
  CHECK(RenderDose(asNeeded) == "Zo nodig 1 maal per dag 1 stuk, Oraal");
  // Fixture: "Bij hoest 1 à 2 stuks , maximaal 6 stuks per dag, oraal" (its stray space not copied).
  auto cough = Form("1", 0, "oraal");
  cough.amountMax = "2";
  cough.asNeeded = true;
  cough.asNeededCondition =
      Concept{{{"https://referentiemodel.nhg.org/tabellen/nhg-tabel-25-gebruiksvoorschrift#aanvullend-numeriek", "1020",
                "Bij hoest"}},
              ""};
  cough.maxPerDay = "6";
  CHECK(RenderDose(cough) == "Bij hoest 1 à 2 stuks, maximaal 6 stuks per dag, oraal");
  auto drops = Form("1", 2, "oculair");
  drops.unit = "303";
  CHECK(RenderDose(drops) == "2 maal per dag 1 druppel, oculair");
}

TEST_CASE("the form becomes one Dosage line with MP9's units and timing") {
  auto form = Form("1", 3);
  form.durationDays = 14;
  auto dosage = ToDosage(form);
  REQUIRE(dosage.ok());
  REQUIRE(dosage->size() == 1);
  const auto& d = dosage->front();
  CHECK(d.timing.frequency == 3);
  CHECK(d.timing.period == 1.0);
  CHECK(d.timing.periodUnit == "d");
  CHECK(d.timing.boundsDuration == Duration{14, "d"});
  REQUIRE(d.doseAndRate.size() == 1);
  const auto& q = *d.doseAndRate[0].dose;
  CHECK(q.decimal == "1");
  CHECK(q.unit == "stuk");
  CHECK(q.system == systems::kUcum);
  CHECK(q.code == "1");
  CHECK(q.gstdUnit->code == "245");
  CHECK(q.gstdUnit->system == systems::kGstdUnit);
  CHECK(d.route.Has(systems::kGstdRoute, "9"));
  // The screen's own wording of the structured line agrees with the rendered words.
  CHECK(zb::present::DescribeDosage(dosage.value()).find("3 maal per dag 1 stuk") != std::string::npos);

  auto cough = Form("1", 0);
  cough.amountMax = "2";
  cough.asNeeded = true;
  cough.maxPerDay = "6";
  cough.timesOfDay = {"22:00"};
  const auto c = ToDosage(cough).value().front();
  CHECK(c.asNeeded);
  CHECK(c.timing.timeOfDay == std::vector<std::string>{"22:00:00"});
  CHECK_FALSE(c.timing.frequency);
  CHECK(c.doseAndRate[0].doseRange->low->decimal == "1");
  CHECK(c.doseAndRate[0].doseRange->high->unit == "stuks");
  CHECK(c.maxDosePerPeriod->numerator->decimal == "6");
  CHECK(c.maxDosePerPeriod->denominator->code == "d");
}

TEST_CASE("the editor's routes are found by code or name") {
  CHECK(FindDoseRoute("9")->Has(systems::kGstdRoute, "9"));
  CHECK(FindDoseRoute("ORAAL")->Label() == "Oraal");
  CHECK(FindDoseRoute("cutaan")->Has(systems::kGstdRoute, "53"));
  CHECK_FALSE(FindDoseRoute("rectaal"));
}

TEST_CASE("the dose editor refuses what it cannot write, naming the field") {
  auto refused = [](const DoseForm& f, const std::string& field) {
    auto r = ToDosage(f);
    REQUIRE_FALSE(r.ok());
    INFO(r.error().detail);
    CHECK(r.error().detail.find("dose, " + field + ":") == 0);
  };
  refused(Form("0,5", 2), "amount");
  refused(Form("0", 2), "amount");
  refused(Form("", 2), "amount");
  auto unit = Form("1", 2);
  unit.unit = "mg";
  refused(unit, "unit");
  refused(Form("1", 0), "frequency");
  auto both = Form("1", 2);
  both.timesOfDay = {"08:00"};
  refused(both, "frequency");
  auto time = Form("1", 0);
  time.timesOfDay = {"8 uur"};
  refused(time, "time of day");
  auto max = Form("1", 2);
  max.maxPerDay = "6";
  refused(max, "maximum per day");
  auto range = Form("2", 2);
  range.amountMax = "1";
  refused(range, "upper amount");
  auto noRoute = Form("1", 2);
  noRoute.route = {};
  refused(noRoute, "route");
  auto duration = Form("1", 2);
  duration.durationDays = 0;
  refused(duration, "duration");
}
