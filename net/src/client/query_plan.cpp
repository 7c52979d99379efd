// SPDX-License-Identifier: GPL-3.0-or-later
#include "query_plan.h"

#include "net/http/client.h"

namespace zb::net::client {
namespace {

using net::http::UrlEncode;

std::string Bsn(const std::string& bsn) { return UrlEncode("http://fhir.nl/fhir/NamingSystem/bsn|" + bsn); }
std::string Sct(const char* code) { return UrlEncode(std::string("http://snomed.info/sct|") + code); }
std::string Include(const std::string& what) { return "&_include=" + UrlEncode(what); }
std::string Iterate(const std::string& what) { return "&_include:iterate=" + UrlEncode(what); }
std::string Roles() {
  return Iterate("PractitionerRole:organization") + Iterate("PractitionerRole:practitioner") +
         Iterate("PractitionerRole:location");
}

}  // namespace

PlannedQuery ZorginzagePatientSearch(const std::string& bsn) {
  return {"patient-search", "POST", "Patient/_search", "identifier=" + Bsn(bsn)};
}

std::vector<PlannedQuery> ZorginzageQueries(const std::string& id) {
  const std::string p = "patient=" + UrlEncode(id);
  return {{"MA-zorginzage", "GET",
           "MedicationRequest?" + p + "&category=" + Sct("16076005") + Include("MedicationRequest:medication"), ""},
          {"allergies", "GET", "AllergyIntolerance?" + p + "&category=medication", ""},
          {"alerts", "GET", "Flag?" + p, ""}};
}

std::vector<PlannedQuery> MedicationQueries(const std::string& bsn) {
  const std::string p = "patient.identifier=" + Bsn(bsn);
  const std::string mr = "MedicationRequest?" + p + "&category=";
  const std::string md = "MedicationDispense?" + p + "&category=";
  return {
      {"MA", "GET",
       mr + Sct("33633005") + Include("MedicationRequest:medication") + Include("MedicationRequest:subject") +
           Include("MedicationRequest:reason") + Include("MedicationRequest:next-practitioner") +
           Include("MedicationRequest:requester") + Roles(),
       ""},
      {"VV", "GET",
       mr + Sct("52711000146108") + Include("MedicationRequest:medication") + Include("MedicationRequest:subject") +
           Include("MedicationRequest:requester") + Include("MedicationRequest:dispense-location") + Roles(),
       ""},
      {"WDS", "GET",
       mr + Sct("395067002") + Include("MedicationRequest:medication") + Include("MedicationRequest:subject"), ""},
      {"TA", "GET",
       md + Sct("422037009") + Include("MedicationDispense:medication") + Include("MedicationDispense:subject") +
           Include("MedicationDispense:performer") + Roles(),
       ""},
      {"MVE", "GET",
       md + Sct("373784005") + Include("MedicationDispense:medication") + Include("MedicationDispense:subject") +
           Include("MedicationDispense:performer") + Include("MedicationDispense:destination") + Roles(),
       ""},
      {"MGB", "GET",
       "MedicationStatement?" + p + "&category=" + Sct("422979000") + Include("MedicationStatement:medication") +
           Include("MedicationStatement:subject") + Include("MedicationStatement:author") +
           Include("MedicationStatement:prescriber") + Include("MedicationStatement:source") + Roles(),
       ""},
      {"MTD", "GET",
       "MedicationAdministration?" + p + "&category=" + Sct("18629005") +
           Include("MedicationAdministration:medication") + Include("MedicationAdministration:subject") +
           Include("MedicationAdministration:performer") + Roles(),
       ""},
      {"contra-indications", "GET",
       "Flag?" + p + "&category=" + Sct("350241000146102") + Include("Flag:patient") +
           "&_revinclude=" + UrlEncode("Provenance:target"),
       ""},
      {"surveillance-decisions", "GET",
       "Flag?" + p + "&category=" + Sct("225419007") + Include("Flag:patient") +
           "&_revinclude=" + UrlEncode("Provenance:target"),
       ""},
      {"allergies", "GET", "AllergyIntolerance?" + p, ""},
  };
}

}  // namespace zb::net::client
