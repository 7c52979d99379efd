// SPDX-License-Identifier: GPL-3.0-or-later
// The on-call report's rules: what stops signing (each problem names its field), signing freezes a
// version, a correction is a new version that replaces the signed one (waarneem.md B-R1).
#include <boost/date_time/posix_time/posix_time.hpp>
#include <catch2/catch.hpp>

#include "domain/locum_report.h"
#include "locum_example.h"

using namespace zb;
namespace d = zb::domain;

namespace {

const d::Instant kNight = boost::posix_time::from_iso_extended_string("2026-12-02T02:05:00");

std::vector<std::string> Fields(const d::LocumReport& r, d::Instant now = kNight) {
  std::vector<std::string> out;
  for (const auto& p : d::SignProblems(r, now)) out.push_back(p.field);
  return out;
}

bool Names(const d::LocumReport& r, const std::string& field) {
  const auto fields = Fields(r);
  return std::find(fields.begin(), fields.end(), field) != fields.end();
}

}  // namespace

TEST_CASE("a complete on-call draft has nothing that stops signing") {
  CHECK(Fields(test::ExampleLocumDraft()).empty());
}

TEST_CASE("each missing or wrong part of an on-call report is named by its field") {
  auto r = test::ExampleLocumDraft();
  SECTION("no reason") {
    r.reason = "  \n";
    CHECK(Fields(r) == std::vector<std::string>{"reason"});
  }
  SECTION("neither evaluation, diagnosis nor plan") {
    r.evaluation.clear();
    r.diagnoses.clear();
    r.episodeProposal = false;
    r.plan.clear();
    CHECK(Fields(r) == std::vector<std::string>{"evaluation"});
  }
  SECTION("a plan alone is enough") {
    r.evaluation.clear();
    r.diagnoses.clear();
    r.episodeProposal = false;
    CHECK(Fields(r).empty());
  }
  SECTION("a contact in the future, or ending before it starts") {
    r.contact.start = kNight + boost::posix_time::minutes(5);
    CHECK(Names(r, "contact.start"));
    r = test::ExampleLocumDraft();
    r.contact.end = r.contact.start - boost::posix_time::minutes(1);
    CHECK(Fields(r) == std::vector<std::string>{"contact.end"});
  }
  SECTION("urgency outside U1..U5") {
    r.contact.urgency = 6;
    CHECK(Fields(r) == std::vector<std::string>{"contact.urgency"});
  }
  SECTION("an implausible vital sign names its index") {
    r.vitals[2].value = 3.72;  // temperature typed without the decimal point's place
    CHECK(Fields(r) == std::vector<std::string>{"vitals[2]"});
    r.vitals[2].value = 37.2;
    r.vitals[0].diastolic = 140;  // diastolic above systolic
    CHECK(Fields(r) == std::vector<std::string>{"vitals[0]"});
  }
  SECTION("a diagnosis outside ICPC-1-NL and SNOMED") {
    r.diagnoses.push_back({"http://hl7.org/fhir/sid/icd-10", "W19", "Val"});
    CHECK(Fields(r) == std::vector<std::string>{"diagnoses[1]"});
  }
  SECTION("an episode proposal without a coded diagnosis") {
    r.diagnoses.clear();
    CHECK(Fields(r) == std::vector<std::string>{"diagnoses"});
  }
  SECTION("a request without text, or due before the contact") {
    r.requests[0].text = "";
    r.requests[1].due = d::Date(2026, 12, 1);
    CHECK(Fields(r) == std::vector<std::string>{"requests[0].text", "requests[1].due"});
  }
  SECTION("a medication change without its agreement") {
    r.medication[0].agreement = {};
    CHECK(Fields(r) == std::vector<std::string>{"medication[0]"});
  }
  SECTION("only a physician signs (B-R1), with a DEZI number and an organisation") {
    r.author.roleCode = "30.000";  // verpleegkundige
    CHECK(Fields(r) == std::vector<std::string>{"author.role"});
    r.author.roleCode = "01.000";  // basisarts (ANIOS): covers shifts
    CHECK(Fields(r).empty());
    r.author.deziNumber.clear();
    r.author.organisationUra.clear();
    CHECK(Fields(r) == std::vector<std::string>{"author", "author.organisation"});
  }
  SECTION("no valid patient") {
    r.patient.bsn.reset();
    r.patient.name = "";
    CHECK(Fields(r) == std::vector<std::string>{"patient.bsn", "patient.name"});
  }
}

TEST_CASE("signing freezes a draft as final, and a correction is a new version signed as amended") {
  const auto draft = test::ExampleLocumDraft();
  auto refused = d::Sign(
      [&] {
        auto r = draft;
        r.reason.clear();
        return r;
      }(),
      kNight);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == d::ErrorCode::kRefused);
  CHECK(refused.error().detail.find("reason") != std::string::npos);

  auto signedReport = d::Sign(draft, kNight);
  REQUIRE(signedReport);
  CHECK(signedReport->status == d::ReportStatus::kFinal);
  CHECK(signedReport->signedAt == kNight);
  CHECK_FALSE(d::Sign(signedReport.value(), kNight));  // a signed version is not signed again

  CHECK_FALSE(d::Correct(draft, "other"));                          // a draft is edited, not corrected
  CHECK_FALSE(d::Correct(signedReport.value(), signedReport->id));  // a new version has its own id
  auto correction = d::Correct(signedReport.value(), "9d0c6f1e-0000-4000-8000-000000000002");
  REQUIRE(correction);
  CHECK(correction->status == d::ReportStatus::kDraft);
  CHECK(correction->replaces == draft.id);
  CHECK(correction->version == 2);
  CHECK_FALSE(correction->signedAt);
  auto amended = d::Sign(correction.value(), kNight + boost::posix_time::hours(1));
  REQUIRE(amended);
  CHECK(amended->status == d::ReportStatus::kAmended);
  CHECK(signedReport->status == d::ReportStatus::kFinal);  // the first version is unchanged
}
