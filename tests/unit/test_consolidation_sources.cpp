// SPDX-License-Identifier: GPL-3.0-or-later
// Consolidation across sources: de-duplication, copies, disagreement, attachments, GDS,
// discrepancies and deterministic order.
#include <algorithm>
#include <catch2/catch.hpp>
#include <random>

#include "builders.h"
#include "domain/overview.h"

using namespace zb::domain;
using namespace zb::test;

TEST_CASE("One block received twice from one source is one block", "[consolidation][dedupe]") {
  MedicationData data;
  data.agreements.push_back(MaBuilder("MA1", "MBH1").Start(-10).Registered(-10));
  data.agreements.push_back(MaBuilder("MA1", "MBH1").Start(-10).Registered(-10));
  const auto o = Consolidate(data, At(0));
  REQUIRE(o.lines.size() == 1);
  CHECK(o.lines.front().blocks.size() == 1);
}

TEST_CASE("A copy from another source is merged into the original: both sources are named", "[consolidation][copy]") {
  MedicationData data;
  data.agreements.push_back(MaBuilder("MA1", "MBH1", "ziekenhuis").Start(-10).Registered(-10).Copy());
  data.agreements.push_back(MaBuilder("MA1", "MBH1", "huisarts").Start(-10).Registered(-10));
  const auto o = Consolidate(data, At(0));
  const auto& l = LineOf(o, "MBH1");
  CHECK(l.blocks.size() == 1);
  CHECK(l.blocks.front()->source == "huisarts");  // the original, not the copy
  CHECK(l.sources == std::vector<std::string>{"huisarts", "ziekenhuis"});
  CHECK(Traced(l, TraceCode::kDuplicateMerged));
  CHECK_FALSE(Has(l, DiscrepancyKind::kSameBlockDiffers));
}

TEST_CASE("One identifier with different content at two sources is a discrepancy", "[consolidation][copy]") {
  MedicationData data;
  data.agreements.push_back(MaBuilder("MA1", "MBH1", "huisarts").Start(-10).Registered(-10));
  data.agreements.push_back(
      MaBuilder("MA1", "MBH1", "ziekenhuis").Start(-10).Registered(-10).Copy().Dose(Daily(3, "1")));
  CHECK(Has(LineOf(Consolidate(data, At(0)), "MBH1"), DiscrepancyKind::kSameBlockDiffers));
}

TEST_CASE("GP still has the agreement the hospital stopped: stopped, and sources disagree",
          "[consolidation][sources]") {
  MedicationData data;
  data.agreements.push_back(MaBuilder("MA1", "MBH1", "huisarts").Start(-200).Registered(-200));
  data.agreements.push_back(MaBuilder("MA1-STOP", "MBH1", "ziekenhuis")
                                .Start(-200)
                                .End(-3)
                                .Registered(-3)
                                .Stop(StopType::kStopped)
                                .Prior("MA1"));
  const auto& l = LineOf(Consolidate(data, At(0)), "MBH1");
  CHECK(l.status == TreatmentStatus::kRecentlyStopped);
  REQUIRE(Has(l, DiscrepancyKind::kSourcesDisagree));
  const auto it = std::find_if(l.discrepancies.begin(), l.discrepancies.end(),
                               [](const Discrepancy& d) { return d.kind == DiscrepancyKind::kSourcesDisagree; });
  CHECK(it->sources == std::vector<std::string>{"huisarts", "ziekenhuis"});
}

TEST_CASE("Two sources with the same story do not disagree", "[consolidation][sources]") {
  MedicationData data;
  data.agreements.push_back(MaBuilder("MA1", "MBH1", "huisarts").Start(-200).Registered(-200));
  data.administrationAgreements.push_back(TaBuilder("TA1", "MBH1").Start(-199).Registered(-199).For("MA1"));
  const auto& l = LineOf(Consolidate(data, At(0)), "MBH1");
  CHECK_FALSE(Has(l, DiscrepancyKind::kSourcesDisagree));
  CHECK_FALSE(Has(l, DiscrepancyKind::kAdministrationDoseDiffers));
}

