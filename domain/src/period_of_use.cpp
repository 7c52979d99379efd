// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/period_of_use.h"

namespace zb::domain {

std::optional<Instant> PeriodOfUse::EffectiveStart() const {
  if (!start) return std::nullopt;
  return start->Earliest();
}

std::optional<Instant> PeriodOfUse::EffectiveEnd() const {
  if (end) return end->Latest();
  if (start && duration) return AddDuration(start->Earliest(), *duration);
  return std::nullopt;
}

bool PeriodOfUse::HasUnknownEnd() const {
  return !end && duration && (!start || !AddDuration(start->Earliest(), *duration));
}

}  // namespace zb::domain
