// SPDX-License-Identifier: GPL-3.0-or-later
// How the desktop reads one holder answer: every shape of answer ends in one status with a reason,
// including JSON that is valid but not what a holder should send (found by fuzzing: a number beyond
// double range, members of the wrong type).
#include <catch2/catch.hpp>

#include "answer.h"

using zb::domain::SourceStatus;
using zb::net::client::ReadAnswer;
using zb::net::client::ReadGatewayRefusal;
using zb::net::http::Response;

namespace {
Response Answer(long status, std::string body, std::vector<zb::net::http::Header> headers = {}) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  r.headers = std::move(headers);
  return r;
}
const std::string kRefusal =
    R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"suppressed","diagnostics":"Patient refused",)"
    R"("details":{"coding":[{"system":"https://zorgbrug.nl/fhir/CodeSystem/access-outcome","code":"consent-refused"}]}}]})";
}  // namespace

TEST_CASE("a searchset with matches and includes is data, with its next page") {
  const auto a = ReadAnswer(
      "MA",
      Answer(200,
             R"({"resourceType":"Bundle","type":"searchset","link":[{"relation":"next","url":"https://h/fhir/x?p=2"}],
    "entry":[{"resource":{"resourceType":"MedicationRequest","id":"1"},"search":{"mode":"match"}},
             {"resource":{"resourceType":"Medication","id":"2"},"search":{"mode":"include"}}]})"));
  CHECK(a.outcome.status == SourceStatus::kData);
  CHECK(a.matches == 1);
  CHECK(a.entries.size() == 2);
  REQUIRE(a.next);
  CHECK(*a.next == "https://h/fhir/x?p=2");
  CHECK(ReadAnswer("MA", Answer(200, R"({"resourceType":"Bundle","type":"searchset"})")).outcome.status ==
        SourceStatus::kNoData);
}

TEST_CASE("consent decisions are read from 403 and from an outcome entry, a bare 403 is a refusal without reason") {
  const auto refused = ReadAnswer("MA", Answer(403, kRefusal));
  CHECK(refused.outcome.status == SourceStatus::kConsentRefused);
  CHECK(refused.outcome.detail == "Patient refused");
  const auto entry = ReadAnswer(
      "MA",
      Answer(200, R"({"resourceType":"Bundle","entry":[{"search":{"mode":"outcome"},"resource":)" + kRefusal + "}]}"));
  CHECK(entry.outcome.status == SourceStatus::kConsentRefused);
  CHECK(entry.entries.empty());
  const auto bare = ReadAnswer("MA", Answer(403, ""));
  CHECK(bare.outcome.status == SourceStatus::kAccessDenied);
  CHECK(bare.outcome.reason == "not-given");
}

TEST_CASE("a 503 carries its Retry-After, other HTTP errors their code") {
  const auto a = ReadAnswer("MA", Answer(503, "", {{"Retry-After", "7"}}));
  CHECK(a.outcome.status == SourceStatus::kFailed);
  CHECK(a.outcome.reason == "http-503");
  REQUIRE(a.retryAfterSeconds);
  CHECK(*a.retryAfterSeconds == 7);
  CHECK_FALSE(ReadAnswer("MA", Answer(503, "", {{"Retry-After", "Wed, 21 Oct 2026"}})).retryAfterSeconds);
  CHECK(ReadAnswer("MA", Answer(500, "oops")).outcome.reason == "http-500");
}

TEST_CASE("JSON that is valid but not a holder's answer fails its source with a reason, never throws") {
  struct Case {
    const char* body;
    const char* reason;
  };
  const Case cases[] = {
      {R"(7e777777777)", "malformed"},  // beyond double range: nlohmann throws out_of_range, not parse_error
      {R"({"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Condition"}}], "x": 1e999})", "malformed"},
      {R"({"resourceType":5})", "unexpected"},
      {R"([1,2,3])", "unexpected"},
      {R"({"resourceType":"Bundle","entry":{"a":1}})", "malformed"},
      {R"({"resourceType":"Bundle","cut)", "malformed"},
  };
  for (const auto& c : cases) {
    INFO(c.body);
    zb::net::client::Answer a;
    REQUIRE_NOTHROW(a = ReadAnswer("MA", Answer(200, c.body)));
    CHECK(a.outcome.status == SourceStatus::kFailed);
    CHECK(a.outcome.reason == c.reason);
    CHECK(a.entries.empty());
  }
  // Members of the wrong type inside an otherwise good Bundle are skipped, not fatal.
  zb::net::client::Answer odd;
  REQUIRE_NOTHROW(odd = ReadAnswer("MA", Answer(200, R"({"resourceType":"Bundle","link":[{"relation":1,"url":[]},"x"],
      "entry":[{"search":{"mode":3},"resource":{"resourceType":"MedicationRequest","id":1}},{"resource":7}]})")));
  CHECK(odd.outcome.status == SourceStatus::kData);
  CHECK(odd.matches == 1);
  CHECK_FALSE(odd.next);
  REQUIRE_NOTHROW(ReadAnswer(
      "MA",
      Answer(
          403,
          R"({"resourceType":"OperationOutcome","issue":[{"details":{"coding":[{"system":5,"code":[]}]},"diagnostics":{}}]})")));
  CHECK(ReadAnswer("MA", Answer(403, R"({"resourceType":"OperationOutcome","issue":5})")).outcome.status ==
        SourceStatus::kAccessDenied);
}

TEST_CASE("a busy gateway is named with its wait, whichever call it refused (directory or relay)") {
  zb::domain::Error busy{zb::domain::ErrorCode::kUnavailable, "queue full", "gateway_busy", 503, 3};
  const auto outcome = ReadGatewayRefusal("directory", busy);
  CHECK(outcome.status == SourceStatus::kFailed);
  CHECK(outcome.reason == "gateway-busy-3");  // the screen: "gateway druk, probeer over 3 s"
  busy.retryAfterSeconds = 0;                 // no Retry-After: still a wait, never "0 s"
  CHECK(ReadGatewayRefusal("MA", busy).reason == "gateway-busy-1");
  const zb::domain::Error other{zb::domain::ErrorCode::kUnavailable, "down", "holder_unreachable", 502};
  CHECK(ReadGatewayRefusal("MA", other).status == SourceStatus::kUnreachable);
}
