// SPDX-License-Identifier: GPL-3.0-or-later
// The checks before a release (prescribing.md A-R8): a drafted amoxicillin for a patient with a
// penicillin allergy cannot be released until the signal is handled, and then carries MP9 code 10;
// duplicates by GPK and ATC; contra-indication flags listed; GDS timing required in the roll.
#include <catch2/catch.hpp>

#include "builders.h"
#include "domain/open_substance_groups.h"
#include "domain/prescription_draft.h"
#include "domain/release_checks.h"

using namespace zb::domain;
using zb::test::Day;
using zb::test::MaBuilder;
using zb::test::Prk;

namespace {

Concept Coded(std::string_view system, const std::string& code, const std::string& display) {
  return Concept{{{std::string(system), code, display}}, ""};
}

IcaSummary PenicillinAllergy() {
  IcaSummary ica;
  IcaLine<Allergy> a;
  a.item.substance = Coded(systems::kGstdThesaurus122, "35", "PENICILLINES");
  a.item.criticality = Criticality::kHigh;
  a.item.category = AllergyCategory::kMedication;
  a.item.verification = VerificationStatus::kConfirmed;
  a.sources = {"huisarts"};
  ica.allergies.push_back(a);
  return ica;
}

TreatmentLine Line(const std::string& mbh, Product product, bool inRoll = false) {
  TreatmentLine line;
  line.treatment = {"urn:oid:mbh", mbh};
  line.status = TreatmentStatus::kCurrent;
  line.product = SharedProduct(std::move(product));
  line.gds.inRoll = inRoll;
  return line;
}

Product WithGpk(Product p, const std::string& gpk) {
  p.codes.push_back({ProductCodeLevel::kGpk, {std::string(systems::kGpk), gpk, ""}, false});
  return p;
}

MedicationAgreement Started(const std::string& mbh, Product product) {
  MedicationAgreement ma = MaBuilder("zb-" + mbh, mbh, "").Start(1);
  ma.h.product = std::move(product);
  return ma;
}

// A knowledge base that knows two proton-pump inhibitors and an H2 blocker by name.
struct AcidKnowledge : MedicationKnowledge {
  std::string Name() const override { return "test"; }
  bool ChecksContraIndications() const override { return false; }
  std::vector<KnownSubstance> SubstancesOf(const Product& p) const override {
    const auto n = p.DisplayName();
    if (n.find("OMEPRAZOL") != std::string::npos) return {{"omeprazol", "A02BC01", true}};
    if (n.find("ESOMEPRAZOL") != std::string::npos) return {{"esomeprazol", "A02BC05", true}};
    if (n.find("PANTOPRAZOL") != std::string::npos) return {{"pantoprazol", "A02BC02", true}};
    return {};
  }
  std::optional<IcaMatch> Covers(const Concept&, const Product&) const override { return std::nullopt; }
  std::optional<IcaMatch> Contraindicated(const Concept&, const Product&) const override { return std::nullopt; }
};

}  // namespace

TEST_CASE("Jansen's penicillin allergy blocks a drafted amoxicillin until handled, then the MA carries code 10") {
  const OpenSubstanceGroups kb;
  Overview overview;
  const std::vector<MedicationAgreement> released = {Started("amox", Prk("900001", "AMOXICILLINE CAPSULE 500MG"))};
  const auto check = CheckRelease(released, overview, PenicillinAllergy(), kb);
  REQUIRE(check.signals.size() == 1);
  const auto& s = check.signals[0];
  CHECK(s.kind == ReleaseSignalKind::kHypersensitivity);
  CHECK(s.what == "PENICILLINES");
  CHECK(s.MustHandle());
  CHECK(s.hit->match.substance == "amoxicilline");
  CHECK_FALSE(check.licensedChecks);
  CHECK(check.knowledgeBase == kb.Name());

  const auto refused = ApplyDecisions(released, check, {});
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == ErrorCode::kRefused);
  CHECK(refused.error().detail ==
        "not ready to release: AMOXICILLINE CAPSULE 500MG: hypersensitivity PENICILLINES needs a decision with a "
        "reason");
  CHECK_FALSE(ApplyDecisions(released, check, {{s.Key(), "  "}}).ok());  // a reason, not blanks
  const auto ready = ApplyDecisions(released, check, {{s.Key(), "allergie in 2019 getest: geen overgevoeligheid"}});
  REQUIRE(ready.ok());
  const auto& info = ready.value()[0].additionalInformation;
  REQUIRE(info.size() == 1);
  CHECK(info[0].code == "10");
  CHECK(info[0].system == systems::kMaAdditionalInfo);
}

