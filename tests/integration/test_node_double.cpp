// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's Nuts node behaves like nuts-node v6.2.10 where the gateway depends on it:
// token_v2 authentication, the credentials rules and the error classes of
// request-service-access-token, Bearer versus DPoP responses, and Discovery search semantics.
#include <catch2/catch.hpp>

#include "exchange_world.h"
#include "net/jose/jws.h"
#include "net/jose/key.h"
#include "net/jose/random.h"

using namespace zb;
using nlohmann::json;

namespace {

test::ExchangeWorld& World() {
  static test::ExchangeWorld world;
  return world;
}

std::int64_t Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string TokenV2(json claims = json::object(), const std::string& keyFile = "token-v2-key.pem") {
  const auto key = net::jose::Key::FromPemFile(World().stateDir() + "/" + keyFile).value();
  json c{{"iss", "zorgbrug-gateway"},
         {"sub", "test"},
         {"aud", "zorgbrug-sandbox-node"},
         {"iat", Now()},
         {"nbf", Now()},
         {"exp", Now() + 60},
         {"jti", net::jose::RandomUuid()}};
  c.merge_patch(claims);
  return net::jose::SignJws({{"alg", "ES256"}, {"kid", key.Thumbprint()}}, c.dump(), key).value();
}

net::http::Response Node(const std::string& method, const std::string& path, const std::string& token,
                         const json& body = nullptr) {
  net::http::Request r{
      method, World().sandbox()["node"].get<std::string>() + path, {}, body.is_null() ? "" : body.dump()};
  if (!token.empty()) r.headers.push_back({"Authorization", "Bearer " + token});
  if (!body.is_null()) r.headers.push_back({"Content-Type", "application/json"});
  return World().Send(r);
}

json Employee() {
  return json::array(
      {{{"type", {"VerifiableCredential", "NutsEmployeeCredential"}},
        {"credentialSubject", {{"identifier", "900000047"}, {"name", "A. de Vries"}, {"roleName", "SO"}}}}});
}

std::string AuthServer(const std::string& id) { return World().sandbox()["node"].get<std::string>() + "/oauth2/" + id; }

}  // namespace

TEST_CASE("the node double authenticates callers with token_v2 JWTs as nuts-node does") {
  const std::string path = "/internal/discovery/v1/HuisartsVVTInzage";
  CHECK(Node("GET", path, TokenV2()).status == 200);
  CHECK(Node("GET", path, "").status == 401);
  CHECK(Node("GET", path, TokenV2({{"aud", "another-node"}})).status == 401);
  CHECK(Node("GET", path, TokenV2({{"iss", "someone-else"}})).status == 401);
  CHECK(Node("GET", path, TokenV2({{"exp", Now() + 25 * 3600}})).status == 401);
  CHECK(Node("GET", path, TokenV2({{"exp", Now() - 1}})).status == 401);
  CHECK(Node("GET", path, TokenV2({{"jti", "not-a-uuid"}})).status == 401);
  // A key that is not in authorized_keys (the userinfo key is the gateway's, but not for this).
  const auto other = net::jose::Key::GenerateEcP256().value();
  const std::string foreign = net::jose::SignJws({{"alg", "ES256"}, {"kid", other.Thumbprint()}},
                                                 json{{"iss", "zorgbrug-gateway"},
                                                      {"sub", "x"},
                                                      {"aud", "zorgbrug-sandbox-node"},
                                                      {"iat", Now()},
                                                      {"nbf", Now()},
                                                      {"exp", Now() + 60},
                                                      {"jti", net::jose::RandomUuid()}}
                                                     .dump(),
                                                 other)
                                  .value();
  CHECK(Node("GET", path, foreign).status == 401);
}

TEST_CASE("request-service-access-token: credentials rules and the 400/412/502/503 classes") {
  const std::string path = "/internal/auth/v2/zorgbrug-demo/request-service-access-token";
  json ok{
      {"authorization_server", AuthServer("huisarts")}, {"scope", "HuisartsVVTInzage"}, {"credentials", Employee()}};
  const auto dpop = Node("POST", path, TokenV2(), ok);
  REQUIRE(dpop.status == 200);
  const json token = json::parse(dpop.body);
  CHECK(token["token_type"] == "DPoP");
  CHECK(token["expires_in"].get<int>() <= 900);
  CHECK(token["dpop_kid"].get<std::string>().rfind("did:web:127.0.0.1%3A", 0) == 0);
  json bearer = ok;
  bearer["token_type"] = "Bearer";
  const json b = json::parse(Node("POST", path, TokenV2(), bearer).body);
  CHECK(b["token_type"] == "Bearer");
  CHECK_FALSE(b.contains("dpop_kid"));

  json withIssuer = ok;
  withIssuer["credentials"][0]["issuer"] = "did:web:example";
  CHECK(Node("POST", path, TokenV2(), withIssuer).status == 400);
  json withSubjectId = ok;
  withSubjectId["credentials"][0]["credentialSubject"]["id"] = "did:web:example";
  CHECK(Node("POST", path, TokenV2(), withSubjectId).status == 400);
  json noScope = ok;
  noScope.erase("scope");
  CHECK(Node("POST", path, TokenV2(), noScope).status == 400);
  json wrongScope = ok;
  wrongScope["scope"] = "medicatieoverdracht-gf";
  CHECK(Node("POST", path, TokenV2(), wrongScope).status == 400);
  json noUser = ok;
  noUser.erase("credentials");
  CHECK(Node("POST", path, TokenV2(), noUser).status == 412);
  json unknownServer = ok;
  unknownServer["authorization_server"] = "https://127.0.0.1:1/oauth2/nobody";
  CHECK(Node("POST", path, TokenV2(), unknownServer).status == 503);
  World().ControlPost("/holder/huisarts/refuse-tokens?on=1");
  const auto refused = Node("POST", path, TokenV2(), ok);
  CHECK(refused.status == 502);
  CHECK(refused.header("Content-Type") == "application/problem+json");
  World().ControlPost("/holder/huisarts/refuse-tokens?on=0");
  CHECK(Node("POST", "/internal/auth/v2/unknown-subject/request-service-access-token", TokenV2(), ok).status == 400);
}

TEST_CASE("Discovery search: JSON paths into one credential, case-insensitive, '*' wildcards, fields with the URA") {
  auto search = [](const std::string& query) {
    return json::parse(Node("GET", "/internal/discovery/v1/medicatieoverdracht-gf" + query, TokenV2()).body);
  };
  CHECK(search("").size() == 2);
  const json byUra = search("?credentialSubject.san.otherName=*-S-90000403-*");
  REQUIRE(byUra.size() == 1);
  CHECK(byUra[0]["fields"]["organization_ura"] == "90000403");
  CHECK(byUra[0]["registrationParameters"]["fhirBaseURL"].get<std::string>().find("/fhir") != std::string::npos);
  CHECK(search("?credentialSubject.subject.O=apotheek*").size() == 1);
  CHECK(search("?credentialSubject.subject.O=*").size() == 2);
  CHECK(search("?credentialSubject.subject.O=nobody").empty());
  // All parameters must hold within one credential: name and endpoint live in different ones.
  CHECK(search("?credentialSubject.subject.O=apotheek*&credentialSubject.fhirBaseURL=*").empty());
  CHECK(Node("GET", "/internal/discovery/v1/no-such-service", TokenV2()).status == 404);
}
