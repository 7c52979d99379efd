// SPDX-License-Identifier: GPL-3.0-or-later
#include "nuts_client.h"

#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>

#include "clock.h"
#include "holder_address.h"
#include "net/jose/jws.h"
#include "net/jose/random.h"
#include "net/json_member.h"

namespace zb::gateway {
namespace {

using net::StringMember;
using nlohmann::json;

std::string ProblemDetail(const net::http::Response& r) {
  const json problem = json::parse(r.body, nullptr, false);
  std::string detail =
      problem.is_object() ? net::StringMemberOr(problem, "detail", StringMember(problem, "title")) : std::string();
  return "HTTP " + std::to_string(r.status) + (detail.empty() ? "" : ": " + detail);
}

domain::Error NodeFailure(const net::http::Response& response, const std::string& what) {
  switch (response.status) {
    case 401:
      return Failure(502, "node_authentication_failed",
                     what + ": the node refused the gateway's token_v2 key (" + ProblemDetail(response) + ")");
    case 400:
      return Failure(502, "token_request_invalid", what + ": " + ProblemDetail(response));
    case 412:
      return Failure(403, "credentials_insufficient",
                     what +
                         ": the organisation's wallet or the user's credential does not satisfy the holder's policy (" +
                         ProblemDetail(response) + ")");
    case 502:
      return Failure(502, "holder_authorization_error",
                     what + ": the holder's authorization server refused (" + ProblemDetail(response) + ")");
    case 503:
      return Failure(503, "holder_authorization_unreachable",
                     what + ": the holder's authorization server is unreachable (" + ProblemDetail(response) + ")");
    default:
      return Failure(502, "node_error", what + ": " + ProblemDetail(response));
  }
}

}  // namespace

NutsClient::NutsClient(const GatewayConfig& config, const net::http::Client& http, net::jose::Key tokenV2Key)
    : m_config(config), m_http(http), m_key(std::move(tokenV2Key)), m_kid(m_key.Thumbprint()) {}

std::string NutsClient::InternalApiToken() const {
  const std::int64_t now = Now();
  const json claims{{"iss", m_config.tokenV2Issuer},
                    {"sub", m_config.tokenV2Issuer},
                    {"aud", m_config.tokenV2Audience},
                    {"iat", now},
                    {"nbf", now},
                    {"exp", now + 300},
                    {"jti", net::jose::RandomUuid()}};
  const std::string alg = m_key.type() == net::jose::Key::Type::kEcP256 ? "ES256" : "PS512";
  return net::jose::SignJws({{"alg", alg}, {"typ", "JWT"}, {"kid", m_kid}}, claims.dump(), m_key).value();
}

net::http::Request NutsClient::Authenticated(std::string method, std::string url, std::string body) const {
  net::http::Request request{std::move(method),
                             std::move(url),
                             {{"Authorization", "Bearer " + InternalApiToken()}, {"Accept", "application/json"}},
                             std::move(body)};
  if (!request.body.empty()) request.headers.push_back({"Content-Type", "application/json"});
  return request;
}

domain::Result<std::vector<Holder>> NutsClient::Search(const std::string& service,
                                                       const std::vector<std::pair<std::string, std::string>>& query) {
  std::string url = m_config.nodeUrl + "/internal/discovery/v1/" + net::http::UrlEncode(service);
  if (!query.empty()) url += "?" + net::http::FormEncode(query);
  auto response = m_http.Send(Authenticated("GET", url, ""));
  if (!response) return Failure(503, "node_unreachable", "Nuts node: " + response.error().detail);
  if (response->status != 200) return NodeFailure(*response, "Discovery search of " + service);
  const json results = json::parse(response->body, nullptr, false);
  if (!results.is_array())
    return Failure(502, "node_error", "Discovery search of " + service + " did not answer a list");
  std::vector<Holder> holders;
  for (const auto& r : results) {
    const json fields = r.value("fields", json::object());
    const json parameters = r.value("registrationParameters", json::object());
    Holder h{service,
             StringMember(r, "credential_subject_id"),
             StringMember(fields, "organization_name"),
             StringMember(fields, "organization_ura"),
             StringMember(fields, "organization_city"),
             StringMember(parameters, "fhirBaseURL"),
             StringMember(parameters, "authServerURL")};
    // A registration without endpoints cannot be used; leave it out rather than fail later.
    if (h.fhirBase.empty() || h.authServer.empty()) continue;
    if (auto why = HolderAddressRefusal(h.fhirBase, m_config.allowPrivateHolderAddresses)) {
      std::clog << "discovery: registration of " << h.name << " (" << service << ") left out: " << *why << "\n";
      continue;
    }
    holders.push_back(std::move(h));
  }
  return holders;
}

domain::Result<AccessToken> NutsClient::RequestToken(const Holder& holder, const std::string& scope,
                                                     const Identity& user, bool bypassCache,
                                                     const std::string& enrolledBsn) {
  json body{{"authorization_server", holder.authServer}, {"scope", scope}, {"token_type", m_config.tokenType}};
  if (m_config.userIdentity == UserIdentity::kDeziIdToken) {
    body["id_token"] = user.verklaring;
  } else {
    // Self-asserted, no issuer/credentialSubject.id/proof: the node fills those in (nuts.md §2.4.1).
    body["credentials"] =
        json::array({{{"@context", {"https://www.w3.org/2018/credentials/v1", "https://nuts.nl/credentials/v1"}},
                      {"type", {"VerifiableCredential", "NutsEmployeeCredential"}},
                      {"credentialSubject",
                       {{"identifier", user.deziNumber}, {"name", user.DisplayName()}, {"roleName", user.roleName}}}}});
  }
  if (!enrolledBsn.empty()) {
    // The knooppunt's presentation definition for medicatieoverdracht-gf: this organisation
    // enrolled this patient (its register), and this professional acts in this role. Self-asserted:
    // the node fills in issuer, subject (the organisation's did:web) and proof (nuts.md §2.4.1).
    auto& credentials = body["credentials"];
    if (!credentials.is_array()) credentials = json::array();
    credentials.push_back({{"@context", {"https://www.w3.org/2018/credentials/v1", "https://nuts.nl/credentials/v1"}},
                           {"type", {"VerifiableCredential", "PatientEnrollmentCredential"}},
                           {"credentialSubject",
                            {{"patientId", "http://fhir.nl/fhir/NamingSystem/bsn|" + enrolledBsn},
                             {"registeredBy", "http://fhir.nl/fhir/NamingSystem/ura|" + m_config.ura}}}});
    credentials.push_back({{"@context", {"https://www.w3.org/2018/credentials/v1", "https://nuts.nl/credentials/v1"}},
                           {"type", {"VerifiableCredential", "HealthCareProfessionalDelegationCredential"}},
                           {"credentialSubject",
                            {{"registeredBy", "http://fhir.nl/fhir/NamingSystem/dezi|" + user.deziNumber},
                             {"roleCode", user.roleCode}}}});
  }
  // The request names user, verklaring, holder, scope and (knooppunt) patient: an identical one
  // may have the same token, exactly as the node decides.
  const std::string key = net::jose::Sha256(body.dump());
  if (!bypassCache) {
    if (auto kept = Cached(key)) {
      kept->reused = true;
      return *kept;
    }
  }
  auto request = Authenticated("POST",
                               m_config.nodeUrl + "/internal/auth/v2/" + net::http::UrlEncode(m_config.subject) +
                                   "/request-service-access-token",
                               body.dump());
  if (bypassCache) request.headers.push_back({"Cache-Control", "no-cache"});
  auto response = m_http.Send(request);
  if (!response) return Failure(503, "node_unreachable", "Nuts node: " + response.error().detail);
  if (response->status != 200) return NodeFailure(*response, "access token for " + holder.name);
  const json token = json::parse(response->body, nullptr, false);
  if (!token.is_object() || !token.value("access_token", json()).is_string()) {
    return Failure(502, "node_error", "the node's token response has no access_token");
  }
  AccessToken t{token["access_token"], net::StringMemberOr(token, "token_type", "Bearer"),
                StringMember(token, "dpop_kid")};
  if (t.type == "DPoP" && t.dpopKid.empty()) return Failure(502, "node_error", "DPoP token without dpop_kid");
  if (t.type != "DPoP" && t.type != "Bearer") return Failure(502, "node_error", "unknown token_type " + t.type);
  const json expiresIn = token.value("expires_in", json());
  if (expiresIn.is_number_integer()) Keep(key, t, Now() + expiresIn.get<std::int64_t>());
  return t;
}

std::optional<AccessToken> NutsClient::Cached(const std::string& key) {
  std::lock_guard lock(m_tokensMutex);
  auto it = m_tokens.find(key);
  if (it == m_tokens.end() || it->second.expiresAt - 30 <= Now()) return std::nullopt;
  return it->second.token;
}

void NutsClient::Keep(const std::string& key, const AccessToken& token, std::int64_t expiresAt) {
  std::lock_guard lock(m_tokensMutex);
  if (m_tokens.size() >= kMaxKeptTokens) {
    const std::int64_t now = Now();
    std::erase_if(m_tokens, [now](const auto& entry) { return entry.second.expiresAt - 30 <= now; });
    if (m_tokens.size() >= kMaxKeptTokens) m_tokens.clear();  // never unbounded; the node still caches
  }
  m_tokens[key] = {token, expiresAt};
}

domain::Result<std::string> NutsClient::DpopProof(const AccessToken& token, const std::string& method,
                                                  const std::string& url) {
  const json body{{"htm", method}, {"htu", url}, {"token", token.token}};
  auto response = m_http.Send(Authenticated(
      "POST", m_config.nodeUrl + "/internal/auth/v2/dpop/" + net::http::UrlEncode(token.dpopKid), body.dump()));
  if (!response) return Failure(503, "node_unreachable", "Nuts node: " + response.error().detail);
  if (response->status != 200) return NodeFailure(*response, "DPoP proof");
  const json proof = json::parse(response->body, nullptr, false);
  if (!proof.is_object() || !proof.value("dpop", json()).is_string())
    return Failure(502, "node_error", "DPoP response without proof");
  return proof["dpop"].get<std::string>();
}

}  // namespace zb::gateway
