// SPDX-License-Identifier: GPL-3.0-or-later
// Compiling a pre-admission draft into MP9 3.0 blocks (prescribing.md §3, A-R2): which blocks each
// action makes, that they refer to the original by identifier and stay in its treatment, that the
// stop and the new start meet at the release moment, and which drafts are refused and why.
#include <catch2/catch.hpp>

#include "builders.h"
#include "domain/prescription_draft.h"

using namespace zb::domain;
using zb::test::Day;
using zb::test::MaBuilder;

namespace {

const Prescriber kSo{"A. de Vries", "900022159",           "01.047", "Specialist ouderengeneeskunde",
                     "90000380",    "Zorgcentrum De Linde"};

Concept Reason(const std::string& code, const std::string& display) {
  return Concept{{{std::string(systems::kSnomed), code, display}}, ""};
}

struct Mint {
  int n = 0;
  IdentifierMint mint{"urn:oid:2.16.528.1.9999.1", "urn:oid:2.16.528.1.9999.2", "urn:oid:2.16.528.1.9999.3",
                      [this] { return "zb-" + std::to_string(++n); }};
};

MedicationAgreement Original() {
  return MaBuilder("ma-hosp-1", "mbh-1", "ziekenhuis").Start(-3).End(40).Registered(-3);
}

MedicationDraft DraftFor(DraftAction a, const MedicationAgreement& original) {
  MedicationDraft d;
  d.action = a;
  d.treatment = original.h.treatment;
  d.against = original.h.id;
  d.againstRegistered = original.h.registered;
  return d;
}

}  // namespace

TEST_CASE("a stop is one stop-MA: the original's product and dose, ended at the release moment") {
  Mint m;
  const auto original = Original();
  auto draft = DraftFor(DraftAction::kStop, original);
  draft.reason = Reason("182856006", "geneesmiddel niet voorradig");
  const auto moment = Day(1, 14);
  const auto c = CompileDraft(draft, &original, kSo, moment, m.mint).value();
  REQUIRE(c.agreements.size() == 1);
  CHECK(c.dispenseRequests.empty());
  const auto& stop = c.agreements[0];
  CHECK(stop.h.stop.type == StopType::kStopped);
  CHECK(stop.h.stop.coding.code == "410546004");
  CHECK(stop.h.id == BlockId{"urn:oid:2.16.528.1.9999.1", "zb-1"});
  CHECK(stop.h.treatment == original.h.treatment);
  CHECK(stop.priorPrescription == original.h.id);
  CHECK(stop.h.product == original.h.product);
  CHECK(stop.h.dosage == original.h.dosage);
  CHECK(stop.h.period->start == original.h.period->start);
  CHECK(stop.h.period->end == moment);
  CHECK(stop.h.reason == draft.reason);
  CHECK(stop.h.registered == moment);
  CHECK(stop.h.author.display == "A. de Vries, Specialist ouderengeneeskunde, Zorgcentrum De Linde");
  CHECK(stop.h.author.identifier->code == "900022159");
  CHECK(stop.categoryCode == "33633005");
}

TEST_CASE("a change is a new MA starting where the technical stop-MA ends, with the VV based on the new MA") {
  Mint m;
  const auto original = Original();
  auto draft = DraftFor(DraftAction::kChange, original);
  draft.reason = Reason("112191000146101", "medicatietoedieningsweg voldoet niet");
  draft.dosage = {zb::test::Daily(2, "1")};
  draft.renderedDosage = "2 maal per dag 1 stuk";
  draft.additionalInformation = {{std::string(systems::kMaAdditionalInfo), "7", "per volgende GDS-rolwissel"}};
  draft.dispense = DispenseDraft{{"60", "stuk", std::string(systems::kUcum), "1", std::nullopt},
                                 {"Apotheek Test", std::nullopt},
                                 {"Afdeling Linde", std::nullopt},
                                 {}};
  const auto moment = Day(1, 9);
  const auto c = CompileDraft(draft, &original, kSo, moment, m.mint).value();
  REQUIRE(c.agreements.size() == 2);
  const auto& next = c.agreements[0];
  const auto& stop = c.agreements[1];
  CHECK_FALSE(next.h.IsStop());
  CHECK(stop.h.stop.type == StopType::kStopped);
  CHECK(stop.h.reason.empty());  // as 3.2b: the reason is on the new MA only
  CHECK(next.h.reason == draft.reason);
  CHECK(next.h.period->start == moment);
  CHECK(stop.h.period->end == moment);  // gap-free
  CHECK(next.h.period->end == original.h.period->end);
  CHECK(next.h.dosage == draft.dosage);
  CHECK(next.h.product == original.h.product);
  CHECK(next.additionalInformation == draft.additionalInformation);
  CHECK(next.priorPrescription == original.h.id);
  CHECK(stop.priorPrescription == original.h.id);
  CHECK(next.h.id != stop.h.id);
  REQUIRE(c.dispenseRequests.size() == 1);
  const auto& vv = c.dispenseRequests[0];
  CHECK(vv.basedOnAgreement == next.h.id);
  CHECK(vv.h.id.system == "urn:oid:2.16.528.1.9999.2");
  CHECK(vv.quantity->decimal == "60");
  CHECK(vv.performer.display == "Apotheek Test");
  CHECK(vv.dispenseLocation.display == "Afdeling Linde");
}

