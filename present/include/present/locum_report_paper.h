// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The on-call report on paper and as PDF (waarneem.md B-R9): the same content as the FHIR document,
// in the same section order, for a receiver that cannot process the structure and for the secure-
// mail fallback. The patient's name, BSN and birth date are in every page's footer with page n/m,
// so a loose page is never anonymous. A draft says so in a banner; a correction names the version
// it replaces.
#include <string>

#include "domain/locum_report.h"
#include "present/overview_report.h"

namespace zb::present {

Report BuildLocumReportPaper(const domain::LocumReport& report, const std::string& printedAt);

// "Waarneemverslag A. Jansen 02-12-2026.pdf" (the contact's day).
std::string LocumReportFileName(const domain::LocumReport& report);

}  // namespace zb::present
