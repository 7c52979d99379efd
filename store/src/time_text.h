// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Instants and dates as the store writes them: ISO 8601 in UTC ("2026-11-23T10:15:00Z"), which
// sorts as text in time order.
#include <boost/date_time/gregorian/gregorian.hpp>
#include <boost/date_time/posix_time/posix_time.hpp>
#include <optional>
#include <string>

#include "domain/date_time.h"

namespace zb::store::detail {

inline std::string InstantText(const domain::Instant& t) { return boost::posix_time::to_iso_extended_string(t) + "Z"; }

inline std::optional<domain::Instant> InstantFromText(std::string text) {
  if (text.empty() || text.back() != 'Z') return std::nullopt;
  text.pop_back();
  try {
    const auto t = boost::posix_time::from_iso_extended_string(text);
    if (t.is_special()) return std::nullopt;
    return t;
  } catch (const std::exception&) {  // Boost reports a bad date only by throwing
    return std::nullopt;
  }
}

inline std::string DateText(const std::optional<domain::Date>& d) {
  return d ? boost::gregorian::to_iso_extended_string(*d) : std::string();
}

inline std::optional<domain::Date> DateFromText(const std::string& text) {
  if (text.empty()) return std::nullopt;
  try {
    const auto d = boost::gregorian::from_simple_string(text);
    if (d.is_special()) return std::nullopt;
    return d;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace zb::store::detail