TEST_CASE("A treatment known at only one of several responding sources is marked", "[consolidation][sources]") {
  MedicationData data;
  data.agreements.push_back(MaBuilder("MA1", "MBH1", "huisarts").Start(-20).Registered(-20));
  ConsolidationOptions opts;
  opts.respondingSources = {"huisarts", "apotheek"};
  CHECK(Has(LineOf(Consolidate(data, At(0), opts), "MBH1"), DiscrepancyKind::kKnownAtOneSourceOnly));
  opts.respondingSources = {"huisarts"};
  CHECK_FALSE(Has(LineOf(Consolidate(data, At(0), opts), "MBH1"), DiscrepancyKind::kKnownAtOneSourceOnly));
}

TEST_CASE("Parallel GDS and non-GDS administration agreements together implement one agreement",
          "[consolidation][gds]") {
  const Dosage morning = zb::test::PartOfDay("MORN", "1");
  const Dosage evening = zb::test::PartOfDay("EVE", "1");
  MedicationData data;
  auto ma = MaBuilder("MA1", "MBH1").Start(-20).Registered(-20);
  ma.ma.h.dosage = {morning, evening};
  data.agreements.push_back(ma);
  data.administrationAgreements.push_back(
      TaBuilder("TA-GDS", "MBH1").Start(-19).Registered(-19).For("MA1").Gds().Dose(morning));
  data.administrationAgreements.push_back(
      TaBuilder("TA-LOS", "MBH1").Start(-19).Registered(-19).For("MA1").Dose(evening));
  const auto o = Consolidate(data, At(0));
  const auto& l = LineOf(o, "MBH1");
  CHECK(l.administrationAgreements.size() == 2);
  CHECK(l.gds.inRoll);
  CHECK(o.AnyInRoll());
  CHECK_FALSE(Has(l, DiscrepancyKind::kAdministrationDoseDiffers));
}

TEST_CASE("A stopped parallel TA is no longer attached", "[consolidation][gds]") {
  MedicationData data;
  data.agreements.push_back(MaBuilder("MA1", "MBH1").Start(-20).Registered(-20));
  data.administrationAgreements.push_back(TaBuilder("TA-GDS", "MBH1").Start(-19).Registered(-19).For("MA1").Gds());
  data.administrationAgreements.push_back(TaBuilder("TA-GDS-STOP", "MBH1")
                                              .Start(-19)
                                              .End(-2)
                                              .Registered(-2)
                                              .For("MA1")
                                              .Gds()
                                              .Stop(StopType::kStopped)
                                              .Previous("TA-GDS"));
  data.administrationAgreements.push_back(TaBuilder("TA-LOS", "MBH1").Start(-1).Registered(-2).For("MA1"));
  const auto& l = LineOf(Consolidate(data, At(0)), "MBH1");
  REQUIRE(l.administrationAgreements.size() == 1);
  CHECK(l.administrationAgreements.front()->h.id.value == "TA-LOS");
  CHECK_FALSE(l.gds.inRoll);
}

TEST_CASE("The pharmacy's administered dose differing from the agreement is a discrepancy",
          "[consolidation][discrepancy]") {
  MedicationData data;
  data.agreements.push_back(MaBuilder("MA1", "MBH1").Start(-20).Registered(-20));
  data.administrationAgreements.push_back(
      TaBuilder("TA1", "MBH1").Start(-19).Registered(-19).For("MA1").Dose(Daily(2, "1")));
  CHECK(Has(LineOf(Consolidate(data, At(0)), "MBH1"), DiscrepancyKind::kAdministrationDoseDiffers));
}

