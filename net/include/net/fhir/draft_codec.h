// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A draft as the store keeps it (sealed): a small JSON document of ours whose clinical parts are
// written with the same FHIR datatypes the release writes (Dosage, Medication, CodeableConcept),
// so the dose and product read back exactly as they will be sent. Versioned; a document that does
// not read back completely is refused with the element named, never half-restored.
#include <string>
#include <string_view>

#include "domain/prescription_draft.h"
#include "domain/result.h"

namespace zb::net::fhir {

std::string EncodeDraft(const domain::MedicationDraft& draft);
// `origin` names the stored draft in messages ("draft 12").
domain::Result<domain::MedicationDraft> DecodeDraft(std::string_view text, const std::string& origin);

}  // namespace zb::net::fhir
