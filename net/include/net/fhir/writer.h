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
  std::optional<domain::Patient> patient;  // written as Patient entry and subject reference
  bool pretty = false;
};

// A collection Bundle with the MedicationAgreement, its Medication and (optionally) the Patient,
// linked by urn:uuid references. Reading it back with Reader gives the same MedicationAgreement.
std::string WriteAgreementBundle(const domain::MedicationAgreement& agreement, const WriteOptions& options = {});

}  // namespace zb::net::fhir
