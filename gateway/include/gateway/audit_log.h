// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The gateway's audit trail (NEN 7513 style): one JSON record per line, each carrying an HMAC over
// itself and the previous record's MAC, keyed with the audit key that lives apart from the trail:
// whoever can edit the file cannot recompute the chain. A sealed head (record count + last MAC,
// itself MAC'd) lives in a second file, so removing records from the end or emptying the trail is
// seen as well. Every record is on disk (fdatasync) before Append returns, so no answer is handed
// out whose record a crash could lose. Patients are recorded by a keyed hash of the BSN: an
// auditor with the key can answer "who looked at this patient", the file alone reveals no BSN.
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

#include "domain/result.h"

namespace zb::gateway {

struct AuditFiles {
  std::string trail;
  std::string head;  // the sealed head; best on another file system or directory than the trail
  std::string key;   // at least 32 random bytes, readable by the gateway only
};

class AuditLog {
 public:
  // Creates trail and head when neither exists; otherwise refuses a trail that does not verify
  // against the key and its sealed head (truncated, rewritten, emptied, missing).
  static domain::Result<std::unique_ptr<AuditLog>> Open(const AuditFiles& files);
  ~AuditLog();
  AuditLog(const AuditLog&) = delete;
  AuditLog& operator=(const AuditLog&) = delete;
  // Adds seq, time, prev and mac; returns once record and head are written and the record is synced.
  domain::Result<bool> Append(nlohmann::json record);
  std::string PatientRef(const std::string& bsn) const;

 private:
  AuditLog(AuditFiles files, std::string key, std::string lastMac, std::int64_t sequence, int fd);
  domain::Result<bool> WriteHead();

  AuditFiles m_files;
  std::string m_key;
  std::string m_chainKey;
  std::mutex m_mutex;
  std::string m_lastMac;
  std::int64_t m_sequence;
  int m_fd;
};

// Checks the whole trail with the key and the sealed head; the error names the first problem
// (line number, or what is wrong with the head). Returns the number of records.
domain::Result<std::int64_t> VerifyAuditTrail(const AuditFiles& files);

}  // namespace zb::gateway
