// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Redeems a DEZI authorization code and validates everything behind it exactly as dezi.md §1.9
// orders it: token response, id_token (RS256, issuer, audience, azp, expiry, nonce, at_hash),
// userinfo JWE (RSA-OAEP + A256CBC-HS512) around the envelope JWS, the verklaring (allowed jku,
// kid, RS256 signature, validity, LoA, required claims and formats), the organisation policy
// (URA, role) and the verklaring's status, failing closed.
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>

#include "gateway/config.h"
#include "identity.h"
#include "jwks_cache.h"
#include "net/http/client.h"
#include "net/jose/key.h"

namespace zb::gateway {

struct LoginRequest {
  std::string code;
  std::string codeVerifier;
  std::string redirectUri;
  std::string nonce;
};

class DeziLogin {
 public:
  DeziLogin(const GatewayConfig& config, const net::http::Client& http, net::jose::Key userinfoKey);
  domain::Result<Identity> Login(const LoginRequest& request);
  // The discovery document (fetched once); used for the desktop's login configuration too.
  domain::Result<nlohmann::json> Discovery();

 private:
  domain::Result<nlohmann::json> VerifiedClaims(const std::string& jws, const std::string& jwksUrl,
                                                const std::string& what);
  domain::Result<Identity> ValidateVerklaring(const std::string& verklaring, const std::string& envelopeVerklaringId);
  std::optional<domain::Error> CheckStatus(const nlohmann::json& claims);

  const GatewayConfig& m_config;
  const net::http::Client& m_http;
  net::jose::Key m_userinfoKey;
  JwksCache m_jwks;
  std::mutex m_mutex;
  nlohmann::json m_discovery;
};

}  // namespace zb::gateway
