// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/jose/jwe.h"

#include <openssl/crypto.h>
#include <openssl/hmac.h>
#include <openssl/rsa.h>

#include <array>

#include "net/jose/base64url.h"
#include "net/jose/random.h"
#include "net/json_member.h"
#include "openssl_util.h"

namespace zb::net::jose {
namespace {

using domain::ErrorCode;
using domain::MakeError;
using namespace detail;

// RFC 7518 §5.2: the content-encryption key is MAC key || ENC key; the tag is the first half of
// HMAC(AAD || IV || ciphertext || AL).
struct ContentAlgorithm {
  std::size_t keyBytes;  // total CEK length
  const EVP_MD* md;
  const EVP_CIPHER* cipher;
};

std::optional<ContentAlgorithm> ContentFor(const std::string& enc) {
  if (enc == "A256CBC-HS512") return ContentAlgorithm{64, EVP_sha512(), EVP_aes_256_cbc()};
  if (enc == "A128CBC-HS256") return ContentAlgorithm{32, EVP_sha256(), EVP_aes_128_cbc()};
  return std::nullopt;
}

std::string Tag(const ContentAlgorithm& alg, std::string_view macKey, std::string_view aad, std::string_view iv,
                std::string_view ciphertext) {
  const uint64_t aadBits = static_cast<uint64_t>(aad.size()) * 8;
  std::string al(8, '\0');
  for (int i = 0; i < 8; ++i) al[static_cast<std::size_t>(7 - i)] = static_cast<char>((aadBits >> (8 * i)) & 0xFF);
  const std::string input = std::string(aad) + std::string(iv) + std::string(ciphertext) + al;
  std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
  unsigned int len = 0;
  HMAC(alg.md, macKey.data(), static_cast<int>(macKey.size()), reinterpret_cast<const unsigned char*>(input.data()),
       input.size(), mac.data(), &len);
  return std::string(reinterpret_cast<char*>(mac.data()), len / 2);
}

bool AesCbc(const ContentAlgorithm& alg, bool encrypt, std::string_view key, std::string_view iv, std::string_view in,
            std::string& out) {
  CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
  if (EVP_CipherInit_ex(ctx.get(), alg.cipher, nullptr, reinterpret_cast<const unsigned char*>(key.data()),
                        reinterpret_cast<const unsigned char*>(iv.data()), encrypt ? 1 : 0) != 1) {
    return false;
  }
  out.assign(in.size() + 16, '\0');
  int n1 = 0;
  int n2 = 0;
  if (EVP_CipherUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &n1,
                       reinterpret_cast<const unsigned char*>(in.data()), static_cast<int>(in.size())) != 1 ||
      EVP_CipherFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(out.data()) + n1, &n2) != 1) {
    return false;
  }
  out.resize(static_cast<std::size_t>(n1 + n2));
  return true;
}

}  // namespace

Result<std::string> EncryptJwe(const nlohmann::json& header, std::string_view plaintext, const Key& recipient) {
  const auto content = ContentFor(StringMember(header, "enc"));
  if (StringMember(header, "alg") != "RSA-OAEP" || !content || recipient.type() != Key::Type::kRsa) {
    return MakeError(ErrorCode::kUnsupported,
                     "JWE needs alg RSA-OAEP, enc A256CBC-HS512 or A128CBC-HS256 and an RSA key");
  }
  const std::string cek = RandomBytes(content->keyBytes);
  CtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, recipient.get(), nullptr));
  size_t length = 0;
  if (!ctx || EVP_PKEY_encrypt_init(ctx.get()) != 1 ||
      EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_OAEP_PADDING) != 1 ||
      EVP_PKEY_encrypt(ctx.get(), nullptr, &length, reinterpret_cast<const unsigned char*>(cek.data()), cek.size()) !=
          1) {
    return MakeError(ErrorCode::kIo, "RSA-OAEP set-up failed: " + LastOpenSslError());
  }
  std::string encryptedKey(length, '\0');
  if (EVP_PKEY_encrypt(ctx.get(), reinterpret_cast<unsigned char*>(encryptedKey.data()), &length,
                       reinterpret_cast<const unsigned char*>(cek.data()), cek.size()) != 1) {
    return MakeError(ErrorCode::kIo, "RSA-OAEP failed: " + LastOpenSslError());
  }
  encryptedKey.resize(length);
  const std::string protectedHeader = Base64UrlEncode(header.dump());
  const std::string iv = RandomBytes(16);
  const std::size_t half = content->keyBytes / 2;
  std::string ciphertext;
  if (!AesCbc(*content, true, std::string_view(cek).substr(half), iv, plaintext, ciphertext)) {
    return MakeError(ErrorCode::kIo, "AES-CBC encryption failed");
  }
  const std::string tag = Tag(*content, std::string_view(cek).substr(0, half), protectedHeader, iv, ciphertext);
  return protectedHeader + "." + Base64UrlEncode(encryptedKey) + "." + Base64UrlEncode(iv) + "." +
         Base64UrlEncode(ciphertext) + "." + Base64UrlEncode(tag);
}

