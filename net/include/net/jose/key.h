// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// An asymmetric key (RSA or EC P-256) on OpenSSL 3, with the conversions JOSE and Nuts need:
// PEM files, JWK (RFC 7517), JWK thumbprints (RFC 7638) and OpenSSH authorized_keys lines
// (nuts-node's token_v2 internal-API authentication reads those).
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

#include "domain/result.h"

typedef struct evp_pkey_st EVP_PKEY;  // NOLINT: OpenSSL's own forward declaration

namespace zb::net::jose {

using domain::Result;

class Key {
 public:
  enum class Type { kRsa, kEcP256 };

  static Result<Key> GenerateRsa(unsigned bits);
  static Result<Key> GenerateEcP256();
  // PEM: a private key (PKCS#8 or traditional) or a public key (SubjectPublicKeyInfo).
  static Result<Key> FromPem(std::string_view pem);
  static Result<Key> FromPemFile(const std::string& path);
  static Result<Key> FromJwk(const nlohmann::json& jwk);
  // "ecdsa-sha2-nistp256 AAAA... comment" (other key types are refused with a clear error).
  static Result<Key> FromOpenSsh(std::string_view line);

  Type type() const { return m_type; }
  bool hasPrivate() const { return m_private; }
  EVP_PKEY* get() const { return m_key.get(); }

  std::string PrivatePem() const;
  std::string PublicPem() const;
  // Public members only ("kty", "n"/"e" or "crv"/"x"/"y"), optionally with "kid".
  nlohmann::json PublicJwk(std::string_view kid = {}) const;
  // RFC 7638 thumbprint (base64url SHA-256 of the canonical public JWK).
  std::string Thumbprint() const;
  std::string OpenSshLine(std::string_view comment) const;
  // The public half only, e.g. to hand to a party that must verify or encrypt.
  Key PublicOnly() const;

 private:
  Key(std::shared_ptr<EVP_PKEY> key, Type type, bool hasPrivate)
      : m_key(std::move(key)), m_type(type), m_private(hasPrivate) {}
  static Result<Key> Wrap(EVP_PKEY* raw, bool hasPrivate);

  std::shared_ptr<EVP_PKEY> m_key;
  Type m_type;
  bool m_private;
};

}  // namespace zb::net::jose
