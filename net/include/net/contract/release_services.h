// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Zorgbrug's own use case for sending a release (docs/prescribing.md "Transport"): no published
// Nuts or Generic Functions agreement covers POSTing a prescription yet, so the receivers register
// on these Discovery Services and accept a token with the same scope. The desktop names the
// service it sends on, the gateway relays the transaction, the sandbox's receivers accept it.
#include <string_view>

namespace zb::net::contract {

// MP-VOO: a pharmacy that accepts an mp-MedicationPrescription-Bundle (Endpoint payload type
// http://nictiz.nl/fhir/CapabilityStatement/mp-MedicationPrescription).
inline constexpr std::string_view kPrescriptionService = "zorgbrug-voorschrift";
// MP-MGO: the nursing home's own record (ECD/EVS) that accepts "send medication data"
// (payload type http://nictiz.nl/fhir/CapabilityStatement/mp-MedicationData.SendReceive).
inline constexpr std::string_view kMedicationDataService = "zorgbrug-medicatiegegevens";

inline constexpr std::string_view kPrescriptionBundleProfile =
    "http://nictiz.nl/fhir/StructureDefinition/mp-MedicationPrescription-Bundle";

// MP-VAO, the way back: a pharmacy's "voorschriftverwerking" (TA + MVE) for a prescription it
// received. The organisation's gateway registers its receiving endpoint on this Discovery Service
// (fhirBaseURL = <gateway>/inbound); the pharmacy posts with a token from the organisation's node
// for this scope, which the gateway introspects there.
inline constexpr std::string_view kProcessingService = "zorgbrug-voorschriftverwerking";
inline constexpr std::string_view kProcessingBundleProfile =
    "http://nictiz.nl/fhir/StructureDefinition/mp-MedicationPrescriptionProcessing-Bundle";
inline constexpr std::string_view kInboundBase = "/inbound";  // + "/" (a FHIR base: POST [base])

}  // namespace zb::net::contract
