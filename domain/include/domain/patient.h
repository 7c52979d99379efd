// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The patient as identified in received data: BSN (validated), name and date of birth.
#include <optional>
#include <string>

#include "domain/date_time.h"
#include "domain/identifiers.h"

namespace zb::domain {

// Age in whole years on a date (a birthday counts from the day itself); nullopt without a birth
// date or for a date before it. Shared by received patients and the nursing home's register.
std::optional<int> AgeOn(const std::optional<Date>& birthDate, Date on);

struct Patient {
  std::optional<Bsn> bsn;
  std::string name;  // display form, e.g. "J. de Vries"
  std::optional<Date> birthDate;
  std::string source;
  // Age in whole years on a date; nullopt without birth date.
  std::optional<int> AgeOn(Date d) const;
};

}  // namespace zb::domain
