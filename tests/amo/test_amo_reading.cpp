// SPDX-License-Identifier: GPL-3.0-or-later
// The AMO cell readers on the Dutch notations of amo.md C.3, and the identity gate (C-R1).
#include <catch2/catch.hpp>

#include "domain/amo_identity.h"
#include "domain/amo_reading.h"

namespace d = zb::domain;

namespace {

d::AmoDose Dose(const char* text) {
  const auto r = d::ReadAmoDose(text);
  INFO(text << " unread: " << r.unread);
  CHECK(r.complete);
  return r.dose;
}

}  // namespace

TEST_CASE("printed doses are read in the notations hospitals and pharmacies use", "[amo]") {
  auto dd = Dose("2 dd 1 tablet");
  CHECK(dd.perPeriod == 2);
  CHECK(dd.period == "d");
  CHECK(dd.amount == "1");
  CHECK(dd.unit == "stuk");
  CHECK(Dose("1dd1").amount == "1");
  CHECK(Dose("1dd1").unit.empty());
  auto half = Dose("\xC2\xBD-0-\xC2\xBD");  // ½-0-½
  CHECK(half.amount == "0.5");
  CHECK(half.perPeriod == 2);
  auto comma = Dose("1x elke 1 dag 0,5 tablet");
  CHECK(comma.amount == "0.5");
  CHECK(comma.perPeriod == 1);
  auto epic = Dose("1x per dag 50 mg innemen.");
  CHECK(epic.amount == "50");
  CHECK(epic.unit == "mg");
  auto nexus = Dose("1 stuk 2x elke 1 dag om 08:00:00 en 20:00:00");
  CHECK(nexus.times == std::vector<std::string>{"08:00", "20:00"});
  CHECK(nexus.perPeriod == 2);
  auto cgm = Dose("1 X PER DAG 1 TABLET");
  CHECK(cgm.perPeriod == 1);
  CHECK(cgm.unit == "stuk");
  auto zn = Dose("z.n. 1 tablet bij pijn max 3 per dag");
  CHECK(zn.asNeeded);
  CHECK(zn.condition == "bij pijn");
  CHECK(zn.maxPerDay == "3");
  CHECK(zn.perPeriod == 0);
  auto hix = Dose("1x elke 1 dag, indien nodig (Zo nodig) 1 stuk");
  CHECK(hix.asNeeded);
  CHECK(hix.perPeriod == 1);
  CHECK(Dose("vlgs schema").schedule);
  CHECK(Dose("3 dd 6 E").unit == "IE");
  CHECK(Dose("2 pufjes 2 maal daags").unit == "puf");
  CHECK(Dose("1 tablet 's avonds").perPeriod == 1);
  CHECK(Dose("1x per week 1 tablet").period == "wk");
}

TEST_CASE("a dose that does not read wholly is never a silent partial reading", "[amo]") {
  for (const char* text : {"1dd1 50 mg", "1-0-2", "2 dd 1 tablet afbouwen naar nul", "", "12,50 mg"}) {
    const auto r = d::ReadAmoDose(text);
    INFO(text);
    CHECK_FALSE(r.complete);
    CHECK_FALSE(r.unread.empty());
  }
  // A decimal amount is never taken for a time of day.
  const auto r = d::ReadAmoDose("2 dd 12,50 mg");
  CHECK(r.dose.times.empty());
  CHECK(r.dose.amount == "12.5");
}