Result<Jwe> DecryptJwe(std::string_view compact, const Key& privateKey) {
  std::array<std::string_view, 5> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i < 5; ++i) {
    const auto dot = compact.find('.', start);
    if ((i < 4) == (dot == std::string_view::npos)) {
      return MakeError(ErrorCode::kInvalidFormat, "not a compact JWE (expected five dot-separated parts)");
    }
    parts[i] = compact.substr(start, i < 4 ? dot - start : std::string_view::npos);
    start = dot + 1;
  }
  auto headerText = Base64UrlDecode(parts[0]);
  if (!headerText) return MakeError(ErrorCode::kInvalidFormat, "JWE header is not base64url");
  Jwe jwe;
  jwe.header = nlohmann::json::parse(*headerText, nullptr, false);
  if (!jwe.header.is_object()) return MakeError(ErrorCode::kInvalidFormat, "JWE header is not a JSON object");
  const std::string alg = StringMember(jwe.header, "alg");
  const std::string enc = StringMember(jwe.header, "enc");
  const auto content = ContentFor(enc);
  if (alg != "RSA-OAEP")
    return MakeError(ErrorCode::kRefused, "JWE key management '" + alg + "' is not accepted (RSA-OAEP)");
  if (!content) return MakeError(ErrorCode::kRefused, "JWE content encryption '" + enc + "' is not accepted");
  if (privateKey.type() != Key::Type::kRsa || !privateKey.hasPrivate()) {
    return MakeError(ErrorCode::kUnsupported, "JWE decryption needs the private RSA key");
  }
  auto encryptedKey = Base64UrlDecode(parts[1]);
  auto iv = Base64UrlDecode(parts[2]);
  auto ciphertext = Base64UrlDecode(parts[3]);
  auto tag = Base64UrlDecode(parts[4]);
  const auto failed = MakeError(ErrorCode::kRefused, "JWE cannot be decrypted with the configured key");
  if (!encryptedKey || !iv || !ciphertext || !tag || iv->size() != 16) return failed;

  CtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, privateKey.get(), nullptr));
  size_t length = 0;
  if (!ctx || EVP_PKEY_decrypt_init(ctx.get()) != 1 ||
      EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_OAEP_PADDING) != 1 ||
      EVP_PKEY_decrypt(ctx.get(), nullptr, &length, reinterpret_cast<const unsigned char*>(encryptedKey->data()),
                       encryptedKey->size()) != 1) {
    ERR_clear_error();
    return failed;
  }
  std::string cek(length, '\0');
  if (EVP_PKEY_decrypt(ctx.get(), reinterpret_cast<unsigned char*>(cek.data()), &length,
                       reinterpret_cast<const unsigned char*>(encryptedKey->data()), encryptedKey->size()) != 1) {
    ERR_clear_error();
    return failed;
  }
  cek.resize(length);
  if (cek.size() != content->keyBytes) return failed;
  const std::size_t half = content->keyBytes / 2;
  const std::string expected = Tag(*content, std::string_view(cek).substr(0, half), parts[0], *iv, *ciphertext);
  if (expected.size() != tag->size() || CRYPTO_memcmp(expected.data(), tag->data(), expected.size()) != 0)
    return failed;
  if (!AesCbc(*content, false, std::string_view(cek).substr(half), *iv, *ciphertext, jwe.plaintext)) {
    ERR_clear_error();
    return failed;
  }
  return jwe;
}

}  // namespace zb::net::jose
