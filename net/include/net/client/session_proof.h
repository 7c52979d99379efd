// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The desktop's half of the proof of possession towards its gateway (RFC 9449 DPoP on the gateway
// API, docs/gateway-api.yaml): one P-256 key per desktop process, made at first use and held in
// memory only. The gateway binds a session to it at login; every request then carries a proof
// signed with it, so a session token alone (from a log, a crash dump, a copied file) is refused.
#include <string>
#include <string_view>

#include "domain/result.h"

namespace zb::net::client {

// A DPoP proof for one request: typ dpop+jwt, ES256, the public key as jwk; htm, htu (the URL
// without query or fragment), iat, a fresh jti, and ath = SHA-256 of `token` unless it is empty.
std::string SessionProof(std::string_view method, std::string_view url, std::string_view token = {});

// The proof key as PKCS#8 PEM, for a client that keeps its session across processes (zorgbrug-cli,
// in its private session file); and its restoration, before the first proof is made.
std::string SessionProofKeyPem();
domain::Result<bool> UseSessionProofKey(std::string_view pem);

}  // namespace zb::net::client
