// SPDX-License-Identifier: GPL-3.0-or-later
#include "processing_inbound.h"

#include <algorithm>
#include <ctime>
#include <iostream>
#include <map>

#include "net/contract/release_services.h"
#include "net/jose/random.h"
#include "net/json_member.h"

namespace zb::gateway {
namespace {

using net::StringMember;
using nlohmann::json;
namespace contract = net::contract;

constexpr const char* kBsnSystem = "http://fhir.nl/fhir/NamingSystem/bsn";
constexpr const char* kTaProfile = "http://nictiz.nl/fhir/StructureDefinition/mp-AdministrationAgreement";
constexpr const char* kMveProfile = "http://nictiz.nl/fhir/StructureDefinition/mp-MedicationDispense";

bool HasProfile(const json& resource, std::string_view profile) {
  if (!resource.contains("meta") || !resource["meta"].is_object()) return false;
  const json& p = resource["meta"].value("profile", json());
  return p.is_array() && std::any_of(p.begin(), p.end(), [&](const json& x) { return x.is_string() && x == profile; });
}

std::string IdentifierText(const json& identifier) {
  const std::string system = StringMember(identifier, "system"), value = StringMember(identifier, "value");
  return system.empty() || value.empty() ? std::string() : system + "|" + value;
}

}  // namespace

ProcessingBundle ReadProcessingBundle(const std::string& body) {
  ProcessingBundle out;
  const json bundle = json::parse(body, nullptr, false);
  if (!bundle.is_object() || StringMember(bundle, "resourceType") != "Bundle") {
    out.problems.push_back("the body is not a FHIR Bundle (JSON)");
    return out;
  }
  if (StringMember(bundle, "type") != "transaction") out.problems.push_back("Bundle.type must be transaction");
  if (!HasProfile(bundle, contract::kProcessingBundleProfile))
    out.problems.push_back("Bundle.meta.profile must name " + std::string(contract::kProcessingBundleProfile));
  const json entries = bundle.value("entry", json());
  if (!entries.is_array() || entries.empty()) {
    out.problems.push_back("Bundle.entry is empty");
    return out;
  }
  std::map<std::string, std::string> products;  // Medication fullUrl -> its text
  for (const auto& e : entries) {
    if (!e.is_object() || !e.value("resource", json()).is_object()) continue;
    const json& r = e["resource"];
    if (StringMember(r, "resourceType") != "Medication") continue;
    const json code = r.value("code", json());
    products[StringMember(e, "fullUrl")] = code.is_object() ? StringMember(code, "text") : std::string();
  }
  int patients = 0;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const std::string where = "Bundle.entry[" + std::to_string(i) + "]";
    const json& e = entries[i];
    if (!e.is_object() || !e.value("resource", json()).is_object()) {
      out.problems.push_back(where + " has no resource");
      continue;
    }
    const json& request = e.value("request", json());
    if (!request.is_object() || StringMember(request, "method") != "POST")
      out.problems.push_back(where + ".request.method must be POST");
    const json& r = e["resource"];
    const std::string type = StringMember(r, "resourceType");
    out.entryTypes.push_back(type);
    if (type == "Patient") {
      ++patients;
      for (const auto& id : r.value("identifier", json::array())) {
        if (id.is_object() && StringMember(id, "system") == kBsnSystem) out.bsn = StringMember(id, "value");
      }
      continue;
    }
    if (type != "MedicationDispense") continue;
    if (!HasProfile(r, kTaProfile) && !HasProfile(r, kMveProfile)) {
      out.problems.push_back(where + " is a MedicationDispense that is neither a TA nor an MVE (meta.profile)");
      continue;
    }
    const json ids = r.value("identifier", json());
    const json auth = r.value("authorizingPrescription", json());
    const std::string own = ids.is_array() && !ids.empty() ? IdentifierText(ids[0]) : std::string();
    const std::string authorising = auth.is_array() && !auth.empty() && auth[0].is_object()
                                        ? IdentifierText(auth[0].value("identifier", json()))
                                        : std::string();
    if (own.empty()) out.problems.push_back(where + ".resource.identifier is missing");
    if (authorising.empty())
      out.problems.push_back(where + ".resource.authorizingPrescription[0].identifier is missing");
    if (own.empty() || authorising.empty()) continue;
    json kept = r;
    kept.erase("id");
    // The product's text travels with the answer (the Medication entry stays behind).
    if (kept.value("medicationReference", json()).is_object()) {
      json& ref = kept["medicationReference"];
      const auto p = products.find(StringMember(ref, "reference"));
      if (StringMember(ref, "display").empty() && p != products.end()) ref["display"] = p->second;
      ref.erase("reference");
    }
    out.identifiers.push_back(own);
    out.authorising.push_back(authorising);
    out.resources.push_back(std::move(kept));
  }
  if (patients != 1) out.problems.push_back("the Bundle must hold exactly one Patient");
  if (out.bsn.empty()) out.problems.push_back("the Patient has no BSN (" + std::string(kBsnSystem) + ")");
  if (out.resources.empty()) out.problems.push_back("the Bundle holds no TA or MVE");
  return out;
}

