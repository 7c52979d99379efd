// SPDX-License-Identifier: GPL-3.0-or-later
#include "relay.h"

#include <algorithm>
#include <chrono>
#include <iostream>
#include <regex>

#include "clock.h"
#include "net/contract/query_kinds.h"

namespace zb::gateway {
namespace {

using nlohmann::json;

constexpr const char* kBsnPrefix = "http://fhir.nl/fhir/NamingSystem/bsn|";

// What went wrong on the way to the holder, in the codes the desktop explains per source.
domain::Error HolderFailure(const Holder& holder, const domain::Error& e) {
  const std::string detail = holder.name + ": " + e.detail;
  switch (e.code) {
    case domain::ErrorCode::kRefused:
      return Failure(502, "holder_tls_refused", detail);
    case domain::ErrorCode::kIo:
      return Failure(502, "holder_answer_incomplete", detail);
    case domain::ErrorCode::kOutOfRange:
      return Failure(502, "holder_answer_too_large", detail);
    case domain::ErrorCode::kTimeout:
      return Failure(504, "holder_timeout", detail);
    default:
      return Failure(504, "holder_unreachable", detail);
  }
}

}  // namespace

bool AllowedPath(const std::string& path) {
  static const std::regex re("^[A-Z][A-Za-z]{1,40}(/_search|/[A-Za-z0-9.-]{1,64})?$");
  if (!std::regex_match(path, re)) return false;
  // "." and ".." are dot segments, not ids: a holder's server would resolve them (RFC 3986 §5.2.4).
  const std::string last = path.substr(path.rfind('/') + 1);
  return last != "." && last != "..";
}

NamedPatients PatientsNamedIn(const std::string& text) {
  NamedPatients named;
  for (const auto& [name, value] : net::http::ParseForm(text)) {
    const std::string base = name.substr(0, name.find(':'));
    // Any identifier parameter (also chained, with modifiers or through _has) holding a BSN.
    if (name.find("identifier") != std::string::npos && value.find(kBsnPrefix) != std::string::npos) {
      for (std::size_t at = value.find(kBsnPrefix); at != std::string::npos; at = value.find(kBsnPrefix, at + 1)) {
        const std::size_t begin = at + std::string(kBsnPrefix).size();
        const std::string bsn = value.substr(begin, value.find(',', begin) - begin);
        ++named.count;
        if (std::find(named.bsns.begin(), named.bsns.end(), bsn) == named.bsns.end()) named.bsns.push_back(bsn);
      }
    } else if (base == "patient" || base == "subject") {
      named.count += 1 + static_cast<std::size_t>(std::count(value.begin(), value.end(), ','));
      if (named.holderPatient.empty()) named.holderPatient = value;
    }
  }
  return named;
}

std::string QueryKind(const std::string& path, const std::string& query) {
  if (path == "Patient/_search") return "patient-search";
  // The query kinds the desktop asks, by their category code (one table: net/contract/query_kinds.h).
  for (const auto& [name, value] : net::http::ParseForm(query)) {
    if (name != "category") continue;
    if (auto kind = net::contract::KindOfCategory(value)) return std::string(kind->kind);
  }
  return path.substr(0, path.find('/'));
}

Relay::Relay(const GatewayConfig& config, const net::http::Client& http, NutsClient& nuts, AuditLog& audit)
    : m_config(config),
      m_http(http),
      m_nuts(nuts),
      m_audit(audit),
      m_addresses(config, http),
      m_enrollment(config.enrollmentRegister) {}

domain::Result<std::vector<Holder>> Relay::Directory(const std::string& service, const std::string& ura,
                                                     const std::string& name) {
  std::vector<Holder> all;
  for (const auto& d : m_config.discovery) {
    if (!service.empty() && d.service != service) continue;
    std::vector<std::pair<std::string, std::string>> query;
    // The URA sits inside the UZI server certificate's otherName (nuts.md §2.3).
    if (!ura.empty()) query.emplace_back("credentialSubject.san.otherName", "*-S-" + ura + "-*");
    if (!name.empty()) query.emplace_back("credentialSubject.subject.O", "*" + name + "*");
    auto found = m_nuts.Search(d.service, query);
    if (!found) return found.error();
    for (auto& h : found.value()) {
      // Discovery matched on the whole otherName; keep only exact URA matches.
      if (ura.empty() || h.ura == ura) all.push_back(std::move(h));
    }
  }
  // Whom to call when the source does not answer: asked only for a named holder (a search by name
  // would cost one directory request per hit).
  if (!ura.empty()) {
    for (auto& h : all) h.phone = m_addresses.Phone(h.ura);
  }
  if (!service.empty() && all.empty() &&
      std::none_of(m_config.discovery.begin(), m_config.discovery.end(),
                   [&](const auto& d) { return d.service == service; })) {
    return Failure(404, "service_unknown", "Discovery Service '" + service + "' is not configured on this gateway");
  }
  return all;
}

domain::Result<Holder> Relay::FindHolder(const std::string& service, const std::string& ura) {
  const std::string key = service + "|" + ura;
  {
    std::lock_guard lock(m_mutex);
    auto it = m_holders.find(key);
    if (it != m_holders.end() && it->second.second > Now()) return it->second.first;
  }
  auto found = Directory(service, ura, "");
  if (!found) return found.error();
  auto& holders = found.value();
  if (holders.empty()) {
    return Failure(404, "holder_not_in_directory", "no organisation with URA " + ura + " is registered on " + service);
  }
  // The node refreshes Discovery every few minutes itself; a minute here saves a round trip per
  // request without hiding a deregistration for long.
  std::lock_guard lock(m_mutex);
  m_holders[key] = {holders.front(), Now() + 60};
  return holders.front();
}

domain::Result<RelayResponse> Relay::Perform(const Identity& user, const RelayRequest& request) {
  const auto started = std::chrono::steady_clock::now();
  const NamedPatients inQuery = PatientsNamedIn(request.query);
  const NamedPatients inBody = PatientsNamedIn(request.body);
  // What the audit record names: the declared patient first, then every other one the request names.
  NamedPatients named{inQuery.count + inBody.count, {}, inQuery.holderPatient};
  auto add = [&named](const std::string& bsn) {
    if (!bsn.empty() && std::find(named.bsns.begin(), named.bsns.end(), bsn) == named.bsns.end())
      named.bsns.push_back(bsn);
  };
  add(request.patient);
  for (const auto& bsn : inQuery.bsns) add(bsn);
  for (const auto& bsn : inBody.bsns) add(bsn);
  auto fail = [&](domain::Error f, const Holder* holder) -> domain::Result<RelayResponse> {
    (void)Audit(user, request, named, holder, f.status, f.problem, false);
    return f;
  };
  if (!m_config.RoleAllowed("relay", user.roleCode)) {
    return fail(Failure(403, "role_not_allowed",
                        "role " + user.roleCode + " may not retrieve patient data from other organisations"),
                nullptr);
  }
  if (!AllowedPath(request.path) || (request.method != "GET" && request.method != "POST") ||
      (request.method == "POST" && request.path.find("/_search") == std::string::npos)) {
    return fail(
        Failure(400, "relay_request_invalid", "only FHIR searches and reads can be relayed (GET, or POST …/_search)"),
        nullptr);
  }
  std::string scope;
  bool knooppunt = false;
  for (const auto& d : m_config.discovery) {
    if (d.service != request.service) continue;
    scope = d.scope;
    knooppunt = d.knooppuntPresentation;
  }
  if (scope.empty())
    return fail(Failure(404, "service_unknown", "Discovery Service '" + request.service + "' is not configured"),
                nullptr);
  // Exactly one patient per request, named in one place: otherwise the audit trail could name
  // another patient than the holder answers about (the first of two parameters vs the last).
  if (inQuery.count > 0 && inBody.count > 0)
    return fail(Failure(400, "relay_request_invalid", "the request names a patient both in the query and the body"),
                nullptr);
  if (inQuery.count + inBody.count > 1)
    return fail(Failure(400, "relay_request_invalid", "the request names more than one patient"), nullptr);
  // The patient the request is about: as the desktop declares it, and never another one in the query.
  const auto& asked = inQuery.bsns.empty() ? inBody.bsns : inQuery.bsns;
  const std::string bsnAsked = asked.empty() ? std::string() : asked.front();
  if (!request.patient.empty() && !bsnAsked.empty() && bsnAsked != request.patient)
    return fail(Failure(400, "relay_request_invalid", "the query is about another patient than the request declares"),
                nullptr);
  const std::string patient = request.patient.empty() ? bsnAsked : request.patient;
  if (knooppunt) {
    // The holders' policy asks for this organisation's enrolment of the patient: only patients in
    // the register are looked up, refused here before any holder (or the node) is asked.
    if (patient.empty())
      return fail(Failure(400, "patient_required",
                          "Discovery Service " + request.service + " needs the patient (BSN) the request is about"),
                  nullptr);
    if (!m_enrollment.Enrolled(patient))
      return fail(Failure(403, "patient_not_enrolled",
                          "the patient is not in this organisation's register of expected, admitted and temporary "
                          "patients: register the patient first"),
                  nullptr);
  }
  auto holderResult = FindHolder(request.service, request.ura);
  if (!holderResult) return fail(holderResult.error(), nullptr);
  const Holder holder = holderResult.value();

  const std::string url = holder.fhirBase + "/" + request.path;
  const std::string fullUrl = url + (request.query.empty() ? "" : "?" + request.query);
  RelayResponse out;
  // Where a relay's time goes, for the log line: the node (token + proof), the holder, the audit.
  using Ms = std::chrono::duration<double, std::milli>;
  Ms nodeTime{0}, holderTime{0};
  auto since = [](std::chrono::steady_clock::time_point t) { return Ms(std::chrono::steady_clock::now() - t); };
  for (int attempt = 0; attempt < 2; ++attempt) {
    auto phase = std::chrono::steady_clock::now();
    auto token = m_nuts.RequestToken(holder, scope, user, attempt > 0, knooppunt ? patient : std::string());
    if (!token) return fail(token.error(), &holder);
    if (knooppunt && !AuditCredentials(user, request, holder, patient, token->reused))
      return Failure(500, "audit_unavailable", "the audit trail cannot be written; no credential is presented");
    const AccessToken& t = token.value();
    net::http::Request http{request.method,
                            fullUrl,
                            {{"Accept", "application/fhir+json"}, {"Authorization", t.type + " " + t.token}},
                            request.body};
    if (t.type == "DPoP") {
      // A fresh proof for every request: holders refuse a reused jti (nuts.md §2.4.2).
      auto proof = m_nuts.DpopProof(t, request.method, url);
      if (!proof) return fail(proof.error(), &holder);
      http.headers.push_back({"DPoP", proof.value()});
    }
    nodeTime += since(phase);
    if (request.method == "POST") {
      http.headers.push_back(
          {"Content-Type", request.contentType.empty() ? "application/x-www-form-urlencoded" : request.contentType});
    }
    http.timeout = request.timeout;
    phase = std::chrono::steady_clock::now();
    auto response = m_http.Send(http);
    holderTime += since(phase);
    if (!response) return fail(HolderFailure(holder, response.error()), &holder);
    out.status = response->status;
    out.contentType = response->header("Content-Type");
    out.retryAfter = response->header("Retry-After");
    out.body = std::move(response->body);
    if (out.status != 401 || attempt > 0) break;
    out.retried = true;  // the holder's node may have lost the token the own node still caches
  }
  // No access without a trace (NEN 7513): an answer that cannot be audited is not handed out.
  const auto auditStarted = std::chrono::steady_clock::now();
  if (!Audit(user, request, named, &holder, out.status, "", out.retried)) {
    return Failure(500, "audit_unavailable", "the audit trail cannot be written; the answer is withheld");
  }
  const Ms auditTime = since(auditStarted);
  // No token, key, BSN or patient id in log lines: method, holder, resource kind, outcome, times.
  std::clog << "relay " << request.method << " " << holder.name << " " << QueryKind(request.path, request.query)
            << " -> " << out.status << (out.retried ? " (after token renewal)" : "") << " in "
            << static_cast<long>(since(started).count()) << " ms (node " << static_cast<long>(nodeTime.count())
            << ", holder " << static_cast<long>(holderTime.count()) << ", audit "
            << static_cast<long>(auditTime.count()) << ")\n";
  return out;
}

bool Relay::AuditCredentials(const Identity& user, const RelayRequest& request, const Holder& holder,
                             const std::string& bsn, bool reused) {
  // A token the gateway kept from an earlier identical request was obtained with these credentials
  // then; this access uses them again without presenting them to the node anew.
  json record{{"event", reused ? "credentials-reused" : "credentials-presented"},
              {"client", request.client},
              {"actor", {{"dezi_number", user.deziNumber}, {"role", user.roleCode}, {"ura", user.ura}}},
              {"holder", {{"service", request.service}, {"ura", request.ura}, {"name", holder.name}}},
              {"credentials",
               {{{"type", "PatientEnrollmentCredential"}, {"registered_by", "ura:" + m_config.ura}},
                {{"type", "HealthCareProfessionalDelegationCredential"}, {"role_code", user.roleCode}}}},
              {"patient", m_audit.PatientRef(bsn)}};
  auto ok = m_audit.Append(record);
  if (!ok) std::clog << "AUDIT FAILURE: " << ok.error().detail << "\n";
  return ok.ok();
}

bool Relay::Audit(const Identity& user, const RelayRequest& request, const NamedPatients& named, const Holder* holder,
                  long status, const std::string& error, bool retried) {
  const auto& bsns = named.bsns;
  json patient;
  if (bsns.size() == 1) {
    patient = m_audit.PatientRef(bsns.front());
  } else if (bsns.size() > 1) {  // a refused request: every patient it named is on the trail
    patient = json::array();
    for (const auto& b : bsns) patient.push_back(m_audit.PatientRef(b));
  } else if (!named.holderPatient.empty()) {
    patient = "holder-patient-id:" + named.holderPatient;
  }
  json record{{"event", "fhir-relay"},
              {"client", request.client},
              {"actor", {{"dezi_number", user.deziNumber}, {"role", user.roleCode}, {"ura", user.ura}}},
              {"holder", {{"service", request.service}, {"ura", request.ura}, {"name", holder ? holder->name : ""}}},
              {"request",
               {{"method", request.method},
                {"resource_type", request.path.substr(0, request.path.find('/'))},
                {"query_kind", QueryKind(request.path, request.query)}}},
              {"patient", patient},
              {"outcome", {{"status", status}, {"error", error}, {"token_renewed", retried}}}};
  auto ok = m_audit.Append(record);
  if (!ok) std::clog << "AUDIT FAILURE: " << ok.error().detail << "\n";
  return ok.ok();
}

}  // namespace zb::gateway
