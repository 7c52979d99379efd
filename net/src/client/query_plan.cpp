// SPDX-License-Identifier: GPL-3.0-or-later
#include "query_plan.h"

#include "net/contract/query_kinds.h"
#include "net/http/client.h"

namespace zb::net::client {
namespace {

using net::http::UrlEncode;

std::string Bsn(const std::string& bsn) { return UrlEncode("http://fhir.nl/fhir/NamingSystem/bsn|" + bsn); }
// The category parameter of a query kind, from the one table of kinds and codes.
std::string Category(std::string_view kind) {
  const auto known = contract::KindNamed(kind);
  return UrlEncode(std::string(contract::kSnomed) + "|" + std::string(known ? known->category : ""));
}
std::string Include(const std::string& what) { return "&_include=" + UrlEncode(what); }
std::string Iterate(const std::string& what) { return "&_include:iterate=" + UrlEncode(what); }
std::string Roles() {
  return Iterate("PractitionerRole:organization") + Iterate("PractitionerRole:practitioner") +
         Iterate("PractitionerRole:location");
}

}  // namespace

PlannedQuery ZorginzagePatientSearch(const std::string& bsn) {
  // The use case includes the patient's own GP (nuts.md §5.2).
  return {"patient-search", "POST", "Patient/_search",
          "identifier=" + Bsn(bsn) + "&_include=" + UrlEncode("Patient:general-practitioner")};
}

std::vector<PlannedQuery> ZorginzageQueries(const std::string& id) {
  const std::string p = "patient=" + UrlEncode(id);
  // Both agreement categories: the Zorginzage text's 16076005 and the profile's 33633005 (one of
  // them alone could make a GP that follows the other look empty, and the overview complete).
  return {
      {"MA-zorginzage", "GET",
       "MedicationRequest?" + p + "&category=" + Category("MA-zorginzage") + Include("MedicationRequest:medication"),
       ""},
      {"MA-zorginzage-mp9", "GET",
       "MedicationRequest?" + p + "&category=" + Category("MA-zorginzage-mp9") +
           Include("MedicationRequest:medication"),
       ""},
      {"allergies", "GET", "AllergyIntolerance?" + p + "&category=medication", ""},
      {"alerts", "GET", "Flag?" + p, ""}};
}

std::vector<PlannedQuery> MedicationQueries(const std::string& bsn) {
  const std::string p = "patient.identifier=" + Bsn(bsn);
  const std::string mr = "MedicationRequest?" + p + "&category=";
  const std::string md = "MedicationDispense?" + p + "&category=";
  return {
      {"MA", "GET",
       mr + Category("MA") + Include("MedicationRequest:medication") + Include("MedicationRequest:subject") +
           Include("MedicationRequest:reason") + Include("MedicationRequest:next-practitioner") +
           Include("MedicationRequest:requester") + Roles(),
       ""},
      {"VV", "GET",
       mr + Category("VV") + Include("MedicationRequest:medication") + Include("MedicationRequest:subject") +
           Include("MedicationRequest:requester") + Include("MedicationRequest:dispense-location") + Roles(),
       ""},
      {"WDS", "GET",
       mr + Category("WDS") + Include("MedicationRequest:medication") + Include("MedicationRequest:subject"), ""},
      {"TA", "GET",
       md + Category("TA") + Include("MedicationDispense:medication") + Include("MedicationDispense:subject") +
           Include("MedicationDispense:performer") + Roles(),
       ""},
      {"MVE", "GET",
       md + Category("MVE") + Include("MedicationDispense:medication") + Include("MedicationDispense:subject") +
           Include("MedicationDispense:performer") + Include("MedicationDispense:destination") + Roles(),
       ""},
      {"MGB", "GET",
       "MedicationStatement?" + p + "&category=" + Category("MGB") + Include("MedicationStatement:medication") +
           Include("MedicationStatement:subject") + Include("MedicationStatement:author") +
           Include("MedicationStatement:prescriber") + Include("MedicationStatement:source") + Roles(),
       ""},
      {"MTD", "GET",
       "MedicationAdministration?" + p + "&category=" + Category("MTD") +
           Include("MedicationAdministration:medication") + Include("MedicationAdministration:subject") +
           Include("MedicationAdministration:performer") + Roles(),
       ""},
      {"contra-indications", "GET",
       "Flag?" + p + "&category=" + Category("contra-indications") + Include("Flag:patient") +
           "&_revinclude=" + UrlEncode("Provenance:target"),
       ""},
      {"surveillance-decisions", "GET",
       "Flag?" + p + "&category=" + Category("surveillance-decisions") + Include("Flag:patient") +
           "&_revinclude=" + UrlEncode("Provenance:target"),
       ""},
  };
}

PlannedQuery ReducedPatientLookup(const std::string& bsn) {
  return {"patient-lookup", "GET", "Patient?identifier=" + Bsn(bsn), "", true};
}

std::vector<PlannedQuery> ReducedRequestQueries(const std::string& id) {
  std::vector<PlannedQuery> out;
  for (const char* kind : {"MA", "VV", "WDS"}) {
    out.push_back({kind, "GET",
                   "MedicationRequest?patient=" + UrlEncode("Patient/" + id) + "&category=" + Category(kind) +
                       Include("MedicationRequest:medication"),
                   "", true});
  }
  return out;
}

bool CoveredByReducedForm(const std::string& kind) { return kind == "MA" || kind == "VV" || kind == "WDS"; }

bool IsZorginzageAgreementKind(const std::string& kind) {
  return kind == "MA-zorginzage" || kind == "MA-zorginzage-mp9";
}

PlannedQuery HypersensitivityQuery(const std::string& identifierToken) {
  return {"allergies", "GET", "AllergyIntolerance?medication-hypersensitivity-identifier=" + UrlEncode(identifierToken),
          ""};
}

}  // namespace zb::net::client
