// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reading what comes back about a release (prescribing.md §1): the identifiers a release Bundle
// gave its MAs and VVs (what the answers refer to), and the TA/MVE resources the gateway kept for
// them (POST /api/v1/processing answers a searchset). Outside JSON: read without exceptions, a
// resource that is not a TA or MVE with authorizingPrescription is left out and counted.
#include <string>
#include <string_view>
#include <vector>

#include "domain/processing.h"

namespace zb::net::fhir {

// "system|value" of every MedicationRequest (MA, VV) in a release Bundle, in Bundle order.
std::vector<std::string> RequestIdentifiers(std::string_view bundle);

struct ProcessingRead {
  std::vector<domain::ProcessedBlock> blocks;
  std::size_t skipped = 0;  // entries that were no readable TA/MVE
  bool searchset = false;   // false: the body was not a searchset Bundle at all
};
ProcessingRead ReadProcessingSearch(std::string_view body);

}  // namespace zb::net::fhir