TEST_CASE("a pause suspends, and with a resume date a new MA with the original dose starts then") {
  Mint m;
  const auto original = Original();
  auto draft = DraftFor(DraftAction::kPause, original);
  draft.reason = Reason("405613005", "verrichting gepland");
  const auto open = CompileDraft(draft, &original, kSo, Day(1, 15), m.mint).value();
  REQUIRE(open.agreements.size() == 1);  // "tot nader order"
  CHECK(open.agreements[0].h.stop.coding.code == "385655000");
  draft.pauseUntil = Day(5);
  const auto until = CompileDraft(draft, &original, kSo, Day(1, 15), m.mint).value();
  REQUIRE(until.agreements.size() == 2);
  CHECK(until.agreements[0].h.period->start == Day(5));
  CHECK(until.agreements[0].h.dosage == original.h.dosage);
  CHECK_FALSE(until.agreements[0].h.IsStop());
  CHECK(until.agreements[1].h.stop.type == StopType::kSuspended);
  draft.pauseUntil = Day(1, 15);  // resuming the moment it pauses
  const auto same = CompileDraft(draft, &original, kSo, Day(1, 15), m.mint);
  REQUIRE_FALSE(same.ok());
  CHECK(same.error().detail.find("the resume date must lie after the start of the pause") != std::string::npos);
}

TEST_CASE("only a future agreement can be cancelled: start = end = release moment") {
  Mint m;
  const auto future = MaBuilder("ma-hosp-2", "mbh-2", "ziekenhuis").Start(7).End(49);
  auto draft = DraftFor(DraftAction::kCancel, future);
  draft.reason = Concept{{{"http://terminology.hl7.org/CodeSystem/v3-NullFlavor", "OTH", "overig"}}, ""};
  const auto c = CompileDraft(draft, &future.ma, kSo, Day(4), m.mint).value();
  REQUIRE(c.agreements.size() == 1);
  CHECK(c.agreements[0].h.stop.coding.code == "89925002");
  CHECK(c.agreements[0].h.period->start == Day(4));
  CHECK(c.agreements[0].h.period->end == Day(4));
  const auto started = CompileDraft(draft, &future.ma, kSo, Day(8), m.mint);
  REQUIRE_FALSE(started.ok());
  CHECK(started.error().code == ErrorCode::kInconsistent);
  CHECK(started.error().detail.find("stop this one instead") != std::string::npos);
}

TEST_CASE("a start is a new treatment, and continue makes no block") {
  Mint m;
  MedicationDraft start;
  start.action = DraftAction::kStart;
  start.product = zb::test::Prk("2001", "PARACETAMOL TABLET 500MG");
  start.dosage = {zb::test::Daily(3, "1")};
  const auto c = CompileDraft(start, nullptr, kSo, Day(1, 10), m.mint).value();
  REQUIRE(c.agreements.size() == 1);
  CHECK(c.agreements[0].h.treatment.system == "urn:oid:2.16.528.1.9999.3");
  CHECK_FALSE(c.agreements[0].priorPrescription);
  const auto original = Original();
  CHECK(CompileDraft(DraftFor(DraftAction::kContinue, original), &original, kSo, Day(1), m.mint)->agreements.empty());
}

TEST_CASE("drafts without a required reason, with a reason outside the value set, or without content are refused") {
  Mint m;
  const auto original = Original();
  for (auto a : {DraftAction::kStop, DraftAction::kPause, DraftAction::kChange}) {
    const auto none = CompileDraft(DraftFor(a, original), &original, kSo, Day(1), m.mint);
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().code == ErrorCode::kMissing);
    CHECK(none.error().detail ==
          std::string("draft '") + ToString(a) + "' for treatment mbh-1: a reason for the change or stop is required");
  }
  auto outside = DraftFor(DraftAction::kStop, original);
  outside.reason = Reason("22298006", "myocardinfarct");
  CHECK(CompileDraft(outside, &original, kSo, Day(1), m.mint).error().code == ErrorCode::kOutOfRange);
  auto two = DraftFor(DraftAction::kStop, original);
  two.reason = Reason("182856006", "geneesmiddel niet voorradig");
  two.reason.codings.push_back({std::string(systems::kSnomed), "79899007", "geneesmiddelinteractie"});
  CHECK_FALSE(CompileDraft(two, &original, kSo, Day(1), m.mint).ok());  // exactly one reason
  auto empty = DraftFor(DraftAction::kChange, original);
  empty.reason = Reason("58848006", "gebrek aan geneesmiddeleffect");
  CHECK(CompileDraft(empty, &original, kSo, Day(1), m.mint).error().detail.find("a new dose or a new product") !=
        std::string::npos);
  auto other = DraftFor(DraftAction::kStop, original);
  other.reason = Reason("182856006", "geneesmiddel niet voorradig");
  other.treatment = {"urn:oid:mbh", "mbh-9"};
  CHECK(CompileDraft(other, &original, kSo, Day(1), m.mint).error().code == ErrorCode::kInconsistent);
  CHECK(CompileDraft(other, nullptr, kSo, Day(1), m.mint).error().code == ErrorCode::kInconsistent);
}
