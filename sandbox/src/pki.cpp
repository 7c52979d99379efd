// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/pki.h"

#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

#include <memory>

namespace zb::sandbox {
namespace {

using domain::ErrorCode;
using domain::MakeError;

struct X509Free {
  void operator()(X509* x) const { X509_free(x); }
};
using X509Ptr = std::unique_ptr<X509, X509Free>;

std::string ToPem(X509* cert) {
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_X509(bio, cert);
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio, &data);
  std::string out(data, static_cast<std::size_t>(n));
  BIO_free(bio);
  return out;
}

X509Ptr FromPem(const std::string& pem) {
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  X509Ptr cert(PEM_read_bio_X509(bio, nullptr, nullptr, nullptr));
  BIO_free(bio);
  return cert;
}

bool AddExtension(X509* cert, X509* issuer, int nid, const std::string& value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
  if (!ext) return false;
  const bool ok = X509_add_ext(cert, ext, -1) == 1;
  X509_EXTENSION_free(ext);
  return ok;
}

X509Ptr NewCertificate(const std::string& commonName, EVP_PKEY* publicKey, long days) {
  X509Ptr cert(X509_new());
  X509_set_version(cert.get(), 2);
  unsigned char serial[16];
  RAND_bytes(serial, sizeof serial);
  serial[0] &= 0x7F;  // positive
  BIGNUM* bn = BN_bin2bn(serial, sizeof serial, nullptr);
  BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
  BN_free(bn);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), days * 24 * 3600);
  X509_set_pubkey(cert.get(), publicKey);
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("Zorgbrug sandbox"), -1,
                             -1, 0);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(commonName.c_str()), -1,
                             -1, 0);
  return cert;
}

}  // namespace

domain::Result<TestCa> TestCa::Generate(const std::string& commonName) {
  auto key = net::jose::Key::GenerateEcP256();
  if (!key) return key.error();
  X509Ptr cert = NewCertificate(commonName, key->get(), 365);
  X509_set_issuer_name(cert.get(), X509_get_subject_name(cert.get()));
  if (!AddExtension(cert.get(), cert.get(), NID_basic_constraints, "critical,CA:TRUE,pathlen:0") ||
      !AddExtension(cert.get(), cert.get(), NID_key_usage, "critical,keyCertSign,cRLSign") ||
      !AddExtension(cert.get(), cert.get(), NID_subject_key_identifier, "hash") ||
      X509_sign(cert.get(), key->get(), EVP_sha256()) == 0) {
    return MakeError(ErrorCode::kIo, "cannot create the test CA certificate");
  }
  return TestCa(key.value(), ToPem(cert.get()));
}

domain::Result<IssuedCertificate> TestCa::IssueServer(const std::string& commonName,
                                                      const std::vector<std::string>& altNames) const {
  auto key = net::jose::Key::GenerateEcP256();
  if (!key) return key.error();
  X509Ptr ca = FromPem(m_certificatePem);
  X509Ptr cert = NewCertificate(commonName, key->get(), 30);
  X509_set_issuer_name(cert.get(), X509_get_subject_name(ca.get()));
  std::string san;
  for (const auto& n : altNames) san += (san.empty() ? "" : ",") + n;
  if (!AddExtension(cert.get(), ca.get(), NID_basic_constraints, "critical,CA:FALSE") ||
      !AddExtension(cert.get(), ca.get(), NID_key_usage, "critical,digitalSignature") ||
      !AddExtension(cert.get(), ca.get(), NID_ext_key_usage, "serverAuth") ||
      !AddExtension(cert.get(), ca.get(), NID_authority_key_identifier, "keyid:always") ||
      (!san.empty() && !AddExtension(cert.get(), ca.get(), NID_subject_alt_name, san)) ||
      X509_sign(cert.get(), m_key.get(), EVP_sha256()) == 0) {
    return MakeError(ErrorCode::kIo, "cannot issue a server certificate for " + commonName);
  }
  return IssuedCertificate{ToPem(cert.get()) + m_certificatePem, key->PrivatePem()};
}

}  // namespace zb::sandbox
