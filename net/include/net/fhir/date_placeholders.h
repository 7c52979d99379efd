// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Nictiz test data writes dates relative to a test day: ${DATE, T, D, -60} is 60 days before T,
// ${DATE, T, Y, -12} twelve years before, ${DATE, T, M, 3} three months after. Our demo data uses
// the same convention so it is always "live" relative to the day it is shown.
#include <string>
#include <string_view>

#include "domain/date_time.h"

namespace zb::net::fhir {

// Replaces every ${DATE, T, D|M|Y, n} with the date T+n as jjjj-mm-dd; other text is kept as is.
std::string SubstituteDatePlaceholders(std::string_view text, domain::Date t);

}  // namespace zb::net::fhir
