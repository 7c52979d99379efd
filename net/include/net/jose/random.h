// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Cryptographic randomness (OpenSSL's DRBG) for nonces, PKCE verifiers, session ids and JWT ids.
#include <cstddef>
#include <string>

namespace zb::net::jose {

std::string RandomBytes(std::size_t count);
// base64url of `count` random bytes: 32 bytes give the 43 characters PKCE and session ids use.
std::string RandomToken(std::size_t count = 32);
// RFC 4122 version 4 UUID in lower-case text, as JWT `jti` values must be (nuts token_v2).
std::string RandomUuid();
// SHA-256 / SHA-512 / HMAC-SHA-256 as raw bytes.
std::string Sha256(std::string_view data);
std::string HmacSha256(std::string_view key, std::string_view data);
// Lower-case hex of raw bytes (a digest as a file name or an audit value).
std::string Hex(std::string_view bytes);
// Constant-time comparison for secrets (state, tokens): no early exit on the first difference.
bool SecretEquals(std::string_view a, std::string_view b);

}  // namespace zb::net::jose
