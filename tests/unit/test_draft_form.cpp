// SPDX-License-Identifier: GPL-3.0-or-later
// The draft editor's form turned into a draft: a start needs a product and a dose, a change a
// reason and a new product or dose, a dispense request a quantity in a known unit and a pharmacy;
// each refusal names the field.
#include <catch2/catch.hpp>

#include "domain/draft_form.h"

using namespace zb::domain;

namespace {

FormularyItem Pantoprazol() {
  return {"Pantoprazol tablet msr 40mg", "40 mg", "tablet", "900123", "900223", "", "A02BC02", "pantoprazol", true};
}

DraftForm ChangeForm() {
  DraftForm f;
  f.action = DraftAction::kChange;
  f.treatment = {"urn:oid:2.999.3", "mbh-omeprazol"};
  f.dose.amount = "1";
  f.dose.unit = "245";
  f.dose.timesPerDay = 1;
  f.dose.route = *FindDoseRoute("oraal");
  f.reasonCode = ChangeOrStopReasonCodes().front();
  return f;
}

}  // namespace

TEST_CASE("a change from the editor carries the chosen product, the dose in MP9 words and the reason") {
  const auto item = Pantoprazol();
  auto form = ChangeForm();
  form.item = &item;
  form.gds = GdsTiming::kNextRollChange;
  auto draft = MakeDraft(form);
  REQUIRE(draft);
  CHECK(draft->product->DisplayName() == "Pantoprazol tablet msr 40mg");
  CHECK(draft->product->At(ProductCodeLevel::kPrk)->coding.code == "900123");
  CHECK(draft->renderedDosage == "1 maal per dag 1 stuk, Oraal");
  CHECK(draft->reason.codings.front().code == ChangeOrStopReasonCodes().front());
  REQUIRE(draft->additionalInformation.size() == 1);
  CHECK(draft->additionalInformation[0].code == "7");
  CHECK_FALSE(draft->dispense);
}

TEST_CASE("the editor's refusals name the field to fix") {
  auto form = ChangeForm();
  form.reasonCode.clear();
  CHECK_THAT(MakeDraft(form).error().detail, Catch::StartsWith("reason:"));
  form = ChangeForm();
  form.doseGiven = false;  // neither a new product nor a new dose
  CHECK_THAT(MakeDraft(form).error().detail, Catch::StartsWith("dose:"));
  form = ChangeForm();
  form.dose.amount = "0,5";
  CHECK_THAT(MakeDraft(form).error().detail, Catch::Contains("amount"));
  form = ChangeForm();
  form.otherPrk = "12ab";
  CHECK_THAT(MakeDraft(form).error().detail, Catch::StartsWith("product:"));
  form = ChangeForm();
  form.treatment = {};
  CHECK_THAT(MakeDraft(form).error().detail, Catch::StartsWith("line:"));
  DraftForm start;
  start.action = DraftAction::kStart;
  start.dose = ChangeForm().dose;
  CHECK_THAT(MakeDraft(start).error().detail, Catch::StartsWith("product:"));
  start.otherPrk = "900999";
  auto outside = MakeDraft(start);
  REQUIRE(outside);  // the formulary check itself (a reason) is the store's, on Save
  CHECK(outside->product->At(ProductCodeLevel::kPrk)->coding.code == "900999");
  CHECK(outside->reason.empty());
}

TEST_CASE("a dispense request from the editor: quantity in G-Standaard units, pharmacy, ward and AanvWensVV wishes") {
  const auto item = Pantoprazol();
  auto form = ChangeForm();
  form.item = &item;
  form.dispense.wanted = true;
  form.dispense.quantity = "30";
  form.dispense.unit = "stuk";
  CHECK_THAT(MakeDraft(form).error().detail, Catch::StartsWith("pharmacy:"));
  form.dispense.pharmacy = Actor{"Dienstapotheek Utrecht Stad", Coding{std::string(systems::kAgb), "06000490", ""}};
  form.dispense.ward = "Afdeling De Linde";
  form.dispense.urgent = true;
  form.dispense.deliver = true;
  auto draft = MakeDraft(form);
  REQUIRE(draft);
  REQUIRE(draft->dispense);
  const auto& vv = *draft->dispense;
  CHECK(vv.quantity.decimal == "30");
  CHECK(vv.quantity.code == "1");
  CHECK(vv.quantity.gstdUnit->code == "245");
  CHECK(vv.pharmacy.identifier->code == "06000490");
  CHECK(vv.dispenseLocation.display == "Afdeling De Linde");
  REQUIRE(vv.wishes.size() == 2);
  CHECK(vv.wishes[0].system == systems::kVvAdditionalWishes);
  CHECK(vv.wishes[0].code == "1");
  CHECK(vv.wishes[1].code == "3");
  form.dispense.quantity = "dertig";
  CHECK_THAT(MakeDraft(form).error().detail, Catch::Contains("dispense quantity"));
  form.dispense.wanted = false;
  CHECK_FALSE(MakeDraft(form)->dispense);
}
