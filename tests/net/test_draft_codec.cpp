// SPDX-License-Identifier: GPL-3.0-or-later
// A draft as the store keeps it: every field reads back exactly, and a damaged or foreign text is
// refused with what is wrong, never half-restored.
#include <catch2/catch.hpp>

#include "builders.h"
#include "net/fhir/draft_codec.h"

using namespace zb;
using test::Daily;
namespace d = zb::domain;

namespace {

d::MedicationDraft FullDraft() {
  d::MedicationDraft draft;
  draft.action = d::DraftAction::kChange;
  draft.treatment = {"urn:oid:2.16.840.1.113883.2.4.3.11.999.35", "MBH-METFORMINE-1"};
  draft.against = {"urn:oid:2.16.840.1.113883.2.4.3.11.999.77.1.1", "MA-METFORMINE-1"};
  draft.againstRegistered = test::Day(-3, 9, 30);
  draft.reason.codings.push_back({"http://snomed.info/sct", "266721009", "Geen effect van medicatie"});
  auto product = test::Prk("12345", "METFORMINE TABLET 850MG");
  product.form.codings.push_back({"urn:oid:2.16.840.1.113883.2.4.4.1.750", "1", "Tablet"});
  draft.product = product;
  auto morning = Daily(2, "1.5");
  morning.asNeeded = true;
  morning.asNeededCriterion.codings.push_back({"urn:oid:2.16.840.1.113883.2.4.4.5", "1028", "Bij pijn"});
  morning.timing.timeOfDay = {"08:00:00", "20:00:00"};
  morning.timing.boundsDuration = d::Duration{14, "d"};
  draft.dosage = {morning, Daily(1, "850", "mg")};
  draft.renderedDosage = "gedurende 14 dagen, 2 maal per dag 1,5 stuk, oraal";
  draft.pauseUntil = test::Day(5);
  draft.additionalInformation.push_back(
      {"urn:oid:2.16.840.1.113883.2.4.3.11.60.20.77.5.2.14", "7", "Per volgende rolwissel"});
  d::DispenseDraft dispense;
  dispense.quantity.decimal = "60";
  dispense.quantity.unit = "stuk";
  dispense.quantity.system = "http://unitsofmeasure.org";
  dispense.quantity.code = "1";
  dispense.pharmacy = {"Apotheek De Linde", d::Coding{"http://fhir.nl/fhir/NamingSystem/agb-z", "06010101", ""}};
  dispense.dispenseLocation = {"Afdeling Linde", std::nullopt};
  dispense.wishes.push_back({"urn:oid:2.16.840.1.113883.2.4.3.11.60.20.77.5.2.9", "1", "Spoed"});
  draft.dispense = dispense;
  draft.offFormularyReason = "slikproblemen: alleen als drank";
  return draft;
}

bool Same(const d::MedicationDraft& a, const d::MedicationDraft& b) {
  return a.action == b.action && a.treatment == b.treatment && a.against == b.against &&
         a.againstRegistered == b.againstRegistered && a.reason == b.reason && a.product == b.product &&
         a.dosage == b.dosage && a.renderedDosage == b.renderedDosage && a.pauseUntil == b.pauseUntil &&
         a.additionalInformation == b.additionalInformation && a.offFormularyReason == b.offFormularyReason &&
         a.dispense.has_value() == b.dispense.has_value() &&
         (!a.dispense ||
          (a.dispense->quantity == b.dispense->quantity && a.dispense->pharmacy == b.dispense->pharmacy &&
           a.dispense->dispenseLocation == b.dispense->dispenseLocation && a.dispense->wishes == b.dispense->wishes));
}

}  // namespace

TEST_CASE("a draft reads back exactly as it was written") {
  const auto draft = FullDraft();
  const auto text = net::fhir::EncodeDraft(draft);
  auto back = net::fhir::DecodeDraft(text, "draft 1");
  REQUIRE(back.ok());
  CHECK(Same(back.value(), draft));
  CHECK(back.value().dosage == draft.dosage);
  CHECK(back.value().product == draft.product);
  CHECK(back.value().reason == draft.reason);
  CHECK(back.value().dispense->pharmacy == draft.dispense->pharmacy);
  CHECK(back.value().dispense->quantity == draft.dispense->quantity);
  CHECK(net::fhir::EncodeDraft(back.value()) == text);

  d::MedicationDraft stop;  // the smallest: a stop with its reason
  stop.action = d::DraftAction::kStop;
  stop.treatment = draft.treatment;
  stop.against = draft.against;
  stop.reason = draft.reason;
  auto small = net::fhir::DecodeDraft(net::fhir::EncodeDraft(stop), "draft 2");
  REQUIRE(small.ok());
  CHECK(Same(small.value(), stop));
  CHECK_FALSE(small.value().dispense);
}

TEST_CASE("a damaged or foreign draft text is refused, naming the draft and what is wrong") {
  auto text = net::fhir::EncodeDraft(FullDraft());
  auto expectRefused = [](const std::string& t, const std::string& part) {
    auto r = net::fhir::DecodeDraft(t, "draft 7");
    REQUIRE_FALSE(r.ok());
    INFO(r.error().detail);
    CHECK(r.error().detail.find("draft 7") != std::string::npos);
    CHECK(r.error().detail.find(part) != std::string::npos);
  };
  expectRefused("", "not JSON");
  expectRefused("[1,2]", "not a JSON object");
  expectRefused(R"({"format":"something-else","version":1,"action":"stop"})", "not a medication draft");
  expectRefused(R"({"format":"zorgbrug-medication-draft","version":2,"action":"stop"})", "another version");
  expectRefused(R"({"format":"zorgbrug-medication-draft","version":1,"action":"wegdoen"})", "unknown action 'wegdoen'");
  auto badDose = text;
  const auto at = badDose.find("\"frequency\":2");
  REQUIRE(at != std::string::npos);
  badDose.replace(at, 13, "\"frequency\":\"twee\"");
  expectRefused(badDose, "frequency");
  auto badDate = text;
  const auto pause = badDate.find("\"pauseUntil\":\"");
  REQUIRE(pause != std::string::npos);
  badDate.replace(pause + 14, 10, "2026-02-30");
  expectRefused(badDate, "pauseUntil");
}
