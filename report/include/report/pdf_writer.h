// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Writes a report as an A4 PDF (cairo's PDF surface). The file is written next to its final name
// and renamed into place, so a failed export never leaves half a PDF under the chosen name.
#include <string>

#include "domain/result.h"
#include "present/overview_report.h"

namespace zb::report {

// The number of pages written.
domain::Result<int> WritePdf(const present::Report& report, const std::string& path);

}  // namespace zb::report
