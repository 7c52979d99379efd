// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Compact JWE (RFC 7516) with key management RSA-OAEP and content encryption A256CBC-HS512 (DEZI
// userinfo, K07) or A128CBC-HS256 (the 2024 DEZI design). Nothing else is produced or accepted.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "domain/result.h"
#include "net/jose/key.h"

namespace zb::net::jose {

struct Jwe {
  nlohmann::json header;
  std::string plaintext;
};

// `header` must hold "alg": "RSA-OAEP" and "enc"; other members (kid, typ, cty) are kept.
Result<std::string> EncryptJwe(const nlohmann::json& header, std::string_view plaintext, const Key& recipient);
// Decrypts with the private RSA key. Any failure after the header check reports the same error,
// so a caller cannot serve as a padding oracle.
Result<Jwe> DecryptJwe(std::string_view compact, const Key& privateKey);

}  // namespace zb::net::jose
