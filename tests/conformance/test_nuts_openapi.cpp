// SPDX-License-Identifier: GPL-3.0-or-later
// Conformance with the official specifications, checked by third-party tools pinned in
// tests/package-lock.json: the whole gateway <-> node conversation runs once more through
// `prism proxy --errors` loaded with the official nuts-node v6.2.10 OpenAPI files, so any request
// or response that violates them fails the call; and the token_v2 JWTs and DPoP proofs of that run
// are verified with npm `jose`. Skips with a message when ../shared or tests/node_modules is absent.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "../integration/exchange_world.h"
#include "net/jose/jwe.h"
#include "net/jose/jws.h"
#include "net/jose/key.h"

using namespace zb;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const fs::path kSpecs = fs::path(ZB_SHARED_DIR) / "specs" / "nuts-node";
const fs::path kTools = fs::path(ZB_TESTS_DIR) / "node_modules";

bool Available() {
  if (!fs::exists(kSpecs / "auth" / "v2.yaml")) {
    WARN("skipped: " << kSpecs.string() << " is absent (the official nuts-node OpenAPI files live in ../shared)");
    return false;
  }
  if (!fs::exists(kTools / ".bin" / "prism") || !fs::exists(kTools / "jose")) {
    WARN("skipped: " << kTools.string() << " lacks prism or jose: run `npm ci --prefix tests` (the test script does)");
    return false;
  }
  return true;
}

// nuts.md §8: the OpenAPI schema of `credentials[]` demands issuer, issuanceDate and proof, which
// the node itself forbids for self-asserted credentials. Exactly that one schema is relaxed in a
// copy of the spec; everything else is validated as published.
std::string PatchedSpecs() {
  const fs::path copy = fs::path(test::MakeTempDir("zb-nuts-specs"));
  fs::copy(kSpecs, copy, fs::copy_options::recursive);
  const fs::path auth = copy / "auth" / "v2.yaml";
  std::string text = test::ReadTextFile(auth.string());
  const std::string from =
      "          items:\n            $ref: '#/components/schemas/VerifiableCredential'\n          example: [";
  const std::string to = "          items:\n            type: object\n          example: [";
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  REQUIRE(text.find(from, at + 1) == std::string::npos);
  text.replace(at, from.size(), to);
  std::ofstream(auth) << text;
  return copy.string();
}

std::unique_ptr<test::ChildProcess> StartPrism(const std::string& spec, const std::string& upstream, int port,
                                               const std::string& caFile, const std::string& log) {
  auto prism = std::make_unique<test::ChildProcess>(
      std::vector<std::string>{(kTools / ".bin" / "prism").string(), "proxy", "--errors", "-h", "127.0.0.1", "-p",
                               std::to_string(port), spec, upstream},
      log, std::vector<std::string>{"NODE_EXTRA_CA_CERTS=" + caFile}, true);
  if (!prism->WaitForText("listening", std::chrono::seconds(90)))
    FAIL("prism did not start: " << test::ReadTextFile(log));
  return prism;
}

}  // namespace

