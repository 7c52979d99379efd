// SPDX-License-Identifier: GPL-3.0-or-later
#include "dpop_check.h"

#include "net/jose/base64url.h"
#include "net/jose/jws.h"
#include "net/jose/random.h"
#include "world.h"

namespace zb::sandbox {

std::string DpopProofProblem(const std::string& proof, const std::string& token, const std::string& jkt,
                             const std::string& method,
                             const std::function<bool(const net::http::UrlParts&)>& urlMatches,
                             std::set<std::string>& seenJti) {
  namespace jose = net::jose;
  auto jws = jose::ParseJws(proof);
  if (!jws) return "DPoP proof missing or malformed";
  if (jws->header.value("typ", "") != "dpop+jwt" || jws->header.value("alg", "") != "ES256") return "DPoP typ/alg";
  auto key = jose::Key::FromJwk(jws->header.value("jwk", nlohmann::json()));
  if (!key || !jose::VerifyJws(*jws, *key)) return "DPoP signature";
  if (key->Thumbprint() != jkt) return "DPoP key is not the key the token is bound to";
  auto claims = jose::ClaimsOf(*jws);
  if (!claims) return "DPoP claims";
  if (claims->value("htm", "") != method) return "DPoP htm does not match the method";
  auto htu = net::http::ParseUrl(claims->value("htu", ""));
  if (!htu || htu->scheme != "https" || !urlMatches(htu.value())) return "DPoP htu does not match the request URL";
  if (claims->value("ath", "") != jose::Base64UrlEncode(jose::Sha256(token)))
    return "DPoP ath does not match the token";
  const std::int64_t iat = claims->value("iat", std::int64_t{0});
  if (iat < Now() - 300 || iat > Now() + 60) return "DPoP proof is not fresh";
  const std::string jti = claims->value("jti", "");
  if (jti.empty() || !seenJti.insert(jti).second) return "DPoP proof replayed (jti seen before)";
  return {};
}

}  // namespace zb::sandbox
