// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The JSON pieces every FHIR writer of ours shares: data types, the product and the medication
// agreement. Internal to net/src/fhir.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "domain/building_blocks.h"
#include "profiles.h"

namespace zb::net::fhir::write {

using json = nlohmann::ordered_json;  // keeps FHIR's conventional element order readable

// Where an entry sits in its Bundle and what it points at there.
struct EntryContext {
  std::string id;              // empty: no id (POST entries of a transaction)
  std::string medicationUrl;   // fullUrl of the Medication entry
  std::string patientUrl;      // fullUrl of the Patient entry
  std::string patientDisplay;  // subject.display (every Reference has one in what we send)
  std::string requesterUrl;    // fullUrl of the PractitionerRole entry; empty: a logical reference
  bool actionable = false;     // meta.tag actionable: an order to the pharmacy, not information
};

std::string Nictiz(std::string_view name);
json MetaJson(std::string_view profile, bool actionable);
json CodingJson(const domain::Coding& c);
json ConceptJson(const domain::Concept& c);
json QuantityJson(const domain::Quantity& q);
json IdentifierJson(const std::string& system, const std::string& value);
json ActorJson(const domain::Actor& a, std::string_view type);
json LogicalJson(const domain::BlockId& id, std::string_view type);
json SubjectJson(const EntryContext& ctx);
// category: one SNOMED coding with its display (every CodeableConcept we send has one).
json CategoryJson(std::string_view code, std::string_view display);
// A logical reference to a medication agreement by identifier, with the display the TestScripts ask for.
json AgreementRelationJson(const domain::BlockId& id);
json ProductJson(const domain::Product& product, const std::string& id);
json DosageJson(const domain::Dosage& dosage);
json AgreementJson(const domain::MedicationAgreement& ma, const EntryContext& ctx);
// Deterministic urn:uuid from a seed: writing the same blocks twice gives identical output.
std::string UuidFrom(const std::string& seed, const char* salt);

}  // namespace zb::net::fhir::write
