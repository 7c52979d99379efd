// SPDX-License-Identifier: GPL-3.0-or-later
// Every code the domain can return has words, so no user ever sees an empty line.
#include <catch2/catch.hpp>

#include "present/texts.h"

using namespace zb::domain;
using namespace zb::present;

TEST_CASE("Every treatment status has a heading and a label", "[texts]") {
  for (int i = 0; i <= static_cast<int>(TreatmentStatus::kUseOnly); ++i) {
    const auto s = static_cast<TreatmentStatus>(i);
    CHECK_FALSE(StatusHeading(s).empty());
    CHECK_FALSE(StatusLabel(s).empty());
  }
}

TEST_CASE("Every discrepancy and trace code has a description", "[texts]") {
  for (int i = 0; i <= static_cast<int>(DiscrepancyKind::kUnknownEnd); ++i) {
    Discrepancy d{static_cast<DiscrepancyKind>(i), Severity::kWarning, {"a"}, {"x", "y", "z"}};
    INFO(ToString(d.kind));
    CHECK_FALSE(Describe(d).empty());
    CHECK(std::string(ToString(d.kind)) != "unknown");
  }
  for (int i = 0; i <= static_cast<int>(TraceCode::kNoStart); ++i) {
    TraceStep t{static_cast<TraceCode>(i), "B1", {"2026-01-01T00:00:00+01:00", "x", "y"}};
    INFO(ToString(t.code));
    CHECK_FALSE(Describe(t).empty());
  }
}

TEST_CASE("ISO instants are shown as dd-mm-jjjj", "[texts]") {
  CHECK(IsoAsDutch("2026-03-10T00:00:00+01:00") == "10-03-2026");
  CHECK(IsoAsDutch("2026-03-10T23:59:59+01:00") == "10-03-2026");
  CHECK(IsoAsDutch("2026-03-10T14:30:00+01:00") == "10-03-2026 14:30");
  CHECK(IsoAsDutch("") == "");
}
