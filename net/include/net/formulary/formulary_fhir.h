// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The home's formulary as FHIR R4 Medication resources (a Bundle of them, or one Medication), as a
// pharmacy system exports it: the name from code.text (else the first coding's display); PRK, GPK
// and HPK from code.coding (urn:oid:2.16.840.1.113883.2.4.4.10 / .1 / .7); the ATC from a coding
// of http://www.whocc.no/atc (code or an ingredient's code); the form from form; the strength from
// the first ingredient's strength numerator; the substance from that ingredient's text or display;
// "in GDS" from the extension kInGdsExtension (valueBoolean; absent: no). Like the CSV, a file with
// any bad entry is refused as a whole, each problem named by entry and element.
#include <string>
#include <string_view>
#include <vector>

#include "domain/formulary.h"
#include "domain/result.h"
#include "net/formulary/formulary_csv.h"

namespace zb::net::formulary {

inline constexpr std::string_view kInGdsExtension = "https://zorgbrug.nl/fhir/StructureDefinition/formulary-in-gds";

domain::Result<std::vector<domain::FormularyItem>> ReadFormularyFhir(std::string_view text, const std::string& origin,
                                                                     const CsvLimits& limits = {});

// Either format, told apart by the first character that is not white space or a byte-order mark:
// '{' is FHIR JSON, anything else CSV.
domain::Result<std::vector<domain::FormularyItem>> ReadFormulary(std::string_view text, const std::string& origin,
                                                                 const CsvLimits& limits = {});

}  // namespace zb::net::formulary
