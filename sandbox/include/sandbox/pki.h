// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A throw-away test certificate authority, generated at start, so every endpoint of the simulated
// world is real HTTPS that clients verify like any other (no "skip verification" anywhere).
#include <string>
#include <vector>

#include "domain/result.h"
#include "net/jose/key.h"

namespace zb::sandbox {

struct IssuedCertificate {
  std::string certificatePem;  // leaf followed by the CA certificate
  std::string keyPem;
};

class TestCa {
 public:
  static domain::Result<TestCa> Generate(const std::string& commonName);
  const std::string& certificatePem() const { return m_certificatePem; }
  // A TLS server certificate for the given subject alternative names ("IP:127.0.0.1",
  // "DNS:host"), valid for 30 days, EC P-256.
  domain::Result<IssuedCertificate> IssueServer(const std::string& commonName,
                                                const std::vector<std::string>& altNames) const;

 private:
  TestCa(net::jose::Key key, std::string pem) : m_key(std::move(key)), m_certificatePem(std::move(pem)) {}
  net::jose::Key m_key;
  std::string m_certificatePem;
};

}  // namespace zb::sandbox
