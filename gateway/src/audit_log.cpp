// SPDX-License-Identifier: GPL-3.0-or-later
#include "gateway/audit_log.h"

#include <sys/stat.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "net/jose/base64url.h"
#include "net/jose/random.h"
#include "net/json_member.h"

namespace zb::gateway {
namespace {

using domain::ErrorCode;
using domain::MakeError;
using net::StringMember;
using nlohmann::json;

std::string Hex(const std::string& bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

std::string UtcNow() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return buffer;
}

// The hash covers the record without its own "hash" member, serialised as nlohmann does
// (sorted keys), so verification is independent of the writer.
std::string RecordHash(json record) {
  record.erase("hash");
  return Hex(net::jose::Sha256(record.dump()));
}

}  // namespace

domain::Result<std::unique_ptr<AuditLog>> AuditLog::Open(const std::string& file, const std::string& keyFile) {
  std::ifstream keyIn(keyFile, std::ios::binary);
  std::stringstream key;
  key << keyIn.rdbuf();
  if (!keyIn || key.str().size() < 32)
    return MakeError(ErrorCode::kInvalidFormat, "audit key " + keyFile + " must hold at least 32 bytes");
  auto verified = VerifyAuditFile(file);
  if (!verified)
    return MakeError(verified.error().code, "audit trail " + file + " is damaged: " + verified.error().detail);
  std::string last = "0";
  std::int64_t sequence = 0;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    const json r = json::parse(line, nullptr, false);
    last = r.value("hash", "0");
    sequence = r.value("seq", std::int64_t{0});
  }
  std::ofstream touch(file, std::ios::app);
  if (!touch) return MakeError(ErrorCode::kIo, "cannot write the audit trail " + file);
  touch.close();
  ::chmod(file.c_str(), 0600);
  return std::unique_ptr<AuditLog>(new AuditLog(file, key.str(), last, sequence));
}

domain::Result<bool> AuditLog::Append(json record) {
  std::lock_guard lock(m_mutex);
  record["seq"] = m_sequence + 1;
  record["time"] = UtcNow();
  record["prev"] = m_lastHash;
  const std::string hash = RecordHash(record);
  record["hash"] = hash;
  std::ofstream out(m_file, std::ios::app);
  out << record.dump() << "\n";
  out.flush();
  if (!out) return MakeError(ErrorCode::kIo, "cannot append to the audit trail " + m_file);
  m_lastHash = hash;
  ++m_sequence;
  return true;
}

std::string AuditLog::PatientRef(const std::string& bsn) const {
  return "bsn-hmac:" + Hex(net::jose::HmacSha256(m_key, bsn)).substr(0, 32);
}

domain::Result<std::int64_t> VerifyAuditFile(const std::string& file) {
  std::ifstream in(file);
  if (!in) return std::int64_t{0};  // no trail yet
  std::string prev = "0";
  std::int64_t expectedSeq = 1;
  std::int64_t line = 0;
  for (std::string text; std::getline(in, text);) {
    ++line;
    if (text.empty()) continue;
    const json r = json::parse(text, nullptr, false);
    if (!r.is_object())
      return MakeError(ErrorCode::kInvalidFormat, "line " + std::to_string(line) + " is not a JSON record");
    if (StringMember(r, "prev") != prev)
      return MakeError(ErrorCode::kInconsistent,
                       "line " + std::to_string(line) + " does not follow the previous record");
    if (r.value("seq", std::int64_t{0}) != expectedSeq)
      return MakeError(ErrorCode::kInconsistent, "line " + std::to_string(line) + " has the wrong sequence number");
    if (StringMember(r, "hash") != RecordHash(r))
      return MakeError(ErrorCode::kInconsistent, "line " + std::to_string(line) + " was altered");
    prev = r["hash"];
    ++expectedSeq;
  }
  return expectedSeq - 1;
}

}  // namespace zb::gateway
