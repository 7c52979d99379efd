// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Clinical points in time. FHIR date/dateTime values have a precision (year .. second) and, with a
// time, an offset. We keep the instant in UTC plus the original offset and precision, so ordering
// is exact and display can show the date the author meant. Values without an offset (date-only,
// or a time without zone) are read as Dutch civil time (CET/CEST), which is what every source we
// talk to means by them.
#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "domain/result.h"

namespace zb::domain {

using Instant = boost::posix_time::ptime;  // always UTC
using Date = boost::gregorian::date;

enum class DatePrecision { kYear, kMonth, kDay, kSecond };

class DateTime {
 public:
  DateTime() = default;
  // Parses FHIR date, dateTime and instant syntax; rejects impossible dates like 2024-02-30.
  static Result<DateTime> Parse(std::string_view text);
  static DateTime FromInstant(Instant utc, int offsetMinutes = 0);
  // The first and last instant the value covers: "2024-03-01" spans the whole day.
  Instant Earliest() const { return m_utc; }
  Instant Latest() const;
  DatePrecision precision() const { return m_precision; }
  int offsetMinutes() const { return m_offsetMinutes; }
  // The calendar date as written by the author (in their offset).
  Date LocalDate() const;
  // ISO 8601 in the original offset and precision; round-trips Parse.
  std::string ToIso() const;
  bool operator==(const DateTime&) const = default;

 private:
  Instant m_utc;
  int m_offsetMinutes = 0;
  DatePrecision m_precision = DatePrecision::kSecond;
};

// Offset of Dutch civil time from UTC at a local date and time (60 or 120 minutes).
int NetherlandsOffsetMinutes(Date localDate, int localHour);
// Instant -> wall-clock time and date in the Netherlands.
Instant ToNetherlandsLocal(Instant utc);
Date NetherlandsDate(Instant utc);
// Start of a local Dutch day as a UTC instant.
Instant StartOfNetherlandsDay(Date d);

// dd-mm-jjjj, the date format of every user-facing text.
std::string FormatDate(Date d);
// dd-mm-jjjj hh:mm in Dutch civil time.
std::string FormatDateTime(Instant utc);
// Reads dd-mm-jjjj or jjjj-mm-dd (what a user or a script types).
Result<Date> ParseUserDate(std::string_view text);
// The moment an overview is built for, as a user or script gives it: a date (dd-mm-jjjj or
// jjjj-mm-dd) means that day at noon Dutch time, so a stop "t/m" that day still counts as in force;
// an ISO 8601 date-time needs its offset (2026-12-01T03:00:00+01:00), a local time would be ambiguous.
Result<Instant> ParseReferenceMoment(std::string_view text);

struct Duration {
  double value = 0;
  std::string unit;  // UCUM: s, min, h, d, wk, mo, a
  bool operator==(const Duration&) const = default;
};
// start + duration; nullopt for a unit we do not know (the caller treats the end as unknown).
std::optional<Instant> AddDuration(Instant start, const Duration& d);

}  // namespace zb::domain
