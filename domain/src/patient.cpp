// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/patient.h"

namespace zb::domain {

std::optional<int> AgeOn(const std::optional<Date>& birthDate, Date on) {
  if (!birthDate || on < *birthDate) return std::nullopt;
  int age = on.year() - birthDate->year();
  if (on.month() < birthDate->month() || (on.month() == birthDate->month() && on.day() < birthDate->day())) --age;
  return age;
}

std::optional<int> Patient::AgeOn(Date d) const { return domain::AgeOn(birthDate, d); }

}  // namespace zb::domain