InboundAnswer InboundProcessing::Receive(const InboundCall& call) {
  auto refuse = [&](int status, const std::string& code, const std::string& text, const IntrospectedToken* sender,
                    const std::string& bsn = {}) {
    InboundAnswer a{status, OperationOutcomeText(code, text), {}};
    if (status == 401) a.wwwAuthenticate = "DPoP error=\"invalid_token\"";
    if (!AuditReceipt(call, sender, bsn, 0, status, text))
      a = {500, OperationOutcomeText("exception", "audit unavailable"), {}};
    return a;
  };
  const CheckedToken checked = CheckInboundToken(m_nuts, call, contract::kProcessingService, "POST", m_subject);
  const IntrospectedToken* sender = checked.token ? &*checked.token : nullptr;
  if (checked.refusal)
    return refuse(checked.refusal->status, checked.refusal->problem, checked.refusal->detail, sender);
  const IntrospectedToken& t = *checked.token;
  ProcessingBundle read = ReadProcessingBundle(call.body);
  if (!read.problems.empty()) {
    std::string text;
    for (std::size_t i = 0; i < read.problems.size() && i < 5; ++i) text += (i ? "; " : "") + read.problems[i];
    return refuse(422, "processing", text, &t, read.bsn);
  }
  std::vector<std::string> sorted = read.identifiers;
  std::sort(sorted.begin(), sorted.end());
  std::string joined;
  for (const auto& s : sorted) joined += s + "\n";
  ProcessingAnswer answer{net::jose::Hex(net::jose::Sha256(t.organisationUra + "\n" + joined)),
                          static_cast<std::int64_t>(std::time(nullptr)),
                          t.organisationUra,
                          t.organisationName,
                          read.bsn,
                          read.authorising,
                          read.resources};
  auto kept = m_inbox.Keep(answer);
  if (!kept) {
    std::clog << "inbound: cannot keep a processing answer: " << kept.error().detail << "\n";
    return refuse(503, "transient", "the answer cannot be stored now: retry later", &t, read.bsn);
  }
  json response{{"resourceType", "Bundle"}, {"type", "transaction-response"}, {"entry", json::array()}};
  for (const auto& type : read.entryTypes) {
    response["entry"].push_back(
        {{"response",
          {{"status", kept.value() ? "201 Created" : "200 OK"}, {"location", type + "/" + net::jose::RandomUuid()}}}});
  }
  const int status = kept.value() ? 201 : 200;
  if (!AuditReceipt(call, &t, read.bsn, read.resources.size(), status, ""))
    return {500, OperationOutcomeText("exception", "audit unavailable"), {}};
  return {status, response.dump(), {}};
}

domain::Result<std::string> InboundProcessing::Read(const Identity& user, const std::string& pharmacyUra,
                                                    const std::string& bsn, const std::set<std::string>& identifiers,
                                                    const std::string& client) {
  const json found = m_inbox.Find(pharmacyUra, bsn, identifiers);
  json bundle{{"resourceType", "Bundle"}, {"type", "searchset"}, {"total", found.size()}, {"entry", json::array()}};
  for (const auto& r : found) bundle["entry"].push_back({{"resource", r}, {"search", {{"mode", "match"}}}});
  json record{{"event", "fhir-processing-read"},
              {"client", client},
              {"actor", {{"dezi_number", user.deziNumber}, {"role", user.roleCode}, {"ura", user.ura}}},
              {"holder", {{"service", contract::kProcessingService}, {"ura", pharmacyUra}}},
              {"request", {{"method", "POST"}, {"resource_type", "MedicationDispense"}, {"count", identifiers.size()}}},
              {"patient", m_audit.PatientRef(bsn)},
              {"outcome", {{"status", 200}, {"found", found.size()}}}};
  if (!m_audit.Append(record)) return Failure(500, "audit_unavailable", "the audit trail cannot be written");
  return bundle.dump();
}

bool InboundProcessing::AuditReceipt(const InboundCall& call, const IntrospectedToken* sender, const std::string& bsn,
                                     std::size_t count, int status, const std::string& error) {
  json record{{"event", "fhir-processing-received"},
              {"client", call.client},
              {"actor", sender ? json{{"ura", sender->organisationUra},
                                      {"name", sender->organisationName},
                                      {"client_id", sender->clientId}}
                               : json()},
              {"request", {{"method", "POST"}, {"resource_type", "Bundle"}, {"count", count}}},
              {"patient", bsn.empty() ? json() : json(m_audit.PatientRef(bsn))},
              {"outcome", {{"status", status}, {"error", error}}}};
  auto ok = m_audit.Append(record);
  if (!ok) std::clog << "AUDIT FAILURE: " << ok.error().detail << "\n";
  return ok.ok();
}

}  // namespace zb::gateway
