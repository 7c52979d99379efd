// SPDX-License-Identifier: GPL-3.0-or-later
// The ICA cross-check of the overview (domain/ica_check.h) with the open substance-group table.
#include <catch2/catch.hpp>

#include "builders.h"
#include "domain/ica_check.h"
#include "domain/open_substance_groups.h"

using namespace zb::domain;
using namespace zb::test;

namespace {

const std::string kThes122(systems::kGstdThesaurus122);

Concept Coded(std::string_view system, const std::string& code, const std::string& display) {
  Concept c;
  c.codings.push_back({std::string(system), code, display});
  return c;
}

IcaLine<Allergy> AllergyTo(const Concept& substance, std::vector<std::string> sources,
                           Criticality criticality = Criticality::kHigh) {
  IcaLine<Allergy> line;
  line.item.substance = substance;
  line.item.criticality = criticality;
  line.item.category = AllergyCategory::kMedication;
  line.item.verification = VerificationStatus::kConfirmed;
  Reaction r;
  r.manifestations.push_back(Coded(systems::kSnomed, "39579001", "anafylaxie"));
  line.item.reactions.push_back(r);
  line.sources = std::move(sources);
  return line;
}

IcaLine<SurveillanceDecision> Decision(const Concept& unsafe, std::vector<Concept> safe, std::string source) {
  IcaLine<SurveillanceDecision> line;
  line.item.unsafe = unsafe;
  line.item.safeWithin = std::move(safe);
  line.sources = {std::move(source)};
  return line;
}

TreatmentLine Line(const std::string& mbh, Product product, TreatmentStatus status = TreatmentStatus::kCurrent) {
  TreatmentLine line;
  line.treatment = {"urn:oid:mbh", mbh};
  line.status = status;
  line.product = SharedProduct(std::move(product));
  return line;
}

Overview OverviewOf(std::vector<TreatmentLine> lines) {
  Overview o;
  o.lines = std::move(lines);
  return o;
}

const IcaHit& OnlyHit(const IcaCheck& check, const std::string& mbh) {
  auto it = check.lines.find(mbh);
  REQUIRE(it != check.lines.end());
  REQUIRE(it->second.hits.size() == 1);
  return it->second.hits.front();
}

}  // namespace

TEST_CASE("A penicillin allergy marks amoxicillin/clavulanic acid, recognised by name, as in the group J01C",
          "[ica-check]") {
  IcaSummary ica;
  ica.allergies.push_back(AllergyTo(Coded(kThes122, "35", "PENICILLINES"), {"huisarts", "ziekenhuis"}));
  const auto overview = OverviewOf({Line("amox", Prk("900106", "AMOXICILLINE/CLAVULAANZUUR TABLET 500/125MG")),
                                    Line("meto", Prk("900101", "METOPROLOLSUCCINAAT TABLET MGA 50MG"))});
  const auto check = CheckIca(overview, ica, OpenSubstanceGroups{});
  const auto& hit = OnlyHit(check, "amox");
  CHECK(hit.Warns());
  CHECK(hit.finding == IcaFinding::kHypersensitivity);
  CHECK(hit.item == "PENICILLINES");
  CHECK(hit.sources == std::vector<std::string>{"huisarts", "ziekenhuis"});
  CHECK(hit.criticality == Criticality::kHigh);
  CHECK(hit.reactions == std::vector<std::string>{"anafylaxie"});
  CHECK(hit.match.basis == IcaBasis::kInGroup);
  CHECK(hit.match.substance == "amoxicilline");
  CHECK(hit.match.substanceAtc == "J01CA04");
  CHECK(hit.match.group == "penicillines");
  CHECK(hit.match.groupAtc == "J01C");
  CHECK(hit.match.byName);
  CHECK(check.lines.at("meto").hits.empty());
  CHECK(check.lines.at("meto").substances.front().name == "metoprolol");
  CHECK(check.Warnings() == 1);
  CHECK(check.linesChecked == 2);
  CHECK_FALSE(check.contraIndicationsChecked);
}

