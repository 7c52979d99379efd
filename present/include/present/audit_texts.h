// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The audit trail in words for the audit view: the trail itself stores language-neutral codes
// ("retrieve", "incomplete: gp=unreachable,pharmacy=consent-refused"), which the view and nobody
// else translates, so an export stays machine-readable and the screen readable.
#include <string>

#include "domain/audit.h"

namespace zb::present {

std::string AuditActionLabel(domain::AuditAction action);  // "gegevens opgehaald", "afgedrukt", ...
// "ok" → "gelukt"; "complete" → "volledig"; "incomplete: gp=unreachable,…" → "onvolledig: huisarts niet
// bereikbaar, …"; anything else as it is.
std::string AuditOutcomeText(const std::string& outcome);
// "3 sources" → "3 bronnen", "print" → "printer", "pdf" → "PDF-bestand", "retrieved <iso>" → "opgehaald op …".
std::string AuditContextText(const std::string& context);

}  // namespace zb::present
