// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The desktop's client of the organisation gateway (docs/gateway-api.yaml): login configuration,
// session creation from a DEZI authorization code, who-am-I, logout, directory and FHIR relay. Its
// answers are the contract's types (net/contract/gateway_api.h); a refusal is a domain::Error with
// the gateway's problem code and status, a transport failure one with status 0 and the desktop's
// own code (gateway_unreachable, gateway_timeout, gateway_tls_refused).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"
#include "net/contract/gateway_api.h"
#include "net/contract/report_api.h"
#include "net/http/client.h"

namespace zb::net::client {

class GatewayClient {
 public:
  GatewayClient(std::string baseUrl, http::ClientOptions options);

  domain::Result<contract::LoginConfiguration> LoginConfiguration() const;
  domain::Result<contract::SessionInfo> CreateSession(const contract::LoginRequest& request) const;
  domain::Result<contract::SessionInfo> WhoAmI(const std::string& session) const;
  domain::Result<bool> Logout(const std::string& session) const;
  domain::Result<std::vector<contract::DirectoryEntry>> Directory(const std::string& session,
                                                                  const std::string& service, const std::string& ura,
                                                                  const std::string& name = {}) const;
  // `pathAndQuery` as the holder should see it, e.g. "MedicationRequest?patient.identifier=...".
  // Any holder status comes back as a Response; gateway-side failures as an Error.
  domain::Result<http::Response> Relay(const std::string& session, const std::string& service, const std::string& ura,
                                       const std::string& method, const std::string& pathAndQuery,
                                       const std::string& formBody = {}) const;

  // Sends a release: one transaction Bundle about `patient` (BSN) to the receiver `ura` on a
  // receiving service (net/contract/release_services.h). The receiver's answer comes back as a
  // Response (a 4xx OperationOutcome too); a gateway refusal as an Error.
  domain::Result<http::Response> Release(const std::string& session, const std::string& service, const std::string& ura,
                                         const std::string& bundle, const std::string& patient) const;

  // The processing answers (TA, MVE) the pharmacy `pharmacyUra` sent back about `patient` (BSN)
  // for the released MAs/VVs `identifiers` ("system|value"): a searchset Bundle, empty while none came.
  domain::Result<http::Response> Processing(const std::string& session, const std::string& pharmacyUra,
                                            const std::vector<std::string>& identifiers,
                                            const std::string& patient) const;

  // On-call reports (docs/waarneem-ig.md §5). Sends a signed report's FHIR document and PDF to the
  // gateway, which keeps it and notifies `receiverUra`; the same report again answers what is kept.
  // `team`: one of the receiver's teams (Teams) to address it to; none: the organisation.
  domain::Result<contract::SentReport> SendReport(const std::string& session, const std::string& receiverUra,
                                                  const std::string& patient, const std::string& document,
                                                  const std::string& pdf,
                                                  const std::optional<contract::Team>& team = std::nullopt) const;
  // The teams of organisation `ura` as its gateway publishes them; empty `ura`: our own.
  domain::Result<std::vector<contract::Team>> Teams(const std::string& session, const std::string& ura = {}) const;
  domain::Result<std::vector<contract::SentReport>> SentReports(const std::string& session) const;
  domain::Result<std::vector<contract::InboxItem>> Inbox(const std::string& session) const;
  // Pulls the report of inbox item `id` from its sender now, as the logged-in user.
  // `markRead` false: for a summary in the inbox list; the item stays "new".
  domain::Result<contract::PulledReport> PullReport(const std::string& session, const std::string& id,
                                                    bool markRead = true) const;
  // "Gelezen en overgenomen": completes the sender's workflow Task as this user.
  domain::Result<contract::InboxItem> AcknowledgeReport(const std::string& session, const std::string& id) const;
  // The requests of pulled reports (the organisation's to-dos), and completing one at its sender.
  domain::Result<std::vector<contract::Todo>> Todos(const std::string& session) const;
  domain::Result<contract::Todo> CompleteTodo(const std::string& session, const std::string& requestId) const;

  // The same calls in two halves, for callers that send many at once (MultiClient).
  http::Request DirectoryRequest(const std::string& session, const std::string& service, const std::string& ura,
                                 const std::string& name = {}) const;
  static domain::Result<std::vector<contract::DirectoryEntry>> DirectoryResult(domain::Result<http::Response> response);
  // `patient`: the BSN the request is about (kPatientHeader); "" when it is about no patient.
  http::Request RelayRequest(const std::string& session, const std::string& service, const std::string& ura,
                             const std::string& method, const std::string& pathAndQuery,
                             const std::string& formBody = {}, const std::string& patient = {}) const;
  static domain::Result<http::Response> RelayResult(domain::Result<http::Response> response);

  // "Authorization: DPoP <session>" and a proof for exactly this request (session_proof.h).
  static std::vector<http::Header> SessionHeaders(const std::string& session, std::string_view method,
                                                  const std::string& url);

  const std::string& baseUrl() const { return m_baseUrl; }
  const http::ClientOptions& options() const { return m_http.options(); }

 private:
  domain::Result<http::Response> Call(http::Request request) const;
  std::string m_baseUrl;
  http::Client m_http;
};

}  // namespace zb::net::client
