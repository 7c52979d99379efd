// SPDX-License-Identifier: GPL-3.0-or-later
#include "dezi_login.h"

#include <chrono>
#include <regex>

#include "clock.h"
#include "domain/identifiers.h"
#include "net/jose/base64url.h"
#include "net/jose/jwe.h"
#include "net/jose/jws.h"
#include "net/jose/random.h"
#include "net/json_member.h"

namespace zb::gateway {
namespace {

using net::StringMember;
using nlohmann::json;
namespace jose = net::jose;

constexpr std::int64_t kSkew = 60;

domain::Error Fail(int status, const std::string& code, const std::string& detail) {
  return Failure(status, code, detail);
}

std::int64_t Epoch(const json& claims, const char* name) {
  auto it = claims.find(name);
  return it != claims.end() && it->is_number_integer() ? it->get<std::int64_t>() : -1;
}

bool Audience(const json& claims, const std::string& clientId) {
  const json aud = claims.value("aud", json());
  if (aud.is_string()) return aud == clientId;
  return aud.is_array() && std::find(aud.begin(), aud.end(), json(clientId)) != aud.end();
}

// DEZI's own documents disagree on one letter (dezi.md §1.15); both name eIDAS "high".
bool LoaHigh(const json& value) {
  return value == "http://eidas.europa.eu/LoA/high" || value == "http://eidas.europe.eu/LoA/high";
}

}  // namespace

DeziLogin::DeziLogin(const GatewayConfig& config, const net::http::Client& http, jose::Key userinfoKey)
    : m_config(config), m_http(http), m_userinfoKey(std::move(userinfoKey)), m_jwks(http) {}

domain::Result<json> DeziLogin::Discovery() {
  std::lock_guard lock(m_mutex);
  if (!m_discovery.is_null()) return m_discovery;
  const std::string url = m_config.deziIssuer + "/.well-known/openid-configuration";
  auto response = m_http.Send({"GET", url, {{"Accept", "application/json"}}, ""});
  if (!response) return Fail(503, "dezi_unreachable", "DEZI discovery: " + response.error().detail);
  json doc = json::parse(response->body, nullptr, false);
  if (response->status != 200 || !doc.is_object()) {
    return Fail(502, "dezi_discovery_invalid", "DEZI discovery answered HTTP " + std::to_string(response->status));
  }
  // The issuer in the document must be the one configured, or every later issuer check is moot.
  if (StringMember(doc, "issuer") != m_config.deziIssuer) {
    return Fail(502, "dezi_discovery_invalid", "DEZI discovery names issuer '" + StringMember(doc, "issuer") + "'");
  }
  for (const char* member : {"authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri"}) {
    if (!doc.value(member, json()).is_string())
      return Fail(502, "dezi_discovery_invalid", std::string("DEZI discovery lacks ") + member);
  }
  m_discovery = doc;
  return doc;
}

domain::Result<json> DeziLogin::VerifiedClaims(const std::string& token, const std::string& jwksUrl,
                                               const std::string& what) {
  auto jws = jose::ParseJws(token);
  if (!jws) return Fail(401, what + "_invalid", what + ": " + jws.error().detail);
  if (StringMember(jws->header, "alg") != "RS256") return Fail(401, what + "_invalid", what + " must be signed RS256");
  std::string error;
  auto key = m_jwks.Find(jwksUrl, StringMember(jws->header, "kid"), error);
  if (!key) return Fail(401, what + "_invalid", what + ": " + error);
  auto ok = jose::VerifyJws(*jws, *key);
  if (!ok) return Fail(401, what + "_invalid", what + ": " + ok.error().detail);
  auto claims = jose::ClaimsOf(*jws);
  if (!claims) return Fail(401, what + "_invalid", what + ": " + claims.error().detail);
  return claims.value();
}

domain::Result<Identity> DeziLogin::Login(const LoginRequest& request) {
  auto discovery = Discovery();
  if (!discovery) return discovery.error();
  const json& doc = discovery.value();
  // Loopback redirect URIs are registered without a port (RFC 8252 §7.3); everything else must
  // match exactly: no query, fragment, user information or other spelling of the same address.
  const auto redirect = net::http::ParseUrl(request.redirectUri);
  const bool exact = redirect && request.redirectUri == redirect->scheme + "://" + redirect->host + ":" +
                                                            std::to_string(redirect->port) + redirect->path;
  if (!exact || std::find(m_config.redirectUris.begin(), m_config.redirectUris.end(),
                          redirect->scheme + "://" + redirect->host + redirect->path) == m_config.redirectUris.end()) {
    return Fail(400, "redirect_uri_not_registered", "redirect_uri is not one of the registered loopback URIs");
  }
  if (request.code.empty() || request.codeVerifier.size() < 43 || request.nonce.empty()) {
    return Fail(400, "login_request_invalid", "code, a code_verifier of at least 43 characters and nonce are required");
  }

  // 1. Token request (public client, PKCE).
  const std::string form = net::http::FormEncode({{"grant_type", "authorization_code"},
                                                  {"code", request.code},
                                                  {"redirect_uri", request.redirectUri},
                                                  {"client_id", m_config.deziClientId},
                                                  {"code_verifier", request.codeVerifier}});
  auto tokenResponse =
      m_http.Send({"POST",
                   doc["token_endpoint"],
                   {{"Content-Type", "application/x-www-form-urlencoded"}, {"Accept", "application/json"}},
                   form});
  if (!tokenResponse) return Fail(503, "dezi_unreachable", "DEZI token endpoint: " + tokenResponse.error().detail);
  const json tokens = json::parse(tokenResponse->body, nullptr, false);
  if (tokenResponse->status != 200 || !tokens.is_object()) {
    const std::string error =
        tokens.is_object() ? StringMember(tokens, "error") + ": " + StringMember(tokens, "error_description") : "";
    return Fail(401, "dezi_token_refused", "DEZI refused the authorization code (" + error + ")");
  }
  const std::string accessToken = StringMember(tokens, "access_token");
  const std::string idToken = StringMember(tokens, "id_token");
  if (accessToken.empty() || idToken.empty() || StringMember(tokens, "token_type") != "Bearer") {
    return Fail(502, "dezi_token_invalid", "DEZI token response lacks access_token, id_token or Bearer type");
  }

  // 2. id_token (OIDC Core §3.1.3.7).
  auto idClaims = VerifiedClaims(idToken, doc["jwks_uri"], "id_token");
  if (!idClaims) return idClaims.error();
  const json& id = idClaims.value();
  const std::int64_t now = Now();
  if (StringMember(id, "iss") != m_config.deziIssuer)
    return Fail(401, "id_token_invalid", "id_token issuer does not match");
  if (!Audience(id, m_config.deziClientId))
    return Fail(401, "id_token_invalid", "id_token audience is not this client");
  // Several audiences: azp must name us (OIDC Core 3.1.3.7 items 4-5), or the token was issued to
  // another client that may replay it here.
  const bool severalAudiences = id.contains("aud") && id["aud"].is_array() && id["aud"].size() > 1;
  if ((severalAudiences || id.contains("azp")) && StringMember(id, "azp") != m_config.deziClientId)
    return Fail(401, "id_token_invalid", "id_token azp is missing or names another client");
  if (Epoch(id, "exp") <= now - kSkew) return Fail(401, "id_token_expired", "id_token has expired");
  if (Epoch(id, "iat") < 0 || Epoch(id, "iat") > now + kSkew)
    return Fail(401, "id_token_invalid", "id_token iat is missing or in the future");
  if (!jose::SecretEquals(StringMember(id, "nonce"), request.nonce))
    return Fail(401, "nonce_mismatch", "id_token nonce does not match the login's nonce");
  if (id.contains("at_hash")) {
    const std::string expected = jose::Base64UrlEncode(jose::Sha256(accessToken).substr(0, 16));
    if (StringMember(id, "at_hash") != expected)
      return Fail(401, "id_token_invalid", "id_token at_hash does not match the access token");
  }

  // 3. Userinfo: JWE around a JWS signed with the id_token key.
  auto userinfo = m_http.Send({"GET",
                               doc["userinfo_endpoint"],
                               {{"Authorization", "Bearer " + accessToken}, {"Accept", "application/json"}},
                               ""});
  if (!userinfo) return Fail(503, "dezi_unreachable", "DEZI userinfo: " + userinfo.error().detail);
  if (userinfo->status != 200)
    return Fail(401, "userinfo_refused", "DEZI userinfo answered HTTP " + std::to_string(userinfo->status));
  if (userinfo->header("Content-Type").rfind("application/jwt", 0) != 0) {
    return Fail(502, "userinfo_invalid", "DEZI userinfo is not application/jwt");
  }
  std::string body = userinfo->body;
  while (!body.empty() && std::isspace(static_cast<unsigned char>(body.back()))) body.pop_back();
  const auto dots = std::count(body.begin(), body.end(), '.');
  std::string envelopeJws;
  if (dots == 4) {
    auto jwe = jose::DecryptJwe(body, m_userinfoKey);
    if (!jwe) return Fail(401, "userinfo_undecryptable", "userinfo: " + jwe.error().detail);
    envelopeJws = jwe->plaintext;
    if (std::count(envelopeJws.begin(), envelopeJws.end(), '.') != 2) {
      return Fail(401, "userinfo_invalid", "decrypted userinfo is not a signed JWT (unsigned JSON is refused)");
    }
  } else if (dots == 2) {
    if (!m_config.acceptUnencryptedUserinfo) {
      return Fail(
          401, "userinfo_not_encrypted",
          "DEZI returned the userinfo signed but not encrypted; allowed only with dezi.accept_unencrypted_userinfo (acceptance)");
    }
    envelopeJws = body;
  } else {
    return Fail(401, "userinfo_invalid", "userinfo is neither a compact JWE nor a JWS");
  }
  auto envelopeClaims = VerifiedClaims(envelopeJws, doc["jwks_uri"], "userinfo");
  if (!envelopeClaims) return envelopeClaims.error();
  const json& envelope = envelopeClaims.value();
  if (Epoch(envelope, "exp") <= now - kSkew) return Fail(401, "userinfo_expired", "userinfo envelope has expired");
  if (Epoch(envelope, "iat") > now + kSkew)
    return Fail(401, "userinfo_invalid", "userinfo envelope iat is in the future");
  if (!Audience(envelope, m_config.deziClientId))
    return Fail(401, "userinfo_invalid", "userinfo envelope audience is not this client");
  const std::string envelopeIssuer = StringMember(envelope, "iss");
  if (std::find(m_config.envelopeIssuers.begin(), m_config.envelopeIssuers.end(), envelopeIssuer) ==
      m_config.envelopeIssuers.end()) {
    return Fail(401, "userinfo_invalid", "userinfo envelope issuer '" + envelopeIssuer + "' is not configured");
  }
  if (!LoaHigh(envelope.value("loa_authn", json())))
    return Fail(401, "loa_insufficient", "authentication level is not eIDAS high");
  const std::string verklaring = StringMember(envelope, "verklaring");
  if (verklaring.empty()) return Fail(401, "userinfo_invalid", "userinfo envelope carries no verklaring");
  return ValidateVerklaring(verklaring, StringMember(envelope, "verklaring_id"));
}

domain::Result<Identity> DeziLogin::ValidateVerklaring(const std::string& verklaring,
                                                       const std::string& envelopeVerklaringId) {
  auto jws = jose::ParseJws(verklaring);
  if (!jws) return Fail(401, "verklaring_invalid", "verklaring: " + jws.error().detail);
  // Never fetch a key from a URL the token chose unless it is on the allow-list, byte for byte.
  const std::string jku = StringMember(jws->header, "jku");
  if (std::find(m_config.allowedJku.begin(), m_config.allowedJku.end(), jku) == m_config.allowedJku.end()) {
    return Fail(401, "verklaring_jku_not_allowed", "verklaring key URL (jku) '" + jku + "' is not in dezi.allowed_jku");
  }
  const std::string kid = StringMember(jws->header, "kid");
  if (kid.empty()) return Fail(401, "verklaring_invalid", "verklaring header has no kid");
  if (StringMember(jws->header, "alg") != "RS256")
    return Fail(401, "verklaring_invalid", "verklaring must be signed RS256");
  std::string error;
  auto key = m_jwks.Find(jku, kid, error);
  if (!key) return Fail(401, "verklaring_signature_invalid", "verklaring: " + error);
  if (!jose::VerifyJws(*jws, *key))
    return Fail(401, "verklaring_signature_invalid", "verklaring signature does not verify");
  auto claimsResult = jose::ClaimsOf(*jws);
  if (!claimsResult) return Fail(401, "verklaring_invalid", "verklaring: " + claimsResult.error().detail);
  const json& c = claimsResult.value();
  const std::int64_t now = Now();
  if (Epoch(c, "nbf") < 0 || Epoch(c, "exp") < 0) return Fail(401, "verklaring_invalid", "verklaring lacks nbf or exp");
  if (Epoch(c, "nbf") > now + kSkew) return Fail(401, "verklaring_not_yet_valid", "verklaring is not valid yet");
  if (Epoch(c, "exp") <= now) return Fail(401, "verklaring_expired", "verklaring has expired");
  if (!LoaHigh(c.value("loa_dezi", json())))
    return Fail(401, "loa_insufficient", "verklaring level (loa_dezi) is not eIDAS high");
  for (const char* name : {"jti", "verklaring_id", "dezi_nummer", "voorletters", "achternaam", "abonnee_nummer",
                           "abonnee_naam", "rol_code"}) {
    if (StringMember(c, name).empty())
      return Fail(401, "verklaring_invalid", std::string("verklaring claim ") + name + " is missing or empty");
  }
  if (c.contains("voorvoegsel") && !c["voorvoegsel"].is_null() && !c["voorvoegsel"].is_string()) {
    return Fail(401, "verklaring_invalid", "verklaring claim voorvoegsel must be a string or null");
  }
  if (StringMember(c, "verklaring_id") != envelopeVerklaringId) {
    return Fail(401, "verklaring_invalid", "verklaring_id differs between the userinfo envelope and the verklaring");
  }
  if (!domain::DeziNumber::Parse(StringMember(c, "dezi_nummer")))
    return Fail(401, "verklaring_invalid", "dezi_nummer is not 9 digits");
  if (!domain::Ura::Parse(StringMember(c, "abonnee_nummer")))
    return Fail(401, "verklaring_invalid", "abonnee_nummer is not an 8-digit URA");
  static const std::regex roleFormat("^[0-9]{2}\\.[0-9]{3}$");
  if (!std::regex_match(StringMember(c, "rol_code"), roleFormat))
    return Fail(401, "verklaring_invalid", "rol_code is not NN.NNN");

  Identity identity;
  identity.deziNumber = StringMember(c, "dezi_nummer");
  identity.initials = StringMember(c, "voorletters");
  identity.prefix = StringMember(c, "voorvoegsel");
  identity.surname = StringMember(c, "achternaam");
  identity.roleCode = StringMember(c, "rol_code");
  identity.roleName = StringMember(c, "rol_naam");
  identity.ura = StringMember(c, "abonnee_nummer");
  identity.organisation = StringMember(c, "abonnee_naam");
  identity.verklaringId = StringMember(c, "verklaring_id");
  identity.verklaring = verklaring;
  identity.verklaringExpires = Epoch(c, "exp");

  // Organisation policy before the status call: no need to ask DEZI about someone we refuse anyway.
  if (identity.ura != m_config.ura) {
    return Fail(403, "organisation_mismatch",
                "the verklaring is for URA " + identity.ura + ", this gateway serves URA " + m_config.ura);
  }
  if (!m_config.RoleAllowed("login", identity.roleCode)) {
    return Fail(403, "role_not_allowed",
                "role " + identity.roleCode + " (" + identity.roleName + ") may not use Zorgbrug here");
  }
  if (auto failure = CheckStatus(c)) return *failure;
  return identity;
}

std::optional<domain::Error> DeziLogin::CheckStatus(const json& c) {
  // K07's table and its examples disagree on the claim name (dezi.md §1.15).
  std::string uri = StringMember(c, "status_uri");
  if (uri.empty()) uri = StringMember(c, "revocatie_controle_uri");
  if (uri.empty()) uri = m_config.deziIssuer + "/status/v1/verklaring/" + StringMember(c, "verklaring_id");
  auto response = m_http.Send({"GET", uri, {{"Accept", "application/json"}}, ""});
  if (!response) return Fail(503, "verklaring_status_unavailable", "DEZI status service: " + response.error().detail);
  const json status = json::parse(response->body, nullptr, false);
  if (response->status == 200 && status.is_object() &&
      StringMember(status, "verklaringId") == StringMember(c, "verklaring_id") &&
      StringMember(status, "status") == "actief") {
    return std::nullopt;
  }
  if (response->status == 200 || response->status == 404) {
    return Fail(403, "verklaring_revoked",
                "DEZI reports the verklaring as '" +
                    (status.is_object() ? status.value("status", "onbekend") : "onbekend") + "'");
  }
  return Fail(503, "verklaring_status_unavailable",
              "DEZI status service answered HTTP " + std::to_string(response->status));
}

}  // namespace zb::gateway
