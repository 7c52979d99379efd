// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The words of the on-call report screens (shift view, outbox, inbox, reader): where a sent
// report stands, what an inbox item is, and a report as text for the reader (the same content and
// order as the PDF, so what is read on screen is what is printed).
#include <string>

#include "domain/locum_report.h"
#include "present/overview_report.h"

namespace zb::present {

// queued, sent (at the gateway; the store's word), refused, saved, notified, received, completed, no_endpoint,
// delivered_by_hand; "" = not sent.
std::string SendStateText(const std::string& state);
// concept, definitief, gecorrigeerd.
std::string ReportStatusText(domain::ReportStatus status);
// The sender's workflow Task: requested, received, completed (docs/waarneem-ig.md §5).
std::string TaskStatusText(const std::string& status);
// A FHIR instant ("2026-12-03T11:36:50Z") as dd-mm-jjjj hh:mm Dutch time; anything else as it is.
std::string InstantText(const std::string& fhirInstant);
// new, read, acknowledged.
std::string InboxStateText(const std::string& state);
// A request to the own physician on the to-do list: "open", "te laat" (open past its due date),
// "afgerond door <who>, <dd-mm-jjjj hh:mm>".
std::string TodoStateText(bool done, bool overdue, const std::string& doneBy, const std::string& doneAt);
// The outbox's count of a report's requests the receiver completed: "1/2 afgerond"; "" for none.
std::string RequestsDoneText(std::size_t done, std::size_t total);
// What stops signing, in the user's words (from the problem's field).
std::string SignProblemText(const domain::ReportProblem& problem);
// The overview attached as context, in one line: "opgehaald 02-12-2026 02:20: 2 medicatieregel(s),
// 1 ICA-regel(s)", and "— ONVOLLEDIG …" when sources were missing.
std::string ContextSummaryText(const domain::ReportContext& context);
// A printed report's blocks as lines of text: headings set apart, table rows joined by " · ".
std::string ReportAsText(const Report& report);

}  // namespace zb::present
