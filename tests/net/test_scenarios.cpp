// SPDX-License-Identifier: GPL-3.0-or-later
// Our synthetic scenario files (tests/data/mp9, tests/data/ica) through the whole path: FHIR JSON
// -> reader -> consolidation -> the status and marks a clinician should see.
#include <catch2/catch.hpp>

#include "builders.h"
#include "domain/overview.h"
#include "fixtures.h"

using namespace zb::domain;
using zb::test::DataDir;
using zb::test::Has;
using zb::test::kTestDay;
using zb::test::LineOf;
using zb::test::NoonOn;
using zb::test::ReadFhir;
using zb::test::Traced;

namespace {

MedicationData Load(std::initializer_list<std::pair<const char*, const char*>> files) {
  MedicationData data;
  for (const auto& [name, source] : files) {
    auto doc = ReadFhir(DataDir() / "mp9" / (std::string(name) + ".json"), source);
    INFO(name);
    REQUIRE(doc.ErrorCount() == 0);
    data.Append(std::move(doc.medication));
  }
  return data;
}

TreatmentStatus StatusOf(const MedicationData& data, const char* mbh, int day = 0) {
  return LineOf(Consolidate(data, NoonOn(kTestDay, day)), mbh).status;
}

}  // namespace

TEST_CASE("Scenario change: the raised dose governs from the change", "[scenario]") {
  const auto data = Load({{"change", "huisarts"}});
  const auto o = Consolidate(data, NoonOn(kTestDay));
  const auto& l = LineOf(o, "MBH_CH");
  CHECK(l.status == TreatmentStatus::kCurrent);
  REQUIRE(l.agreements.size() == 1);
  CHECK(l.agreements[0]->h.id.value == "CH_MA2");
  CHECK(l.agreements[0]->h.reason.Label() == "onvoldoende effect");
}

TEST_CASE("Scenario stop, deprecated stop code and stop without reference", "[scenario]") {
  CHECK(StatusOf(Load({{"stop", "huisarts"}}), "MBH_ST") == TreatmentStatus::kRecentlyStopped);
  CHECK(StatusOf(Load({{"stop-deprecated-code", "huisarts"}}), "MBH_SD") == TreatmentStatus::kRecentlyStopped);
  const auto data = Load({{"stop-without-reference", "huisarts"}});
  const auto o = Consolidate(data, NoonOn(kTestDay));
  CHECK(LineOf(o, "MBH_SN").status == TreatmentStatus::kRecentlyStopped);
  CHECK(Traced(LineOf(o, "MBH_SN"), TraceCode::kStopMatchedByStart));
}

TEST_CASE("Scenario suspend, cancel, future and a course", "[scenario]") {
  const auto suspend = Load({{"suspend", "ziekenhuis"}});
  CHECK(StatusOf(suspend, "MBH_SU") == TreatmentStatus::kSuspended);
  CHECK(StatusOf(suspend, "MBH_SU", 5) == TreatmentStatus::kCurrent);
  CHECK(StatusOf(Load({{"cancel", "ziekenhuis"}}), "MBH_CA") == TreatmentStatus::kCancelled);
  const auto future = Load({{"future", "ziekenhuis"}});
  CHECK(StatusOf(future, "MBH_FU") == TreatmentStatus::kFuture);
  CHECK(StatusOf(future, "MBH_FU", 11) == TreatmentStatus::kCurrent);
  const auto course = Load({{"course", "ziekenhuis"}});
  CHECK(StatusOf(course, "MBH_CO") == TreatmentStatus::kCurrent);
  CHECK(StatusOf(course, "MBH_CO", 6) == TreatmentStatus::kRecentlyStopped);
  CHECK(StatusOf(course, "MBH_CO", 60) == TreatmentStatus::kHistoric);
}

TEST_CASE("Scenario parallel GDS and non-GDS TA: both attached, in the roll, no dose discrepancy", "[scenario]") {
  const auto o = Consolidate(Load({{"parallel-ta", "apotheek"}}), NoonOn(kTestDay));
  const auto& l = LineOf(o, "MBH_PA");
  CHECK(l.administrationAgreements.size() == 2);
  CHECK(l.gds.inRoll);
  CHECK_FALSE(Has(l, DiscrepancyKind::kAdministrationDoseDiffers));
}

TEST_CASE("Scenario TA dose differs, OTC use and use not taken", "[scenario]") {
  CHECK(Has(LineOf(Consolidate(Load({{"ta-dose-differs", "apotheek"}}), NoonOn(kTestDay)), "MBH_TD"),
            DiscrepancyKind::kAdministrationDoseDiffers));
  CHECK(StatusOf(Load({{"otc-use", "apotheek"}}), "MBH_OT") == TreatmentStatus::kUseOnly);
  const auto& l = LineOf(Consolidate(Load({{"use-not-taken", "apotheek"}}), NoonOn(kTestDay)), "MBH_NT");
  CHECK(Has(l, DiscrepancyKind::kUseReportsNotUsed));
}

