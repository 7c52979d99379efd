// SPDX-License-Identifier: GPL-3.0-or-later
// The official MP9 consolidation scenarios (scenario set 3, patient XXX_Dongen) classify as the
// names of their treatments say. Reads ../shared/fixtures/nictiz; skips when absent.
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "builders.h"
#include "domain/overview.h"
#include "fixtures.h"
#include "net/fhir/date_placeholders.h"

using namespace zb::domain;
using zb::test::kTestDay;
using zb::test::LineOf;
using zb::test::NoonOn;

namespace {

std::optional<MedicationData> ScenarioSet3() {
  auto dir = zb::test::NictizDir();
  if (!dir) return std::nullopt;
  MedicationData data;
  for (const char* kind : {"MA", "TA", "WDS", "MTD"}) {
    auto doc = zb::test::ReadFhir(*dir / "Nictiz-testscripts" / "mp9-fixtures-searchset-xml" /
                                      ("mg-mp-mg-tst-" + std::string(kind) + "-Scenarioset3-v30.json"),
                                  kind == std::string("TA") ? "apotheek" : "voorschrijver");
    REQUIRE(doc.ErrorCount() == 0);
    data.Append(std::move(doc.medication));
  }
  return data;
}

std::string Governing(const TreatmentLine& l) { return l.agreements.empty() ? "" : l.agreements.front()->h.id.value; }

}  // namespace

TEST_CASE("Scenario set 3: stop, change, suspend, cancel, next practitioner, parallel TA", "[conformance][scenarios]") {
  const auto data = ScenarioSet3();
  if (!data) {
    WARN("../shared/fixtures/nictiz is absent: scenario set 3 skipped");
    return;
  }
  const auto today = Consolidate(*data, NoonOn(kTestDay));
  const auto tomorrow = Consolidate(*data, NoonOn(kTestDay, 1));

  // stoppen: stopped at the end of day T, so in force at noon, stopped the day after.
  CHECK(LineOf(today, "MBH_300_stoppen-tmg").status == TreatmentStatus::kCurrent);
  CHECK(LineOf(tomorrow, "MBH_300_stoppen-tmg").status == TreatmentStatus::kRecentlyStopped);
  // wijzigen (verhoging / verlaging / correctie): the changed agreement governs.
  CHECK(Governing(LineOf(today, "MBH_300_wijzigen_verhoging-tmg")) ==
        "MBH_300_wijzigen_verhoging_MA_wijzigingmetVV-tmg");
  CHECK(Governing(LineOf(today, "MBH_300_wijzigen_verlaging-tmg")) ==
        "MBH_300_wijzigen_verlaging_MA_wijzigingzonderVV-tmg");
  CHECK(Governing(LineOf(today, "MBH_300_wijzigen_correctie-tmg")) == "MBH_300_wijzigen_correctie_MA_correctieMA-tmg");
  // The pharmacy followed each change: its current TA implements the current MA.
  const auto& verhoging = LineOf(today, "MBH_300_wijzigen_verhoging-tmg");
  REQUIRE(verhoging.administrationAgreements.size() == 1);
  CHECK(verhoging.administrationAgreements[0]->h.id.value == "MBH_300_wijzigen_verhoging_TA_wijzigingmetMVE-tmg");
  CHECK_FALSE(zb::test::Has(verhoging, DiscrepancyKind::kAdministrationOutdated));
  // onderbreken: suspended.
  CHECK(LineOf(today, "MBH_300_onderbreken-tmg").status == TreatmentStatus::kSuspended);
  // annuleren: cancelled before it started, and still cancelled after the planned start.
  CHECK(LineOf(today, "MBH_300_annuleren-tmg").status == TreatmentStatus::kCancelled);
  CHECK(LineOf(Consolidate(*data, NoonOn(kTestDay, 10)), "MBH_300_annuleren-tmg").status ==
        TreatmentStatus::kCancelled);
  // Volgende behandelaar: suspended by one prescriber, restarted by the next from T+3.
  const auto& next = LineOf(today, "MBH_300_VolgendeBehandelaar-tmg");
  CHECK(next.status == TreatmentStatus::kSuspended);
  REQUIRE(next.resumesAt.has_value());
  // The fixture writes T+3 00:00 with a summer offset (+02:00), which is 23:00 the day before in
  // March: the instant is what counts.
  CHECK(*next.resumesAt ==
        DateTime::Parse(zb::net::fhir::SubstituteDatePlaceholders("${DATE, T, D, +3}T00:00:00+02:00", kTestDay))
            ->Earliest());
  const auto later = Consolidate(*data, NoonOn(kTestDay, 4));
  CHECK(Governing(LineOf(later, "MBH_300_VolgendeBehandelaar-tmg")) == "MBH_300_VolgendeBehandelaar_MA_Start2-tmg");
  // A 5-day course from T-6 ended yesterday.
  CHECK(LineOf(today, "MBH_300_VolgendeBehandelaar_Zorgaanb-tmg").status == TreatmentStatus::kRecentlyStopped);
  // Stoppen parallelle TA: the GDS TA and the replacement as-needed TA run; the stopped one does not.
  const auto& parallel = LineOf(today, "MBH_300_stoppen_parallele_TA-tmg");
  CHECK(parallel.status == TreatmentStatus::kCurrent);
  std::vector<std::string> tas;
  for (const auto& ta : parallel.administrationAgreements) tas.push_back(ta->h.id.value);
  std::sort(tas.begin(), tas.end());
  CHECK(tas == std::vector<std::string>{"MBH_300_stoppen_parallele_TA_TA_start2_zonodig-tmg",
                                        "MBH_300_stoppen_parallele_TA_TA_start_GDS-tmg"});
  CHECK(parallel.gds.inRoll);
}

TEST_CASE("Every Nictiz 'ALL' patient bundle consolidates into explained lines", "[conformance][scenarios]") {
  auto dir = zb::test::NictizDir();
  if (!dir) {
    WARN("../shared/fixtures/nictiz is absent: ALL bundles skipped");
    return;
  }
  std::size_t lines = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(*dir / "HL7-mappings" / "mp930-fhir-medicatiegegevens-ALL")) {
    if (entry.path().extension() != ".json") continue;
    const auto doc = zb::test::ReadFhir(entry.path(), "bron");
    INFO(entry.path().filename().string());
    CHECK(doc.ErrorCount() == 0);
    // These bundles carry concrete dates generated with T = 2024-01-01.
    const auto o = Consolidate(doc.medication, NoonOn(Date(2024, 1, 1)));
    std::set<std::string> mbh;
    auto collect = [&](const auto& blocks) {
      for (const auto& b : blocks) mbh.insert(b.h.treatment.empty() ? "#" + b.h.id.value : b.h.treatment.Key());
    };
    collect(doc.medication.agreements), collect(doc.medication.administrationAgreements), collect(doc.medication.uses);
    collect(doc.medication.dispenses), collect(doc.medication.dispenseRequests), collect(doc.medication.regimens);
    collect(doc.medication.administrations);
    CHECK(o.lines.size() == mbh.size());
    for (const auto& l : o.lines) {
      CHECK_FALSE(l.trace.empty());
      CHECK_FALSE(l.product->DisplayName().empty());
    }
    lines += o.lines.size();
  }
  CHECK(lines > 50);
}
