// SPDX-License-Identifier: GPL-3.0-or-later
// One source, many queries: the rule that gives the source one status (docs/consent-signals.md).
#include <catch2/catch.hpp>

#include "domain/retrieval.h"

using namespace zb::domain;

namespace {

QueryOutcome Q(const std::string& kind, SourceStatus status, const std::string& reason = "") {
  return {kind, status, reason, kind + " detail"};
}

}  // namespace

TEST_CASE("every query answered: data when any returned data, else nothing") {
  CHECK(DecideSource({Q("MA", SourceStatus::kData), Q("TA", SourceStatus::kNoData)})->status == SourceStatus::kData);
  CHECK(DecideSource({Q("MA", SourceStatus::kNoData), Q("TA", SourceStatus::kNoData)})->status ==
        SourceStatus::kNoData);
  CHECK(DecideSource({Q("MA", SourceStatus::kNoData), Q("TA", SourceStatus::kData)})->deciding == 1);
  CHECK_FALSE(DecideSource({}).has_value());
}

TEST_CASE("some queries answered and others failed: partial, the missing kinds named, never 'unreachable'") {
  const auto d = DecideSource({Q("MA", SourceStatus::kData), Q("MVE", SourceStatus::kUnreachable, "holder_timeout"),
                               Q("TA", SourceStatus::kData), Q("MVE", SourceStatus::kUnreachable, "holder_timeout"),
                               Q("VV", SourceStatus::kFailed, "http-500")});
  REQUIRE(d);
  CHECK(d->status == SourceStatus::kPartial);
  CHECK(d->missing == std::vector<std::string>{"MVE", "VV"});  // each kind once, in order
  CHECK(d->deciding == 1);                                     // unreachable explains more than failed
  // Nothing but "no data" next to the failure: still partial, the answered part is known.
  CHECK(DecideSource({Q("MA", SourceStatus::kNoData), Q("TA", SourceStatus::kFailed)})->status ==
        SourceStatus::kPartial);
  // A refusal of one kind next to data: partial, and the refusal is the reason given.
  const auto refused = DecideSource({Q("MA", SourceStatus::kData), Q("MGB", SourceStatus::kUnreachable),
                                     Q("MTD", SourceStatus::kAccessDenied, "access-denied")});
  CHECK(refused->status == SourceStatus::kPartial);
  CHECK(refused->deciding == 2);
  CHECK(refused->missing == std::vector<std::string>{"MGB", "MTD"});
}

TEST_CASE("no query answered: the most telling refusal or failure decides") {
  CHECK(DecideSource({Q("MA", SourceStatus::kUnreachable), Q("TA", SourceStatus::kConsentRefused)})->status ==
        SourceStatus::kConsentRefused);
  CHECK(DecideSource({Q("MA", SourceStatus::kFailed), Q("TA", SourceStatus::kUnreachable)})->status ==
        SourceStatus::kUnreachable);
  const auto d = DecideSource({Q("directory", SourceStatus::kNotConnected, "not-in-directory")});
  CHECK(d->status == SourceStatus::kNotConnected);
  CHECK(d->missing.empty());
  CHECK_FALSE(Answered(SourceStatus::kPartial));  // a partial source never makes a picture complete
}

TEST_CASE("a busy gateway's reason carries its wait, made and read by one rule") {
  CHECK(GatewayBusyReason(3) == "gateway-busy-3");
  CHECK(GatewayBusyReason(0) == "gateway-busy-1");  // never "come back in 0 s"
  CHECK(GatewayBusyWait(GatewayBusyReason(42)) == 42);
  CHECK_FALSE(GatewayBusyWait("gateway-busy-"));
  CHECK_FALSE(GatewayBusyWait("gateway-busy-2s"));
  CHECK_FALSE(GatewayBusyWait("deadline"));
  CHECK_FALSE(GatewayBusyWait("gateway-busy-9999999"));
}
