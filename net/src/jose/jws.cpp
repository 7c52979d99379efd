// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/jose/jws.h"

#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/rsa.h>

#include "net/jose/base64url.h"
#include "net/json_member.h"
#include "openssl_util.h"

namespace zb::net::jose {
namespace {

using domain::ErrorCode;
using domain::MakeError;
using namespace detail;

struct Algorithm {
  const EVP_MD* md;
  Key::Type keyType;
  bool pss;
};

std::optional<Algorithm> AlgorithmFor(const std::string& alg) {
  if (alg == "RS256") return Algorithm{EVP_sha256(), Key::Type::kRsa, false};
  if (alg == "RS512") return Algorithm{EVP_sha512(), Key::Type::kRsa, false};
  if (alg == "PS256") return Algorithm{EVP_sha256(), Key::Type::kRsa, true};
  if (alg == "PS512") return Algorithm{EVP_sha512(), Key::Type::kRsa, true};
  if (alg == "ES256") return Algorithm{EVP_sha256(), Key::Type::kEcP256, false};
  return std::nullopt;
}

bool SetPadding(EVP_PKEY_CTX* pctx, const Algorithm& alg) {
  if (alg.keyType != Key::Type::kRsa) return true;
  if (!alg.pss) return EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) == 1;
  return EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) == 1 &&
         EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) == 1;
}

// JWS carries ECDSA signatures as r||s (32 bytes each); OpenSSL speaks DER.
std::string DerToRaw(const std::string& der) {
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  ECDSA_SIG* sig = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size()));
  if (!sig) return {};
  const std::string raw = BnBytes(ECDSA_SIG_get0_r(sig), 32) + BnBytes(ECDSA_SIG_get0_s(sig), 32);
  ECDSA_SIG_free(sig);
  return raw;
}

std::string RawToDer(const std::string& raw) {
  if (raw.size() != 64) return {};
  ECDSA_SIG* sig = ECDSA_SIG_new();
  BIGNUM* r = BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()), 32, nullptr);
  BIGNUM* s = BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()) + 32, 32, nullptr);
  ECDSA_SIG_set0(sig, r, s);
  unsigned char* der = nullptr;
  const int n = i2d_ECDSA_SIG(sig, &der);
  std::string out;
  if (n > 0) out.assign(reinterpret_cast<char*>(der), static_cast<std::size_t>(n));
  OPENSSL_free(der);
  ECDSA_SIG_free(sig);
  return out;
}

}  // namespace

Result<Jws> ParseJws(std::string_view compact) {
  const auto a = compact.find('.');
  const auto b = a == std::string_view::npos ? a : compact.find('.', a + 1);
  if (a == std::string_view::npos || b == std::string_view::npos ||
      compact.find('.', b + 1) != std::string_view::npos) {
    return MakeError(ErrorCode::kInvalidFormat, "not a compact JWS (expected three dot-separated parts)");
  }
  auto header = Base64UrlDecode(compact.substr(0, a));
  auto payload = Base64UrlDecode(compact.substr(a + 1, b - a - 1));
  auto signature = Base64UrlDecode(compact.substr(b + 1));
  if (!header || !payload || !signature) return MakeError(ErrorCode::kInvalidFormat, "JWS part is not base64url");
  Jws jws;
  jws.header = nlohmann::json::parse(*header, nullptr, false);
  if (!jws.header.is_object()) return MakeError(ErrorCode::kInvalidFormat, "JWS header is not a JSON object");
  if (!jws.header.contains("alg") || !jws.header["alg"].is_string())
    return MakeError(ErrorCode::kMissing, "JWS header has no alg");
  jws.payload = std::move(*payload);
  jws.signingInput = std::string(compact.substr(0, b));
  jws.signature = std::move(*signature);
  return jws;
}

Result<bool> VerifyJws(const Jws& jws, const Key& key) {
  const std::string alg = StringMember(jws.header, "alg");
  const auto algorithm = AlgorithmFor(alg);
  if (!algorithm) return MakeError(ErrorCode::kRefused, "JWS algorithm '" + alg + "' is not accepted");
  if (algorithm->keyType != key.type())
    return MakeError(ErrorCode::kRefused, "JWS algorithm " + alg + " does not fit the key type");
  std::string signature = jws.signature;
  if (key.type() == Key::Type::kEcP256) {
    signature = RawToDer(signature);
    if (signature.empty()) return MakeError(ErrorCode::kRefused, "ES256 signature is not 64 bytes");
  }
  MdCtxPtr ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pctx = nullptr;
  if (EVP_DigestVerifyInit(ctx.get(), &pctx, algorithm->md, nullptr, key.get()) != 1 || !SetPadding(pctx, *algorithm)) {
    return MakeError(ErrorCode::kRefused, "cannot set up signature verification: " + LastOpenSslError());
  }
  const int ok =
      EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                       reinterpret_cast<const unsigned char*>(jws.signingInput.data()), jws.signingInput.size());
  ERR_clear_error();
  if (ok != 1) return MakeError(ErrorCode::kRefused, "JWS signature does not verify");
  return true;
}

Result<std::string> SignJws(const nlohmann::json& header, std::string_view payload, const Key& key) {
  const std::string alg = StringMember(header, "alg");
  const auto algorithm = AlgorithmFor(alg);
  if (!algorithm || algorithm->keyType != key.type() || !key.hasPrivate()) {
    return MakeError(ErrorCode::kUnsupported, "cannot sign with alg '" + alg + "' and this key");
  }
  const std::string input = Base64UrlEncode(header.dump()) + "." + Base64UrlEncode(payload);
  MdCtxPtr ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pctx = nullptr;
  size_t length = 0;
  if (EVP_DigestSignInit(ctx.get(), &pctx, algorithm->md, nullptr, key.get()) != 1 || !SetPadding(pctx, *algorithm) ||
      EVP_DigestSign(ctx.get(), nullptr, &length, reinterpret_cast<const unsigned char*>(input.data()), input.size()) !=
          1) {
    return MakeError(ErrorCode::kIo, "cannot sign: " + LastOpenSslError());
  }
  std::string signature(length, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                     reinterpret_cast<const unsigned char*>(input.data()), input.size()) != 1) {
    return MakeError(ErrorCode::kIo, "cannot sign: " + LastOpenSslError());
  }
  signature.resize(length);
  if (key.type() == Key::Type::kEcP256) signature = DerToRaw(signature);
  return input + "." + Base64UrlEncode(signature);
}

Result<nlohmann::json> ClaimsOf(const Jws& jws) {
  auto claims = nlohmann::json::parse(jws.payload, nullptr, false);
  if (!claims.is_object()) return MakeError(ErrorCode::kInvalidFormat, "JWT payload is not a JSON object");
  return claims;
}

}  // namespace zb::net::jose
