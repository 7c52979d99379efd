// SPDX-License-Identifier: GPL-3.0-or-later
// Status rules of the medication-overview consolidation (docs/consolidation.md).
#include <catch2/catch.hpp>

#include "builders.h"
#include "domain/overview.h"

using namespace zb::domain;
using namespace zb::test;

namespace {
Overview Run(const MedicationData& data, int day) { return Consolidate(data, At(day)); }
}  // namespace

TEST_CASE("An open-ended agreement is current after its start and future before it", "[consolidation]") {
  MedicationData data;
  data.agreements.push_back(MaBuilder("MA1", "MBH1").Start(-10).Registered(-10));
  CHECK(LineOf(Run(data, 0), "MBH1").status == TreatmentStatus::kCurrent);
  CHECK(LineOf(Run(data, -11), "MBH1").status == TreatmentStatus::kFuture);
  CHECK_FALSE(LineOf(Run(data, 0), "MBH1").end.has_value());
}

TEST_CASE("A course with a duration is current, then recently stopped, then historic", "[consolidation]") {
  MedicationData data;
  data.agreements.push_back(MaBuilder("MA1", "MBH1").Start(-3).Days(7).Registered(-3));
  CHECK(LineOf(Run(data, 0), "MBH1").status == TreatmentStatus::kCurrent);
  const auto after = Run(data, 10);
  CHECK(LineOf(after, "MBH1").status == TreatmentStatus::kRecentlyStopped);
  CHECK(Traced(LineOf(after, "MBH1"), TraceCode::kEndsNaturally));
  CHECK(LineOf(Run(data, 40), "MBH1").status == TreatmentStatus::kHistoric);
}

TEST_CASE("Change pattern: technical stop plus new agreement, the new dose governs", "[consolidation][change]") {
  MedicationData data;
  data.agreements.push_back(MaBuilder("MA1", "MBH1").Start(-30).Registered(-30));
  data.agreements.push_back(
      MaBuilder("MA1-STOP", "MBH1").Start(-30).End(-3).Registered(-2).Stop(StopType::kStopped).Prior("MA1"));
  data.agreements.push_back(MaBuilder("MA2", "MBH1").Start(-2).Registered(-2).Prior("MA1").Dose(Daily(1, "2")));
  const auto o = Run(data, 0);
  REQUIRE(o.lines.size() == 1);
  const auto& l = o.lines.front();
  CHECK(l.status == TreatmentStatus::kCurrent);
  REQUIRE(l.agreements.size() == 1);
  CHECK(l.agreements.front()->h.id.value == "MA2");
  CHECK(l.blocks.size() == 3);
  CHECK(Traced(l, TraceCode::kStopApplied));
  // Before the change took effect the old agreement governed.
  const auto before = Run(data, -5);
  CHECK(LineOf(before, "MBH1").agreements.front()->h.id.value == "MA1");
}

TEST_CASE("A change that names its predecessor ends it even without a technical stop", "[consolidation][change]") {
  MedicationData data;
  data.agreements.push_back(MaBuilder("MA1", "MBH1").Start(-30).Registered(-30));
  data.agreements.push_back(MaBuilder("MA2", "MBH1").Start(-2).Registered(-2).Prior("MA1").Dose(Daily(2, "1")));
  const auto& l = LineOf(Run(data, 0), "MBH1");
  REQUIRE(l.agreements.size() == 1);
  CHECK(l.agreements.front()->h.id.value == "MA2");
  CHECK(Traced(l, TraceCode::kSuperseded));
}

TEST_CASE("A stop ends the treatment at its end: current until then, recently stopped after", "[consolidation][stop]") {
  MedicationData data;
  data.agreements.push_back(MaBuilder("MA1", "MBH1").Start(-30).Registered(-30));
  data.agreements.push_back(
      MaBuilder("MA1-STOP", "MBH1").Start(-30).End(2).Registered(-1).Stop(StopType::kStopped).Prior("MA1"));
  const auto& now = LineOf(Run(data, 0), "MBH1");
  CHECK(now.status == TreatmentStatus::kCurrent);
  CHECK(Traced(now, TraceCode::kStopScheduled));
  const auto later = Run(data, 5);
  const auto& stopped = LineOf(later, "MBH1");
  CHECK(stopped.status == TreatmentStatus::kRecentlyStopped);
  REQUIRE(stopped.endedBy != nullptr);
  CHECK(stopped.endedBy->h.id.value == "MA1-STOP");
  CHECK(LineOf(Run(data, 100), "MBH1").status == TreatmentStatus::kHistoric);
}

