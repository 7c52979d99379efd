// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "domain/date_time.h"
#include "domain/period_of_use.h"

using namespace zb::domain;
namespace pt = boost::posix_time;

TEST_CASE("FHIR dateTime keeps its offset and precision and round-trips", "[datetime]") {
  for (const char* text : {"2024-01-01T08:00:00+02:00", "2024-01-01T23:59:59+01:00", "2024-01-01", "2024-03", "2024",
                           "2023-12-31T22:00:00-05:00"}) {
    INFO(text);
    auto dt = DateTime::Parse(text);
    REQUIRE(dt.ok());
    CHECK(dt->ToIso() == text);
  }
  auto z = DateTime::Parse("2024-06-01T10:00:00Z");
  REQUIRE(z.ok());
  CHECK(z->ToIso() == "2024-06-01T10:00:00+00:00");
}

TEST_CASE("Instants compare across offsets", "[datetime]") {
  auto a = DateTime::Parse("2024-01-01T08:00:00+02:00").value();
  auto b = DateTime::Parse("2024-01-01T06:00:00Z").value();
  CHECK(a.Earliest() == b.Earliest());
}

TEST_CASE("Values without offset are Dutch civil time, winter and summer", "[datetime]") {
  auto winter = DateTime::Parse("2024-01-15").value();
  CHECK(winter.Earliest() == pt::ptime(Date(2024, 1, 14), pt::hours(23)));
  auto summer = DateTime::Parse("2024-07-15").value();
  CHECK(summer.Earliest() == pt::ptime(Date(2024, 7, 14), pt::hours(22)));
  CHECK(NetherlandsDate(pt::ptime(Date(2024, 7, 14), pt::hours(22))) == Date(2024, 7, 15));
}

TEST_CASE("A date-only value covers the whole day, a month the whole month", "[datetime]") {
  auto day = DateTime::Parse("2024-03-01").value();
  CHECK(NetherlandsDate(day.Latest()) == Date(2024, 3, 1));
  CHECK(day.Latest() > day.Earliest());
  auto month = DateTime::Parse("2024-02").value();
  CHECK(NetherlandsDate(month.Latest()) == Date(2024, 2, 29));
}

TEST_CASE("Impossible or malformed dates are refused with the reason", "[datetime]") {
  for (const char* bad :
       {"2024-02-30", "2023-02-29", "2024-13-01", "2024-01-01T25:00:00", "24-01-01", "2024-01-01T10:00",
        "2024-01-01T10:00:00+1:00", "2024-01-01x", "", "9999-01-01", "2024-01-01T10:00:00.+01:00"}) {
    INFO(bad);
    auto r = DateTime::Parse(bad);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::kInvalidFormat);
    CHECK_FALSE(r.error().detail.empty());
  }
}

TEST_CASE("User dates are dd-mm-jjjj (ISO accepted too) and are formatted dd-mm-jjjj", "[datetime]") {
  CHECK(ParseUserDate("23-11-2026").value() == Date(2026, 11, 23));
  CHECK(ParseUserDate("2026-11-23").value() == Date(2026, 11, 23));
  CHECK_FALSE(ParseUserDate("31-02-2026").ok());
  CHECK_FALSE(ParseUserDate("23/11/2026").ok());
  CHECK(FormatDate(Date(2026, 3, 5)) == "05-03-2026");
  CHECK(FormatDateTime(pt::ptime(Date(2026, 7, 1), pt::hours(6) + pt::minutes(30))) == "01-07-2026 08:30");
}

TEST_CASE("Period of use: end, start plus duration, open end, unknown unit", "[datetime][period]") {
  PeriodOfUse p;
  p.start = DateTime::Parse("2024-01-01T00:00:00+01:00").value();
  CHECK_FALSE(p.EffectiveEnd().has_value());
  CHECK_FALSE(p.Temporary());
  p.duration = Duration{28, "d"};
  REQUIRE(p.EffectiveEnd().has_value());
  CHECK(*p.EffectiveEnd() - *p.EffectiveStart() == pt::hours(24 * 28));
  CHECK(p.Temporary());
  p.duration = Duration{2, "furlongs"};
  CHECK_FALSE(p.EffectiveEnd().has_value());
  CHECK(p.HasUnknownEnd());
  p.end = DateTime::Parse("2024-01-10T23:59:59+01:00").value();
  CHECK(*p.EffectiveEnd() == p.end->Earliest());  // an end wins over a duration
  CHECK_FALSE(p.HasUnknownEnd());
}

TEST_CASE("A reference moment is a date at noon Dutch time or a date-time with its offset", "[datetime]") {
  const auto noon = ParseReferenceMoment("10-03-2026");
  REQUIRE(noon.ok());
  CHECK(noon.value() == boost::posix_time::ptime(Date(2026, 3, 10), boost::posix_time::hours(11)));  // CET
  const auto night = ParseReferenceMoment("2026-07-10T03:00:00+02:00");
  REQUIRE(night.ok());
  CHECK(night.value() == boost::posix_time::ptime(Date(2026, 7, 10), boost::posix_time::hours(1)));
  CHECK(ParseReferenceMoment("2026-07-10T01:00:00Z").value() == night.value());
  const auto local = ParseReferenceMoment("2026-07-10T03:00:00");
  REQUIRE_FALSE(local.ok());
  CHECK(local.error().detail.find("no offset") != std::string::npos);
  CHECK_FALSE(ParseReferenceMoment("31-02-2026").ok());
  CHECK_FALSE(ParseReferenceMoment("2026-02-30T03:00:00+01:00").ok());
  CHECK_FALSE(ParseReferenceMoment("yesterday").ok());
}