TEST_CASE("A surveillance decision's 'safe within the unsafe group' keeps flucloxacillin allowed", "[ica-check]") {
  IcaSummary ica;
  ica.allergies.push_back(AllergyTo(Coded(kThes122, "35", "PENICILLINES"), {"huisarts"}));
  ica.surveillanceDecisions.push_back(
      Decision(Coded(kThes122, "35", "PENICILLINES"), {Coded(systems::kSnk, "40991", "FLUCLOXACILLINE")}, "apotheek"));
  const auto overview = OverviewOf({Line("fluclox", Prk("1", "FLUCLOXACILLINE CAPSULE 500MG")),
                                    Line("amox", Prk("2", "AMOXICILLINE CAPSULE 500MG"))});
  const auto check = CheckIca(overview, ica, OpenSubstanceGroups{});
  const auto& fluclox = check.lines.at("fluclox");
  REQUIRE(fluclox.hits.size() == 2);  // the decision and the allergy, shown but lifted by the decision
  CHECK_FALSE(fluclox.Warns());
  for (const auto& hit : fluclox.hits) CHECK(hit.safeWithinBy == std::vector<std::string>{"apotheek"});
  const auto& amox = check.lines.at("amox");
  REQUIRE(amox.hits.size() == 2);  // the decision and the allergy
  CHECK(amox.Warns());
  CHECK(amox.hits[0].finding == IcaFinding::kHypersensitivity);  // high criticality first
  CHECK(amox.hits[1].finding == IcaFinding::kSurveillance);
}

TEST_CASE("An allergy to the substance itself still warns when the group allows it", "[ica-check]") {
  IcaSummary ica;
  ica.allergies.push_back(AllergyTo(Coded(systems::kSnk, "40991", "FLUCLOXACILLINE"), {"ziekenhuis"}));
  ica.surveillanceDecisions.push_back(
      Decision(Coded(kThes122, "35", "PENICILLINES"), {Coded(systems::kSnk, "40991", "FLUCLOXACILLINE")}, "apotheek"));
  const auto check =
      CheckIca(OverviewOf({Line("fluclox", Prk("1", "FLUCLOXACILLINE CAPSULE 500MG"))}), ica, OpenSubstanceGroups{});
  const auto& line = check.lines.at("fluclox");
  REQUIRE(line.hits.size() == 2);
  CHECK(line.Warns());
  CHECK(line.hits[0].finding == IcaFinding::kHypersensitivity);
  CHECK(line.hits[0].match.basis == IcaBasis::kSameSubstance);
  CHECK(line.hits[0].Warns());
  CHECK_FALSE(line.hits[1].Warns());  // the group decision, lifted for flucloxacillin
}

TEST_CASE("The same code at any product level is a hit without any knowledge base", "[ica-check]") {
  Product norvasc;
  norvasc.codes.push_back({ProductCodeLevel::kHpk, {std::string(systems::kHpk), "642916", "NORVASC TABLET 5MG"}, true});
  IcaSummary ica;
  auto reaction = AllergyTo(Coded(systems::kHpk, "642916", "NORVASC TABLET 5MG"), {"apotheek"}, Criticality::kLow);
  reaction.item.reactionRecord = true;
  ica.allergies.push_back(reaction);
  const auto check = CheckIca(OverviewOf({Line("aml", norvasc)}), ica, OpenSubstanceGroups{});
  const auto& hit = OnlyHit(check, "aml");
  CHECK(hit.finding == IcaFinding::kReaction);
  CHECK(hit.match.basis == IcaBasis::kSameCode);
  CHECK(hit.match.level == "HPK");
  CHECK(hit.match.code == "642916");
  CHECK(SameCode(Coded(systems::kPrk, "642916", "x"), norvasc) == std::nullopt);  // same digits, other system
}

TEST_CASE("ATC codes in the data are used before names: an ATC class allergy covers the coded product", "[ica-check]") {
  Product p = Prk("9", "PRODUCT ZONDER HERKENBARE NAAM");
  p.codes.push_back({ProductCodeLevel::kOther, {std::string(systems::kAtc), "M01AE01", "ibuprofen"}, false});
  IcaSummary ica;
  ica.allergies.push_back(AllergyTo(Coded(systems::kAtc, "M01A", "NSAID's"), {"huisarts"}));
  const auto check = CheckIca(OverviewOf({Line("ibu", p)}), ica, OpenSubstanceGroups{});
  const auto& hit = OnlyHit(check, "ibu");
  CHECK(hit.match.basis == IcaBasis::kInGroup);
  CHECK(hit.match.groupAtc == "M01A");
  CHECK(hit.match.group == "NSAID's");
  CHECK_FALSE(hit.match.byName);
}

