// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The detail pane behind one medication line: every building block it was built from (kind, id,
// source, registration date, dose, period) and the reason trace that decided its status.
#include <map>
#include <string>

#include "domain/ica_check.h"
#include "domain/overview.h"

namespace zb::present {

// `sourceNames` maps source ids to organisation names (ids are shown when a name is missing);
// `check`, when given, adds the line's ICA findings (first: they decide) and which checks ran.
std::string LineDetail(const domain::TreatmentLine& line, const std::map<std::string, std::string>& sourceNames,
                       const domain::IcaCheck* check = nullptr);

}  // namespace zb::present