TEST_CASE("The deprecated stop code 113371000146109 stops like 410546004", "[consolidation][stop]") {
  MedicationData data;
  data.agreements.push_back(MaBuilder("MA1", "MBH1").Start(-30).Registered(-30));
  auto stop = MaBuilder("MA1-STOP", "MBH1").Start(-30).End(-3).Registered(-3).Prior("MA1");
  stop.ma.h.stop = *StopInfoFromCode({std::string(systems::kSnomed), "113371000146109", "definitief gestopt"});
  data.agreements.push_back(stop);
  CHECK(stop.ma.h.stop.deprecatedCode);
  CHECK(LineOf(Run(data, 0), "MBH1").status == TreatmentStatus::kRecentlyStopped);
  CHECK(StopInfoFromCode({std::string(systems::kSnomed), "113381000146106", ""})->type == StopType::kSuspended);
  CHECK_FALSE(StopInfoFromCode({std::string(systems::kSnomed), "12345", ""}).has_value());
}

TEST_CASE("A stop without reference is matched by treatment and start date", "[consolidation][stop]") {
  MedicationData data;
  data.agreements.push_back(MaBuilder("MA1", "MBH1").Start(-40).Registered(-40));
  data.agreements.push_back(
      MaBuilder("MA9", "MBH1").Start(-20).Registered(-20).Product(Prk("1002", "FUROSEMIDE TABLET 20MG")));
  data.agreements.push_back(MaBuilder("MA1-STOP", "MBH1").Start(-40).End(-10).Registered(-10).Stop(StopType::kStopped));
  const auto& l = LineOf(Run(data, 0), "MBH1");
  CHECK(Traced(l, TraceCode::kStopMatchedByStart));
  REQUIRE(l.status == TreatmentStatus::kCurrent);
  REQUIRE(l.agreements.size() == 1);
  CHECK(l.agreements.front()->h.id.value == "MA9");  // MA1 was the one stopped
}

TEST_CASE("A stop without reference next to the only agreement stops that one", "[consolidation][stop]") {
  MedicationData data;
  data.agreements.push_back(MaBuilder("MA1", "MBH1").Start(-40).Registered(-40));
  data.agreements.push_back(MaBuilder("STOP", "MBH1").Start(-39).End(-10).Registered(-10).Stop(StopType::kStopped));
  const auto& l = LineOf(Run(data, 0), "MBH1");
  CHECK(Traced(l, TraceCode::kStopMatchedOnly));
  CHECK(l.status == TreatmentStatus::kRecentlyStopped);
}

TEST_CASE("A stop naming an agreement we did not receive is never attached to another one", "[consolidation][stop]") {
  MedicationData data;
  data.agreements.push_back(MaBuilder("MA2", "MBH1").Start(-5).Registered(-5));
  data.agreements.push_back(
      MaBuilder("MA1-STOP", "MBH1").Start(-40).End(-6).Registered(-6).Stop(StopType::kStopped).Prior("MA1"));
  const auto& l = LineOf(Run(data, 0), "MBH1");
  // MA2 looks current, but something in its treatment was stopped that we cannot place: never
  // shown as simply current.
  CHECK(l.status == TreatmentStatus::kUncertain);
  CHECK(Has(l, DiscrepancyKind::kStatusUncertain));
  CHECK_FALSE(Has(l, DiscrepancyKind::kStopWithoutTarget));
  CHECK(Run(data, 0).lines.front().treatment.value == "MBH1");  // sorted first
}

