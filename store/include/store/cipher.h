// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Encryption of patient data at rest. One 256-bit master key (kept in the OS keychain, see
// platform/) is split with HKDF-SHA256 into independent keys: one for AES-256-GCM sealing of
// records, one for the keyed hash that lets us find a patient by BSN without storing the BSN, and
// one for the MACs of the audit chain. Every sealed value is bound to where it lives (its
// "context", e.g. "patients/record/17") as GCM associated data, so a value copied to another row
// or column fails to open.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"

namespace zb::store {

using MasterKey = std::array<unsigned char, 32>;

class Cipher {
 public:
  explicit Cipher(const MasterKey& master);
  ~Cipher();
  Cipher(const Cipher&) = delete;
  Cipher& operator=(const Cipher&) = delete;

  // version(1) || nonce(12) || ciphertext || tag(16); a fresh random nonce per call.
  std::vector<unsigned char> Seal(std::string_view plain, std::string_view context) const;
  domain::Result<std::string> Open(const std::vector<unsigned char>& sealed, std::string_view context) const;
  // Hex HMAC-SHA256 of a BSN under the index key: equal BSNs give equal keys, nothing else does.
  std::string BsnKey(std::string_view bsnDigits) const;
  // The same for a treatment (MBH "system|value"): one draft per treatment line without storing the MBH.
  std::string TreatmentKey(std::string_view treatment) const;
  // Hex HMAC-SHA256 under the audit key.
  std::string AuditMac(std::string_view data) const;

  static MasterKey RandomKey();

 private:
  std::array<unsigned char, 32> m_sealKey{};
  std::array<unsigned char, 32> m_indexKey{};
  std::array<unsigned char, 32> m_auditKey{};
};

}  // namespace zb::store
