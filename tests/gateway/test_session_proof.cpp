// SPDX-License-Identifier: GPL-3.0-or-later
// CheckSessionProof, check by check: what the desktop makes passes; each proof that differs from
// it in one respect is refused with a detail that names that respect.
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "net/client/session_proof.h"
#include "net/jose/base64url.h"
#include "net/jose/jws.h"
#include "net/jose/random.h"
#include "session_proof.h"

using namespace zb;
using nlohmann::json;

namespace {

const std::string kPath = "/api/v1/relay/medicatieoverdracht-gf/90000402/MedicationRequest";
const std::string kUrl = "https://gw.example:8443" + kPath;
const gateway::ProofTarget kTarget{"GET", "gw.example:8443", kPath, "tok"};

std::int64_t Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

json Claims() {
  return {{"htm", "GET"},
          {"htu", kUrl},
          {"iat", Now()},
          {"jti", net::jose::RandomToken(16)},
          {"ath", net::jose::Base64UrlEncode(net::jose::Sha256("tok"))}};
}

std::string Sign(const json& header, const json& claims, const net::jose::Key& key) {
  return net::jose::SignJws(header, claims.dump(), key).value();
}

std::string Refusal(std::string_view proof, const gateway::ProofTarget& target = kTarget, std::int64_t now = Now()) {
  auto r = gateway::CheckSessionProof(proof, target, now);
  if (r) return "accepted";
  CHECK(r.error().problem == "session_proof_invalid");
  CHECK(r.error().status == 401);
  return r.error().detail;
}

}  // namespace

TEST_CASE("session proof: the desktop's own proof passes, with the thumbprint of its key") {
  const std::string proof = net::client::SessionProof("GET", kUrl + "?patient.identifier=x", "tok");
  const auto checked = gateway::CheckSessionProof(proof, kTarget, Now());
  REQUIRE(checked);
  CHECK(checked->jkt.size() == 43);
  CHECK_FALSE(checked->jti.empty());
  // At login there is no token yet, and no ath.
  const gateway::ProofTarget login{"POST", "gw.example:8443", "/api/v1/sessions", ""};
  CHECK(gateway::CheckSessionProof(net::client::SessionProof("POST", "https://gw.example:8443/api/v1/sessions"), login,
                                   Now()));
}

TEST_CASE("session proof: each respect in which a proof differs from the request is refused and named") {
  const auto key = net::jose::Key::GenerateEcP256().value();
  const json header{{"typ", "dpop+jwt"}, {"alg", "ES256"}, {"jwk", key.PublicJwk()}};
  CHECK(Refusal(Sign(header, Claims(), key)) == "accepted");  // the baseline of this test

  CHECK(Refusal("").find("no DPoP proof") != std::string::npos);
  CHECK(Refusal("a.b").find("not a compact JWS") != std::string::npos);
  json h = header;
  h["typ"] = "JWT";
  CHECK(Refusal(Sign(h, Claims(), key)).find("typ") != std::string::npos);
  h = header;
  h["jwk"]["d"] = "AAAA";
  CHECK(Refusal(Sign(h, Claims(), key)).find("private key") != std::string::npos);
  h = header;
  h["jwk"] = net::jose::Key::GenerateEcP256().value().PublicJwk();
  CHECK(Refusal(Sign(h, Claims(), key)).find("signature") != std::string::npos);
  const auto rsa = net::jose::Key::GenerateRsa(2048).value();
  CHECK(Refusal(Sign({{"typ", "dpop+jwt"}, {"alg", "RS256"}, {"jwk", rsa.PublicJwk()}}, Claims(), rsa)).find("alg") !=
        std::string::npos);
  // alg none: a header and claims with an empty signature.
  const std::string none = net::jose::Base64UrlEncode(json{{"typ", "dpop+jwt"}, {"alg", "none"}}.dump()) + "." +
                           net::jose::Base64UrlEncode(Claims().dump()) + ".";
  CHECK(Refusal(none) != "accepted");

  json c = Claims();
  c["htm"] = "POST";
  CHECK(Refusal(Sign(header, c, key)).find("htm") != std::string::npos);
  for (const std::string& other : std::vector<std::string>{
           "https://gw.example:8443/api/v1/directory", "https://other.example:8443" + kPath,
           "https://gw.example:9443" + kPath, "http://gw.example:8443" + kPath, kUrl + "?patient.identifier=x"}) {
    c = Claims();
    c["htu"] = other;
    INFO(other);
    CHECK(Refusal(Sign(header, c, key)).find("htu") != std::string::npos);
  }
  c = Claims();
  c["iat"] = Now() - 301;
  CHECK(Refusal(Sign(header, c, key)).find("check the computer's clock") != std::string::npos);
  c["iat"] = Now() + 301;
  CHECK(Refusal(Sign(header, c, key)).find("check the computer's clock") != std::string::npos);
  c = Claims();
  c.erase("jti");
  CHECK(Refusal(Sign(header, c, key)).find("jti") != std::string::npos);
  c = Claims();
  c["ath"] = net::jose::Base64UrlEncode(net::jose::Sha256("another token"));
  CHECK(Refusal(Sign(header, c, key)).find("ath") != std::string::npos);
  c.erase("ath");
  CHECK(Refusal(Sign(header, c, key)).find("ath") != std::string::npos);
}

TEST_CASE("session proof: a jti is used once per key, and forgotten once its iat would be refused anyway") {
  gateway::ProofReplays replays;
  const auto now = Now();
  const gateway::CheckedProof a{"key-a", "jti-1", now};
  CHECK(replays.FirstUse(a, now));
  CHECK_FALSE(replays.FirstUse(a, now + 1));
  CHECK(replays.FirstUse({"key-b", "jti-1", now}, now + 1));  // another key's jti is its own
  // Later than the skew window: the entry is dropped (a proof this old fails its iat check first).
  CHECK(replays.FirstUse(a, now + gateway::kProofClockSkewSeconds + 20));
}

TEST_CASE("session proof: a proof signed by another ES256 implementation (the fuzz seed, Python cryptography) passes") {
  std::ifstream in(std::string(ZB_SOURCE_DIR) + "/fuzz/seeds/gateway/proof.bin", std::ios::binary);
  const std::string seed((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  REQUIRE(seed.size() > 100);
  CHECK(seed[0] == 5);  // the harness's selector for the session proof
  const auto checked = gateway::CheckSessionProof(seed.substr(1), kTarget, 1800000000);
  INFO((checked ? std::string() : checked.error().detail));
  CHECK(checked);
  CHECK(Refusal(seed.substr(1), kTarget, 1800000000 + 400) != "accepted");
}
