// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Discrepancies as a clinician reads them: a card per discrepancy in the detail pane — per source
// its product with strength, dose, status, since when and by whom, and for a GDS patient when the
// change reaches the roll — instead of machine output ("ura-90000401=current …", block ids).
// Block ids and the status trace sit behind "Technische details" (line_detail.h).
#include <map>
#include <string>
#include <vector>

#include "domain/overview.h"

namespace zb::present {

// The card's lines: the first is Describe(discrepancy, names); the rest are indented details.
std::vector<std::string> DiscrepancyCard(const domain::Discrepancy& discrepancy, const domain::TreatmentLine& line,
                                         const std::map<std::string, std::string>& names);

}  // namespace zb::present
