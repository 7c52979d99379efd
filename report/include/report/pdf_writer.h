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

// For a process that ends after writing its PDF (the CLI): releases cairo's and fontconfig's
// process-wide font caches, so that LeakSanitizer (the CI's ASan run) reports only leaks of our
// own. Call once, after the last PDF; not in the GUI, which keeps printing.
void ReleaseFontCaches();

}  // namespace zb::report
