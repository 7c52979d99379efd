// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/date_time.h"

#include <cmath>
#include <cstdio>

namespace zb::domain {
namespace pt = boost::posix_time;
namespace gr = boost::gregorian;

namespace {

bool ReadInt(std::string_view s, std::size_t pos, std::size_t len, int& out) {
  if (pos + len > s.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + len; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}

Error Bad(std::string_view text, const char* why) {
  std::string shown(text.substr(0, 40));
  return MakeError(ErrorCode::kInvalidFormat, "invalid date/time '" + shown + "': " + why);
}

int LastSundayOf(int year, int month) {
  gr::date d = gr::date(static_cast<unsigned short>(year), static_cast<unsigned short>(month), 1).end_of_month();
  while (d.day_of_week() != gr::Sunday) d -= gr::days(1);
  return d.day();
}

}  // namespace

int NetherlandsOffsetMinutes(Date localDate, int localHour) {
  // EU rule: summer time from the last Sunday of March 02:00 local to the last Sunday of October
  // 03:00 local. Ambiguous hours resolve to winter time, which is the later instant: safe for ends.
  const int y = localDate.year();
  const Date start(static_cast<unsigned short>(y), 3, static_cast<unsigned short>(LastSundayOf(y, 3)));
  const Date end(static_cast<unsigned short>(y), 10, static_cast<unsigned short>(LastSundayOf(y, 10)));
  bool summer = localDate > start && localDate < end;
  if (localDate == start) summer = localHour >= 2;
  if (localDate == end) summer = localHour < 2;
  return summer ? 120 : 60;
}

Instant ToNetherlandsLocal(Instant utc) {
  // Winter offset first; if that local time falls in summer time, the summer offset applies.
  const Instant winter = utc + pt::minutes(60);
  if (NetherlandsOffsetMinutes(winter.date(), static_cast<int>(winter.time_of_day().hours())) == 120) {
    return utc + pt::minutes(120);
  }
  return winter;
}

Date NetherlandsDate(Instant utc) { return ToNetherlandsLocal(utc).date(); }

Instant StartOfNetherlandsDay(Date d) { return Instant(d) - pt::minutes(NetherlandsOffsetMinutes(d, 0)); }

Result<DateTime> DateTime::Parse(std::string_view text) {
  DateTime dt;
  int year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0;
  if (!ReadInt(text, 0, 4, year)) return Bad(text, "expected a four-digit year");
  dt.m_precision = DatePrecision::kYear;
  std::size_t pos = 4;
  if (pos < text.size()) {
    if (text[pos] != '-' || !ReadInt(text, pos + 1, 2, month)) return Bad(text, "expected -MM");
    dt.m_precision = DatePrecision::kMonth;
    pos += 3;
  }
  if (pos < text.size()) {
    if (text[pos] != '-' || !ReadInt(text, pos + 1, 2, day)) return Bad(text, "expected -DD");
    dt.m_precision = DatePrecision::kDay;
    pos += 3;
  }
  bool hasOffset = false;
  int offset = 0;
  if (pos < text.size()) {
    if (text[pos] != 'T' || !ReadInt(text, pos + 1, 2, hour) || text.size() < pos + 9 || text[pos + 3] != ':' ||
        !ReadInt(text, pos + 4, 2, minute) || text[pos + 6] != ':' || !ReadInt(text, pos + 7, 2, second)) {
      return Bad(text, "expected Thh:mm:ss");
    }
    dt.m_precision = DatePrecision::kSecond;
    pos += 9;
    if (pos < text.size() && text[pos] == '.') {  // fractional seconds: accepted, truncated
      ++pos;
      const std::size_t digitsStart = pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
      if (pos == digitsStart) return Bad(text, "empty fraction of a second");
    }
    if (pos < text.size()) {
      if (text[pos] == 'Z' && pos + 1 == text.size()) {
        hasOffset = true;
        pos += 1;
      } else if ((text[pos] == '+' || text[pos] == '-') && text.size() == pos + 6 && text[pos + 3] == ':') {
        int oh = 0, om = 0;
        if (!ReadInt(text, pos + 1, 2, oh) || !ReadInt(text, pos + 4, 2, om) || oh > 14 || om > 59) {
          return Bad(text, "invalid UTC offset");
        }
        offset = (oh * 60 + om) * (text[pos] == '-' ? -1 : 1);
        hasOffset = true;
        pos += 6;
      } else {
        return Bad(text, "invalid UTC offset");
      }
    }
  }
  if (pos != text.size()) return Bad(text, "unexpected trailing characters");
  if (year < 1800 || year > 2200) return Bad(text, "year out of range 1800-2200");
  if (month < 1 || month > 12) return Bad(text, "month out of range");
  if (hour > 23 || minute > 59 || second > 60) return Bad(text, "time out of range");
  if (day < 1 || day > gr::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(year),
                                                                static_cast<unsigned short>(month))) {
    return Bad(text, "day does not exist in that month");
  }
  const Date date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                  static_cast<unsigned short>(day));
  if (!hasOffset) offset = NetherlandsOffsetMinutes(date, hour);
  dt.m_offsetMinutes = offset;
  dt.m_utc = Instant(date, pt::hours(hour) + pt::minutes(minute) + pt::seconds(second == 60 ? 59 : second)) -
             pt::minutes(offset);
  return dt;
}

DateTime DateTime::FromInstant(Instant utc, int offsetMinutes) {
  DateTime dt;
  dt.m_utc = utc;
  dt.m_offsetMinutes = offsetMinutes;
  dt.m_precision = DatePrecision::kSecond;
  return dt;
}

