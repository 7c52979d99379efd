// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Compact JWS (RFC 7515) with the algorithms DEZI and Nuts use: RS256 (DEZI id_token, userinfo,
// verklaring), ES256 (DPoP, token_v2), PS512/RS512 (token_v2 with RSA keys). "none" and HMAC
// algorithms are never accepted: a verifier picks the key, the token does not.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "domain/result.h"
#include "net/jose/key.h"

namespace zb::net::jose {

struct Jws {
  nlohmann::json header;
  std::string payload;       // decoded bytes (usually JSON)
  std::string signingInput;  // "<b64 header>.<b64 payload>"
  std::string signature;     // decoded bytes
};

// Splits and decodes a compact JWS; does not verify. Fails on anything but three well-formed parts.
Result<Jws> ParseJws(std::string_view compact);
// Verifies the signature with `key`. The header's `alg` must be one that fits the key type.
domain::Result<bool> VerifyJws(const Jws& jws, const Key& key);
// Signs `payload` with `key`; `header` must carry "alg" and is serialised as given.
Result<std::string> SignJws(const nlohmann::json& header, std::string_view payload, const Key& key);
// Parses the payload as a JSON object (JWT claims).
Result<nlohmann::json> ClaimsOf(const Jws& jws);

}  // namespace zb::net::jose
