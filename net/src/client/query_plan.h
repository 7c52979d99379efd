// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which requests a source gets, by the exchange it takes part in: the zorginzage GP queries
// (nuts.md §5.2, after Patient/_search), or the seven MP9 3.0 building-block queries (mp9.md §b)
// plus the two CiO flag queries (mp9.md §d.2), each exactly as the Nictiz TestScripts send it
// (tests/conformance compares them parameter by parameter). Hypersensitivities follow CiO: the
// surveillance decisions name them, and they are fetched by medication-hypersensitivity-identifier
// (the only AllergyIntolerance search of the CiO CapabilityStatement). No query is our own.
#include <string>
#include <vector>

namespace zb::net::client {

inline constexpr const char* kZorginzageService = "HuisartsVVTInzage";
inline constexpr const char* kMedicationService = "medicatieoverdracht-gf";

struct PlannedQuery {
  std::string kind;  // "MA", "TA", ..., "contra-indications", "allergies", "patient-search"
  std::string method = "GET";
  std::string pathAndQuery;  // relative to the holder's FHIR base
  std::string formBody;      // POST _search
  bool reduced{};            // the knooppunt form (below), not the MP9 3.0 query of its kind
  std::size_t round = 1;     // 1 + the rounds of the query whose answer it waited for
};

// `next`, sent once `parent` has answered (a follow-up query or the next page).
inline PlannedQuery After(const PlannedQuery& parent, PlannedQuery next) {
  next.round = parent.round + 1;
  return next;
}

// Patient/_search by BSN (zorginzage): the holder's own patient id comes back.
PlannedQuery ZorginzagePatientSearch(const std::string& bsn);
// Zorginzage queries once the holder's patient id is known.
std::vector<PlannedQuery> ZorginzageQueries(const std::string& holderPatientId);
// MP9 3.0 + CiO flags by BSN.
std::vector<PlannedQuery> MedicationQueries(const std::string& bsn);
// The hypersensitivity a CiO surveillance decision names ("system|value" of its
// ext-MedicationHypersensitivity.Identifier).
PlannedQuery HypersensitivityQuery(const std::string& identifierToken);

// The reduced two-step form a holder enforcing the published knooppunt policy medicatieoverdracht_gf
// allows (../shared/specs/nuts-knooppunt/README.md): Patient by BSN, then the three
// MedicationRequest building blocks (MA, VV, WDS) by the holder's patient id and category, with
// only the medication included. TA, MVE, MGB, MTD and the CiO flags have no allowed form.
PlannedQuery ReducedPatientLookup(const std::string& bsn);
std::vector<PlannedQuery> ReducedRequestQueries(const std::string& holderPatientId);
// The kinds the reduced form covers.
bool CoveredByReducedForm(const std::string& kind);
// The two zorginzage agreement kinds (one per category; a GP may serve only one).
bool IsZorginzageAgreementKind(const std::string& kind);

}  // namespace zb::net::client
