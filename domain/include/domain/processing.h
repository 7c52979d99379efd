// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A pharmacy's processing answer to a released prescription (prescribing.md §1, "Sturen
// voorschriftverwerking"): per medication agreement the administration agreement (TA) it made, per
// dispense request the dispense (MVE). The release line shows "verwerkt door apotheek" with these.
#include <optional>
#include <string>
#include <vector>

#include "domain/date_time.h"

namespace zb::domain {

struct ProcessedBlock {
  enum class Kind { kAdministrationAgreement, kDispense };
  Kind kind = Kind::kAdministrationAgreement;
  std::string authorising;        // "system|value" of the MA (TA) or VV (MVE) it answers
  std::string product;            // as the pharmacy names it
  std::string detail;             // TA: the dose in words; MVE: the quantity handed over
  std::optional<Instant> moment;  // TA: registered; MVE: handed over
  bool stop = false;              // a TA that ends the administration (the answer to a stop)
};

}  // namespace zb::domain
