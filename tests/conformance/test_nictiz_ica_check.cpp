// SPDX-License-Identifier: GPL-3.0-or-later
// The ICA cross-check on data we did not write: Nictiz's CiO 2.0 patient 8 (hypersensitivity to
// AMOXICILLINE/AMPICILLINE, a reaction to an amoxicillin HPK, surveillance decisions on the
// penicillins with FLUCLOXACILLINE safe within the group). Reads ../shared/fixtures/nictiz; skips
// with a message when absent.
#include <catch2/catch.hpp>
#include <filesystem>

#include "domain/ica_check.h"
#include "domain/open_substance_groups.h"
#include "fixtures.h"

namespace fs = std::filesystem;
namespace d = zb::domain;

namespace {

d::Product Named(std::string_view system, const std::string& code, const std::string& name) {
  d::Product p;
  p.codes.push_back({d::LevelOfSystem(system), {std::string(system), code, name}, true});
  return p;
}

d::TreatmentLine Current(const std::string& mbh, d::Product product) {
  d::TreatmentLine line;
  line.treatment = {"urn:oid:mbh", mbh};
  line.status = d::TreatmentStatus::kCurrent;
  line.product = d::SharedProduct(std::move(product));
  return line;
}

}  // namespace

TEST_CASE("Nictiz CiO patient 8: amoxicillin warns, flucloxacillin is safe within the penicillins",
          "[conformance][ica-check]") {
  auto dir = zb::test::NictizDir();
  if (!dir) {
    WARN("../shared/fixtures/nictiz is absent: CiO ICA cross-check skipped");
    return;
  }
  d::IcaData data;
  for (const auto& entry : fs::directory_iterator(*dir / "Nictiz-R4-cio" / "Examples")) {
    const auto name = entry.path().filename().string();
    if (name.find("pat08") == std::string::npos || entry.path().extension() != ".json") continue;
    auto doc = zb::test::ReadFhir(entry.path(), "apotheek");
    data.Append(std::move(doc.ica));
  }
  REQUIRE(data.allergies.size() >= 2);
  REQUIRE_FALSE(data.surveillanceDecisions.empty());
  const auto summary = d::SummarizeIca(data, zb::test::NoonOn(zb::test::kTestDay));

  d::Overview overview;
  overview.lines = {Current("amox", Named(d::systems::kPrk, "1", "AMOXICILLINE CAPSULE 500MG")),
                    Current("fluclox", Named(d::systems::kPrk, "2", "FLUCLOXACILLINE CAPSULE 500MG")),
                    Current("teva", Named(d::systems::kHpk, "804541", "AMOXICILLINE DISP TEVA TABLET 750MG")),
                    Current("meto", Named(d::systems::kPrk, "3", "METOPROLOLSUCCINAAT TABLET MGA 50MG"))};
  const auto check = d::CheckIca(overview, summary, d::OpenSubstanceGroups{});

  const auto& amox = check.lines.at("amox");
  CHECK(amox.Warns());
  CHECK(std::any_of(amox.hits.begin(), amox.hits.end(), [](const d::IcaHit& h) {
    return h.finding == d::IcaFinding::kHypersensitivity && h.match.basis == d::IcaBasis::kSameSubstance;
  }));
  const auto& teva = check.lines.at("teva");
  CHECK(std::any_of(teva.hits.begin(), teva.hits.end(), [](const d::IcaHit& h) {
    return h.finding == d::IcaFinding::kReaction && h.match.basis == d::IcaBasis::kSameCode && h.match.level == "HPK";
  }));
  const auto& fluclox = check.lines.at("fluclox");
  REQUIRE_FALSE(fluclox.hits.empty());  // the PENICILLINES decision was weighed ...
  CHECK_FALSE(fluclox.Warns());         // ... and allows flucloxacillin
  for (const auto& hit : fluclox.hits) {
    INFO(hit.item);
    CHECK_FALSE(hit.Warns());
  }
  CHECK(check.lines.at("meto").hits.empty());
}
