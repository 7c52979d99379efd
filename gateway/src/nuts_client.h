// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The gateway's client of its own nuts-node's internal API (v6.2.10): every call authenticated
// with a fresh token_v2 JWT, Discovery search, service access tokens for the logged-in user and
// DPoP proofs. Node errors map to Failures with codes a clinician's screen can explain.
// Access tokens are kept per identical token request until 30 s before they expire, as the node
// itself keeps them (nuts.md §2.4): a relay then costs one node call (the DPoP proof), not two.
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "gateway/config.h"
#include "identity.h"
#include "net/http/client.h"
#include "net/jose/key.h"

namespace zb::gateway {

struct Holder {
  std::string service;
  std::string did;
  std::string name;
  std::string ura;
  std::string city;
  std::string fhirBase;
  std::string authServer;
  std::string phone{};  // from the address directory, not from Discovery
};

// What the node's introspection says of a token another organisation presents to us (nuts-node
// auth v2 TokenIntrospectionResponse; organization_ura/name come from the credentials presented).
struct IntrospectedToken {
  bool active = false;
  std::string issuer;  // iss: the authorization server (of which of the node's subjects) that issued it
  std::string scope;
  std::string clientId;
  std::string organisationUra;
  std::string organisationName;
  std::string jkt;  // cnf.jkt: the token is DPoP-bound to this key
  // The user the calling organisation's node presented (NutsEmployeeCredential claims), for the audit.
  std::string employeeId;
  std::string employeeName;
  std::string employeeRole;
};

struct AccessToken {
  std::string token;
  std::string type;  // DPoP or Bearer
  std::string dpopKid;
  bool reused = false;  // from the gateway's own cache: nothing was presented to the node this time
};

class NutsClient {
 public:
  NutsClient(const GatewayConfig& config, const net::http::Client& http, net::jose::Key tokenV2Key);

  domain::Result<std::vector<Holder>> Search(const std::string& service,
                                             const std::vector<std::pair<std::string, std::string>>& query);
  // `enrolledBsn`: with the knooppunt presentation, the patient whose PatientEnrollmentCredential
  // (and the user's HealthCareProfessionalDelegationCredential) go with the request.
  domain::Result<AccessToken> RequestToken(const Holder& holder, const std::string& scope, const Identity& user,
                                           bool bypassCache, const std::string& enrolledBsn = {});
  domain::Result<std::string> DpopProof(const AccessToken& token, const std::string& method, const std::string& url);
  // Registers the organisation on a Discovery Service with its endpoint (activateServiceForSubject).
  domain::Result<bool> Activate(const std::string& service, const std::string& fhirBaseUrl);
  // Inbound requests (nuts_inbound.cpp): a token presented to us, checked at our own node.
  domain::Result<IntrospectedToken> Introspect(const std::string& token);
  // "" when the proof is valid for this token, method and URL; otherwise the node's reason.
  domain::Result<std::string> DpopProblem(const std::string& proof, const std::string& method, const std::string& url,
                                          const std::string& jkt, const std::string& token);
  // The JWT the node's token_v2 authentication expects (nuts.md §1); public for tests.
  std::string InternalApiToken() const;

 private:
  net::http::Request Authenticated(std::string method, std::string url, std::string body) const;
  std::optional<AccessToken> Cached(const std::string& key);
  void Keep(const std::string& key, const AccessToken& token, std::int64_t expiresAt);

  const GatewayConfig& m_config;
  const net::http::Client& m_http;
  net::jose::Key m_key;
  std::string m_kid;  // RFC 7638 thumbprint of m_key, as token_v2 wants it

  struct KeptToken {
    AccessToken token;
    std::int64_t expiresAt = 0;
  };
  static constexpr std::size_t kMaxKeptTokens = 20000;  // users x holders x (patients, for the knooppunt)
  std::mutex m_tokensMutex;
  std::unordered_map<std::string, KeptToken> m_tokens;  // key: SHA-256 of the token request
};

}  // namespace zb::gateway
