// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Performs one FHIR request at a holder for a logged-in user: find the holder in Discovery, get a
// service access token bound to the user, send the request with a fresh DPoP proof, retry once
// with a new token (Cache-Control: no-cache) when the holder answers 401, and audit the result.
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <variant>

#include "address_directory.h"
#include "enrollment.h"
#include "gateway/audit_log.h"
#include "gateway/config.h"
#include "nuts_client.h"

namespace zb::gateway {

struct RelayRequest {
  std::string service;
  std::string ura;
  std::string method;  // GET or POST
  std::string path;    // relative FHIR path, e.g. "MedicationRequest" or "Patient/_search"
  std::string query;   // raw query string, without '?'
  std::string body;    // form body for POST _search
  std::string contentType;
  std::chrono::milliseconds timeout{0};  // what the desktop can still wait (0: the gateway's own limit)
  std::string patient{};                 // the BSN the desktop says the request is about (contract::kPatientHeader)
  std::string client{};                  // the desktop's address, for the audit trail
};

// A release to send (relay_release.cpp): one transaction Bundle for one receiver.
struct DeliveryRequest {
  std::string service;  // the receiving Discovery Service (net/contract/release_services.h)
  std::string ura;      // the receiver
  std::string body;     // the Bundle
  std::string patient;  // the BSN the desktop declares; must be the Bundle's Patient
  std::string client;
};

struct RelayResponse {
  long status = 0;
  std::string contentType;
  std::string body;
  std::string retryAfter;  // the holder's Retry-After (503), passed on so the desktop can wait
  bool retried = false;
};

// Only relative FHIR paths of the forms the use cases need ("Type", "Type/_search", "Type/id"),
// no dot segments: the relay can never be turned into a way to reach other hosts or paths.
bool AllowedPath(const std::string& path);
// The patients a query or form body names: every BSN in an identifier parameter (also chained or
// with modifiers) and every reference to the holder's Patient (patient=, subject=). A comma is
// FHIR's OR, so "a,b" names two. One rule for the refusal, the declared-patient check and the audit.
struct NamedPatients {
  std::size_t count = 0;
  std::vector<std::string> bsns;  // in order, once each
  std::string holderPatient;      // the first patient=/subject= value
};
NamedPatients PatientsNamedIn(const std::string& text);

class Relay {
 public:
  Relay(const GatewayConfig& config, const net::http::Client& http, NutsClient& nuts, AuditLog& audit);
  domain::Result<RelayResponse> Perform(const Identity& user, const RelayRequest& request);
  // Sends a release (POST of a transaction Bundle to the receiver's FHIR base), audited with the
  // patient and the Bundle's identifier. Only roles.release may; only creates (every entry a POST);
  // exactly one patient, the declared one; only to a receiving service.
  domain::Result<RelayResponse> Deliver(const Identity& user, const DeliveryRequest& request);
  domain::Result<std::vector<Holder>> Directory(const std::string& service, const std::string& ura,
                                                const std::string& name);
  // The organisation `ura` registered on `service`, kept a minute.
  domain::Result<Holder> FindHolder(const std::string& service, const std::string& ura);

 private:
  // Every presentation of an enrolment and delegation credential is on the trail (NEN 7513).
  [[nodiscard]] bool AuditDelivery(const Identity& user, const DeliveryRequest& request, const Holder* holder,
                                   const std::string& bundleId, long status, const std::string& error);
  [[nodiscard]] bool AuditCredentials(const Identity& user, const RelayRequest& request, const Holder& holder,
                                      const std::string& bsn, bool reused);
  // `named`: the patients the request names, in query and body together.
  [[nodiscard]] bool Audit(const Identity& user, const RelayRequest& request, const NamedPatients& named,
                           const Holder* holder, long status, const std::string& error, bool retried);

  const GatewayConfig& m_config;
  const net::http::Client& m_http;
  NutsClient& m_nuts;
  AuditLog& m_audit;
  AddressDirectory m_addresses;
  EnrollmentRegister m_enrollment;
  std::mutex m_mutex;
  std::map<std::string, std::pair<Holder, std::int64_t>> m_holders;  // service|ura -> holder, valid until
};

// What an audit record says the request was for: the MP9 building block, the CiO list, or the
// resource type (mp9.md §b; nuts.md §5.2).
std::string QueryKind(const std::string& path, const std::string& query);

}  // namespace zb::gateway
