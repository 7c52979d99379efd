// SPDX-License-Identifier: GPL-3.0-or-later
// The internal API of a nuts-node v6.2.10 as a care application sees it (nuts.md §2, §9.1):
// token_v2 authentication of the caller, Discovery search, request-service-access-token with the
// node's caching and error classes, and DPoP proofs signed with the subject's DID key. The remote
// authorization servers (one per holder) live in the same process, so the "vp_token-bearer" leg
// between nodes is a function call here; what the holder's node would introspect is IssuedToken.
#include <regex>

#include "net/contract/waarneem_services.h"
#include "net/http/client.h"
#include "net/jose/base64url.h"
#include "net/jose/jws.h"
#include "net/jose/random.h"
#include "world.h"

namespace zb::sandbox {
namespace {

using nlohmann::json;
namespace jose = net::jose;

bool IsUuid(const std::string& s) {
  static const std::regex re("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
  return std::regex_match(s, re);
}

// nuts.md §1: Bearer JWT signed by a key from authorized_keys; iss = that key's user name,
// non-empty sub, iat/nbf/exp (exp at most 24 h after iat), UUID jti, aud = the node's audience;
// no embedded keys. Any failure is a bare 401, as the node gives.
bool Authenticate(World& world, const httplib::Request& req, httplib::Response& res) {
  const std::string auth = req.get_header_value("Authorization");
  auto reject = [&](const std::string& why) {
    world.Count("node.unauthenticated");
    Problem(res, 401, "Unauthorized", why);
    return false;
  };
  if (auth.rfind("Bearer ", 0) != 0) return reject("missing Bearer token");
  const std::string token = auth.substr(7);
  auto jws = jose::ParseJws(token);
  if (!jws) return reject("malformed token");
  for (const char* forbidden : {"jwk", "jku", "x5c", "x5u"}) {
    if (jws->header.contains(forbidden)) return reject(std::string("header ") + forbidden + " not allowed");
  }
  const std::string kid = jws->header.value("kid", "");
  const std::pair<std::string, jose::Key>* signer = nullptr;
  for (const auto& entry : world.authorizedKeys) {
    if (entry.second.Thumbprint() == kid) signer = &entry;
  }
  if (!signer) return reject("unknown kid");
  const std::string alg = jws->header.value("alg", "");
  if (alg != "ES256" && alg != "PS512" && alg != "RS512") return reject("algorithm not allowed");
  if (!jose::VerifyJws(*jws, signer->second)) return reject("bad signature");
  auto claims = jose::ClaimsOf(*jws);
  if (!claims) return reject("bad claims");
  const json& c = *claims;
  const std::int64_t now = Now();
  auto number = [&](const char* n) {
    return c.contains(n) && c[n].is_number_integer() ? c[n].get<std::int64_t>() : -1;
  };
  const std::int64_t iat = number("iat"), nbf = number("nbf"), exp = number("exp");
  if (c.value("iss", "") != signer->first) return reject("iss does not match the key's user");
  if (!c.contains("sub") || !c["sub"].is_string() || c["sub"].get<std::string>().empty()) return reject("sub missing");
  if (iat < 0 || nbf < 0 || exp < 0 || nbf < iat || exp > iat + 24 * 3600) return reject("bad iat/nbf/exp");
  if (now + 5 < nbf || now >= exp) return reject("token not valid now");
  if (!c.contains("jti") || !c["jti"].is_string() || !IsUuid(c["jti"].get<std::string>()))
    return reject("jti must be a UUID");
  const json aud = c.value("aud", json());
  const bool audOk = (aud.is_string() && aud == world.audience) ||
                     (aud.is_array() && std::find(aud.begin(), aud.end(), json(world.audience)) != aud.end());
  if (!audOk) return reject("wrong audience");
  world.capturedTokenV2.push_back(token);
  if (world.capturedTokenV2.size() > 20) world.capturedTokenV2.erase(world.capturedTokenV2.begin());
  return true;
}

// Discovery search (nuts.md §2.3): keys are JSON paths into one credential, values match
// case-insensitively, '*' at either end is a wildcard and '*' alone means "present".
bool Matches(const std::string& pattern, const std::string& value) {
  auto lower = [](std::string s) {
    for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
  };
  const std::string p = lower(pattern), v = lower(value);
  if (p == "*") return true;
  const bool prefix = p.size() > 1 && p.back() == '*';
  const bool suffix = p.size() > 1 && p.front() == '*';
  std::string core = p.substr(suffix ? 1 : 0, p.size() - (suffix ? 1 : 0) - (prefix ? 1 : 0));
  if (prefix && suffix) return v.find(core) != std::string::npos;
  if (prefix) return v.rfind(core, 0) == 0;
  if (suffix) return v.size() >= core.size() && v.compare(v.size() - core.size(), core.size(), core) == 0;
  return v == core;
}

const json* Walk(const json& root, const std::string& path) {
  const json* node = &root;
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto dot = path.find('.', start);
    const std::string key = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (!node->is_object() || !node->contains(key)) return nullptr;
    node = &(*node)[key];
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return node;
}

std::string OtherName(const HolderInfo& h) {
  return "2.16.528.1.1007.99.2110-1-900025" + h.ura.substr(5) + "-S-" + h.ura + "-00.000-00000000";
}

json Credentials(const HolderInfo& h) {
  return json::array(
      {{{"type", {"VerifiableCredential", "X509Credential"}},
        {"issuer", "did:x509:0:sha256:zorgbrug-sandbox-uzi-test-ca::san:otherName:" + OtherName(h)},
        {"credentialSubject",
         {{"id", h.did}, {"subject", {{"O", h.name}, {"L", h.city}}}, {"san", {{"otherName", OtherName(h)}}}}}},
       {{"type", {"VerifiableCredential", "DiscoveryRegistrationCredential"}},
        {"issuer", h.did},
        {"credentialSubject", {{"id", h.did}, {"authServerURL", h.authServer}, {"fhirBaseURL", h.fhirBase}}}}});
}

json SearchResult(const HolderInfo& holder) {
  const json credentials = Credentials(holder);
  const std::int64_t now = Now();
  json vp{{"iss", holder.did},
          {"sub", holder.did},
          {"nbf", now},
          {"exp", now + 3600},
          {"jti", holder.did + "#" + jose::RandomUuid()},
          {"vp", {{"type", {"VerifiablePresentation"}}, {"verifiableCredential", credentials}}}};
  const std::string vpJwt =
      jose::SignJws({{"alg", "ES256"}, {"typ", "JWT"}, {"kid", holder.did + "#0"}}, vp.dump(), *holder.didKey).value();
  return {{"id", vp["jti"]},
          {"credential_subject_id", holder.did},
          {"vp", vpJwt},
          {"fields",
           {{"organization_id", holder.did},
            {"organization_name", holder.name},
            {"organization_ura", holder.ura},
            {"organization_city", holder.city},
            {"authorization_server_url", holder.authServer},
            {"fhir_base_url", holder.fhirBase}}},
          {"registrationParameters", {{"authServerURL", holder.authServer}, {"fhirBaseURL", holder.fhirBase}}}};
}

const std::string_view kServices[] = {"HuisartsVVTInzage", "medicatieoverdracht-gf", "zorgbrug-voorschrift",
                                      "zorgbrug-medicatiegegevens", net::contract::kReportService};

// The requesting organisation's own X509Credential (from its UZI server certificate) in the node's
// wallet (the demo organisation is URA 90000380, gateway.json).
json OrganisationCredential(const Subject& s) {
  const std::string otherName =
      "2.16.528.1.1007.99.2110-1-900025" + s.ura.substr(5) + "-S-" + s.ura + "-00.000-00000000";
  return {{"type", {"VerifiableCredential", "X509Credential"}},
          {"issuer", "did:x509:0:sha256:zorgbrug-sandbox-uzi-test-ca::san:otherName:" + otherName},
          {"credentialSubject", {{"id", s.did}, {"subject", {{"O", s.name}}}, {"san", {{"otherName", otherName}}}}}};
}

// The employee identity the token carries (introspection claims of the holder's node).
json EmployeeFromCredentials(const json& credentials) {
  for (const auto& vc : credentials) {
    const json types = vc.value("type", json::array());
    if (std::find(types.begin(), types.end(), json("NutsEmployeeCredential")) == types.end()) continue;
    const json s = vc.value("credentialSubject", json::object());
    if (!s.value("identifier", "").empty() && !s.value("name", "").empty() && !s.value("roleName", "").empty()) {
      return {{"employee_identifier", s["identifier"]}, {"employee_name", s["name"]}, {"employee_role", s["roleName"]}};
    }
  }
  return json();
}

// project-gf: the verklaring JWS as id_token, checked like nuts-node's dezi.go does (allowed jku,
// signature, nbf/exp); no revocation check, exactly as upstream.
json EmployeeFromVerklaring(World& w, const std::string& idToken) {
  auto jws = jose::ParseJws(idToken);
  if (!jws || jws->header.value("jku", "") != w.deziIssuer + "/dezi/jwks.json" ||
      jws->header.value("kid", "") != w.esealKid) {
    return json();
  }
  if (!jose::VerifyJws(*jws, *w.esealKey)) return json();
  auto claims = jose::ClaimsOf(*jws);
  if (!claims) return json();
  const std::int64_t now = Now();
  if (claims->value("nbf", now + 1) > now || claims->value("exp", std::int64_t{0}) <= now) return json();
  const json& c = *claims;
  return {{"organization_ura_dezi", c.value("abonnee_nummer", "")},
          {"user_uzi", c.value("dezi_nummer", "")},
          {"user_initials", c.value("voorletters", "")},
          {"user_surname_prefix", c.value("voorvoegsel", json())},
          {"user_surname", c.value("achternaam", "")},
          {"user_role", c.value("rol_code", "")}};
}

void ServeDiscoveryServices(World& world, const httplib::Request& req, httplib::Response& res) {
  std::lock_guard lock(world.mutex);
  if (!Authenticate(world, req, res)) return;
  json list = json::array();
  for (const auto s : kServices) {
    list.push_back({{"id", s},
                    {"endpoint", world.nodeUrl + "/discovery/" + std::string(s)},
                    {"presentation_definition", json::object()},
                    {"presentation_max_validity", 259200}});
  }
  res.set_content(list.dump(), "application/json");
}

void ServeDiscoverySearch(World& world, const httplib::Request& req, httplib::Response& res) {
  std::lock_guard lock(world.mutex);
  if (!Authenticate(world, req, res)) return;
  world.Count("node.discovery");
  const std::string service = req.matches[1].str();
  if (std::find(std::begin(kServices), std::end(kServices), service) == std::end(kServices)) {
    return Problem(res, 404, "Discovery service not found", "unknown discovery service: " + service);
  }
  json results = json::array();
  std::vector<HolderInfo> registered = world.holders;
  for (auto& s : SubjectRegistrations(world, service)) registered.push_back(std::move(s));
  for (const auto& h : registered) {
    if (std::find(h.services.begin(), h.services.end(), service) == h.services.end()) continue;
    bool any = false;
    for (const auto& credential : Credentials(h)) {
      bool all = true;
      for (const auto& [key, value] : req.params) {
        const json* node = Walk(credential, key);
        all = all && node && node->is_string() && Matches(value, node->get<std::string>());
      }
      any = any || all;
    }
    if (any) results.push_back(SearchResult(h));
  }
  res.set_content(results.dump(), "application/json");
}

void ServeServiceAccessToken(World& world, const httplib::Request& req, httplib::Response& res) {
  std::lock_guard lock(world.mutex);
  if (!Authenticate(world, req, res)) return;
  world.Count("node.token-requests");
  const Subject* requester = world.FindSubject(req.matches[1].str());
  if (!requester) return Problem(res, 400, "Invalid request", "unknown subject: " + req.matches[1].str());
  const json body = json::parse(req.body, nullptr, false);
  if (!body.is_object() || !body.contains("authorization_server") || !body["authorization_server"].is_string() ||
      !body.contains("scope") || !body["scope"].is_string()) {
    return Problem(res, 400, "Invalid request", "authorization_server and scope are required");
  }
  const std::string tokenType = body.value("token_type", "DPoP");
  if (tokenType != "DPoP" && tokenType != "Bearer")
    return Problem(res, 400, "Invalid request", "token_type must be DPoP or Bearer");
  const json credentials = body.value("credentials", json::array());
  if (!credentials.is_array()) return Problem(res, 400, "Invalid request", "credentials must be an array");
  for (const auto& vc : credentials) {
    if (!vc.is_object() || vc.contains("issuer") || vc.value("credentialSubject", json::object()).contains("id") ||
        vc.contains("proof")) {
      return Problem(res, 400, "Invalid request",
                     "self-asserted credentials must not contain issuer, credentialSubject.id or proof");
    }
  }
  const std::string authServer = body["authorization_server"];
  const HolderInfo* holder = nullptr;
  for (const auto& h : world.holders) {
    if (h.authServer == authServer) holder = &h;
  }
  // Another subject's authorization server (an organisation's gateway, e.g. for on-call reports):
  // it accepts the report scopes, and the token names the requesting organisation.
  std::optional<HolderInfo> peer;
  json organisation;
  for (const auto& s : world.subjects) {
    if (AuthServerOf(world, s) != authServer || &s == requester) continue;
    peer = HolderInfo{};
    peer->name = s.name;
    peer->ura = s.ura;
    peer->services = {std::string(net::contract::kReportNotifyScope), std::string(net::contract::kReportPullScope)};
    holder = &*peer;
    organisation = {{"organization_ura", requester->ura}, {"organization_name", requester->name}};
  }
  if (!holder) return Problem(res, 503, "Authorization server unreachable", "cannot fetch metadata of " + authServer);
  if (holder->refuseTokens)
    return Problem(res, 502, "Authorization server error", holder->name + " answered invalid_request");
  const std::string scope = body["scope"];
  if (std::find(holder->services.begin(), holder->services.end(), scope) == holder->services.end()) {
    return Problem(res, 400, "Invalid request", "invalid_scope: " + holder->name + " has no policy for scope " + scope);
  }
  json employee = EmployeeFromCredentials(credentials);
  if (world.nodeVariant == "gf" && body.contains("id_token") && body["id_token"].is_string()) {
    employee = EmployeeFromVerklaring(world, body["id_token"]);
    if (employee.is_null())
      return Problem(res, 400, "Invalid request", "id_token is not an acceptable Dezi verklaring");
  }
  if (employee.is_null()) {
    return Problem(res, 412, "Presentation definition not satisfied",
                   "the wallet and the request hold no credential describing the user (NutsEmployeeCredential)");
  }
  json claims = json::object();
  if (world.knooppuntPresentation && scope == "medicatieoverdracht-gf") {
    // The published access policy of this scope: the wallet's X509Credential plus the request's
    // self-asserted credentials, completed as the node completes them (subject = our did:web).
    json presented = json::array({OrganisationCredential(*requester)});
    for (auto vc : credentials) {
      vc["issuer"] = requester->did;
      vc["credentialSubject"]["id"] = requester->did;
      presented.push_back(std::move(vc));
    }
    if (auto why = world.knooppunt->Evaluate(presented, claims))
      return Problem(res, 412, "Presentation definition not satisfied", "medicatieoverdracht-gf: " + *why);
    world.capturedClaims.push_back(claims);
    if (world.capturedClaims.size() > 20) world.capturedClaims.erase(world.capturedClaims.begin());
  }
  const std::int64_t now = Now();
  const std::string cacheKey = jose::Base64UrlEncode(jose::Sha256(requester->id + "|" + body.dump()));
  const bool bypass = req.get_header_value("Cache-Control").find("no-cache") != std::string::npos;
  auto cached = world.tokenCache.find(cacheKey);
  std::string token;
  if (!bypass && cached != world.tokenCache.end() && cached->second.second - 30 > now) {
    token = cached->second.first;
    world.Count("node.token-cache-hits");
  } else {
    token = jose::RandomToken(24);
    IssuedToken issued{tokenType,
                       authServer,
                       scope,
                       tokenType == "DPoP" ? requester->key->Thumbprint() : std::string(),
                       AuthServerOf(world, *requester),
                       employee,
                       now + 900,
                       false,
                       organisation.is_null() ? claims : organisation};
    world.tokens[token] = issued;
    world.tokenCache[cacheKey] = {token, issued.expiresAt};
    world.Count("node.tokens-issued");
  }
  const IssuedToken& t = world.tokens[token];
  json out{{"access_token", token},
           {"token_type", t.type},
           {"scope", t.scope},
           {"expires_in", t.expiresAt - now},
           {"expires_at", t.expiresAt}};
  if (t.type == "DPoP") out["dpop_kid"] = requester->kid;
  res.set_content(out.dump(), "application/json");
}

void ServeDpopProof(World& world, const httplib::Request& req, httplib::Response& res) {
  std::lock_guard lock(world.mutex);
  if (!Authenticate(world, req, res)) return;
  world.Count("node.dpop-proofs");
  // Use the raw target: a did:web kid with a port contains "%3A", which a decoded path loses
  // (the node's OpenAPI marks this parameter plain/text for the same reason).
  const std::string prefix = "/internal/auth/v2/dpop/";
  const std::string raw = req.target.substr(0, req.target.find('?'));
  const std::string kid = net::http::UrlDecode(raw.substr(std::min(raw.size(), prefix.size())));
  const Subject* signer = nullptr;
  for (const auto& s : world.subjects)
    if (s.kid == kid) signer = &s;
  if (!signer) return Problem(res, 404, "Key not found", "no key " + kid + " in this node");
  const json body = json::parse(req.body, nullptr, false);
  if (!body.is_object() || !body.contains("htm") || !body.contains("htu") || !body.contains("token")) {
    return Problem(res, 400, "Invalid request", "htm, htu and token are required");
  }
  json header{{"typ", "dpop+jwt"}, {"alg", "ES256"}, {"kid", kid}, {"jwk", signer->key->PublicJwk()}};
  json claims{{"htm", body["htm"]},
              {"htu", body["htu"]},
              {"iat", Now()},
              {"jti", jose::RandomUuid()},
              {"ath", jose::Base64UrlEncode(jose::Sha256(body["token"].get<std::string>()))}};
  res.set_content(json{{"dpop", jose::SignJws(header, claims.dump(), *signer->key).value()}}.dump(),
                  "application/json");
}

}  // namespace

bool AuthenticateInternalCaller(World& world, const httplib::Request& req, httplib::Response& res) {
  return Authenticate(world, req, res);
}

std::string AuthServerOf(const World& world, const Subject& subject) { return world.nodeUrl + "/oauth2/" + subject.id; }
std::string OwnAuthServer(const World& world) { return AuthServerOf(world, world.Own()); }

Subject* World::FindSubject(const std::string& id) {
  for (auto& s : subjects)
    if (s.id == id) return &s;
  return nullptr;
}

std::vector<HolderInfo> SubjectRegistrations(const World& world, const std::string& service) {
  std::vector<HolderInfo> out;
  for (const auto& s : world.subjects) {
    const auto a = s.activations.find(service);
    if (a == s.activations.end()) continue;
    HolderInfo h;
    h.id = s.id;
    h.kind = "subject";
    h.name = s.name;
    h.ura = s.ura;
    h.city = "Utrecht";
    h.fhirBase = a->second.value("fhirBaseURL", "");
    h.authServer = AuthServerOf(world, s);
    h.services = {service};
    h.did = s.did;
    h.didKey = s.key;
    out.push_back(std::move(h));
  }
  return out;
}

void RegisterNode(httplib::Server& server, World& world) {
  server.Get("/internal/discovery/v1", [&world](const httplib::Request& req, httplib::Response& res) {
    ServeDiscoveryServices(world, req, res);
  });

  server.Get(R"(/internal/discovery/v1/([^/]+))",
             [&world](const httplib::Request& req, httplib::Response& res) { ServeDiscoverySearch(world, req, res); });

  server.Post(
      R"(/internal/auth/v2/([^/]+)/request-service-access-token)",
      [&world](const httplib::Request& req, httplib::Response& res) { ServeServiceAccessToken(world, req, res); });

  server.Post(R"(/internal/auth/v2/dpop/(.+))",
              [&world](const httplib::Request& req, httplib::Response& res) { ServeDpopProof(world, req, res); });
}

}  // namespace zb::sandbox