TEST_CASE("A TA that still implements the previous agreement after a change is flagged",
          "[consolidation][discrepancy]") {
  MedicationData data;
  data.agreements.push_back(MaBuilder("MA1", "MBH1").Start(-30).Registered(-30));
  data.agreements.push_back(
      MaBuilder("MA1-STOP", "MBH1").Start(-30).End(-3).Registered(-2).Stop(StopType::kStopped).Prior("MA1"));
  data.agreements.push_back(MaBuilder("MA2", "MBH1").Start(-2).Registered(-2).Prior("MA1").Dose(Daily(1, "2")));
  data.administrationAgreements.push_back(TaBuilder("TA1", "MBH1").Start(-29).Registered(-29).For("MA1"));
  CHECK(Has(LineOf(Consolidate(data, At(0)), "MBH1"), DiscrepancyKind::kAdministrationOutdated));
}

TEST_CASE("The pharmacy still administering a stopped treatment is flagged", "[consolidation][discrepancy]") {
  MedicationData data;
  data.agreements.push_back(MaBuilder("MA1", "MBH1", "huisarts").Start(-100).Registered(-100));
  data.agreements.push_back(MaBuilder("MA1-STOP", "MBH1", "ziekenhuis")
                                .Start(-100)
                                .End(-4)
                                .Registered(-4)
                                .Stop(StopType::kStopped)
                                .Prior("MA1"));
  data.administrationAgreements.push_back(TaBuilder("TA1", "MBH1").Start(-99).Registered(-99).For("MA1"));
  const auto& l = LineOf(Consolidate(data, At(0)), "MBH1");
  CHECK(l.status == TreatmentStatus::kRecentlyStopped);
  CHECK(Has(l, DiscrepancyKind::kAdministrationAfterStop));
}

TEST_CASE("Medication use reporting non-use or use not as agreed is flagged", "[consolidation][use]") {
  MedicationData data;
  data.agreements.push_back(MaBuilder("MA1", "MBH1").Start(-100).Registered(-100));
  data.uses.push_back(Use("MGB1", "MBH1", UseStatus::kNotUsing, -2, false));
  CHECK(Has(LineOf(Consolidate(data, At(0)), "MBH1"), DiscrepancyKind::kUseReportsNotUsed));

  MedicationData other;
  other.agreements.push_back(MaBuilder("MA1", "MBH1").Start(-100).Registered(-100));
  other.uses.push_back(Use("MGB1", "MBH1", UseStatus::kUsing, -2, false));
  const auto& l = LineOf(Consolidate(other, At(0)), "MBH1");
  CHECK(Has(l, DiscrepancyKind::kUseNotAsAgreed));
  CHECK_FALSE(Has(l, DiscrepancyKind::kUseReportsNotUsed));
}

TEST_CASE("Use reported before the agreement started does not contradict it", "[consolidation][use]") {
  MedicationData data;
  data.agreements.push_back(MaBuilder("MA1", "MBH1").Start(-10).Registered(-10));
  data.uses.push_back(Use("MGB1", "MBH1", UseStatus::kStopped, -50, true));
  CHECK_FALSE(Has(LineOf(Consolidate(data, At(0)), "MBH1"), DiscrepancyKind::kUseReportsNotUsed));
}

TEST_CASE("The same medicine in two current treatments is a possible duplicate", "[consolidation][discrepancy]") {
  MedicationData data;
  data.agreements.push_back(MaBuilder("MA1", "MBH-GP", "huisarts").Start(-100).Registered(-100));
  data.agreements.push_back(MaBuilder("MA2", "MBH-ZH", "ziekenhuis").Start(-5).Registered(-5));
  data.agreements.push_back(
      MaBuilder("MA3", "MBH-OTHER", "huisarts").Start(-5).Registered(-5).Product(Prk("3003", "OMEPRAZOL 20MG")));
  const auto o = Consolidate(data, At(0));
  CHECK(Has(LineOf(o, "MBH-GP"), DiscrepancyKind::kPossibleDuplicate));
  CHECK(Has(LineOf(o, "MBH-ZH"), DiscrepancyKind::kPossibleDuplicate));
  CHECK_FALSE(Has(LineOf(o, "MBH-OTHER"), DiscrepancyKind::kPossibleDuplicate));
}