Instant DateTime::Latest() const {
  const Date local = LocalDate();
  Date lastDay = local;
  switch (m_precision) {
    case DatePrecision::kSecond:
      return m_utc;
    case DatePrecision::kDay:
      break;
    case DatePrecision::kMonth:
      lastDay = local.end_of_month();
      break;
    case DatePrecision::kYear:
      lastDay = Date(local.year(), 12, 31);
      break;
  }
  return Instant(lastDay, pt::hours(23) + pt::minutes(59) + pt::seconds(59)) - pt::minutes(m_offsetMinutes);
}

Date DateTime::LocalDate() const { return (m_utc + pt::minutes(m_offsetMinutes)).date(); }

std::string DateTime::ToIso() const {
  const Instant local = m_utc + pt::minutes(m_offsetMinutes);
  const Date d = local.date();
  char buf[64];
  switch (m_precision) {
    case DatePrecision::kYear:
      std::snprintf(buf, sizeof buf, "%04d", static_cast<int>(d.year()));
      return buf;
    case DatePrecision::kMonth:
      std::snprintf(buf, sizeof buf, "%04d-%02d", static_cast<int>(d.year()), static_cast<int>(d.month()));
      return buf;
    case DatePrecision::kDay:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(d.year()), static_cast<int>(d.month()),
                    static_cast<int>(d.day()));
      return buf;
    case DatePrecision::kSecond:
      break;
  }
  const auto tod = local.time_of_day();
  const int off = m_offsetMinutes < 0 ? -m_offsetMinutes : m_offsetMinutes;
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", static_cast<int>(d.year()),
                static_cast<int>(d.month()), static_cast<int>(d.day()), static_cast<int>(tod.hours()),
                static_cast<int>(tod.minutes()), static_cast<int>(tod.seconds()), m_offsetMinutes < 0 ? '-' : '+',
                off / 60, off % 60);
  return buf;
}

std::string FormatDate(Date d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d-%02d-%04d", static_cast<int>(d.day()), static_cast<int>(d.month()),
                static_cast<int>(d.year()));
  return buf;
}

std::string FormatDateTime(Instant utc) {
  const Instant local = ToNetherlandsLocal(utc);
  const auto tod = local.time_of_day();
  char buf[32];
  std::snprintf(buf, sizeof buf, " %02d:%02d", static_cast<int>(tod.hours()), static_cast<int>(tod.minutes()));
  return FormatDate(local.date()) + buf;
}

Result<Date> ParseUserDate(std::string_view s) {
  int a = 0, b = 0, c = 0;
  if (s.size() == 10 && s[2] == '-' && s[5] == '-' && ReadInt(s, 0, 2, a) && ReadInt(s, 3, 2, b) &&
      ReadInt(s, 6, 4, c)) {
    std::swap(a, c);  // dd-mm-jjjj -> year, month, day
  } else if (!(s.size() == 10 && s[4] == '-' && s[7] == '-' && ReadInt(s, 0, 4, a) && ReadInt(s, 5, 2, b) &&
               ReadInt(s, 8, 2, c))) {
    return MakeError(ErrorCode::kInvalidFormat,
                     "date '" + std::string(s.substr(0, 20)) + "' is not dd-mm-jjjj (or jjjj-mm-dd)");
  }
  if (a < 1800 || a > 2200 || b < 1 || b > 12 || c < 1 ||
      c > gr::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(a), static_cast<unsigned short>(b))) {
    return MakeError(ErrorCode::kOutOfRange, "date '" + std::string(s) + "' does not exist");
  }
  return Date(static_cast<unsigned short>(a), static_cast<unsigned short>(b), static_cast<unsigned short>(c));
}

Result<Instant> ParseReferenceMoment(std::string_view text) {
  if (auto date = ParseUserDate(text)) return StartOfNetherlandsDay(date.value()) + pt::hours(12);
  if (text.size() <= 10) return ParseUserDate(text).error();
  const bool hasOffset =
      text.back() == 'Z' || (text.size() > 6 && (text[text.size() - 6] == '+' || text[text.size() - 6] == '-') &&
                             text[text.size() - 3] == ':');
  if (!hasOffset) {
    return MakeError(ErrorCode::kInvalidFormat,
                     "moment '" + std::string(text.substr(0, 40)) +
                         "' has no offset; write it as 2026-12-01T03:00:00+01:00 (or a date dd-mm-jjjj)");
  }
  auto moment = DateTime::Parse(text);
  if (!moment) {
    return MakeError(moment.error().code,
                     "moment '" + std::string(text.substr(0, 40)) +
                         "' is not a date dd-mm-jjjj nor an ISO 8601 date-time: " + moment.error().detail);
  }
  return moment->Earliest();
}

std::optional<Instant> AddDuration(Instant start, const Duration& d) {
  if (!(d.value >= 0) || d.value > 36500) return std::nullopt;  // also rejects NaN
  const auto whole = static_cast<long>(std::llround(d.value));
  if (d.unit == "s") return start + pt::seconds(whole);
  if (d.unit == "min") return start + pt::minutes(whole);
  if (d.unit == "h") return start + pt::hours(whole);
  if (d.unit == "d") return start + pt::hours(24 * whole);
  if (d.unit == "wk") return start + pt::hours(24 * 7 * whole);
  if (d.unit == "mo") return Instant(start.date() + gr::months(static_cast<int>(whole)), start.time_of_day());
  if (d.unit == "a") return Instant(start.date() + gr::years(static_cast<int>(whole)), start.time_of_day());
  return std::nullopt;
}

}  // namespace zb::domain
