// SPDX-License-Identifier: GPL-3.0-or-later
// The home's formulary: search by name and substance, a product found by its G-Standaard codes,
// "niet op formularium" with the same ATC class offered, and a product outside it only with a reason.
#include <catch2/catch.hpp>

#include "builders.h"
#include "domain/formulary.h"
#include "domain/open_substance_groups.h"

using namespace zb::domain;

namespace {

Formulary Home() {
  return Formulary(
      {{"Pantoprazol tablet msr 40mg", "40 mg", "tablet", "900123", "900223", "", "A02BC02", "pantoprazol", true},
       {"Furosemide tablet 40mg", "40 mg", "tablet", "900103", "900203", "", "C03CA01", "furosemide", true},
       {"Pantoprazol tablet msr 20mg", "20 mg", "tablet", "900120", "900220", "", "A02BC02", "pantoprazol", true},
       {"Esomeprazol capsule 20mg", "20 mg", "capsule", "", "", "900399", "A02BC05", "esomeprazol", false}},
      "Formularium De Linde", Date(2026, 11, 1));
}

Product Omeprazol() {
  Product p = zb::test::Prk("900105", "OMEPRAZOL CAPSULE MSR 20MG");
  p.codes.push_back(
      {ProductCodeLevel::kGpk, {std::string(systems::kGpk), "900205", "OMEPRAZOL CAPSULE MSR 20MG"}, false});
  return p;
}

}  // namespace

TEST_CASE("the formulary is searched by every word in name or substance, by name") {
  const auto f = Home();
  auto pantoprazol = f.Search("PANTO");
  REQUIRE(pantoprazol.size() == 2);
  CHECK(pantoprazol[0]->strength == "20 mg");  // by name: "…20mg" before "…40mg"
  CHECK(f.Search("pantoprazol 40").size() == 1);
  CHECK(f.Search("prazol").size() == 3);
  CHECK(f.Search("omeprazol").size() == 1);  // esomeprazol contains it; omeprazol itself is not kept
  CHECK(f.Search("  ").empty());
  CHECK(f.Search("metoprolol").empty());
}

TEST_CASE("a product on the formulary is found by its codes, one outside it gets its ATC class offered") {
  const auto f = Home();
  const OpenSubstanceGroups knowledge;
  const auto furosemide = zb::test::Prk("900103", "FUROSEMIDE TABLET 40MG");
  const auto on = f.Check(furosemide, &knowledge);
  REQUIRE(on.OnFormulary());
  CHECK(on.item->name == "Furosemide tablet 40mg");
  CHECK(on.alternatives.empty());

  Product byHpk;
  byHpk.codes.push_back({ProductCodeLevel::kHpk, {std::string(systems::kHpk), "900399", "ESOMEPRAZOL"}, true});
  CHECK(f.Find(byHpk) == &f.items()[3]);

  // Omeprazol is not kept: niet op formularium, and the proton pump inhibitors that are (A02BC).
  const auto off = f.Check(Omeprazol(), &knowledge);
  CHECK_FALSE(off.OnFormulary());
  CHECK(off.atc == "A02BC01");
  REQUIRE(off.alternatives.size() == 3);
  CHECK(off.alternatives[0]->name == "Esomeprazol capsule 20mg");
  CHECK(off.alternatives[1]->name == "Pantoprazol tablet msr 20mg");
  // Without a knowledge base the ATC of an unknown product is unknown: nothing is offered, nothing guessed.
  CHECK(f.Check(Omeprazol(), nullptr).alternatives.empty());
}

TEST_CASE("a formulary item becomes the product a draft writes, prescribed at PRK level") {
  const auto f = Home();
  const auto p = ToProduct(f.items()[0]);
  REQUIRE(p.Primary());
  CHECK(p.Primary()->level == ProductCodeLevel::kPrk);
  CHECK(p.Primary()->coding.code == "900123");
  CHECK(p.At(ProductCodeLevel::kGpk)->coding.code == "900223");
  CHECK(p.text == "Pantoprazol tablet msr 40mg");
  CHECK(f.Find(p) == &f.items()[0]);
  const auto hpkOnly = ToProduct(f.items()[3]);
  CHECK(hpkOnly.Primary()->level == ProductCodeLevel::kHpk);
}

TEST_CASE("a draft for a product outside the formulary needs a reason") {
  const auto f = Home();
  MedicationDraft start;
  start.action = DraftAction::kStart;
  start.product = Omeprazol();
  auto refused = CheckAgainstFormulary(start, f);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == ErrorCode::kMissing);
  CHECK(refused.error().detail.find("OMEPRAZOL CAPSULE MSR 20MG is not on the formulary") != std::string::npos);
  start.offFormularyReason = "   ";
  CHECK_FALSE(CheckAgainstFormulary(start, f).ok());
  start.offFormularyReason = "pantoprazol gaf eerder diarree";
  CHECK(CheckAgainstFormulary(start, f).ok());

  MedicationDraft fromList;
  fromList.action = DraftAction::kChange;
  fromList.product = ToProduct(f.items()[2]);
  CHECK(CheckAgainstFormulary(fromList, f).ok());
  MedicationDraft stop;  // no new product: nothing to check
  stop.action = DraftAction::kStop;
  CHECK(CheckAgainstFormulary(stop, f).ok());
  start.offFormularyReason.clear();
  CHECK(CheckAgainstFormulary(start, Formulary{}).ok());  // no formulary imported: no restriction
}
