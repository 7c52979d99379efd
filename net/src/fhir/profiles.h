// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Canonical URLs and category codes of the profiles and extensions we map (MP9 3.0 package
// nictiz.fhir.nl.r4.medicationprocess9 2.0.0-rc.7, CiO 1.0.0-beta.5, zib 2020 0.12).
#include <string_view>

namespace zb::net::fhir::url {

inline constexpr std::string_view kNictiz = "http://nictiz.nl/fhir/StructureDefinition/";
inline constexpr std::string_view kHl7 = "http://hl7.org/fhir/StructureDefinition/";

// Extension names after the kNictiz prefix.
inline constexpr std::string_view kRegistrationDateTime = "ext-RegistrationDateTime";
inline constexpr std::string_view kRenderedDosage = "ext-RenderedDosageInstruction";
inline constexpr std::string_view kPeriodOfUse = "ext-TimeInterval.Period";
inline constexpr std::string_view kDuration = "ext-TimeInterval.Duration";
inline constexpr std::string_view kCondition = "ext-PeriodOfUse.Condition";
inline constexpr std::string_view kTreatmentId = "ext-PharmaceuticalTreatment.Identifier";
inline constexpr std::string_view kStopType = "ext-StopType";
inline constexpr std::string_view kCyclicalSchedule = "ext-InstructionsForUse.RepeatPeriodCyclicalSchedule";
inline constexpr std::string_view kCopyIndicator = "ext-CopyIndicator";
inline constexpr std::string_view kComment = "ext-Comment";
inline constexpr std::string_view kMaAdditionalInfo =
    "ext-MedicationAgreement.MedicationAgreementAdditionalInformation";
inline constexpr std::string_view kNextPractitioner = "ext-MedicationAgreement.NextPractitioner";
inline constexpr std::string_view kRelationMedicationUse = "ext-MedicationAgreement.RelationMedicationUse";
inline constexpr std::string_view kRelationAdministrationAgreement = "ext-RelationAdministrationAgreement";
inline constexpr std::string_view kAdditionalWishes = "ext-DispenseRequest.AdditionalWishes";
inline constexpr std::string_view kDispenseLocation = "ext-DispenseRequest.DispenseLocation";
inline constexpr std::string_view kDistributionForm = "ext-MedicationDispense.DistributionForm";
inline constexpr std::string_view kTaDateTime = "ext-AdministrationAgreement.AdministrationAgreementDateTime";
inline constexpr std::string_view kTaReason = "ext-AdministrationAgreement.ReasonModificationOrDiscontinuation";
inline constexpr std::string_view kTaAdditionalInfo = "ext-AdministrationAgreement.AdditionalInformation";
inline constexpr std::string_view kRequestDate = "ext-MedicationDispense.RequestDate";
inline constexpr std::string_view kMveAdditionalInfo = "ext-MedicationDispense.MedicationDispenseAdditionalInformation";
inline constexpr std::string_view kAsAgreed = "ext-AsAgreedIndicator";
inline constexpr std::string_view kUseAuthor = "ext-MedicationUse2.Author";
inline constexpr std::string_view kUsePrescriber = "ext-MedicationUse2.Prescriber";
inline constexpr std::string_view kAgreedDateTime = "ext-MedicationAdministration2.AgreedDateTime";
inline constexpr std::string_view kDeviationReason = "ext-MedicationAdministration2.ReasonForDeviation";
inline constexpr std::string_view kProductDescription = "ext-PharmaceuticalProduct.Description";
inline constexpr std::string_view kHypersensitivityId = "ext-MedicationHypersensitivity.Identifier";
inline constexpr std::string_view kSafeWithinUnsafeGroup = "ext-SurveillanceDecision.SafeWithinUnsafeGroup";
inline constexpr std::string_view kAsNeededFor = "ext-Dosage-AsNeededFor";
// Extensions after the kHl7 prefix.
inline constexpr std::string_view kPqTranslation = "iso21090-PQ-translation";
inline constexpr std::string_view kTimingExact = "timing-exact";
inline constexpr std::string_view kAssertedDate = "allergyintolerance-assertedDate";
// CiO allergy type (R5 pre-adoption)
inline constexpr std::string_view kAllergyType =
    "http://nictiz.nl/fhir/5.0/StructureDefinition/extension-AllergyIntolerance.type";

}  // namespace zb::net::fhir::url

namespace zb::net::fhir::category {
inline constexpr std::string_view kMedicationAgreement = "33633005";
inline constexpr std::string_view kGpPrescription = "16076005";  // zib 2017/2020 and zorginzage GP data
inline constexpr std::string_view kVariableDosingRegimen = "395067002";
inline constexpr std::string_view kDispenseRequest = "52711000146108";
inline constexpr std::string_view kAdministrationAgreement = "422037009";
inline constexpr std::string_view kMedicationDispense = "373784005";
inline constexpr std::string_view kMedicationUse = "422979000";
inline constexpr std::string_view kMedicationAdministration = "18629005";
inline constexpr std::string_view kCioContraIndication = "350241000146102";
inline constexpr std::string_view kZibContraIndication = "140401000146105";
inline constexpr std::string_view kSurveillance = "225419007";
inline constexpr std::string_view kCioReactionType = "281647001";
}  // namespace zb::net::fhir::category
