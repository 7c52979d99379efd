// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Proof of possession between desktop and gateway (issue 14 point 15; the DPoP of RFC 9449 used on
// our own API): at login the desktop sends a proof signed with a key it holds, the session is bound
// to that key's thumbprint, and every later request carries a fresh proof for exactly that request
// (method, URL, token hash, a one-time id). A session token that is copied out of a log, a memory
// dump or a file is useless without the key.
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "domain/result.h"

namespace zb::gateway {

// How far a proof's `iat` may lie from the gateway's clock. Desktops' clocks drift; beyond this the
// refusal says so, with both times.
inline constexpr std::int64_t kProofClockSkewSeconds = 300;

struct ProofTarget {
  std::string_view method;
  std::string host;        // the request's Host header: authority as the desktop addressed it
  std::string_view path;   // the request target without its query, as sent
  std::string_view token;  // the session token it goes with; empty at login
};

struct CheckedProof {
  std::string jkt;  // RFC 7638 thumbprint of the proof's key
  std::string jti;
  std::int64_t iat = 0;
};

// Checks one DPoP proof (compact JWS) against the request it came with: typ dpop+jwt, ES256, a
// public P-256 jwk in the header that verifies the signature, htm, htu (https, host and path),
// iat within the skew, a jti, and ath = SHA-256 of the token when there is one. The error detail
// says which check failed (never the proof or the token).
domain::Result<CheckedProof> CheckSessionProof(std::string_view proof, const ProofTarget& target, std::int64_t now);

// One-time use of a proof's jti per key, kept for as long as the proof's iat would be accepted.
class ProofReplays {
 public:
  // False when this key used this jti before (a replayed proof).
  bool FirstUse(const CheckedProof& proof, std::int64_t now);

 private:
  std::mutex m_mutex;
  std::map<std::string, std::int64_t> m_seen;  // jkt + " " + jti -> iat
  std::int64_t m_nextPrune = 0;
};

}  // namespace zb::gateway
