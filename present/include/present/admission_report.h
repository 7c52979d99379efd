// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The printed "medicatie bij opname" (prescribing.md, Screens): the overview's paper version
// extended with what the physician prepared for the admission — the drafts with their state (not
// sent; blocked when the source changed since) and what was released, to whom, and whether the
// pharmacy processed it. On paper as on screen, a draft never reads as an order.
#include <vector>

#include "present/draft_texts.h"
#include "present/overview_report.h"

namespace zb::present {

// Appends the section; when there is neither a draft nor a release it says so in one line.
void AppendAdmissionMedication(Report& report, const std::vector<DraftRow>& drafts,
                               const std::vector<OutboxRow>& released);

}  // namespace zb::present
