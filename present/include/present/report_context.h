// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The overview as an on-call report's context: each row of the overview screen as one line of
// text, worded as the screen words it, so the own physician reads what the covering physician saw.
#include "domain/locum_report.h"
#include "present/overview_view.h"

namespace zb::present {

// `view` built without change marks (they are relative to the viewer's previous retrieval) and
// without history; `retrievedAt` is when its data were retrieved.
domain::ReportContext ReportContextOf(const OverviewView& view, domain::Instant retrievedAt);

}  // namespace zb::present
