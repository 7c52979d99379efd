// SPDX-License-Identifier: GPL-3.0-or-later
// The published Nuts knooppunt policy for medication exchange (../shared/specs/nuts-knooppunt): the
// sandbox node evaluates its presentation definition (X509Credential, PatientEnrollmentCredential,
// HealthCareProfessionalDelegationCredential) and its holders enforce its CapabilityStatement and
// Rego rule. The gateway presents the enrolment of registered patients only; the retriever uses
// the reduced two-step form the policy allows and names what it refuses. Skips without ../shared.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "child_process.h"
#include "exchange_world.h"
#include "net/client/retriever.h"
#include "present/texts.h"

using namespace zb;
using domain::SourceStatus;
using nlohmann::json;

namespace {

constexpr const char* kJansen = "999991000";   // in the demo register (resources/demo/register.json)
constexpr const char* kUnknown = "999900110";  // a valid BSN in no register

bool Available() {
  if (std::filesystem::exists(test::ExchangeWorld::KnooppuntDir())) return true;
  WARN("skipped: " << test::ExchangeWorld::KnooppuntDir() << " is absent (the published knooppunt policy)");
  return false;
}

test::ExchangeWorld& World() {
  static test::ExchangeWorld world("mainline", true);
  return world;
}

domain::PatientPicture Look(test::ExchangeWorld& world, const std::string& bsn) {
  net::client::LookupRequest r;
  r.session = world.Session("so");
  r.bsn = bsn;
  r.sources = {{{"huisarts", domain::SourceKind::kGeneralPractitioner, "huisarts"}, "90000401"},
               {{"apotheek", domain::SourceKind::kPharmacy, "apotheek"}, "90000402"},
               {{"ziekenhuis", domain::SourceKind::kHospital, "ziekenhuis"}, "90000403"}};
  r.deadline = std::chrono::seconds(10);
  const auto gateway = world.Client();
  net::client::Retriever retriever(gateway);
  return net::client::LookUp(retriever, r);
}

const domain::SourceOutcome& Source(const domain::PatientPicture& p, const std::string& id) {
  for (const auto& s : p.sources()) {
    if (s.source.id == id) return s;
  }
  FAIL("no source " << id);
  throw std::logic_error("unreachable");
}

int Counter(const json& state, const std::string& name) { return state["counters"].value(name, 0); }

void Knooppunt(test::ExchangeWorld& world, const std::string& policy) {
  world.Behave("apotheek", {{"policy", policy}});
  world.Behave("ziekenhuis", {{"policy", policy}});
}

}  // namespace

TEST_CASE("Knooppunt holders: a registered patient's allowed agreements arrive, the refused kinds are named",
          "[knooppunt]") {
  if (!Available()) return;
  // The seed problem: data before the treatment relation exists. Jansen is a planned admission,
  // an *expected* patient in the organisation's register: that enrolment is what the gateway presents.
  const std::string registerFile = World().stateDir() + "/register-expected.json";
  std::ofstream(registerFile)
      << json{{"patients", {{{"bsn", kJansen}, {"name", "A. Jansen"}, {"category", "expected"}}}}}.dump();
  World().StartGateway({{"enrollment", {{"register_file", registerFile}}}});
  const json before = World().ControlState();
  Knooppunt(World(), "knooppunt");
  const auto p = Look(World(), kJansen);
  Knooppunt(World(), "mp9");
  const json after = World().ControlState();

  CHECK_FALSE(p.Complete());  // never called complete
  CHECK(Source(p, "huisarts").status == SourceStatus::kData);
  const std::vector<std::string> refused{"TA", "MVE", "MGB", "MTD", "contra-indications", "surveillance-decisions"};
  for (const char* id : {"apotheek", "ziekenhuis"}) {
    const auto& s = Source(p, id);
    INFO(id << ": " << s.reason << ": " << s.detail);
    CHECK(s.status == SourceStatus::kPartial);
    CHECK(s.reason == "query-not-allowed");
    CHECK(s.missing == refused);  // in the order of the query kinds, each once
    CHECK(present::DescribeSource(s) ==
          "onvolledig: toedieningsafspraken, verstrekkingen, medicatiegebruik, toedieningen, contra-indicaties en "
          "bewakingsbesluiten ontbreken (niet toegestaan door de bron)");
  }
  // What the policy allows did arrive: the hospital's agreements, by the reduced two-step form.
  CHECK(Source(p, "ziekenhuis").blocks >= 10);
  bool amoxicillin = false;
  for (const auto& l : p.Consolidate(boost::posix_time::second_clock::universal_time()).lines)
    amoxicillin = amoxicillin || (l.status == domain::TreatmentStatus::kCurrent &&
                                  l.product->DisplayName() == "AMOXICILLINE/CLAVULAANZUUR TABLET 500/125MG");
  CHECK(amoxicillin);
  CHECK(Source(p, "apotheek").blocks == 0);  // its MP9 data is all TA/MVE/MGB: nothing of it is allowed
  // Every MP9 3.0 query was refused by the holders' policy check (7 + 2 CiO at each) …
  for (const char* h : {"apotheek", "ziekenhuis"}) {
    INFO(h);
    CHECK(Counter(after, std::string("holder.") + h + ".policy-denied") -
              Counter(before, std::string("holder.") + h + ".policy-denied") ==
          9);
    CHECK(Counter(after, std::string("holder.") + h + ".not-enrolled") ==
          Counter(before, std::string("holder.") + h + ".not-enrolled"));
  }
  // … and every token carried the three credentials the presentation definition asks for.
  const json claims = after["token_claims"].back();
  CHECK(claims.value("patient_enrollment_identifier", "") ==
        std::string("http://fhir.nl/fhir/NamingSystem/bsn|") + kJansen);
  CHECK(claims.value("patient_enrollment_registered_by", "") == "http://fhir.nl/fhir/NamingSystem/ura|90000380");
  CHECK(claims.value("delegation_role_code", "") == "01.047");
  CHECK(claims.value("delegation_registered_by", "").rfind("http://fhir.nl/fhir/NamingSystem/dezi|", 0) == 0);
  CHECK(claims.value("organization_ura", "").find("-S-90000380-") != std::string::npos);
  CHECK(claims.value("organization_id", "").rfind("did:web:", 0) == 0);

  // Out of the register, out of reach, at once (the gateway re-reads the file when it changes).
  std::ofstream(registerFile) << json{{"patients", json::array()}}.dump();
  std::filesystem::last_write_time(registerFile,
                                   std::filesystem::file_time_type::clock::now() + std::chrono::seconds(5));
  const auto gone = Look(World(), kJansen);
  CHECK(Source(gone, "ziekenhuis").reason == "patient_not_enrolled");
  World().StartGateway();
}

