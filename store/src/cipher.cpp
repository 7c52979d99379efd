// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/cipher.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>

#include <memory>
#include <stdexcept>

#include "hex.h"

namespace zb::store {
namespace {

constexpr unsigned char kVersion = 1;
constexpr std::size_t kNonce = 12;
constexpr std::size_t kTag = 16;

struct PkeyCtxFree {
  void operator()(EVP_PKEY_CTX* c) const { EVP_PKEY_CTX_free(c); }
};
struct CipherCtxFree {
  void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};

std::array<unsigned char, 32> Derive(const MasterKey& master, std::string_view info) {
  std::array<unsigned char, 32> out{};
  std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> ctx(EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, nullptr));
  std::size_t len = out.size();
  static const unsigned char kSalt[] = "zorgbrug local store";
  // A failure here means a broken OpenSSL installation: a bug, not an input error.
  if (!ctx || EVP_PKEY_derive_init(ctx.get()) <= 0 || EVP_PKEY_CTX_set_hkdf_md(ctx.get(), EVP_sha256()) <= 0 ||
      EVP_PKEY_CTX_set1_hkdf_salt(ctx.get(), kSalt, sizeof kSalt - 1) <= 0 ||
      EVP_PKEY_CTX_set1_hkdf_key(ctx.get(), master.data(), static_cast<int>(master.size())) <= 0 ||
      EVP_PKEY_CTX_add1_hkdf_info(ctx.get(), reinterpret_cast<const unsigned char*>(info.data()),
                                  static_cast<int>(info.size())) <= 0 ||
      EVP_PKEY_derive(ctx.get(), out.data(), &len) <= 0) {
    throw std::runtime_error("HKDF failed");
  }
  return out;
}

std::string HexMac(const std::array<unsigned char, 32>& key, std::string_view data) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
       data.size(), mac, &n);
  return detail::ToHex(mac, n);
}

}  // namespace

Cipher::Cipher(const MasterKey& master)
    : m_sealKey(Derive(master, "records v1")),
      m_indexKey(Derive(master, "bsn index v1")),
      m_auditKey(Derive(master, "audit chain v1")) {}

Cipher::~Cipher() {
  OPENSSL_cleanse(m_sealKey.data(), m_sealKey.size());
  OPENSSL_cleanse(m_indexKey.data(), m_indexKey.size());
  OPENSSL_cleanse(m_auditKey.data(), m_auditKey.size());
}

MasterKey Cipher::RandomKey() {
  MasterKey k{};
  if (RAND_bytes(k.data(), static_cast<int>(k.size())) != 1) throw std::runtime_error("no randomness");
  return k;
}

std::vector<unsigned char> Cipher::Seal(std::string_view plain, std::string_view context) const {
  std::vector<unsigned char> out(1 + kNonce + plain.size() + kTag);
  out[0] = kVersion;
  if (RAND_bytes(out.data() + 1, kNonce) != 1) throw std::runtime_error("no randomness");
  std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree> ctx(EVP_CIPHER_CTX_new());
  int n = 0;
  if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, m_sealKey.data(), out.data() + 1) != 1 ||
      EVP_EncryptUpdate(ctx.get(), nullptr, &n, reinterpret_cast<const unsigned char*>(context.data()),
                        static_cast<int>(context.size())) != 1 ||
      EVP_EncryptUpdate(ctx.get(), out.data() + 1 + kNonce, &n, reinterpret_cast<const unsigned char*>(plain.data()),
                        static_cast<int>(plain.size())) != 1 ||
      EVP_EncryptFinal_ex(ctx.get(), out.data() + 1 + kNonce + n, &n) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTag, out.data() + 1 + kNonce + plain.size()) != 1) {
    throw std::runtime_error("AES-GCM encryption failed");
  }
  return out;
}

domain::Result<std::string> Cipher::Open(const std::vector<unsigned char>& sealed, std::string_view context) const {
  using domain::ErrorCode;
  if (sealed.size() < 1 + kNonce + kTag || sealed[0] != kVersion) {
    return domain::MakeError(ErrorCode::kInvalidFormat, std::string(context) + ": not a sealed value of this version");
  }
  const std::size_t size = sealed.size() - 1 - kNonce - kTag;
  std::string plain(size, '\0');
  std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree> ctx(EVP_CIPHER_CTX_new());
  int n = 0;
  std::array<unsigned char, kTag> tag{};
  std::copy(sealed.end() - kTag, sealed.end(), tag.begin());
  const bool ok = ctx &&
                  EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, m_sealKey.data(), sealed.data() + 1) == 1 &&
                  EVP_DecryptUpdate(ctx.get(), nullptr, &n, reinterpret_cast<const unsigned char*>(context.data()),
                                    static_cast<int>(context.size())) == 1 &&
                  EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()), &n,
                                    sealed.data() + 1 + kNonce, static_cast<int>(size)) == 1 &&
                  EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTag, tag.data()) == 1 &&
                  EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()) + n, &n) == 1;
  if (!ok) {
    OPENSSL_cleanse(plain.data(), plain.size());
    return domain::MakeError(
        ErrorCode::kRefused,
        std::string(context) + ": does not open with this key (another key, or the value was altered or moved)");
  }
  return plain;
}

std::string Cipher::BsnKey(std::string_view bsnDigits) const { return HexMac(m_indexKey, bsnDigits); }
// The prefix keeps a treatment's key apart from any BSN's (BSNs are digits only).
std::string Cipher::TreatmentKey(std::string_view treatment) const {
  return HexMac(m_indexKey, "treatment:" + std::string(treatment));
}
std::string Cipher::AuditMac(std::string_view data) const { return HexMac(m_auditKey, data); }

}  // namespace zb::store
