// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// domain -> the transaction Bundles of a release (prescribing.md §1, §2). To the pharmacy: an
// mp-MedicationPrescription-Bundle whose MAs and VVs are orders (tag actionable, intent order).
// To the home's own record (ECD/EVS): the same agreements as information, without the tag and
// without the Bundle profile. Every entry is a POST with a urn:uuid fullUrl and no id; every
// resource names its profile; every Reference has a display (the sending TestScripts' asserts).
#include <string>
#include <vector>

#include "domain/building_blocks.h"
#include "domain/patient.h"
#include "domain/prescription_draft.h"
#include "net/fhir/writer.h"

namespace zb::net::fhir {

enum class ReleaseTarget { kPharmacy, kCareRecord };

struct ReleaseContent {
  domain::Patient patient;
  domain::Prescriber prescriber;
  std::vector<domain::MedicationAgreement> agreements;
  std::vector<domain::DispenseRequest> dispenseRequests;  // sent to the pharmacy only
  domain::BlockId bundleId;  // Bundle.identifier: one release, one identifier, never sent twice
};

std::string WriteReleaseBundle(const ReleaseContent& content, ReleaseTarget target, const WriteOptions& options = {});

}  // namespace zb::net::fhir
