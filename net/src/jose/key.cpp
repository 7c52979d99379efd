// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/jose/key.h"

#include <openssl/core_names.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "net/jose/base64url.h"
#include "net/jose/random.h"
#include "net/json_member.h"
#include "openssl_util.h"

namespace zb::net::jose {
namespace {

using domain::ErrorCode;
using domain::MakeError;
using namespace detail;

struct PkeyFree {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};

std::string Base64(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::optional<std::string> Unbase64(std::string_view text) {
  if (text.empty() || text.size() % 4 != 0) return std::nullopt;
  std::string out(text.size() / 4 * 3, '\0');
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
  if (n < 0) return std::nullopt;
  std::size_t pad = 0;
  if (text.back() == '=') ++pad;
  if (text.size() > 1 && text[text.size() - 2] == '=') ++pad;
  out.resize(static_cast<std::size_t>(n) - pad);
  return out;
}

// SSH wire format: uint32 big-endian length + bytes.
void PutSshString(std::string& out, std::string_view s) {
  const auto n = static_cast<uint32_t>(s.size());
  out += static_cast<char>((n >> 24) & 0xFF);
  out += static_cast<char>((n >> 16) & 0xFF);
  out += static_cast<char>((n >> 8) & 0xFF);
  out += static_cast<char>(n & 0xFF);
  out += s;
}

std::optional<std::string> GetSshString(std::string_view& in) {
  if (in.size() < 4) return std::nullopt;
  const uint32_t n = (static_cast<uint32_t>(static_cast<unsigned char>(in[0])) << 24) |
                     (static_cast<uint32_t>(static_cast<unsigned char>(in[1])) << 16) |
                     (static_cast<uint32_t>(static_cast<unsigned char>(in[2])) << 8) |
                     static_cast<uint32_t>(static_cast<unsigned char>(in[3]));
  if (in.size() - 4 < n) return std::nullopt;
  std::string s(in.substr(4, n));
  in.remove_prefix(4 + n);
  return s;
}

std::string EcPoint(EVP_PKEY* key) {
  BIGNUM* x = nullptr;
  BIGNUM* y = nullptr;
  EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_EC_PUB_X, &x);
  EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_EC_PUB_Y, &y);
  BnPtr xp(x), yp(y);
  if (!x || !y) return {};
  return std::string(1, '\x04') + BnBytes(x, 32) + BnBytes(y, 32);
}

// Builds a public key of `type` ("EC", "RSA") from the parameters in `bld` (which it frees).
EVP_PKEY* PublicKeyFromParams(const char* type, OSSL_PARAM_BLD* bld) {
  OSSL_PARAM* params = OSSL_PARAM_BLD_to_param(bld);
  CtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
  EVP_PKEY* raw = nullptr;
  if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_PUBLIC_KEY, params) != 1) {
    raw = nullptr;
  }
  OSSL_PARAM_free(params);
  OSSL_PARAM_BLD_free(bld);
  return raw;
}

// The key is used as it comes out of EVP_PKEY_fromdata: a PEM round trip (OpenSSL 3's decoder
// lookup) cost ~2 ms, paid by every holder for every DPoP proof it checks.
Result<EVP_PKEY*> EcFromPoint(const std::string& point) {
  if (point.size() != 65 || point[0] != '\x04')
    return MakeError(ErrorCode::kInvalidFormat, "EC point is not an uncompressed P-256 point");
  OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
  OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0);
  OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size());
  EVP_PKEY* raw = PublicKeyFromParams("EC", bld);
  if (!raw) return MakeError(ErrorCode::kInvalidFormat, "EC public key rejected: " + LastOpenSslError());
  // A point off the curve must not become a key: check it explicitly.
  CtxPtr check(EVP_PKEY_CTX_new_from_pkey(nullptr, raw, nullptr));
  if (!check || EVP_PKEY_public_check(check.get()) != 1) {
    EVP_PKEY_free(raw);
    return MakeError(ErrorCode::kInvalidFormat, "EC public key is not on the P-256 curve");
  }
  return raw;
}

}  // namespace

