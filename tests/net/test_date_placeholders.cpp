// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "net/fhir/date_placeholders.h"

using zb::domain::Date;
using zb::net::fhir::SubstituteDatePlaceholders;

TEST_CASE("Date placeholders become dates relative to T", "[placeholders]") {
  const Date t(2026, 3, 10);
  CHECK(SubstituteDatePlaceholders("${DATE, T, D, -60}T08:00:00+02:00", t) == "2026-01-09T08:00:00+02:00");
  CHECK(SubstituteDatePlaceholders("${DATE, T, D, +220}", t) == "2026-10-16");
  CHECK(SubstituteDatePlaceholders("${DATE, T, D, -0}", t) == "2026-03-10");
  CHECK(SubstituteDatePlaceholders("${DATE, T, Y, -12}T10:00:41+02:00", t) == "2014-03-10T10:00:41+02:00");
  CHECK(SubstituteDatePlaceholders("${DATE, T, M, 1}", t) == "2026-04-10");
  CHECK(SubstituteDatePlaceholders("a ${DATE, T, D, 1} b ${DATE, T, D, 2} c", t) == "a 2026-03-11 b 2026-03-12 c");
}

TEST_CASE("Other placeholders and broken syntax are left alone", "[placeholders]") {
  const Date t(2026, 3, 10);
  for (const char* keep : {"${CURRENTDATE}", "${filter-identifier}", "${DATE, T, Q, 1}", "${DATE, T, D, x}",
                           "${DATE, T, D", "plain", "${DATE, T, D, 99999999999}"}) {
    INFO(keep);
    CHECK(SubstituteDatePlaceholders(keep, t) == keep);
  }
}
