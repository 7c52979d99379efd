// SPDX-License-Identifier: GPL-3.0-or-later
// The DEZI OpenID provider as the K07 specification describes it (dezi.md §1.3-§1.10): discovery
// with exactly DEZI's members, /authorize (persona page instead of DEZI's login UI), /token (public
// client, PKCE S256, one-time codes), /userinfo (JWE around a signed envelope around the verklaring),
// both JWKS and the verklaring status endpoint.
#include <chrono>

#include "net/http/client.h"
#include "net/jose/base64url.h"
#include "net/jose/jwe.h"
#include "net/jose/jws.h"
#include "net/jose/random.h"
#include "world.h"

namespace zb::sandbox {
namespace {

using nlohmann::json;
namespace jose = net::jose;

constexpr std::int64_t kDay = 24 * 3600;

std::string HtmlEscape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// RFC 8252 §7.3: for loopback redirect URIs the port is not compared.
bool RedirectMatches(const std::string& registered, const std::string& given) {
  auto a = net::http::ParseUrl(registered);
  auto b = net::http::ParseUrl(given);
  if (!a || !b) return false;
  const bool loopback = a->scheme == "http" && net::http::IsLoopbackHost(a->host);
  return a->scheme == b->scheme && a->host == b->host && a->path == b->path && a->query == b->query &&
         (loopback || a->port == b->port);
}

std::string HalfHash(const std::string& value) {
  const std::string digest = jose::Sha256(value);
  return jose::Base64UrlEncode(digest.substr(0, 16));
}

void RedirectWith(httplib::Response& res, const std::string& uri, const std::string& query) {
  res.status = 302;
  res.set_header("Location", uri + (uri.find('?') == std::string::npos ? "?" : "&") + query);
}

json VerklaringClaims(World& world, const Persona& persona, const std::string& verklaringId) {
  const std::int64_t now = Now();
  const bool k07 = persona.style == ClaimStyle::kK07Example;
  json c;
  c["jti"] = jose::RandomUuid();
  c["iss"] = k07 ? "abonnee.dezi.nl" : "https://abonnee.dezi.nl";
  c["nbf"] = persona.fault == PersonaFault::kExpired ? now - 120 * kDay : now - kDay;
  c["exp"] = persona.fault == PersonaFault::kExpired ? now - 30 * kDay : now + 90 * kDay;
  c["json_schema"] = k07 ? "https://www.dezi.nl/json_schemas/verklaring_v1.json"
                         : "https://www.dezi.nl/json_schemas/v1/verklaring.json";
  c["loa_dezi"] = k07 ? "http://eidas.europe.eu/LoA/high" : "http://eidas.europa.eu/LoA/high";
  c["verklaring_id"] = verklaringId;
  c["dezi_nummer"] = persona.deziNummer;
  c["voorletters"] = persona.initials;
  c["voorvoegsel"] = persona.prefix ? json(*persona.prefix) : json(nullptr);
  c["achternaam"] = persona.surname;
  c["abonnee_nummer"] = persona.ura;
  c["abonnee_naam"] = persona.organisation;
  c["rol_code"] = persona.roleCode;
  c["rol_naam"] = persona.roleName;
  c[k07 ? "rol_bron" : "rol_code_bron"] =
      k07 ? "http://www.dezi.nl/rol_code_bron/big" : "http://www.dezi.nl/rol_bron/big";
  c[k07 ? "revocatie_controle_uri" : "status_uri"] = world.deziIssuer + "/status/v1/verklaring/" + verklaringId;
  return c;
}

std::string SignVerklaring(World& w, const Persona& p, const json& claims) {
  json header{{"alg", "RS256"},
              {"typ", "JWT"},
              {"kid", w.esealKid},
              {"jku", w.deziIssuer + (p.fault == PersonaFault::kUnknownJku ? "/andere/jwks.json" : "/dezi/jwks.json")}};
  const jose::Key& key = p.fault == PersonaFault::kBadSignature ? *w.foreignKey : *w.esealKey;
  return jose::SignJws(header, claims.dump(), key).value();
}

std::string Userinfo(World& w, const Persona& p, const std::string& clientId) {
  const std::string verklaringId = jose::RandomUuid();
  w.verklaringStatus[verklaringId] = p.fault == PersonaFault::kRevoked ? "ingetrokken" : "actief";
  const std::string verklaring = SignVerklaring(w, p, VerklaringClaims(w, p, verklaringId));
  const std::int64_t now = Now();
  json envelope{{"jti", jose::RandomUuid()},
                {"iat", now},
                {"exp", now + 3600},
                {"iss", "auth.dezi.nl"},
                {"aud", clientId},
                {"loa_authn", "http://eidas.europa.eu/LoA/high"},
                {"json_schema", "https://www.dezi.nl/json_schemas/v1/userinfo.json"},
                {"verklaring_id", verklaringId},
                {"verklaring", verklaring}};
  const std::string jws =
      jose::SignJws({{"alg", "RS256"}, {"typ", "JWT"}, {"kid", w.opKid}}, envelope.dump(), *w.opKey).value();
  if (p.userinfoAsPlainJws) return jws;
  json header{
      {"alg", "RSA-OAEP"}, {"enc", "A256CBC-HS512"}, {"kid", w.rpEncryptionKid}, {"typ", "JWT"}, {"cty", "JWT"}};
  return jose::EncryptJwe(header, jws, *w.rpEncryptionKey).value();
}

void TokenError(httplib::Response& res, int status, const std::string& error, const std::string& description) {
  res.status = status;
  res.set_content(json{{"error", error}, {"error_description", description}}.dump(), "application/json");
}

void ServeDiscovery(World& world, const httplib::Request&, httplib::Response& res) {
  const std::string& i = world.deziIssuer;
  // Exactly the members and values of K07 §4.1, host replaced: the client must not grow a
  // dependency on metadata DEZI does not publish.
  json doc{{"issuer", i},
           {"authorization_endpoint", i + "/authorize"},
           {"token_endpoint", i + "/token"},
           {"jwks_uri", i + "/openid/connect/jwks.json"},
           {"response_types_supported", {"code"}},
           {"subject_types_supported", {"pairwise"}},
           {"id_token_signing_alg_values_supported", {"RS256"}},
           {"userinfo_endpoint", i + "/userinfo"},
           {"scopes_supported", {"openid"}},
           {"request_parameter_supported", false},
           {"request_uri_parameter_supported", true},
           {"require_request_uri_registration", false},
           {"grant_types_supported", {"authorization_code"}},
           {"token_endpoint_auth_methods_supported", {"none"}},
           {"response_modes_supported", {"query"}},
           {"claims_parameter_supported", true},
           {"frontchannel_logout_supported", false},
           {"frontchannel_logout_session_supported", false},
           {"backchannel_logout_supported", false},
           {"backchannel_logout_session_supported", false},
           {"code_challenge_methods_supported", {"S256"}}};
  res.set_content(doc.dump(2), "application/json");
}

void ServeOpKeys(World& world, const httplib::Request&, httplib::Response& res) {
  json key = world.opKey->PublicJwk(world.opKid);
  key["alg"] = "RS256";
  key["use"] = "sig";
  res.set_content(json{{"keys", {key}}}.dump(), "application/json");
}

void ServeAuthorize(World& world, const httplib::Request& req, httplib::Response& res) {
  std::lock_guard lock(world.mutex);
  world.Count("dezi.authorize");
  const std::string clientId = req.get_param_value("client_id");
  const std::string redirectUri = req.get_param_value("redirect_uri");
  bool redirectOk = false;
  for (const auto& r : world.deziRedirectUris) redirectOk = redirectOk || RedirectMatches(r, redirectUri);
  // Never redirect to an unverified URI: client and redirect errors are shown, not sent back.
  if (clientId != world.deziClientId || !redirectOk) {
    res.status = 400;
    res.set_content("<!doctype html><title>Dezi</title><p>Onbekende client_id of redirect_uri.</p>",
                    "text/html; charset=utf-8");
    return;
  }
  const std::string state = req.get_param_value("state");
  auto fail = [&](const std::string& error, const std::string& description) {
    RedirectWith(res, redirectUri,
                 "error=" + error + "&error_description=" + net::http::UrlEncode(description) +
                     (state.empty() ? "" : "&state=" + net::http::UrlEncode(state)));
  };
  if (req.get_param_value("response_type") != "code") return fail("unsupported_response_type", "only code");
  if (req.get_param_value("scope") != "openid") return fail("invalid_scope", "only openid");
  if (state.empty()) return fail("invalid_request", "state is required");
  if (req.get_param_value("code_challenge").empty() || req.get_param_value("code_challenge_method") != "S256") {
    return fail("invalid_request", "PKCE with S256 is required");
  }
  const std::string uid = net::jose::RandomToken(16);
  world.pending[uid] = {
      clientId, redirectUri, state, req.get_param_value("nonce"), req.get_param_value("code_challenge"), Now()};
  std::string html =
      "<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Inloggen met Dezi (sandbox)</title></head>"
      "<body><h1>Inloggen met Dezi &mdash; sandbox</h1><p>Kies een testpersoon:</p><ul>";
  for (const auto& p : Personas()) {
    html += "<li><a data-persona=\"" + p.id + "\" href=\"/interaction/" + uid + "/login?persona=" + p.id + "\">" +
            HtmlEscape(p.label) + "</a> (" + p.roleCode + ", URA " + p.ura + ")</li>";
  }
  html += "</ul></body></html>";
  res.set_content(html, "text/html; charset=utf-8");
}

void ServePersonaChoice(World& world, const httplib::Request& req, httplib::Response& res) {
  std::lock_guard lock(world.mutex);
  auto it = world.pending.find(req.matches[1].str());
  const Persona* persona = FindPersona(req.get_param_value("persona"));
  if (it == world.pending.end() || !persona || Now() - it->second.created > 600) {
    res.status = 400;
    res.set_content("<!doctype html><p>Onbekende of verlopen inlogpoging.</p>", "text/html; charset=utf-8");
    return;
  }
  const std::string code = net::jose::RandomToken(32);
  world.codes[code] = {it->second, persona->id, Now() + 60};
  RedirectWith(res, it->second.redirectUri, "code=" + code + "&state=" + net::http::UrlEncode(it->second.state));
  world.pending.erase(it);
}

void ServeToken(World& world, const httplib::Request& req, httplib::Response& res) {
  std::lock_guard lock(world.mutex);
  world.Count("dezi.token");
  std::map<std::string, std::string> form;
  for (const auto& [k, v] : net::http::ParseForm(req.body)) form[k] = v;
  if (form["grant_type"] != "authorization_code")
    return TokenError(res, 400, "unsupported_grant_type", "authorization_code only");
  for (const char* field : {"code", "redirect_uri", "client_id", "code_verifier"}) {
    if (form[field].empty()) return TokenError(res, 400, "invalid_request", std::string(field) + " is required");
  }
  const std::string code = form["code"];
  if (world.usedCodes.count(code)) return TokenError(res, 400, "invalid_grant", "authorization code already used");
  auto it = world.codes.find(code);
  if (it == world.codes.end() || it->second.expiresAt < Now())
    return TokenError(res, 400, "invalid_grant", "unknown or expired code");
  const AuthorizationCode grant = it->second;
  world.codes.erase(it);
  world.usedCodes.insert(code);
  if (form["client_id"] != grant.request.clientId)
    return TokenError(res, 400, "invalid_grant", "client_id does not match");
  if (form["redirect_uri"] != grant.request.redirectUri)
    return TokenError(res, 400, "invalid_grant", "redirect_uri does not match");
  const std::string challenge = jose::Base64UrlEncode(jose::Sha256(form["code_verifier"]));
  if (!jose::SecretEquals(challenge, grant.request.challenge)) {
    return TokenError(res, 400, "invalid_grant", "PKCE code_verifier does not match");
  }
  const std::int64_t now = Now();
  const std::string accessToken = jose::RandomUuid() + "-" + std::to_string(now);
  world.deziTokens[accessToken] = {grant.personaId, grant.request.clientId, now + 3600};
  json idClaims{
      {"at_hash", HalfHash(accessToken)},
      {"sub", jose::Base64UrlEncode(jose::Sha256(grant.request.clientId + "|" + grant.personaId + "|sandbox-salt"))},
      {"aud", grant.request.clientId},
      {"c_hash", HalfHash(code)},
      {"acr", "0"},
      {"azp", grant.request.clientId},
      {"auth_time", now},
      {"iss", world.deziIssuer},
      {"exp", now + kDay},
      {"iat", now}};
  if (!grant.request.nonce.empty()) idClaims["nonce"] = grant.request.nonce;
  if (const Persona* p = FindPersona(grant.personaId); p && p->fault == PersonaFault::kExtraAudienceNoAzp) {
    idClaims["aud"] = {grant.request.clientId, "another-client"};
    idClaims.erase("azp");
  }
  const std::string idToken =
      jose::SignJws({{"typ", "JWT"}, {"alg", "RS256"}, {"kid", world.opKid}}, idClaims.dump(), *world.opKey).value();
  // Two non-standard members, as DEZI sends them: clients must ignore what they do not know.
  json body{{"access_token", accessToken},
            {"token_type", "Bearer"},
            {"expires_in", 3600},
            {"scope", "openid"},
            {"id_token", idToken},
            {"id_token_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"},
            {"resource", {world.deziIssuer + "/*"}}};
  res.set_header("Cache-Control", "no-store");
  res.set_content(body.dump(), "application/json");
}

void ServeUserinfo(World& world, const httplib::Request& req, httplib::Response& res) {
  std::lock_guard lock(world.mutex);
  world.Count("dezi.userinfo");
  const std::string auth = req.get_header_value("Authorization");
  auto it = auth.rfind("Bearer ", 0) == 0 ? world.deziTokens.find(auth.substr(7)) : world.deziTokens.end();
  if (it == world.deziTokens.end() || it->second.expiresAt < Now()) {
    res.status = 401;
    res.set_header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    return;
  }
  const Persona* persona = FindPersona(it->second.personaId);
  res.set_content(Userinfo(world, *persona, it->second.clientId), "application/jwt");
}

void ServeVerklaringStatus(World& world, const httplib::Request& req, httplib::Response& res) {
  std::lock_guard lock(world.mutex);
  world.Count("dezi.status");
  const std::string id = req.matches[1].str();
  auto it = world.verklaringStatus.find(id);
  if (it == world.verklaringStatus.end()) {
    res.status = 404;
    res.set_content(json{{"type", "about:blank"},
                         {"title", "Not Found"},
                         {"status", 404},
                         {"detail", "verklaring onbekend"},
                         {"instance", req.path},
                         {"method", "GET"}}
                        .dump(),
                    "application/problem+json");
    return;
  }
  res.set_content(json{{"verklaringId", id}, {"status", it->second}}.dump(), "application/json");
}

}  // namespace

void RegisterDezi(httplib::Server& server, World& world) {
  server.Get("/.well-known/openid-configuration",
             [&world](const httplib::Request& req, httplib::Response& res) { ServeDiscovery(world, req, res); });

  server.Get("/openid/connect/jwks.json",
             [&world](const httplib::Request& req, httplib::Response& res) { ServeOpKeys(world, req, res); });
  auto esealJwks = [&world](const httplib::Request&, httplib::Response& res) {
    json key = world.esealKey->PublicJwk(world.esealKid);
    key["alg"] = "RS256";
    key["use"] = "sig";
    res.set_content(json{{"keys", {key}}}.dump(), "application/json");
  };
  server.Get("/dezi/jwks.json", esealJwks);
  // Same key under a URL no gateway should allow: proves the allow-list, not the signature, refuses it.
  server.Get("/andere/jwks.json", esealJwks);

  server.Get("/authorize",
             [&world](const httplib::Request& req, httplib::Response& res) { ServeAuthorize(world, req, res); });

  server.Get(R"(/interaction/([A-Za-z0-9_-]+)/login)",
             [&world](const httplib::Request& req, httplib::Response& res) { ServePersonaChoice(world, req, res); });

  server.Post("/token", [&world](const httplib::Request& req, httplib::Response& res) { ServeToken(world, req, res); });

  server.Get("/userinfo",
             [&world](const httplib::Request& req, httplib::Response& res) { ServeUserinfo(world, req, res); });

  server.Get(R"(/status/v1/verklaring/([0-9a-f-]+))",
             [&world](const httplib::Request& req, httplib::Response& res) { ServeVerklaringStatus(world, req, res); });
}

}  // namespace zb::sandbox