TEST_CASE("Knooppunt: an unregistered BSN is refused by the gateway before any holder is asked", "[knooppunt]") {
  if (!Available()) return;
  const json before = World().ControlState();
  const auto p = Look(World(), kUnknown);
  const json after = World().ControlState();
  for (const char* id : {"apotheek", "ziekenhuis"}) {
    INFO(id);
    CHECK(Source(p, id).status == SourceStatus::kAccessDenied);
    CHECK(Source(p, id).reason == "patient_not_enrolled");
    CHECK(Counter(after, std::string("holder.") + id + ".requests") ==
          Counter(before, std::string("holder.") + id + ".requests"));
  }
  CHECK(present::DescribeSource(Source(p, "apotheek")).find("niet in het register") != std::string::npos);
  // The GP's zorginzage exchange asks no enrolment: it is asked, and does not know the patient.
  CHECK(Source(p, "huisarts").status == SourceStatus::kPatientUnknown);
  CHECK_FALSE(p.Complete());
  // On the trail: the refusal, and for a registered patient each presentation of credentials.
  (void)Look(World(), kJansen);
  const std::string audit = test::ReadTextFile(World().auditFile());
  CHECK(audit.find("patient_not_enrolled") != std::string::npos);
  CHECK(audit.find("credentials-presented") != std::string::npos);
  // Later requests of the lookup use the token obtained then, and say so rather than "presented".
  CHECK(audit.find("credentials-reused") != std::string::npos);
  CHECK(audit.find("PatientEnrollmentCredential") != std::string::npos);
  CHECK(audit.find(kJansen) == std::string::npos);  // patients by reference, never by BSN
  CHECK(audit.find(kUnknown) == std::string::npos);
}

TEST_CASE("Knooppunt with the project-gf node (verklaring as id_token): the same three credentials", "[knooppunt]") {
  if (!Available()) return;
  test::ExchangeWorld gf("gf", true);
  Knooppunt(gf, "knooppunt");
  const auto p = Look(gf, kJansen);
  CHECK(Source(p, "ziekenhuis").status == SourceStatus::kPartial);
  CHECK(Source(p, "ziekenhuis").blocks >= 10);
  const json claims = gf.ControlState()["token_claims"].back();
  CHECK(claims.value("patient_enrollment_identifier", "") ==
        std::string("http://fhir.nl/fhir/NamingSystem/bsn|") + kJansen);
  CHECK(claims.value("delegation_role_code", "") == "01.047");
}

TEST_CASE("Knooppunt: a patient's refused consent still reads as refused consent, not as a policy refusal",
          "[knooppunt]") {
  if (!Available()) return;
  // Visser refused consent at her pharmacy (resources/demo/visser/access.json). Under the knooppunt
  // policy every MP9 3.0 query is refused anyway; the reduced form's Patient lookup says why.
  Knooppunt(World(), "knooppunt");
  const auto p = Look(World(), "999900109");
  Knooppunt(World(), "mp9");
  CHECK(Source(p, "apotheek").status == SourceStatus::kConsentRefused);
  CHECK(Source(p, "apotheek").reason == "consent-refused");
}
