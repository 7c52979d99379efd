// SPDX-License-Identifier: GPL-3.0-or-later
#include "processing_sender.h"

#include <chrono>
#include <ctime>

#include "net/contract/release_services.h"
#include "net/http/client.h"
#include "net/jose/base64url.h"
#include "net/jose/jws.h"
#include "net/jose/random.h"
#include "net/json_member.h"

namespace zb::sandbox {
namespace {

using net::StringMember;
using nlohmann::json;
namespace jose = net::jose;

constexpr const char* kMaCategory = "33633005";  // MP9 3.0 MA category
constexpr const char* kVvCategory = "52711000146108";
// The sandbox pharmacy's own identifiers, under the example arc (ISO/IEC 9834 2.999).
constexpr const char* kTaSystem = "urn:oid:2.999.402.422037009.1";
constexpr const char* kMveSystem = "urn:oid:2.999.402.373784005.1";

std::int64_t SteadyMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::string Category(const json& resource) {
  const json cats = resource.value("category", json::array());
  for (const auto& c : cats) {
    for (const auto& coding : c.value("coding", json::array())) {
      const std::string code = StringMember(coding, "code");
      if (code == kMaCategory || code == kVvCategory) return code;
    }
  }
  return {};
}

json Meta(const std::string& profile) {
  return {{"profile", {profile}},
          {"tag", {{{"system", "http://terminology.hl7.org/CodeSystem/common-tags"}, {"code", "actionable"}}}}};
}

json Reference(const json& request, const std::string& what) {
  const json ids = request.value("identifier", json::array());
  const json id = ids.is_array() && !ids.empty() ? ids[0] : json::object();
  return {{"type", "MedicationRequest"},
          {"identifier", id},
          {"display", "relatie naar " + what + " met identificatie: " + StringMember(id, "value")}};
}

// Copies the extensions of an MA that a TA carries the same way (treatment, period).
json TreatmentExtensions(const json& request, const std::string& now) {
  json out = json::array(
      {{{"url", "http://nictiz.nl/fhir/StructureDefinition/ext-RegistrationDateTime"}, {"valueDateTime", now}}});
  for (const auto& e : request.value("extension", json::array())) {
    const std::string url = StringMember(e, "url");
    for (const char* kept : {"ext-PharmaceuticalTreatment.Identifier", "ext-TimeInterval.Period"}) {
      if (url.size() > std::string(kept).size() &&
          url.compare(url.size() - std::string(kept).size(), std::string::npos, kept) == 0)
        out.push_back(e);
    }
  }
  return out;
}

}  // namespace

json ProcessingBundleFor(const HolderInfo& pharmacy, const json& prescription, const std::string& now) {
  json bundle{{"resourceType", "Bundle"},
              {"meta", {{"profile", {std::string(net::contract::kProcessingBundleProfile)}}}},
              {"type", "transaction"},
              {"entry", json::array()}};
  const std::string organisationUrl = "urn:uuid:" + jose::RandomUuid();
  std::string patientUrl;
  auto add = [&](const std::string& fullUrl, json resource) {
    const std::string type = StringMember(resource, "resourceType");
    bundle["entry"].push_back(
        {{"fullUrl", fullUrl}, {"resource", std::move(resource)}, {"request", {{"method", "POST"}, {"url", type}}}});
  };
  const json entries = prescription.value("entry", json::array());
  for (const auto& e : entries) {
    const json r = e.value("resource", json::object());
    const std::string type = StringMember(r, "resourceType");
    if (type == "Patient") patientUrl = StringMember(e, "fullUrl");
    if (type == "Patient" || type == "Medication") add(StringMember(e, "fullUrl"), r);
  }
  for (const auto& e : entries) {
    const json r = e.value("resource", json::object());
    if (StringMember(r, "resourceType") != "MedicationRequest") continue;
    const bool agreement = Category(r) == kMaCategory;
    json d{{"resourceType", "MedicationDispense"},
           {"identifier", {{{"system", agreement ? kTaSystem : kMveSystem}, {"value", jose::RandomUuid()}}}},
           {"subject", {{"reference", patientUrl}, {"type", "Patient"}}},
           {"performer",
            {{{"actor", {{"reference", organisationUrl}, {"type", "Organization"}, {"display", pharmacy.name}}}}}}};
    if (r.contains("medicationReference")) d["medicationReference"] = r["medicationReference"];
    if (agreement) {
      d["meta"] = Meta("http://nictiz.nl/fhir/StructureDefinition/mp-AdministrationAgreement");
      d["extension"] = TreatmentExtensions(r, now);
      // A stop or pause of the MA stops the administration as well (the TA's stop type, as 3-1b).
      if (r.contains("modifierExtension")) d["modifierExtension"] = r["modifierExtension"];
      d["status"] = "unknown";
      d["category"] = {
          {"coding",
           {{{"system", "http://snomed.info/sct"}, {"code", "422037009"}, {"display", "toedieningsafspraak"}}}}};
      d["authorizingPrescription"] = json::array({Reference(r, "medicatieafspraak")});
      if (r.contains("dosageInstruction")) d["dosageInstruction"] = r["dosageInstruction"];
    } else {
      d["meta"] = Meta("http://nictiz.nl/fhir/StructureDefinition/mp-MedicationDispense");
      d["status"] = "completed";
      d["category"] = {
          {"coding",
           {{{"system", "http://snomed.info/sct"}, {"code", "373784005"}, {"display", "verstrekken van medicatie"}}}}};
      d["authorizingPrescription"] = json::array({Reference(r, "verstrekkingsverzoek")});
      const json request = r.value("dispenseRequest", json::object());
      if (request.contains("quantity")) d["quantity"] = request["quantity"];
      d["whenHandedOver"] = now;
    }
    add("urn:uuid:" + jose::RandomUuid(), std::move(d));
  }
  add(organisationUrl,
      {{"resourceType", "Organization"},
       {"meta", {{"profile", {"http://nictiz.nl/fhir/StructureDefinition/nl-core-HealthcareProvider-Organization"}}}},
       {"identifier", {{{"system", "http://fhir.nl/fhir/NamingSystem/ura"}, {"value", pharmacy.ura}}}},
       {"name", pharmacy.name}});
  return bundle;
}

ProcessingSender::ProcessingSender(World& world, std::string caFile)
    : m_world(world), m_caFile(std::move(caFile)), m_thread([this] { Run(); }) {}

ProcessingSender::~ProcessingSender() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_wake.notify_all();
  m_thread.join();
}