TEST_CASE("GDS timing and keep-out-of-roll come from the agreement and the dispense request", "[consolidation][gds]") {
  MedicationData data;
  data.agreements.push_back(MaBuilder("MA1", "MBH1").Start(-1).Registered(-1).Info("7"));
  DispenseRequest vv;
  vv.h.kind = BlockKind::kDispenseRequest;
  vv.h.id = {"urn:oid:vv", "VV1"};
  vv.h.treatment = {"urn:oid:mbh", "MBH1"};
  vv.h.source = "huisarts";
  vv.h.registered = Day(-1, 11);
  vv.additionalWishes.push_back({std::string(systems::kVvAdditionalWishes), "2", "Niet in GDS"});
  data.dispenseRequests.push_back(vv);
  const auto& l = LineOf(Consolidate(data, At(0)), "MBH1");
  CHECK(l.gds.timing == RollTiming::kNextRollChange);
  CHECK(l.gds.keepOutOfRoll);
  REQUIRE(l.latestRequest != nullptr);
}

TEST_CASE("A current variable dosing regimen is attached", "[consolidation]") {
  MedicationData data;
  data.agreements.push_back(MaBuilder("MA1", "MBH1").Start(-100).Registered(-100));
  VariableDosingRegimen w1, w2;
  for (auto* w : {&w1, &w2}) {
    w->h.kind = BlockKind::kVariableDosingRegimen;
    w->h.treatment = {"urn:oid:mbh", "MBH1"};
    w->h.source = "trombosedienst";
  }
  w1.h.id = {"urn:oid:wds", "WDS1"};
  w1.h.period = PeriodOfUse{Day(-30), EndOfDay(-8), std::nullopt, ""};
  w1.h.registered = Day(-30);
  w2.h.id = {"urn:oid:wds", "WDS2"};
  w2.h.period = PeriodOfUse{Day(-7), EndOfDay(7), std::nullopt, ""};
  w2.h.registered = Day(-7);
  data.regimens = {w1, w2};
  const auto& l = LineOf(Consolidate(data, At(0)), "MBH1");
  REQUIRE(l.regimen != nullptr);
  CHECK(l.regimen->h.id.value == "WDS2");
}

TEST_CASE("Output order is by status, then product name, whatever the input order", "[consolidation][order]") {
  MedicationData data;
  data.agreements.push_back(MaBuilder("A", "MBH-A").Start(-10).Registered(-10).Product(Prk("1", "zinkzalf")));
  data.agreements.push_back(MaBuilder("B", "MBH-B").Start(-10).Registered(-10).Product(Prk("2", "Amlodipine")));
  data.agreements.push_back(MaBuilder("C", "MBH-C").Start(10).Registered(-10).Product(Prk("3", "Alendroninezuur")));
  data.agreements.push_back(
      MaBuilder("D", "MBH-D").Start(-100).End(-50).Registered(-100).Product(Prk("4", "Ibuprofen")));
  data.agreements.push_back(MaBuilder("E", "MBH-E").Start(-10).Registered(-10).Product(Prk("5", "metoprolol")));
  const auto expected = std::vector<std::string>{"MBH-B", "MBH-E", "MBH-A", "MBH-C", "MBH-D"};
  std::mt19937 rng(7);
  for (int i = 0; i < 10; ++i) {
    std::shuffle(data.agreements.begin(), data.agreements.end(), rng);
    const auto o = Consolidate(data, At(0));
    std::vector<std::string> order;
    for (const auto& l : o.lines) order.push_back(l.treatment.value);
    CHECK(order == expected);
  }
}

TEST_CASE("Consolidation of nothing is an empty overview", "[consolidation]") {
  const auto o = Consolidate(MedicationData{}, At(0));
  CHECK(o.lines.empty());
  CHECK(o.sources.empty());
  CHECK_FALSE(o.AnyInRoll());
}