TEST_CASE("Scenario two sources disagree: the GP's agreement was stopped by the hospital", "[scenario]") {
  const auto o =
      Consolidate(Load({{"disagree-gp", "huisarts"}, {"disagree-hospital", "ziekenhuis"}}), NoonOn(kTestDay));
  const auto& l = LineOf(o, "MBH_DI");
  CHECK(l.status == TreatmentStatus::kRecentlyStopped);
  CHECK(Has(l, DiscrepancyKind::kSourcesDisagree));
  CHECK(l.sources == std::vector<std::string>{"huisarts", "ziekenhuis"});
}

TEST_CASE("Scenario copy indicator: the hospital's copy merges into the GP's original", "[scenario]") {
  const auto data = Load({{"copy-hospital", "ziekenhuis"}, {"copy-gp", "huisarts"}});
  REQUIRE(data.agreements.size() == 2);
  CHECK(data.agreements[0].h.copy);
  const auto& l = LineOf(Consolidate(data, NoonOn(kTestDay)), "MBH_CP");
  CHECK(l.blocks.size() == 1);
  CHECK(l.blocks[0]->source == "huisarts");
  CHECK(l.sources.size() == 2);
}

TEST_CASE("Scenario ICA: merged allergy, inactive and erroneous entries, both CI generations, surveillance, alert",
          "[scenario][ica]") {
  auto doc = ReadFhir(DataDir() / "ica" / "ica.json", "huisarts");
  REQUIRE(doc.ErrorCount() == 0);
  const auto s = SummarizeIca(doc.ica, NoonOn(kTestDay));
  REQUIRE(s.allergies.size() == 2);  // penicillin (zib + CiO, one line) and peanut; the error entry is gone
  CHECK(s.allergies[0].item.substance.Label() == "PENICILLINES");
  CHECK(s.allergies[0].current);
  CHECK_FALSE(s.allergies[1].current);
  REQUIRE(s.contraIndications.size() == 2);
  CHECK(s.contraIndications[0].current);
  CHECK_FALSE(s.contraIndications[1].current);
  REQUIRE(s.surveillanceDecisions.size() == 1);
  CHECK(s.surveillanceDecisions[0].item.safeWithin.size() == 1);
  REQUIRE(s.alerts.size() == 1);
}

TEST_CASE("The demo patient shows every status, GDS and discrepancies, each with its source", "[scenario][demo]") {
  MedicationData data;
  ConsolidationOptions opts;
  for (const char* src : {"huisarts", "apotheek", "ziekenhuis"}) {
    auto doc = ReadFhir(zb::test::DemoDir() / "jansen" / (std::string(src) + ".json"), src);
    REQUIRE(doc.ErrorCount() == 0);
    data.Append(std::move(doc.medication));
    opts.respondingSources.push_back(src);
  }
  const auto o = Consolidate(data, NoonOn(kTestDay), opts);
  for (auto s : {TreatmentStatus::kCurrent, TreatmentStatus::kFuture, TreatmentStatus::kSuspended,
                 TreatmentStatus::kRecentlyStopped, TreatmentStatus::kCancelled, TreatmentStatus::kUseOnly,
                 TreatmentStatus::kHistoric}) {
    INFO(ToString(s));
    CHECK(o.Count(s) > 0);
  }
  CHECK(o.AnyInRoll());
  CHECK(Has(LineOf(o, "MBH_JANSEN_METO"), DiscrepancyKind::kAdministrationOutdated));
  CHECK(Has(LineOf(o, "MBH_JANSEN_FURO"), DiscrepancyKind::kAdministrationAfterStop));
  CHECK(Has(LineOf(o, "MBH_JANSEN_CALC"), DiscrepancyKind::kUseReportsNotUsed));
  CHECK(Has(LineOf(o, "MBH_JANSEN_SIMVA_GP"), DiscrepancyKind::kPossibleDuplicate));
  CHECK(LineOf(o, "MBH_JANSEN_METO").gds.timing == RollTiming::kNextRollChange);
  CHECK(LineOf(o, "MBH_JANSEN_ALEN").gds.keepOutOfRoll);
  for (const auto& l : o.lines) {
    INFO(l.treatment.value);
    CHECK_FALSE(l.sources.empty());
    CHECK_FALSE(l.trace.empty());
  }
}
