// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Words for the codes the domain returns (statuses, discrepancies, trace steps, ICA values). The
// domain stays language-neutral; the CLI and GUI render through here. Dutch is the product
// language; the gettext catalogs of the GUI issue will wrap these same message ids.
#include <map>
#include <string>
#include <vector>

#include "domain/ica.h"
#include "domain/overview.h"
#include "domain/retrieval.h"
#include "domain/source.h"

namespace zb::present {

std::string StatusHeading(domain::TreatmentStatus s);  // "ACTUEEL", "TOEKOMSTIG", ...
std::string StatusLabel(domain::TreatmentStatus s);    // "actueel", "toekomstig", ...
// One line for the list's remarks column, the print and the CLI: no block ids, sources by the
// names in `names` (ids where a name is missing). The full card: discrepancy_texts.h.
std::string Describe(const domain::Discrepancy& d, const std::map<std::string, std::string>& names = {});
std::string Describe(const domain::TraceStep& t);
std::string RollTimingLabel(domain::RollTiming t);
std::string CriticalityLabel(domain::Criticality c);
std::string ClinicalStatusLabel(domain::ClinicalStatus s);
std::string VerificationLabel(domain::VerificationStatus s);
std::string SourceKindLabel(domain::SourceKind k);
// Per-source retrieval status: "toestemming geweigerd door de patiënt", "niet bereikbaar", ...
std::string SourceStatusLabel(domain::SourceStatus s);
// The reason behind a status in words, or empty when the reason code is not one we explain.
std::string SourceReasonLabel(domain::SourceStatus s, const std::string& reason);
// Status plus reason, e.g. "niet bereikbaar (geen antwoord binnen de wachttijd)".
std::string DescribeSource(const domain::SourceOutcome& o);
// A query kind in words, plural ("MVE" → "verstrekkingen"); an unknown kind as it is.
std::string QueryKindLabel(const std::string& kind);
// "verstrekkingen en toedieningsafspraken ontbreken"
std::string MissingKindsText(const std::vector<std::string>& kinds);
std::string BlockKindLabel(domain::BlockKind k);  // "medicatieafspraak", ...
// An ISO instant as dd-mm-jjjj (with hh:mm when the time is not midnight), or "" when empty.
std::string IsoAsDutch(const std::string& iso);

}  // namespace zb::present