// docs/consolidation.md, "Linking across identifier systems".
TEST_CASE("A stop naming its agreement under another identifier system is linked by value within the treatment",
          "[consolidation][stop][link]") {
  MedicationData data;
  data.agreements.push_back(MaBuilder("ACENO-MA1", "MBH1").Start(-60).Registered(-60));
  data.agreements.push_back(MaBuilder("ACENO-STOP", "MBH1", "ziekenhuis")
                                .Start(-60)
                                .End(-2)
                                .Registered(-3)
                                .Stop(StopType::kSuspended)
                                .Prior("ACENO-MA1", "urn:oid:2.16.840.1.113883.2.4.3.11.999.77.16076005.1"));
  const auto& l = LineOf(Run(data, 0), "MBH1");
  CHECK(l.status == TreatmentStatus::kSuspended);  // not current: the suspension applies
  REQUIRE(Has(l, DiscrepancyKind::kLinkedByValue));
  const auto note = std::find_if(l.discrepancies.begin(), l.discrepancies.end(),
                                 [](const Discrepancy& x) { return x.kind == DiscrepancyKind::kLinkedByValue; });
  CHECK(note->severity == Severity::kInfo);
  CHECK(note->args == std::vector<std::string>{"ACENO-STOP",
                                               "urn:oid:2.16.840.1.113883.2.4.3.11.999.77.16076005.1|ACENO-MA1",
                                               "urn:oid:ma|ACENO-MA1"});
  CHECK_FALSE(Has(l, DiscrepancyKind::kStatusUncertain));
}

TEST_CASE("A change naming its predecessor under another identifier system still ends it", "[consolidation][link]") {
  MedicationData data;
  data.agreements.push_back(MaBuilder("MA1", "MBH1").Start(-30).Registered(-30));
  data.agreements.push_back(
      MaBuilder("MA2", "MBH1").Start(-5).Registered(-5).Dose(Daily(2, "1")).Prior("MA1", "urn:other"));
  const auto& l = LineOf(Run(data, 0), "MBH1");
  CHECK(l.status == TreatmentStatus::kCurrent);
  REQUIRE(l.agreements.size() == 1);
  CHECK(l.agreements.front()->h.id.value == "MA2");
  CHECK(Has(l, DiscrepancyKind::kLinkedByValue));
}

TEST_CASE("A suspension that cannot be linked makes the treatment uncertain, never silently current",
          "[consolidation][stop][link]") {
  SECTION("the value names no agreement of the treatment") {
    MedicationData data;
    data.agreements.push_back(MaBuilder("ACENO-MA1", "MBH1").Start(-60).Registered(-60));
    data.agreements.push_back(MaBuilder("ACENO-STOP", "MBH1", "ziekenhuis")
                                  .Start(-60)
                                  .End(-2)
                                  .Registered(-3)
                                  .Stop(StopType::kSuspended)
                                  .Prior("ACENO-MA0", "urn:other"));
    const auto& l = LineOf(Run(data, 0), "MBH1");
    CHECK(l.status == TreatmentStatus::kUncertain);
    REQUIRE(Has(l, DiscrepancyKind::kStatusUncertain));
    const auto why = std::find_if(l.discrepancies.begin(), l.discrepancies.end(),
                                  [](const Discrepancy& x) { return x.kind == DiscrepancyKind::kStatusUncertain; });
    CHECK(why->severity == Severity::kWarning);
    CHECK(why->args == std::vector<std::string>{"ACENO-STOP", "suspended", "urn:other|ACENO-MA0"});
    CHECK(why->sources == std::vector<std::string>{"ziekenhuis"});
  }
  SECTION("two agreements carry the value under other systems: no guessing") {
    MedicationData data;
    auto a = MaBuilder("X1", "MBH1").Start(-60).Registered(-60);
    a.ma.h.id.system = "urn:a";
    auto b = MaBuilder("X1", "MBH1", "ziekenhuis").Start(-50).Registered(-50);
    b.ma.h.id.system = "urn:b";
    data.agreements.push_back(a);
    data.agreements.push_back(b);
    data.agreements.push_back(
        MaBuilder("X1-STOP", "MBH1").Start(-60).End(-2).Registered(-3).Stop(StopType::kStopped).Prior("X1", "urn:c"));
    const auto& l = LineOf(Run(data, 0), "MBH1");
    CHECK(l.status == TreatmentStatus::kUncertain);
    CHECK_FALSE(Has(l, DiscrepancyKind::kLinkedByValue));
  }
  SECTION("an unlinked stop next to an ended treatment changes nothing: it is already not current") {
    MedicationData data;
    data.agreements.push_back(MaBuilder("MA1", "MBH1").Start(-60).End(-30).Registered(-60));
    data.agreements.push_back(
        MaBuilder("STOP", "MBH1").Start(-60).End(-40).Registered(-40).Stop(StopType::kStopped).Prior("MA0"));
    const auto& l = LineOf(Run(data, 0), "MBH1");
    CHECK(l.status == TreatmentStatus::kRecentlyStopped);
    CHECK(Has(l, DiscrepancyKind::kStopWithoutTarget));
  }
}

