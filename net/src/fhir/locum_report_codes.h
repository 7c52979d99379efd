// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The codes and URLs of the on-call report (docs/waarneem-ig.md), shared by its writer and reader.
// Internal to net/src/fhir.
#include <string_view>

#include "domain/locum_report.h"

namespace zb::net::fhir::locum {

inline constexpr std::string_view kProfile = "https://zorgbrug.nl/fhir/StructureDefinition/zb-Waarneemverslag";
inline constexpr std::string_view kSoapLineProfile =
    "http://nictiz.nl/fhir/StructureDefinition/nl-core-SOAPReport.SOAPLine";
inline constexpr std::string_view kSoapLineCode =
    "http://nictiz.nl/fhir/StructureDefinition/ext-SOAPReport.SOAPLineCode";
inline constexpr std::string_view kVersionExtension = "https://zorgbrug.nl/fhir/StructureDefinition/zb-report-version";
inline constexpr std::string_view kSectionSystem = "https://zorgbrug.nl/fhir/CodeSystem/zb-waarneem-sectie";
inline constexpr std::string_view kCategorySystem = "https://zorgbrug.nl/fhir/CodeSystem/zb-document-category";
inline constexpr std::string_view kTaskCodeSystem = "https://zorgbrug.nl/fhir/CodeSystem/zb-task-code";
inline constexpr std::string_view kCallerSystem = "https://zorgbrug.nl/fhir/CodeSystem/zb-waarneem-melder";
inline constexpr std::string_view kUrgencySystem = "https://zorgbrug.nl/fhir/CodeSystem/zb-urgentie";
inline constexpr std::string_view kRoleSystem = "http://fhir.nl/fhir/NamingSystem/uzi-rolcode";
inline constexpr std::string_view kLoinc = "http://loinc.org";
inline constexpr std::string_view kUcum = "http://unitsofmeasure.org";
inline constexpr std::string_view kActCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
inline constexpr std::string_view kUrnUuid = "urn:ietf:rfc:3986";

// The sections in their fixed order: SNOMED for S/O/E/P as in nl-core-SOAPReport, our own codes
// for the rest (no national code exists, waarneem.md §6).
struct Section {
  std::string_view system;
  std::string_view code;
  std::string_view title;
};
inline constexpr Section kSections[] = {
    {kSectionSystem, "reden", "Reden van contact"},
    {"http://snomed.info/sct", "255362007", "Subjectief"},
    {"http://snomed.info/sct", "260224007", "Objectief"},
    {"http://snomed.info/sct", "129265001", "Evaluatie"},
    {"http://snomed.info/sct", "129271007", "Beleid"},
    {kSectionSystem, "medicatie", "Medicatie gewijzigd tijdens de dienst"},
    {kSectionSystem, "verzoek", "Verzoek aan eigen arts"},
    {kSectionSystem, "afspraken", "Afspraken met familie en zorgteam"},
};
enum SectionIndex { kReason, kS, kO, kE, kP, kMedication, kRequests, kAgreements, kSectionCount };

// The optional ninth section, last: what the patient's overview showed when the report was
// written, as two snapshot Lists (medication, ICA). Context, not a source (IG §2).
inline constexpr Section kContextSection = {kSectionSystem, "context", "Overzicht bij het contact"};
inline constexpr std::string_view kMedicationListCode = "10160-0";  // LOINC History of Medication use Narrative
inline constexpr std::string_view kIcaListCode = "48765-2";         // LOINC Allergies and adverse reactions Document
inline constexpr std::string_view kContextIncomplete =
    "https://zorgbrug.nl/fhir/StructureDefinition/zb-context-incomplete";

struct VitalCode {
  domain::VitalKind kind;
  std::string_view loinc;
  std::string_view display;
  std::string_view dutch;
};
inline constexpr VitalCode kVitalCodes[] = {
    {domain::VitalKind::kBloodPressure, "85354-9", "Blood pressure panel with all children optional", "Bloeddruk"},
    {domain::VitalKind::kPulse, "8867-4", "Heart rate", "Pols"},
    {domain::VitalKind::kTemperature, "8310-5", "Body temperature", "Temperatuur"},
    {domain::VitalKind::kSpO2, "59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", "Saturatie"},
    {domain::VitalKind::kRespiratoryRate, "9279-1", "Respiratory rate", "Ademfrequentie"},
    {domain::VitalKind::kGlucose, "14743-9", "Glucose [Moles/volume] in Capillary blood by Glucometer", "Glucose"},
};
inline constexpr std::string_view kSystolic = "8480-6";
inline constexpr std::string_view kDiastolic = "8462-4";

struct CallerCode {
  domain::Caller caller;
  std::string_view code;
  std::string_view display;
};
inline constexpr CallerCode kCallers[] = {{domain::Caller::kNurse, "verpleging", "Verpleging / verzorging"},
                                          {domain::Caller::kFamily, "familie", "Familie / naaste"},
                                          {domain::Caller::kPatient, "patient", "Patiënt"},
                                          {domain::Caller::kOther, "anders", "Anders"}};

inline constexpr std::string_view kContactFormSystem = "https://zorgbrug.nl/fhir/CodeSystem/zb-contactvorm";
struct ContactClass {
  domain::ContactKind kind;
  std::string_view actCode;  // Encounter.class
  std::string_view actDisplay;
  std::string_view form;  // Encounter.type, ours
  std::string_view formDisplay;
};
// A visit in the nursing home is care where the patient lives (HH); phone and video are virtual
// (VR), told apart by Encounter.type.
inline constexpr ContactClass kContactClasses[] = {
    {domain::ContactKind::kVisit, "HH", "home health", "visite", "Visite"},
    {domain::ContactKind::kPhone, "VR", "virtual", "telefonisch", "Telefonisch consult"},
    {domain::ContactKind::kVideo, "VR", "virtual", "video", "Videoconsult"}};

}  // namespace zb::net::fhir::locum