Result<Key> Key::Wrap(EVP_PKEY* raw, bool hasPrivate) {
  std::shared_ptr<EVP_PKEY> key(raw, PkeyFree{});
  if (EVP_PKEY_is_a(raw, "RSA")) {
    if (EVP_PKEY_get_bits(raw) < 2048)
      return MakeError(ErrorCode::kUnsupported, "RSA keys shorter than 2048 bits are refused");
    return Key(std::move(key), Type::kRsa, hasPrivate);
  }
  if (EVP_PKEY_is_a(raw, "EC")) {
    char group[64] = {};
    size_t len = 0;
    EVP_PKEY_get_utf8_string_param(raw, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &len);
    if (std::string_view(group) != "prime256v1" && std::string_view(group) != "P-256") {
      return MakeError(ErrorCode::kUnsupported, std::string("EC curve ") + group + " is not supported (only P-256)");
    }
    return Key(std::move(key), Type::kEcP256, hasPrivate);
  }
  return MakeError(ErrorCode::kUnsupported, "key type is neither RSA nor EC P-256");
}

Result<Key> Key::GenerateRsa(unsigned bits) {
  EVP_PKEY* raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(bits));
  if (!raw) return MakeError(ErrorCode::kIo, "RSA key generation failed: " + LastOpenSslError());
  return Wrap(raw, true);
}

Result<Key> Key::GenerateEcP256() {
  EVP_PKEY* raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
  if (!raw) return MakeError(ErrorCode::kIo, "EC key generation failed: " + LastOpenSslError());
  return Wrap(raw, true);
}

Result<Key> Key::FromPem(std::string_view pem) {
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (EVP_PKEY* raw = PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr)) return Wrap(raw, true);
  ERR_clear_error();
  bio.reset(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (EVP_PKEY* raw = PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr)) return Wrap(raw, false);
  ERR_clear_error();
  return MakeError(ErrorCode::kInvalidFormat, "not a PEM private or public key");
}

Result<Key> Key::FromPemFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kIo, "cannot read key file " + path);
  std::ostringstream text;
  text << in.rdbuf();
  auto key = FromPem(text.str());
  if (!key) return MakeError(key.error().code, path + ": " + key.error().detail);
  return key;
}

Result<Key> Key::FromJwk(const nlohmann::json& jwk) {
  if (!jwk.is_object()) return MakeError(ErrorCode::kInvalidFormat, "JWK is not a JSON object");
  const std::string kty = StringMember(jwk, "kty");
  if (kty == "EC") {
    if (StringMember(jwk, "crv") != "P-256") return MakeError(ErrorCode::kUnsupported, "JWK curve is not P-256");
    auto x = Base64UrlDecode(StringMember(jwk, "x"));
    auto y = Base64UrlDecode(StringMember(jwk, "y"));
    if (!x || !y || x->size() != 32 || y->size() != 32)
      return MakeError(ErrorCode::kInvalidFormat, "JWK x/y are not 32-byte base64url values");
    auto raw = EcFromPoint(std::string(1, '\x04') + *x + *y);
    if (!raw) return raw.error();
    return Wrap(raw.value(), false);
  }
  if (kty == "RSA") {
    auto n = Base64UrlDecode(StringMember(jwk, "n"));
    auto e = Base64UrlDecode(StringMember(jwk, "e"));
    if (!n || !e || n->empty() || e->empty())
      return MakeError(ErrorCode::kInvalidFormat, "JWK n/e are missing or not base64url");
    BnPtr bn(BN_bin2bn(reinterpret_cast<const unsigned char*>(n->data()), static_cast<int>(n->size()), nullptr));
    BnPtr be(BN_bin2bn(reinterpret_cast<const unsigned char*>(e->data()), static_cast<int>(e->size()), nullptr));
    OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
    OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, bn.get());
    OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, be.get());
    EVP_PKEY* raw = PublicKeyFromParams("RSA", bld);
    if (!raw) return MakeError(ErrorCode::kInvalidFormat, "RSA JWK rejected: " + LastOpenSslError());
    return Wrap(raw, false);
  }
  return MakeError(ErrorCode::kUnsupported, "JWK kty '" + kty + "' is not supported (RSA or EC)");
}