TEST_CASE("Only a stop block is known: the stop tells what happened", "[consolidation][stop]") {
  MedicationData data;
  data.agreements.push_back(MaBuilder("MA1-STOP", "MBH1", "ziekenhuis")
                                .Start(-40)
                                .End(-6)
                                .Registered(-6)
                                .Stop(StopType::kStopped)
                                .Prior("MA1"));
  CHECK(LineOf(Run(data, 0), "MBH1").status == TreatmentStatus::kRecentlyStopped);
}

TEST_CASE("Suspension: on hold, with the resume date of the new agreement", "[consolidation][suspend]") {
  MedicationData data;
  data.agreements.push_back(MaBuilder("MA1", "MBH1").Start(-60).Registered(-60));
  data.agreements.push_back(
      MaBuilder("MA1-STOP", "MBH1").Start(-60).End(-2).Registered(-3).Stop(StopType::kSuspended).Prior("MA1"));
  data.agreements.push_back(MaBuilder("MA2", "MBH1").Start(4).Registered(-3).Prior("MA1"));
  const auto& l = LineOf(Run(data, 0), "MBH1");
  CHECK(l.status == TreatmentStatus::kSuspended);
  REQUIRE(l.resumesAt.has_value());
  CHECK(NetherlandsDate(*l.resumesAt) == Date(2026, 3, 14));
  CHECK(Traced(l, TraceCode::kSuspendedResumes));
  CHECK(LineOf(Run(data, 5), "MBH1").status == TreatmentStatus::kCurrent);
}

TEST_CASE("Suspension without a new agreement stays suspended, however long ago", "[consolidation][suspend]") {
  MedicationData data;
  data.agreements.push_back(MaBuilder("MA1", "MBH1").Start(-60).Registered(-60));
  data.agreements.push_back(
      MaBuilder("MA1-STOP", "MBH1").Start(-60).End(-50).Registered(-50).Stop(StopType::kSuspended).Prior("MA1"));
  const auto& l = LineOf(Run(data, 0), "MBH1");
  CHECK(l.status == TreatmentStatus::kSuspended);
  CHECK_FALSE(l.resumesAt.has_value());
}

TEST_CASE("Cancellation of an agreement that had not started", "[consolidation][cancel]") {
  MedicationData data;
  data.agreements.push_back(MaBuilder("MA1", "MBH1").Start(5).End(12).Registered(-4));
  data.agreements.push_back(
      MaBuilder("MA1-CANCEL", "MBH1").Start(5).End(5).Registered(-1).Stop(StopType::kCancelled).Prior("MA1"));
  const auto& l = LineOf(Run(data, 0), "MBH1");
  CHECK(l.status == TreatmentStatus::kCancelled);
  CHECK(Traced(l, TraceCode::kCancelled));
  // Also after the planned start: a cancelled agreement never takes effect.
  CHECK(LineOf(Run(data, 8), "MBH1").status == TreatmentStatus::kCancelled);
}