TEST_CASE("duplicates: same GPK must be handled, same ATC5 too, same ATC4 is information") {
  const AcidKnowledge kb;
  Overview overview;
  overview.lines.push_back(Line("ome", WithGpk(Prk("1", "OMEPRAZOL CAPSULE 20MG"), "58971")));
  overview.lines.push_back(Line("panto", Prk("2", "PANTOPRAZOL TABLET 40MG")));
  SECTION("same GPK") {
    const auto check =
        CheckRelease({Started("new", WithGpk(Prk("3", "OMEPRAZOL TABLET 20MG MSR"), "58971"))}, overview, {}, kb);
    REQUIRE(check.signals.size() == 2);
    CHECK(check.signals[0].kind == ReleaseSignalKind::kDuplicate);
    CHECK(check.signals[0].what == "OMEPRAZOL CAPSULE 20MG");
    CHECK(check.signals[0].MustHandle());
    CHECK(check.signals[1].kind == ReleaseSignalKind::kPseudoDuplicate);
    CHECK_FALSE(check.signals[1].MustHandle());
  }
  SECTION("same substance (ATC5) without GPK") {
    const auto check = CheckRelease({Started("new", Prk("4", "OMEPRAZOL DRANK 2MG/ML"))}, overview, {}, kb);
    REQUIRE(check.signals.size() == 2);
    CHECK(check.signals[0].kind == ReleaseSignalKind::kSameSubstance);
    CHECK(check.signals[0].MustHandle());
  }
  SECTION("a line the same release changes or ends is not a duplicate of its own new agreement") {
    MedicationAgreement stop = MaBuilder("zb-stop", "ome", "").Start(-5).Stop(StopType::kStopped);
    stop.h.product = WithGpk(Prk("1", "OMEPRAZOL CAPSULE 20MG"), "58971");
    stop.h.reason = Coded(systems::kSnomed, "182856006", "geneesmiddel niet voorradig");
    const auto check = CheckRelease({Started("ome", Prk("5", "ESOMEPRAZOL CAPSULE 20MG")), stop}, overview, {}, kb);
    REQUIRE(check.signals.size() == 1);
    CHECK(check.signals[0].kind == ReleaseSignalKind::kPseudoDuplicate);  // against pantoprazol only
    CHECK(check.signals[0].what == "PANTOPRAZOL TABLET 40MG");
  }
}

TEST_CASE("in the roll every change needs a GDS timing code, which no decision can replace") {
  const AcidKnowledge kb;
  Overview overview;
  overview.lines.push_back(Line("furo", Prk("1", "FUROSEMIDE TABLET 40MG"), true));
  MedicationAgreement change = Started("furo", Prk("1", "FUROSEMIDE TABLET 40MG"));
  MedicationAgreement technicalStop = MaBuilder("zb-tstop", "furo", "").Start(-3).Stop(StopType::kStopped);
  auto check = CheckRelease({change, technicalStop}, overview, {}, kb);
  REQUIRE(check.signals.size() == 1);  // the technical stop of a change needs none of its own
  CHECK(check.signals[0].kind == ReleaseSignalKind::kGdsTimingMissing);
  CHECK(check.signals[0].Blocking());
  const auto refused = ApplyDecisions({change, technicalStop}, check, {{check.signals[0].Key(), "graag direct"}});
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().detail.find("timing code 6, 7 or 11 missing (GDS)") != std::string::npos);
  change.additionalInformation.push_back({std::string(systems::kMaAdditionalInfo), "7", "per volgende rolwissel"});
  check = CheckRelease({change, technicalStop}, overview, {}, kb);
  CHECK(check.signals.empty());
  CHECK(ApplyDecisions({change, technicalStop}, check, {}).ok());
}

TEST_CASE("contra-indication flags are listed beside the drafts, not judged, and do not block") {
  const AcidKnowledge kb;
  IcaSummary ica;
  IcaLine<ContraIndication> ci;
  ci.item.code = Coded(systems::kGstdThesaurus40, "1320", "Zwangerschap");
  ica.contraIndications.push_back(ci);
  const std::vector<MedicationAgreement> released = {Started("x", Prk("7", "PARACETAMOL TABLET 500MG"))};
  const auto check = CheckRelease(released, Overview{}, ica, kb);
  REQUIRE(check.signals.size() == 1);
  CHECK(check.signals[0].kind == ReleaseSignalKind::kContraIndication);
  CHECK(check.signals[0].what == "Zwangerschap");
  CHECK_FALSE(check.signals[0].MustHandle());
  CHECK(ApplyDecisions(released, check, {}).ok());
}
