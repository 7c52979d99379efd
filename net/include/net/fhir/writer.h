// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// domain -> FHIR R4 JSON for what Zorgbrug sends: MP9 MedicationAgreements (the prescriptions a
// physician adjusts and releases in the MP9 change pattern) with their product.
#include <optional>
#include <string>

#include "domain/building_blocks.h"
#include "domain/patient.h"

namespace zb::net::fhir {

struct WriteOptions {
  bool pretty = false;
};

// A collection Bundle with the MedicationAgreement, its Medication and the Patient it is about
// (R4: MedicationRequest.subject is 1..1), linked by urn:uuid references. Valid R4 and
// mp-MedicationAgreement (category 33633005, relations to TA/MGB inside their extensions, no
// empty strings); tests/conformance validates it with third-party tools. Reading it back with
// Reader gives the same MedicationAgreement (with category 33633005).
std::string WriteAgreementBundle(const domain::MedicationAgreement& agreement, const domain::Patient& patient,
                                 const WriteOptions& options = {});

}  // namespace zb::net::fhir
