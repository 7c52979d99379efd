// SPDX-License-Identifier: GPL-3.0-or-later
// A release through the gateway (docs/prescribing.md "Transport"): the desktop hands over one
// patient's transaction Bundle for one receiver; the gateway checks that it only creates and names
// exactly the declared patient, gets a token for the receiving service bound to the prescriber,
// POSTs it with a fresh DPoP proof and audits it with the patient and the Bundle's identifier.
// The hospital is never a receiver: only the receiving services are accepted here.
#include <iostream>

#include "clock.h"
#include "net/contract/release_services.h"
#include "net/json_member.h"
#include "relay.h"

namespace zb::gateway {
namespace {

using nlohmann::json;

constexpr const char* kBsnSystem = "http://fhir.nl/fhir/NamingSystem/bsn";

domain::Error Invalid(const std::string& detail) { return Failure(400, "release_invalid", detail); }

// The Bundle's identifier ("system|value") and its one patient's BSN, or why it cannot be sent.
domain::Result<std::pair<std::string, std::string>> Inspect(const std::string& body) {
  using net::StringMember;
  const json bundle = json::parse(body, nullptr, false);
  if (StringMember(bundle, "resourceType") != "Bundle" || StringMember(bundle, "type") != "transaction")
    return Invalid("a release is a FHIR Bundle of type transaction");
  const auto id = bundle.find("identifier");
  if (id == bundle.end() || StringMember(*id, "system").empty() || StringMember(*id, "value").empty())
    return Invalid("the Bundle has no identifier (system and value): a release must be idempotent");
  const auto entries = bundle.find("entry");
  if (entries == bundle.end() || !entries->is_array() || entries->empty()) return Invalid("the Bundle has no entries");
  std::vector<std::string> bsns;
  int patients = 0;
  for (const auto& e : *entries) {
    // Only creates: a release never changes or removes anything at the receiver.
    const auto request = e.is_object() ? e.find("request") : e.end();
    if (!e.is_object() || request == e.end() || StringMember(*request, "method") != "POST")
      return Invalid("every entry of a release must be a POST (create); found another method");
    const auto r = e.find("resource");
    if (r == e.end() || StringMember(*r, "resourceType") != "Patient") continue;
    ++patients;
    const auto identifiers = r->find("identifier");
    if (identifiers == r->end() || !identifiers->is_array()) continue;
    for (const auto& i : *identifiers) {
      if (StringMember(i, "system") == kBsnSystem && !StringMember(i, "value").empty())
        bsns.push_back(StringMember(i, "value"));
    }
  }
  if (patients != 1 || bsns.size() != 1) return Invalid("a release holds exactly one Patient with one BSN");
  return std::make_pair(StringMember(*id, "system") + "|" + StringMember(*id, "value"), bsns.front());
}

}  // namespace

domain::Result<RelayResponse> Relay::Deliver(const Identity& user, const DeliveryRequest& request) {
  auto fail = [&](domain::Error f, const Holder* holder, const std::string& bundleId) -> domain::Result<RelayResponse> {
    (void)AuditDelivery(user, request, holder, bundleId, f.status, f.problem);
    return f;
  };
  if (!m_config.RoleAllowed("release", user.roleCode))
    return fail(Failure(403, "role_not_allowed", "role " + user.roleCode + " may not release prescriptions"), nullptr,
                "");
  if (request.service != net::contract::kPrescriptionService &&
      request.service != net::contract::kMedicationDataService)
    return fail(Failure(400, "release_invalid", "'" + request.service + "' is not a service that receives releases"),
                nullptr, "");
  std::string scope;
  for (const auto& d : m_config.discovery) {
    if (d.service == request.service) scope = d.scope;
  }
  if (scope.empty())
    return fail(Failure(404, "service_unknown", "Discovery Service '" + request.service + "' is not configured"),
                nullptr, "");
  auto inspected = Inspect(request.body);
  if (!inspected) return fail(inspected.error(), nullptr, "");
  const auto& [bundleId, bsn] = inspected.value();
  if (bsn != request.patient)
    return fail(Invalid("the Bundle's patient is not the patient the request declares"), nullptr, bundleId);
  auto holderResult = FindHolder(request.service, request.ura);
  if (!holderResult) return fail(holderResult.error(), nullptr, bundleId);
  const Holder holder = holderResult.value();
  auto token = m_nuts.RequestToken(holder, scope, user, false, std::string());
  if (!token) return fail(token.error(), &holder, bundleId);
  const AccessToken& t = token.value();
  net::http::Request http{"POST",
                          holder.fhirBase,
                          {{"Accept", "application/fhir+json"},
                           {"Content-Type", "application/fhir+json"},
                           {"Authorization", t.type + " " + t.token}},
                          request.body};
  if (t.type == "DPoP") {
    auto proof = m_nuts.DpopProof(t, "POST", holder.fhirBase);
    if (!proof) return fail(proof.error(), &holder, bundleId);
    http.headers.push_back({"DPoP", proof.value()});
  }
  auto response = m_http.Send(http);
  if (!response) {
    // The receiver may have it or not: the desktop looks it up before it sends again.
    return fail(Failure(504, "receiver_no_answer", holder.name + ": " + response.error().detail), &holder, bundleId);
  }
  RelayResponse out;
  out.status = response->status;
  out.contentType = response->header("Content-Type");
  out.body = std::move(response->body);
  if (!AuditDelivery(user, request, &holder, bundleId, out.status, ""))
    return Failure(500, "audit_unavailable", "the audit trail cannot be written; the answer is withheld");
  std::clog << "release POST " << holder.name << " " << request.service << " -> " << out.status << "\n";
  return out;
}

bool Relay::AuditDelivery(const Identity& user, const DeliveryRequest& request, const Holder* holder,
                          const std::string& bundleId, long status, const std::string& error) {
  json record{{"event", "fhir-release"},
              {"client", request.client},
              {"actor", {{"dezi_number", user.deziNumber}, {"role", user.roleCode}, {"ura", user.ura}}},
              {"holder", {{"service", request.service}, {"ura", request.ura}, {"name", holder ? holder->name : ""}}},
              {"request", {{"method", "POST"}, {"resource_type", "Bundle"}, {"bundle_identifier", bundleId}}},
              {"patient", request.patient.empty() ? json() : json(m_audit.PatientRef(request.patient))},
              {"outcome", {{"status", status}, {"error", error}}}};
  auto ok = m_audit.Append(record);
  if (!ok) std::clog << "AUDIT FAILURE: " << ok.error().detail << "\n";
  return ok.ok();
}

}  // namespace zb::gateway