void ProcessingSender::Run() {
  for (;;) {
    {
      std::unique_lock lock(m_mutex);
      if (m_wake.wait_for(lock, std::chrono::milliseconds(50), [this] { return m_stop; })) return;
    }
    std::vector<ProcessingJob> due;
    {
      std::lock_guard lock(m_world.mutex);
      if (m_world.stopping) return;
      const std::int64_t now = SteadyMs();
      auto& jobs = m_world.processingJobs;
      for (auto it = jobs.begin(); it != jobs.end();) {
        if (m_world.processingDelayMs >= 0 && it->dueMs <= now) {
          due.push_back(std::move(*it));
          it = jobs.erase(it);
        } else {
          ++it;
        }
      }
    }
    for (const auto& job : due) Send(job);
  }
}

void ProcessingSender::Send(const ProcessingJob& job) {
  std::string url, token, proof;
  json bundle;
  {
    std::lock_guard lock(m_world.mutex);
    const HolderInfo* pharmacy = nullptr;
    for (const auto& h : m_world.holders)
      if (h.id == job.holderId) pharmacy = &h;
    const auto& activations = m_world.Own().activations;
    auto registration = activations.find(std::string(net::contract::kProcessingService));
    if (!pharmacy || !pharmacy->didKey || registration == activations.end()) {
      m_world.processingLog.push_back({{"holder", job.holderId},
                                       {"status", 0},
                                       {"error", "the prescriber's organisation has no endpoint on Discovery"}});
      return;
    }
    url = StringMember(registration->second, "fhirBaseURL");
    char now[32];
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
    bundle = ProcessingBundleFor(*pharmacy, job.prescription, now);
    // Our node's authorization server issues the pharmacy a token bound to the pharmacy's key.
    token = jose::RandomToken(24);
    m_world.tokens[token] = IssuedToken{"DPoP",
                                        OwnAuthServer(m_world),
                                        std::string(net::contract::kProcessingService),
                                        pharmacy->didKey->Thumbprint(),
                                        pharmacy->did,
                                        json(),
                                        Now() + 900,
                                        false,
                                        {{"organization_ura", pharmacy->ura}, {"organization_name", pharmacy->name}}};
    json header{{"typ", "dpop+jwt"}, {"alg", "ES256"}, {"jwk", pharmacy->didKey->PublicJwk()}};
    json claims{{"htm", "POST"},
                {"htu", url},
                {"iat", Now()},
                {"jti", jose::RandomUuid()},
                {"ath", jose::Base64UrlEncode(jose::Sha256(token))}};
    proof = jose::SignJws(header, claims.dump(), *pharmacy->didKey).value();
  }
  const net::http::Client client({m_caFile});
  auto response =
      client.Send({"POST",
                   url,
                   {{"Content-Type", "application/fhir+json"}, {"Authorization", "DPoP " + token}, {"DPoP", proof}},
                   bundle.dump()});
  std::lock_guard lock(m_world.mutex);
  m_world.Count(response && response->status / 100 == 2 ? "processing.sent" : "processing.failed");
  m_world.processingLog.push_back(
      {{"holder", job.holderId},
       {"url", url},
       {"status", response ? response->status : 0},
       {"error", response ? (response->status / 100 == 2 ? "" : response->body) : response.error().detail}});
}

}  // namespace zb::sandbox