TEST_CASE("Only what the patient takes or will take is checked, against current items only", "[ica-check]") {
  IcaSummary ica;
  auto old = AllergyTo(Coded(kThes122, "35", "PENICILLINES"), {"huisarts"});
  old.current = false;
  ica.allergies.push_back(old);
  ica.allergies.push_back(AllergyTo(Coded(systems::kSnk, "2453", "IBUPROFEN"), {"huisarts"}));
  auto food = AllergyTo(Coded(systems::kSnomed, "256349002", "pinda"), {"huisarts"});
  food.item.category = AllergyCategory::kFood;
  ica.allergies.push_back(food);
  const auto overview =
      OverviewOf({Line("amox", Prk("1", "AMOXICILLINE CAPSULE 500MG")),
                  Line("ibu-stopped", Prk("2", "IBUPROFEN TABLET 400MG"), TreatmentStatus::kRecentlyStopped),
                  Line("ibu-future", Prk("3", "IBUPROFEN TABLET 400MG"), TreatmentStatus::kFuture),
                  Line("ibu-paused", Prk("4", "IBUPROFEN TABLET 400MG"), TreatmentStatus::kSuspended)});
  const auto check = CheckIca(overview, ica, OpenSubstanceGroups{});
  CHECK(check.lines.at("amox").hits.empty());  // the penicillin allergy is no longer current
  CHECK(check.lines.count("ibu-stopped") == 0);
  CHECK(OnlyHit(check, "ibu-future").match.basis == IcaBasis::kSameSubstance);
  CHECK(OnlyHit(check, "ibu-paused").Warns());
  CHECK(check.itemsChecked == 2);
}

TEST_CASE("Names fold alike across sources: diacritics, apostrophes, case and salt forms", "[ica-check]") {
  CHECK(FoldName("NSAID's") == FoldName("nsaids"));
  CHECK(FoldName("nitrofurantoïne") == "NITROFURANTOINE");
  CHECK(FoldName("Bètablokkers") == "BETABLOKKERS");
  const OpenSubstanceGroups kb;
  const auto meto = kb.SubstancesOf(Prk("1", "METOPROLOLSUCCINAAT TABLET MGA 50MG"));
  REQUIRE(meto.size() == 1);
  CHECK(meto.front().atc == "C07AB02");
  const auto nitro = kb.SubstancesOf(Prk("2", "NITROFURANTOINE CAPSULE MGA 100MG"));
  REQUIRE(nitro.size() == 1);
  CHECK(nitro.front().name == "nitrofurantoïne");
  CHECK(kb.SubstancesOf(Prk("3", "TABLET 50MG")).empty());
  CHECK(kb.Covers(Coded(kThes122, "x", "Bètablokkers"), Prk("4", "METOPROLOLSUCCINAAT TABLET MGA 50MG")));
  CHECK_FALSE(kb.Covers(Coded(kThes122, "x", "PENICILLINES"), Prk("5", "CEFUROXIM TABLET 500MG")));
  CHECK(kb.Covers(Coded(kThes122, "x", "BETALACTAMANTIBIOTICA"), Prk("5", "CEFUROXIM TABLET 500MG")));
  // The code's display is the meaning; a narrative text that names the exception is not read.
  Concept narrated = Coded(kThes122, "035", "PENICILLINES");
  narrated.text = "Monitor the use of PENICILLINES (with the exception of FLUCLOXACILLINE).";
  const auto fluclox = kb.Covers(narrated, Prk("7", "FLUCLOXACILLINE CAPSULE 500MG"));
  REQUIRE(fluclox);
  CHECK(fluclox->basis == IcaBasis::kInGroup);
  // A combination allergen names both substances.
  CHECK(kb.Covers(Coded(kThes122, "57", "AMOXICILLINE/AMPICILLINE"), Prk("6", "AMPICILLINE INJPDR 1G")));
}

TEST_CASE("The open table is consistent: every ATC code well formed, every name unique", "[ica-check]") {
  for (const auto& problem : OpenSubstanceGroups::TableProblems()) UNSCOPED_INFO(problem);
  CHECK(OpenSubstanceGroups::TableProblems().empty());
  const OpenSubstanceGroups kb;
  CHECK(kb.Name().find("ATC") != std::string::npos);
  CHECK_FALSE(kb.ChecksContraIndications());
  CHECK_FALSE(kb.Contraindicated(Coded(systems::kGstdThesaurus40, "1242", "NIERFUNCTIE"), Prk("1", "IBUPROFEN")));
}
