// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Per-resource mappers. Each reads one resource into the Document, or leaves it out with an issue.
#include <string>
#include <unordered_map>

#include "context.h"
#include "datatypes.h"
#include "references.h"

namespace zb::net::fhir::detail {

struct DocumentState {
  Context& c;
  const ResourceIndex& index;
  Document& out;
  std::unordered_map<std::string_view, domain::SharedProduct> products;  // by reference text, shared by blocks
};

void MapMedicationRequest(DocumentState& st, Object r);
void MapMedicationDispense(DocumentState& st, Object r);
void MapMedicationStatement(DocumentState& st, Object r);
void MapMedicationAdministration(DocumentState& st, Object r);
void MapAllergyIntolerance(DocumentState& st, Object r);
void MapFlag(DocumentState& st, Object r);
void MapPatient(DocumentState& st, Object r);
// Reads the patient a clinical resource is about (subject, or `patient` for AllergyIntolerance)
// into Document::subjectBsns.
void NoteSubject(DocumentState& st, Object r, std::string_view key);
void MapOperationOutcome(DocumentState& st, Object r);

// mp-PharmaceuticalProduct (Medication) -> Product.
domain::Product MapProduct(Context& c, Object medication);

// A reference to a person or organisation with its target read where the document holds it: a
// PractitionerRole becomes "name (role), organisation". Without a target, the reference's display.
std::optional<domain::Actor> ResolvedActorField(DocumentState& st, Object resource, std::string_view key);
// reasonReference (MA indication): the code of each referenced Condition or Observation.
std::vector<domain::Concept> ReasonReferences(DocumentState& st, Object resource);

// Refuses the resource when it carries implicitRules or a modifier extension we do not know: FHIR
// forbids ignoring those, and ignoring ext-StopType would turn a stop into a new prescription.
void CheckModifiers(Context& c, Object resource);

}  // namespace zb::net::fhir::detail
