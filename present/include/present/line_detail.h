// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The detail pane behind one medication line, as a clinician reads it: ICA findings, discrepancy
// cards, and every building block with its source, date, product, dose, reason and author.
#include <map>
#include <string>

#include "domain/ica_check.h"
#include "domain/overview.h"

namespace zb::present {

// `sourceNames` maps source ids to organisation names (ids are shown when a name is missing);
// `check`, when given, adds the line's ICA findings (first: they decide) and which checks ran.
std::string LineDetail(const domain::TreatmentLine& line, const std::map<std::string, std::string>& sourceNames,
                       const domain::IcaCheck* check = nullptr);
// What sits behind "Technische details": the MBH and block ids, the source's resource ids, the
// discrepancies' raw fields and the trace that decided the status.
std::string LineTechnicalDetail(const domain::TreatmentLine& line,
                                const std::map<std::string, std::string>& sourceNames);

}  // namespace zb::present
