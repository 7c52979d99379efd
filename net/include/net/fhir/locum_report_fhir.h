// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The on-call report as FHIR R4 (docs/waarneem-ig.md): a document Bundle whose first entry is the
// Composition "Waarneemverslag" (profile zb-Waarneemverslag, type SNOMED 11591000146107), with the
// Patient, the covering physician (PractitionerRole, Practitioner), the custodian Organization, the
// contact (Encounter), S/O/E/P as nl-core-SOAPReport.SOAPLine Observations, vital signs as
// Observations, the episode proposal as a provisional Condition and one Task per request to the
// own physician. The medication section refers to the MP9 agreements by identifier. Every section
// has narrative; all sections are present, in their fixed order (an empty one says so).
#include <string>
#include <string_view>

#include "domain/locum_report.h"
#include "domain/result.h"
#include "net/fhir/writer.h"

namespace zb::net::fhir {

// A signed report (final or amended) as a document Bundle; kInconsistent for a draft, which is no
// document yet. Writing the same report twice gives the same text.
domain::Result<std::string> WriteLocumReport(const domain::LocumReport& report, const WriteOptions& options = {});

// Reads a report another organisation's gateway serves (or one we wrote). Errors name the element
// (e.g. "Bundle.entry[0]: the first entry must be the Composition") and `origin`.
domain::Result<domain::LocumReport> ReadLocumReport(std::string_view text, const std::string& origin);

}  // namespace zb::net::fhir
