// SPDX-License-Identifier: GPL-3.0-or-later
#include "session_proof.h"

#include <nlohmann/json.hpp>

#include "identity.h"
#include "net/http/client.h"
#include "net/jose/base64url.h"
#include "net/jose/jws.h"
#include "net/jose/random.h"

namespace zb::gateway {
namespace {

domain::Error Refused(const std::string& why) {
  return Failure(401, "session_proof_invalid", "session proof (DPoP): " + why);
}

}  // namespace

domain::Result<CheckedProof> CheckSessionProof(std::string_view proof, const ProofTarget& target, std::int64_t now) {
  if (proof.empty()) return Refused("the request carries no DPoP proof");
  auto jws = net::jose::ParseJws(proof);
  if (!jws) return Refused("the DPoP proof is not a compact JWS");
  if (jws->header.value("typ", "") != "dpop+jwt") return Refused("typ is not dpop+jwt");
  if (jws->header.value("alg", "") != "ES256") return Refused("alg is not ES256");
  const auto jwk = jws->header.find("jwk");
  if (jwk == jws->header.end() || !jwk->is_object()) return Refused("the header has no jwk");
  if (jwk->contains("d")) return Refused("the jwk holds a private key");
  auto key = net::jose::Key::FromJwk(*jwk);
  if (!key || key->type() != net::jose::Key::Type::kEcP256) return Refused("the jwk is not a P-256 public key");
  auto verified = net::jose::VerifyJws(*jws, *key);
  if (!verified || !verified.value()) return Refused("the signature does not verify with the jwk");
  auto claims = net::jose::ClaimsOf(*jws);
  if (!claims) return Refused("the claims are not a JSON object");
  const nlohmann::json& c = claims.value();
  if (!c.contains("htm") || !c["htm"].is_string() || c["htm"].get<std::string>() != target.method)
    return Refused("htm does not match the request method");
  const auto htu = c.contains("htu") && c["htu"].is_string() ? net::http::ParseUrl(c["htu"].get<std::string>())
                                                             : domain::Result<net::http::UrlParts>(Refused(""));
  const auto host = net::http::ParseUrl("https://" + std::string(target.host) + "/");
  if (!htu || !host || htu->scheme != "https" || htu->host != host->host || htu->port != host->port ||
      htu->path != target.path || !htu->query.empty())
    return Refused("htu does not match the request URL");
  if (!c.contains("iat") || !c["iat"].is_number_integer()) return Refused("iat is missing");
  const auto iat = c["iat"].get<std::int64_t>();
  if (iat < now - kProofClockSkewSeconds || iat > now + kProofClockSkewSeconds) {
    return Refused("iat " + std::to_string(iat) + " is more than " + std::to_string(kProofClockSkewSeconds) +
                   " s from the gateway's clock (" + std::to_string(now) + "): check the computer's clock");
  }
  const std::string jti = c.contains("jti") && c["jti"].is_string() ? c["jti"].get<std::string>() : "";
  if (jti.empty() || jti.size() > 128) return Refused("jti is missing or too long");
  if (!target.token.empty()) {
    const std::string ath = c.contains("ath") && c["ath"].is_string() ? c["ath"].get<std::string>() : "";
    if (ath != net::jose::Base64UrlEncode(net::jose::Sha256(target.token)))
      return Refused("ath does not match the session token");
  }
  return CheckedProof{key->Thumbprint(), jti, iat};
}

bool ProofReplays::FirstUse(const CheckedProof& proof, std::int64_t now) {
  std::lock_guard lock(m_mutex);
  // Forget what can no longer be replayed: a proof that old is refused by its iat anyway.
  if (now >= m_nextPrune) {
    for (auto it = m_seen.begin(); it != m_seen.end();)
      it = it->second < now - kProofClockSkewSeconds ? m_seen.erase(it) : std::next(it);
    m_nextPrune = now + 10;
  }
  return m_seen.emplace(proof.jkt + " " + proof.jti, proof.iat).second;
}

}  // namespace zb::gateway
