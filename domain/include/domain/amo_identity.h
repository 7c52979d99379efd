// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The identity gate of an AMO import (amo.md C-R1): BSN, birth date and name printed on the AMO
// must match the patient it is imported for. Any difference blocks the import, and the screen says
// which field differs.
#include <string>
#include <vector>

#include "domain/amo_document.h"
#include "domain/patient.h"

namespace zb::domain {

struct AmoIdentityDifference {
  std::string field;    // "bsn", "birthDate", "name"
  std::string onAmo;    // as printed (a BSN masked to its last three digits)
  std::string patient;  // what the chosen patient has (masked likewise)
};

// Empty when the AMO is this patient's. A field the AMO does not show, or that does not read as a
// value (a BSN failing the 11-test, a date that is no date), is a difference too: an import may not
// rest on what could not be read. The secretary then corrects the field against the page.
std::vector<AmoIdentityDifference> AmoIdentityDifferences(const AmoHeader& amo, const Patient& patient);

}  // namespace zb::domain
