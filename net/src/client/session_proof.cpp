// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/client/session_proof.h"

#include <chrono>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>

#include "net/jose/base64url.h"
#include "net/jose/jws.h"
#include "net/jose/random.h"

namespace zb::net::client {
namespace {

std::mutex g_mutex;
std::shared_ptr<const jose::Key> g_key;  // guarded by g_mutex; the key itself is immutable

// Null only when OpenSSL cannot make a key (no randomness); the requests then go without a proof
// and the gateway refuses them, named (session_proof_invalid), rather than this process ending.
std::shared_ptr<const jose::Key> ProofKey() {
  std::lock_guard lock(g_mutex);
  if (!g_key) {
    if (auto made = jose::Key::GenerateEcP256()) g_key = std::make_shared<const jose::Key>(std::move(made).value());
  }
  return g_key;
}

}  // namespace

std::string SessionProof(std::string_view method, std::string_view url, std::string_view token) {
  const auto key = ProofKey();
  if (!key) return {};
  const auto cut = url.find_first_of("?#");
  nlohmann::json claims{
      {"htm", method},
      {"htu", url.substr(0, cut)},
      {"iat",
       std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count()},
      {"jti", jose::RandomToken(16)}};
  if (!token.empty()) claims["ath"] = jose::Base64UrlEncode(jose::Sha256(token));
  const nlohmann::json header{{"typ", "dpop+jwt"}, {"alg", "ES256"}, {"jwk", key->PublicJwk()}};
  auto signed_ = jose::SignJws(header, claims.dump(), *key);
  return signed_ ? signed_.value() : std::string();  // an empty proof is refused by the gateway, named
}

std::string SessionProofKeyPem() {
  const auto key = ProofKey();
  return key ? key->PrivatePem() : std::string();
}

domain::Result<bool> UseSessionProofKey(std::string_view pem) {
  auto key = jose::Key::FromPem(pem);
  if (!key) return key.error();
  if (key->type() != jose::Key::Type::kEcP256 || !key->hasPrivate())
    return domain::MakeError(domain::ErrorCode::kInvalidFormat, "the session proof key is not a private P-256 key");
  std::lock_guard lock(g_mutex);
  g_key = std::make_shared<const jose::Key>(std::move(key).value());
  return true;
}

}  // namespace zb::net::client
