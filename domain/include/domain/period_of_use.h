// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Gebruiksperiode: start, and either an end or a duration (or neither: chronic, "doorlopend"),
// plus a free-text condition when start or stop depends on an event.
#include <optional>
#include <string>

#include "domain/date_time.h"

namespace zb::domain {

struct PeriodOfUse {
  std::optional<DateTime> start;
  std::optional<DateTime> end;
  std::optional<Duration> duration;
  std::string condition;

  // Last instant of use: the end (a date-only end covers the whole day), else start + duration.
  // nullopt means open-ended. A duration in an unknown unit also yields nullopt, and HasUnknownEnd
  // says so, so callers never mistake it for chronic use.
  std::optional<Instant> EffectiveEnd() const;
  bool HasUnknownEnd() const;
  std::optional<Instant> EffectiveStart() const;
  bool Temporary() const { return end.has_value() || duration.has_value(); }
  bool operator==(const PeriodOfUse&) const = default;
};

}  // namespace zb::domain
