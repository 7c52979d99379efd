// SPDX-License-Identifier: GPL-3.0-or-later
// The overview screen's rows, built from the demo patient's three sources: banner only when a
// source is missing (naming it and why), rows per source with their tone, medication grouped with
// history hidden unless asked, ICA rows.
#include <catch2/catch.hpp>

#include "fixtures.h"
#include "present/overview_view.h"

using namespace zb;
using present::Tone;

namespace {

domain::SourceOutcome Expected(const std::string& id, domain::SourceKind kind, const std::string& name) {
  return domain::PendingOutcome({id, kind, name}, "9000040" + std::to_string(static_cast<int>(kind) + 1));
}

domain::SourceDelivery WithData(domain::SourceOutcome o, const std::string& file) {
  auto doc = test::ReadFhir(test::DemoDir() / "jansen" / file, o.source.id, test::kTestDay);
  domain::SourceDelivery d;
  o.status = domain::SourceStatus::kData;
  o.elapsed = std::chrono::milliseconds(140);
  o.requests = 11;
  d.outcome = o;
  d.medication = std::move(doc.medication);
  d.ica = std::move(doc.ica);
  return d;
}

}  // namespace

TEST_CASE("a complete picture has no banner, source rows with timing, medication grouped, ICA rows") {
  const auto gp = Expected("huisarts", domain::SourceKind::kGeneralPractitioner, "Huisarts Test");
  const auto pharmacy = Expected("apotheek", domain::SourceKind::kPharmacy, "Apotheek Test");
  const auto hospital = Expected("ziekenhuis", domain::SourceKind::kHospital, "Ziekenhuis Test");
  domain::PatientPicture picture("999991000", {gp, pharmacy, hospital});
  picture.Deliver(WithData(gp, "huisarts.json"));
  picture.Deliver(WithData(pharmacy, "apotheek.json"));

  const auto at = test::NoonOn(test::kTestDay);
  auto partial = present::BuildOverviewView(picture, picture.Consolidate(at), picture.Ica(at), false);
  CHECK(partial.banner.find("ONVOLLEDIG OVERZICHT: geen gegevens van Ziekenhuis Test (ziekenhuis)") == 0);
  REQUIRE(partial.sources.size() == 3);
  CHECK(partial.sources[2].tone == Tone::kPending);
  CHECK(partial.sources[2].status == "wordt opgehaald…");

  picture.Deliver(WithData(hospital, "ziekenhuis.json"));
  const auto overview = picture.Consolidate(at);
  auto v = present::BuildOverviewView(picture, overview, picture.Ica(at), false);
  CHECK(v.banner.empty());
  CHECK(v.sources[0].tone == Tone::kGood);
  CHECK(v.sources[0].timing == "140 ms, 11 vragen, 0 resources");
  REQUIRE_FALSE(v.medication.empty());
  CHECK(v.medication.front().group == "ACTUEEL");
  CHECK(v.hiddenHistoric == overview.Count(domain::TreatmentStatus::kHistoric));
  CHECK(v.medication.size() + v.hiddenHistoric == overview.lines.size());
  for (const auto& row : v.medication) {
    CHECK_FALSE(row.product.empty());
    CHECK(row.sourcesFull.find(" Test") != std::string::npos);  // organisation names, not source ids
    // The list names sources by kind, short enough to read whole; the full names are the tooltip.
    CHECK(row.sources.find(" Test") == std::string::npos);
    CHECK(row.sources.find_first_of("0123456789") == std::string::npos);
    CHECK(row.line < overview.lines.size());
    CHECK(overview.lines[row.line].product->DisplayName() == row.product);
  }
  CHECK_FALSE(v.ica.empty());
  auto all = present::BuildOverviewView(picture, overview, picture.Ica(at), true);
  CHECK(all.hiddenHistoric == 0);
  CHECK(all.medication.size() == overview.lines.size());
}

TEST_CASE("a consent refusal is a warning row with its reason and the banner names the pharmacy") {
  auto pharmacy = Expected("apotheek", domain::SourceKind::kPharmacy, "Apotheek Centrum");
  pharmacy.source.phone = "030-0000402";
  const auto gp = Expected("huisarts", domain::SourceKind::kGeneralPractitioner, "Huisarts Test");
  domain::PatientPicture picture("999900109", {gp, pharmacy});
  picture.Deliver(WithData(gp, "huisarts.json"));
  domain::SourceDelivery refused;
  refused.outcome = pharmacy;
  refused.outcome.status = domain::SourceStatus::kConsentRefused;
  refused.outcome.reason = "consent-refused";
  refused.outcome.detail = "MA: Patient refused consent";
  picture.Deliver(refused);
  const auto at = test::NoonOn(test::kTestDay);
  auto v = present::BuildOverviewView(picture, picture.Consolidate(at), picture.Ica(at), false);
  CHECK(v.banner.find("Apotheek Centrum (apotheek): toestemming geweigerd") != std::string::npos);
  // Whom to call, in the banner and on the sources tab; a source without a number gets no "bel".
  CHECK(v.banner.find(", bel 030-0000402") != std::string::npos);
  CHECK(v.sources[1].phone == "030-0000402");
  CHECK(v.sources[0].phone.empty());
  CHECK(v.sources[1].tone == Tone::kWarning);
  CHECK(v.sources[1].detail == "MA: Patient refused consent");
  CHECK(v.sources[0].detail.empty());
}
