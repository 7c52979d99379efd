// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "builders.h"
#include "domain/ica.h"

using namespace zb::domain;
using namespace zb::test;

namespace {
Allergy MakeAllergy(const std::string& id, const std::string& source, const std::string& code, Criticality c,
                    ClinicalStatus status = ClinicalStatus::kActive) {
  Allergy a;
  a.id = {"urn:oid:ai", id};
  a.source = source;
  a.substance.codings = {{"urn:oid:2.16.840.1.113883.2.4.4.1.902.122", code, "stof " + code}};
  a.criticality = c;
  a.clinical = status;
  a.verification = VerificationStatus::kConfirmed;
  return a;
}
}  // namespace

TEST_CASE("One allergy reported by two sources is one line naming both", "[ica]") {
  IcaData data;
  data.allergies.push_back(MakeAllergy("a1", "huisarts", "35", Criticality::kHigh));
  data.allergies.push_back(MakeAllergy("a2", "ziekenhuis", "35", Criticality::kHigh));
  const auto s = SummarizeIca(data, At(0));
  REQUIRE(s.allergies.size() == 1);
  CHECK(s.allergies.front().sources == std::vector<std::string>{"huisarts", "ziekenhuis"});
}

TEST_CASE("Entered-in-error and refuted allergies are left out: inactive ones kept as not current", "[ica]") {
  IcaData data;
  auto wrong = MakeAllergy("a1", "huisarts", "1", Criticality::kLow);
  wrong.verification = VerificationStatus::kEnteredInError;
  auto refuted = MakeAllergy("a2", "huisarts", "2", Criticality::kLow);
  refuted.verification = VerificationStatus::kRefuted;
  data.allergies = {wrong, refuted, MakeAllergy("a3", "huisarts", "3", Criticality::kLow, ClinicalStatus::kInactive)};
  const auto s = SummarizeIca(data, At(0));
  REQUIRE(s.allergies.size() == 1);
  CHECK_FALSE(s.allergies.front().current);
}

TEST_CASE("Current high-criticality allergies come first", "[ica]") {
  IcaData data;
  data.allergies = {MakeAllergy("a1", "huisarts", "1", Criticality::kLow),
                    MakeAllergy("a2", "huisarts", "2", Criticality::kHigh),
                    MakeAllergy("a3", "huisarts", "3", Criticality::kHigh, ClinicalStatus::kResolved),
                    MakeAllergy("a4", "huisarts", "4", Criticality::kUnknown)};
  const auto s = SummarizeIca(data, At(0));
  REQUIRE(s.allergies.size() == 4);
  CHECK(s.allergies[0].item.id.value == "a2");
  CHECK(s.allergies[1].item.id.value == "a4");
  CHECK(s.allergies[2].item.id.value == "a1");
  CHECK(s.allergies[3].item.id.value == "a3");
  CHECK(s.HasCurrent());
}

TEST_CASE("Contra-indications are current within their period, both CiO and zib categories", "[ica]") {
  IcaData data;
  ContraIndication ci;
  ci.id = {"urn:oid:ci", "c1"};
  ci.source = "apotheek";
  ci.categoryCode = "350241000146102";
  ci.status = FlagStatus::kActive;
  ci.start = Day(-10);
  ContraIndication old = ci;
  old.id.value = "c2";
  old.categoryCode = "140401000146105";
  old.end = Day(-5);
  ContraIndication wrong = ci;
  wrong.id.value = "c3";
  wrong.status = FlagStatus::kEnteredInError;
  data.contraIndications = {ci, old, wrong};
  const auto s = SummarizeIca(data, At(0));
  REQUIRE(s.contraIndications.size() == 2);
  CHECK(s.contraIndications[0].item.id.value == "c1");
  CHECK(s.contraIndications[0].current);
  CHECK_FALSE(s.contraIndications[1].current);
}