TEST_CASE("Two agreements in force at once (two strengths) are both governing", "[consolidation]") {
  MedicationData data;
  data.agreements.push_back(MaBuilder("MA-A", "MBH1").Start(-10).Registered(-10));
  data.agreements.push_back(
      MaBuilder("MA-B", "MBH1").Start(-9).Registered(-9).Product(Prk("1002", "FUROSEMIDE TABLET 20MG")));
  const auto& l = LineOf(Run(data, 0), "MBH1");
  REQUIRE(l.agreements.size() == 2);
  CHECK(l.agreements.front()->h.id.value == "MA-B");  // most recently recorded first
}

TEST_CASE("A block without treatment id stands alone and says so", "[consolidation]") {
  MedicationData data;
  auto a = MaBuilder("MA1", "MBH1").Start(-10).Registered(-10);
  a.ma.h.treatment = {};
  data.agreements.push_back(a);
  data.agreements.push_back(MaBuilder("MA2", "MBH2").Start(-10).Registered(-10));
  const auto o = Run(data, 0);
  REQUIRE(o.lines.size() == 2);
  CHECK(Traced(LineOf(o, "MA1"), TraceCode::kNoTreatmentId));
}

TEST_CASE("Medication use without agreement is use-only (self-care, OTC)", "[consolidation][use]") {
  MedicationData data;
  auto u = Use("MGB1", "MBH-OTC", UseStatus::kUsing, -1);
  u.h.period = PeriodOfUse{Day(-30), std::nullopt, std::nullopt, ""};
  data.uses.push_back(u);
  const auto& l = LineOf(Run(data, 0), "MBH-OTC");
  CHECK(l.status == TreatmentStatus::kUseOnly);
  REQUIRE(l.latestUse != nullptr);
  CHECK(l.product->DisplayName() == "PARACETAMOL TABLET 500MG");
}

TEST_CASE("An administration agreement alone classifies the treatment and says no agreement is known",
          "[consolidation]") {
  MedicationData data;
  data.administrationAgreements.push_back(TaBuilder("TA1", "MBH1").Start(-10).Registered(-10));
  const auto& l = LineOf(Run(data, 0), "MBH1");
  CHECK(l.status == TreatmentStatus::kCurrent);
  CHECK(Has(l, DiscrepancyKind::kNoAgreementKnown));
  CHECK(l.administrationAgreements.size() == 1);
}

TEST_CASE("A dispense alone is current while its supply lasts", "[consolidation]") {
  MedicationData data;
  MedicationDispense mve;
  mve.h.kind = BlockKind::kMedicationDispense;
  mve.h.id = {"urn:oid:mve", "MVE1"};
  mve.h.treatment = {"urn:oid:mbh", "MBH1"};
  mve.h.source = "apotheek";
  mve.handedOver = Day(-5, 14);
  Quantity days;
  days.decimal = "14";
  days.code = "d";
  mve.daysSupply = days;
  data.dispenses.push_back(mve);
  CHECK(LineOf(Run(data, 0), "MBH1").status == TreatmentStatus::kCurrent);
  CHECK(LineOf(Run(data, 12), "MBH1").status == TreatmentStatus::kRecentlyStopped);
}

TEST_CASE("A duration in an unknown unit is flagged instead of read as chronic", "[consolidation]") {
  MedicationData data;
  auto a = MaBuilder("MA1", "MBH1").Start(-10).Registered(-10);
  a.Period().duration = Duration{3, "fortnight"};
  data.agreements.push_back(a);
  CHECK(Has(LineOf(Run(data, 0), "MBH1"), DiscrepancyKind::kUnknownEnd));
}

TEST_CASE("The recent window is configurable", "[consolidation]") {
  MedicationData data;
  data.agreements.push_back(MaBuilder("MA1", "MBH1").Start(-30).End(-10).Registered(-30));
  ConsolidationOptions opts;
  opts.recentWindow = boost::posix_time::hours(24 * 7);
  CHECK(LineOf(Consolidate(data, At(0), opts), "MBH1").status == TreatmentStatus::kHistoric);
  opts.recentWindow = boost::posix_time::hours(24 * 14);
  CHECK(LineOf(Consolidate(data, At(0), opts), "MBH1").status == TreatmentStatus::kRecentlyStopped);
}
