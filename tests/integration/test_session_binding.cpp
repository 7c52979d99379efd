// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 14 point 15 against the real gateway: a session is bound at login to the desktop's key and
// every request must carry a fresh proof made with it, so a copied session token alone is refused;
// a proof is used once; a login without a proof never reaches DEZI; and a session left unused for
// the idle time ends.
#include <catch2/catch.hpp>
#include <fstream>
#include <thread>

#include "exchange_world.h"
#include "net/client/session_proof.h"
#include "net/jose/base64url.h"
#include "net/jose/jws.h"
#include "net/jose/random.h"

using namespace zb;
using nlohmann::json;
using namespace std::chrono_literals;

namespace {

test::ExchangeWorld& World() {
  static test::ExchangeWorld world;
  return world;
}

int Counter(const std::string& name) { return World().ControlState()["counters"].value(name, 0); }

std::string Code(const net::http::Response& r) {
  return json::parse(r.body, nullptr, false).value("code", "HTTP " + std::to_string(r.status));
}

net::http::Response WhoAmI(const std::vector<net::http::Header>& headers) {
  return World().Send({"GET", World().gatewayUrl() + "/api/v1/session", headers, ""});
}

// A well-formed proof for the request, signed with a key this desktop does not hold.
std::string ProofWithOtherKey(const std::string& url, const std::string& token) {
  const auto key = net::jose::Key::GenerateEcP256().value();
  const json claims{
      {"htm", "GET"},
      {"htu", url},
      {"iat",
       std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count()},
      {"jti", net::jose::RandomToken(16)},
      {"ath", net::jose::Base64UrlEncode(net::jose::Sha256(token))}};
  return net::jose::SignJws({{"typ", "dpop+jwt"}, {"alg", "ES256"}, {"jwk", key.PublicJwk()}}, claims.dump(), key)
      .value();
}

}  // namespace

TEST_CASE("a session token alone is useless: each request needs a fresh proof made with the login's key") {
  const std::string token = World().Session("so");
  const std::string url = World().gatewayUrl() + "/api/v1/session";
  // As the desktop sends it: served.
  CHECK(WhoAmI(net::client::GatewayClient::SessionHeaders(token, "GET", url)).status == 200);
  // The token copied into a Bearer header, or sent without its proof: refused.
  CHECK(Code(WhoAmI({{"Authorization", "Bearer " + token}})) == "session_proof_invalid");
  CHECK(Code(WhoAmI({{"Authorization", "DPoP " + token}})) == "session_proof_invalid");
  // A proof made with another key, for exactly this request: refused.
  CHECK(Code(WhoAmI({{"Authorization", "DPoP " + token}, {"DPoP", ProofWithOtherKey(url, token)}})) ==
        "session_proof_invalid");
  // A proof for another endpoint, or for another token: refused.
  CHECK(Code(WhoAmI({{"Authorization", "DPoP " + token},
                     {"DPoP", net::client::SessionProof("GET", World().gatewayUrl() + "/api/v1/directory", token)}})) ==
        "session_proof_invalid");
  CHECK(Code(WhoAmI({{"Authorization", "DPoP " + token}, {"DPoP", net::client::SessionProof("GET", url, "other")}})) ==
        "session_proof_invalid");
  // A proof captured on the way is used once.
  const auto once = net::client::GatewayClient::SessionHeaders(token, "GET", url);
  CHECK(WhoAmI(once).status == 200);
  const auto replayed = WhoAmI(once);
  CHECK(Code(replayed) == "session_proof_invalid");
  CHECK(replayed.body.find("used before") != std::string::npos);
  CHECK(replayed.header("WWW-Authenticate").rfind("DPoP", 0) == 0);
  // Nothing of the token or the proof reaches the gateway's log.
  const std::string log = World().gatewayLog();
  CHECK(log.find(token) == std::string::npos);
  CHECK(log.find(once[1].value) == std::string::npos);
}

TEST_CASE("a login without a proof of possession is refused before DEZI is asked, and audited") {
  const int before = Counter("dezi.token");
  const auto r = World().Send({"POST",
                               World().gatewayUrl() + "/api/v1/sessions",
                               {{"Content-Type", "application/json"}},
                               json{{"code", "c"},
                                    {"code_verifier", std::string(43, 'v')},
                                    {"redirect_uri", "http://127.0.0.1:5000/callback"},
                                    {"nonce", "n"}}
                                   .dump()});
  CHECK(r.status == 401);
  CHECK(Code(r) == "session_proof_invalid");
  CHECK(Counter("dezi.token") == before);
  std::ifstream in(World().auditFile());
  std::string line, last;
  while (std::getline(in, line))
    if (!line.empty()) last = line;
  const json record = json::parse(last);
  CHECK(record["event"] == "login");
  CHECK(record["outcome"]["error"] == "session_proof_invalid");
}

TEST_CASE("a session unused for the idle time ends, and each use starts that time again") {
  World().StartGateway({{"session", {{"idle_seconds", 3}}}});
  const std::string token = World().Session("so");
  const auto client = World().Client();
  std::this_thread::sleep_for(2s);
  CHECK(client.WhoAmI(token).ok());
  std::this_thread::sleep_for(2s);
  CHECK(client.WhoAmI(token).ok());  // 4 s after login, 2 s after its last use
  std::this_thread::sleep_for(4500ms);
  const auto ended = client.WhoAmI(token);
  REQUIRE_FALSE(ended.ok());
  CHECK(ended.error().problem == "session_invalid");
  CHECK(World().gatewayLog().find("session ended: 3 s without use") != std::string::npos);
}
