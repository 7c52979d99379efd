// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The gateway's audit trail (NEN 7513 style): one JSON record per line, each carrying the SHA-256
// of the previous record, so an edited, removed or reordered record breaks the chain. Patients are
// recorded by a keyed hash of the BSN (HMAC-SHA-256 with the audit key): an auditor with the key
// can answer "who looked at this patient", the file alone does not reveal BSNs.
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

#include "domain/result.h"

namespace zb::gateway {

class AuditLog {
 public:
  static domain::Result<std::unique_ptr<AuditLog>> Open(const std::string& file, const std::string& keyFile);
  // Adds time, sequence number, prev and hash; flushes before returning.
  domain::Result<bool> Append(nlohmann::json record);
  std::string PatientRef(const std::string& bsn) const;

 private:
  AuditLog(std::string file, std::string key, std::string lastHash, std::int64_t sequence)
      : m_file(std::move(file)), m_key(std::move(key)), m_lastHash(std::move(lastHash)), m_sequence(sequence) {}
  std::string m_file;
  std::string m_key;
  std::mutex m_mutex;
  std::string m_lastHash;
  std::int64_t m_sequence;
};

// Checks a whole file; the error names the first broken record (line number).
domain::Result<std::int64_t> VerifyAuditFile(const std::string& file);

}  // namespace zb::gateway