TEST_CASE("dates, products, routes and sections are read as printed", "[amo]") {
  CHECK(d::ReadAmoDate("12 mrt 2026") == d::Date(2026, 3, 12));
  CHECK(d::ReadAmoDate("12 maart 2026") == d::Date(2026, 3, 12));
  CHECK(d::ReadAmoDate("5-3-2026") == d::Date(2026, 3, 5));
  CHECK(d::ReadAmoDate("05/03/2026") == d::Date(2026, 3, 5));
  CHECK_FALSE(d::ReadAmoDate("31-02-2026"));
  CHECK_FALSE(d::ReadAmoDate("12 xyz 2026"));

  auto hix = d::ReadAmoProduct("METOPROLOL TABLET MGA 50MG");
  CHECK(hix.name == "metoprolol");
  CHECK(hix.strength == "50 mg");
  CHECK(hix.form == "tablet mga");
  auto epic = d::ReadAmoProduct("metoPROLOL 50mg tablet");
  CHECK(epic.name == "metoprolol");
  CHECK(epic.complete);
  CHECK(d::ReadAmoProduct("ENOXAPARINE INJECTIEVLOEISTOF 40MG/0,4ML").strength == "40 mg/0.4 ml");
  CHECK(d::ReadAmoProduct("fentaNYL 12mcg/uur pleister").strength == "12 microgram/uur");
  CHECK_FALSE(d::ReadAmoProduct("oxazepam 10mg tabiet").complete);  // an OCR misread after the strength
  CHECK_FALSE(d::ReadAmoProduct("HYDROCHLOORTHIAZIDE 12,5/25").complete);

  CHECK(d::ReadAmoRoute("ORAAL") == "oraal");
  CHECK(d::ReadAmoRoute("s.c.") == "subcutaan");
  CHECK_FALSE(d::ReadAmoRoute("via de sonde"));

  CHECK(d::AmoStatusOfHeading("Ongewijzigde medicatie") == d::AmoStatus::kContinue);
  CHECK(d::AmoStatusOfHeading("GEWIJZIGD") == d::AmoStatus::kChanged);
  CHECK(d::AmoStatusOfHeading("Tijdelijk gestopt") == d::AmoStatus::kPaused);
  CHECK(d::AmoStatusOfHeading("Gestaakt") == d::AmoStatus::kStopped);
  CHECK(d::AmoStatusOfHeading("Nieuwe medicatie") == d::AmoStatus::kNew);
}

TEST_CASE("a stop is read from a date, t/m, or a duration from the start", "[amo]") {
  d::AmoLine line;
  line.statusText.text = "Nieuw";
  line.product.text = "Nitrofurantoine 50 mg capsule";
  line.dose.text = "4 dd 1 capsule";
  line.start.text = "09-11-2026";
  line.stop.text = "5 dagen";
  d::ReadAmoLine(line, 0.9);
  CHECK(line.stop.value == "2026-11-13");
  CHECK_FALSE(line.Uncertain());
  line.stop = {};
  line.stop.text = "t/m 20-11-2026";
  d::ReadAmoLine(line, 0.9);
  CHECK(line.stop.value == "2026-11-20");
  line.stop = {};
  line.stop.text = "tot 20-11-2026";  // through, or up to? the secretary decides
  d::ReadAmoLine(line, 0.9);
  CHECK(line.stop.uncertain);
  line.stop = {};
  line.stop.text = "-";
  line.dose.confidence = 0.5;  // OCR was not sure of the dose
  d::ReadAmoLine(line, 0.9);
  CHECK(line.stop.value.empty());
  CHECK(line.UncertainFields() == std::vector<std::string>{"dose"});
}

TEST_CASE("the identity gate names every field that is not the chosen patient's", "[amo]") {
  d::AmoHeader h;
  h.patientName.text = "JANSEN, A.";
  h.bsn.text = "9999.91.000";
  h.birthDate.text = "12 mrt 1938";
  d::ReadAmoHeader(h, 0.9);
  const d::Patient jansen{d::Bsn::Parse("999991000").value(), "A. Jansen", d::Date(1938, 3, 12), ""};
  CHECK(d::AmoIdentityDifferences(h, jansen).empty());
  const d::Patient boer{d::Bsn::Parse("999990019").value(), "B. de Boer", d::Date(1945, 7, 2), ""};
  const auto diff = d::AmoIdentityDifferences(h, boer);
  REQUIRE(diff.size() == 3);
  CHECK(diff[0].field == "bsn");
  CHECK(diff[0].onAmo == "******000");  // never a whole BSN in a message
  CHECK(diff[1].field == "birthDate");
  CHECK(diff[2].field == "name");
  // Same BSN and birth date, another name: still refused.
  const d::Patient other{d::Bsn::Parse("999991000").value(), "A. Janssen", d::Date(1938, 3, 12), ""};
  CHECK(d::AmoIdentityDifferences(h, other).size() == 1);
  // A BSN OCR read with a digit too many fails the 11-test: a difference, not a pass.
  h.bsn = {};
  h.bsn.text = "9999910000";
  h.bsn.confidence = 0.3;
  d::ReadAmoHeader(h, 0.9);
  CHECK(h.bsn.uncertain);
  CHECK(d::AmoIdentityDifferences(h, jansen).size() == 1);
}