Result<Key> Key::FromOpenSsh(std::string_view line) {
  const auto first = line.find(' ');
  if (first == std::string_view::npos)
    return MakeError(ErrorCode::kInvalidFormat, "authorized_keys line has no key data");
  const std::string_view type = line.substr(0, first);
  std::string_view rest = line.substr(first + 1);
  const std::string_view blob64 = rest.substr(0, rest.find(' '));
  if (type != "ecdsa-sha2-nistp256") {
    return MakeError(ErrorCode::kUnsupported,
                     "authorized_keys key type '" + std::string(type) + "' is not supported (ecdsa-sha2-nistp256)");
  }
  auto blob = Unbase64(blob64);
  if (!blob) return MakeError(ErrorCode::kInvalidFormat, "authorized_keys key data is not base64");
  std::string_view in(*blob);
  auto name = GetSshString(in);
  auto curve = GetSshString(in);
  auto point = GetSshString(in);
  if (!name || !curve || !point || *name != type || *curve != "nistp256" || !in.empty()) {
    return MakeError(ErrorCode::kInvalidFormat, "authorized_keys key data is not an ecdsa-sha2-nistp256 key");
  }
  auto raw = EcFromPoint(*point);
  if (!raw) return raw.error();
  return Wrap(raw.value(), false);
}

std::string Key::PrivatePem() const {
  BioPtr bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr, nullptr);
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(n));
}

std::string Key::PublicPem() const {
  BioPtr bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_PUBKEY(bio.get(), m_key.get());
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(n));
}

nlohmann::json Key::PublicJwk(std::string_view kid) const {
  nlohmann::json jwk;
  if (m_type == Type::kRsa) {
    BIGNUM* n = nullptr;
    BIGNUM* e = nullptr;
    EVP_PKEY_get_bn_param(m_key.get(), OSSL_PKEY_PARAM_RSA_N, &n);
    EVP_PKEY_get_bn_param(m_key.get(), OSSL_PKEY_PARAM_RSA_E, &e);
    BnPtr np(n), ep(e);
    jwk["kty"] = "RSA";
    jwk["n"] = Base64UrlEncode(BnBytes(n));
    jwk["e"] = Base64UrlEncode(BnBytes(e));
  } else {
    const std::string point = EcPoint(m_key.get());
    jwk["kty"] = "EC";
    jwk["crv"] = "P-256";
    jwk["x"] = Base64UrlEncode(std::string_view(point).substr(1, 32));
    jwk["y"] = Base64UrlEncode(std::string_view(point).substr(33, 32));
  }
  if (!kid.empty()) jwk["kid"] = std::string(kid);
  return jwk;
}

std::string Key::Thumbprint() const {
  const nlohmann::json jwk = PublicJwk();
  // RFC 7638: only the required members, lexicographic order, no whitespace.
  std::string canonical;
  if (m_type == Type::kRsa) {
    canonical =
        R"({"e":")" + jwk["e"].get<std::string>() + R"(","kty":"RSA","n":")" + jwk["n"].get<std::string>() + "\"}";
  } else {
    canonical = R"({"crv":"P-256","kty":"EC","x":")" + jwk["x"].get<std::string>() + R"(","y":")" +
                jwk["y"].get<std::string>() + "\"}";
  }
  return Base64UrlEncode(Sha256(canonical));
}

std::string Key::OpenSshLine(std::string_view comment) const {
  std::string blob;
  PutSshString(blob, "ecdsa-sha2-nistp256");
  PutSshString(blob, "nistp256");
  PutSshString(blob, EcPoint(m_key.get()));
  std::string line = "ecdsa-sha2-nistp256 " + Base64(blob);
  if (!comment.empty()) line += " " + std::string(comment);
  return line;
}

Key Key::PublicOnly() const {
  auto key = FromPem(PublicPem());
  return key.value();
}

}  // namespace zb::net::jose
