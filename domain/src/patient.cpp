// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/patient.h"

namespace zb::domain {

std::optional<int> Patient::AgeOn(Date d) const {
  if (!birthDate || d < *birthDate) return std::nullopt;
  int age = d.year() - birthDate->year();
  if (d.month() < birthDate->month() || (d.month() == birthDate->month() && d.day() < birthDate->day())) --age;
  return age;
}

}  // namespace zb::domain