TEST_CASE(
    "gateway to Nuts node traffic conforms to the official nuts-node v6.2.10 OpenAPI (Prism) and its JWTs verify with jose") {
  if (!Available()) return;
  test::ExchangeWorld world;
  const std::string specs = PatchedSpecs();
  const std::string node = world.sandbox()["node"];
  const std::string dir = world.stateDir();
  const int authPort = test::FreePort();
  const int discoveryPort = test::FreePort();
  auto authPrism = StartPrism(specs + "/auth/v2.yaml", node, authPort, world.caFile(), dir + "/prism-auth.log");
  auto discoveryPrism =
      StartPrism(specs + "/discovery/v1.yaml", node, discoveryPort, world.caFile(), dir + "/prism-discovery.log");
  test::ChildProcess router(
      {"node", (fs::path(ZB_TESTS_DIR) / "conformance" / "tools" / "prism-router.mjs").string(),
       "http://127.0.0.1:" + std::to_string(authPort), "http://127.0.0.1:" + std::to_string(discoveryPort)},
      dir + "/router.log");
  const auto routerLine = router.WaitForLine("port", std::chrono::seconds(30));
  REQUIRE(routerLine);
  const std::string routerUrl = "http://127.0.0.1:" + std::to_string(json::parse(*routerLine)["port"].get<int>());
  world.StartGateway({{"nuts", {{"internal_api", routerUrl}}}});

  // Everything the gateway says to the node: discovery search, service tokens (with the
  // self-asserted employee credential), cache bypass after a 401, DPoP proofs.
  const std::string session = world.Session("so");
  const auto client = world.Client();
  auto directory = client.Directory(session, "", "90000402");
  if (!directory) FAIL(directory.error().problem << ": " << directory.error().detail);
  const std::string bsn = "http%3A%2F%2Ffhir.nl%2Ffhir%2FNamingSystem%2Fbsn%7C999991000";
  const std::vector<std::tuple<std::string, std::string, std::string, std::string>> calls{
      {"HuisartsVVTInzage", "90000401", "POST", "Patient/_search"},
      {"medicatieoverdracht-gf", "90000402", "GET",
       "MedicationDispense?patient.identifier=" + bsn + "&category=http%3A%2F%2Fsnomed.info%2Fsct%7C422037009"},
      {"medicatieoverdracht-gf", "90000403", "GET",
       "MedicationRequest?patient.identifier=" + bsn + "&category=http%3A%2F%2Fsnomed.info%2Fsct%7C33633005"},
  };
  for (int round = 0; round < 2; ++round) {
    if (round == 1) world.ControlPost("/expire-tokens");  // forces the Cache-Control: no-cache path
    for (const auto& [service, ura, method, path] : calls) {
      INFO(method << " " << path << " at " << ura << " (round " << round << ")");
      auto r = client.Relay(session, service, ura, method, path, method == "POST" ? "identifier=" + bsn : "");
      if (!r) {
        FAIL(r.error().problem << ": " << r.error().detail << "\nprism auth log:\n"
                               << test::ReadTextFile(dir + "/prism-auth.log"));
      }
      CHECK(r->status == 200);
    }
  }
  const json state = world.ControlState();
  // Round 0 asked a token per holder; in round 1 each kept token was refused (401) and the gateway
  // asked again with Cache-Control: no-cache, which the node answers with a new token.
  CHECK(state["counters"].value("node.tokens-issued", 0) >= 2 * static_cast<int>(calls.size()));
  CHECK(state["counters"].value("node.dpop-proofs", 0) >= 6);
  // Prism logged every request it validated; none may be a violation.
  const std::string prismLog =
      test::ReadTextFile(dir + "/prism-auth.log") + test::ReadTextFile(dir + "/prism-discovery.log");
  CHECK(prismLog.find("request-service-access-token") != std::string::npos);
  CHECK(prismLog.find("Violation") == std::string::npos);

  // jose: the token_v2 JWTs the node accepted and the DPoP proofs the holders accepted.
  const std::string stateFile = dir + "/control-state.json";
  std::ofstream(stateFile) << state.dump();
  test::ChildProcess jose({"node", (fs::path(ZB_TESTS_DIR) / "conformance" / "tools" / "verify-jose.mjs").string(),
                           stateFile, "zorgbrug-sandbox-node"},
                          dir + "/jose.log");
  const auto verdict = jose.WaitForLine("verified", std::chrono::seconds(60));
  INFO(test::ReadTextFile(dir + "/jose.log"));
  REQUIRE(verdict);
  CHECK(jose.Wait(std::chrono::seconds(10)) == 0);
}

TEST_CASE(
    "our JOSE and npm jose read each other's JWS (RS256, RS512, PS256, PS512, ES256) and JWE (RSA-OAEP, A256CBC-HS512, A128CBC-HS256)") {
  if (!fs::exists(kTools / "jose")) {
    WARN("skipped: " << kTools.string() << " lacks jose: run `npm ci --prefix tests` (the test script does)");
    return;
  }
  namespace jose = net::jose;
  const jose::Key rsa = jose::Key::GenerateRsa(2048).value();
  const jose::Key ec = jose::Key::GenerateEcP256().value();
  const std::string payload = R"({"verklaring_id":"Tést"})";
  json in{{"payload", payload},
          {"rsa_private_pem", rsa.PrivatePem()},
          {"rsa_public_jwk", rsa.PublicJwk()},
          {"ec_public_jwk", ec.PublicJwk()}};
  for (const char* alg : {"RS256", "RS512", "PS256", "PS512"})
    in["jws"][alg] = jose::SignJws({{"alg", alg}}, payload, rsa).value();
  in["jws"]["ES256"] = jose::SignJws({{"alg", "ES256"}}, payload, ec).value();
  for (const char* enc : {"A256CBC-HS512", "A128CBC-HS256"}) {
    in["jwe"][enc] = jose::EncryptJwe({{"alg", "RSA-OAEP"}, {"enc", enc}, {"cty", "JWT"}}, payload, rsa).value();
  }
  const std::string dir = test::MakeTempDir("zb-jose-interop");
  std::ofstream(dir + "/in.json") << in.dump();
  test::ChildProcess node(
      {"node", (fs::path(ZB_TESTS_DIR) / "conformance" / "tools" / "jose-interop.mjs").string(), dir + "/in.json"},
      dir + "/jose.log");
  const auto line = node.WaitForLine("interop", std::chrono::seconds(60));
  INFO(test::ReadTextFile(dir + "/jose.log"));
  REQUIRE(line);
  const json out = json::parse(*line)["interop"];
  for (const auto& [alg, token] : out["jws"].items()) {
    INFO("jose-made " << alg);
    const auto jws = jose::ParseJws(token.get<std::string>()).value();
    CHECK(jws.payload == out["payload"]);
    CHECK(jose::VerifyJws(jws, jose::Key::FromJwk(out["keys"][alg]).value()).ok());
  }
  for (const auto& [enc, token] : out["jwe"].items()) {
    INFO("jose-made " << enc);
    const auto plain = jose::DecryptJwe(token.get<std::string>(), rsa);
    REQUIRE(plain.ok());
    CHECK(plain->plaintext == out["payload"]);
  }
  CHECK(node.Wait(std::chrono::seconds(10)) == 0);
}
