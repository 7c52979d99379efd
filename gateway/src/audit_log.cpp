// SPDX-License-Identifier: GPL-3.0-or-later
#include "gateway/audit_log.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "net/jose/base64url.h"
#include "net/jose/random.h"
#include "net/json_member.h"

namespace zb::gateway {
namespace {

namespace fs = std::filesystem;
using domain::ErrorCode;
using domain::MakeError;
using net::StringMember;
using nlohmann::json;

constexpr const char* kGenesis = "genesis";

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

std::string ReadAll(const std::string& path, bool& found) {
  std::ifstream in(path, std::ios::binary);
  found = static_cast<bool>(in);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

domain::Result<std::string> ReadKey(const std::string& file) {
  bool found = false;
  std::string key = ReadAll(file, found);
  if (!found || key.size() < 32)
    return MakeError(ErrorCode::kInvalidFormat, "audit key " + file + " must hold at least 32 bytes");
  return key;
}

// The chain has its own key, derived from the audit key, so the BSN pseudonyms and the chain
// never share one.
std::string ChainKey(const std::string& key) { return net::jose::HmacSha256(key, "zorgbrug-gateway audit chain v1"); }

// The MAC covers the record without its own "mac" member, serialised as nlohmann does (sorted
// keys), so verification is independent of the writer.
std::string RecordMac(const std::string& chainKey, json record) {
  record.erase("mac");
  return net::jose::Hex(net::jose::HmacSha256(chainKey, record.dump()));
}

std::string HeadSeal(const std::string& chainKey, std::int64_t count, const std::string& mac) {
  return net::jose::Hex(net::jose::HmacSha256(chainKey, "head:" + std::to_string(count) + ":" + mac));
}

struct Chain {
  std::int64_t count = 0;
  std::string lastMac = kGenesis;
};

domain::Result<Chain> VerifyWithKey(const AuditFiles& files, const std::string& chainKey) {
  bool found = false;
  const std::string text = ReadAll(files.trail, found);
  if (!found) return MakeError(ErrorCode::kMissing, "the trail " + files.trail + " is missing");
  Chain chain;
  std::vector<std::string> macs;  // per record, to compare with the head
  std::istringstream in(text);
  std::int64_t line = 0;
  for (std::string record; std::getline(in, record);) {
    ++line;
    const std::string where = "line " + std::to_string(line);
    const json r = json::parse(record, nullptr, false);
    if (!r.is_object()) return MakeError(ErrorCode::kInvalidFormat, where + " is not a JSON record");
    if (r.value("seq", std::int64_t{0}) != chain.count + 1)
      return MakeError(ErrorCode::kInconsistent, where + " has the wrong sequence number (records removed or moved)");
    if (StringMember(r, "prev") != chain.lastMac)
      return MakeError(ErrorCode::kInconsistent, where + " does not follow the previous record");
    if (StringMember(r, "mac") != RecordMac(chainKey, r))
      return MakeError(ErrorCode::kInconsistent,
                       where + " was altered, or the chain was recomputed without the audit key");
    chain.lastMac = StringMember(r, "mac");
    macs.push_back(chain.lastMac);
    ++chain.count;
  }
  if (chain.count == 0) return MakeError(ErrorCode::kInconsistent, "the trail " + files.trail + " is empty");
  const std::string headText = ReadAll(files.head, found);
  if (!found)
    return MakeError(ErrorCode::kMissing, "the sealed head " + files.head + " is missing: the trail's end is unproven");
  const json head = json::parse(headText, nullptr, false);
  const std::int64_t headCount = head.is_object() ? head.value("count", std::int64_t{-1}) : -1;
  const std::string headMac = head.is_object() ? StringMember(head, "mac") : "";
  if (headCount < 1 || StringMember(head, "seal") != HeadSeal(chainKey, headCount, headMac))
    return MakeError(ErrorCode::kInconsistent, "the sealed head " + files.head + " was altered or is not sealed");
  if (headCount > chain.count)
    return MakeError(ErrorCode::kInconsistent, "the trail ends at record " + std::to_string(chain.count) +
                                                   " but its sealed head says " + std::to_string(headCount) +
                                                   ": records were removed from the end");
  // Records beyond the head are what a crash between writing a record and its head leaves; they
  // are chained and MAC'd like the others.
  if (macs[static_cast<std::size_t>(headCount - 1)] != headMac)
    return MakeError(ErrorCode::kInconsistent,
                     "record " + std::to_string(headCount) + " is not the one the sealed head names");
  return chain;
}

}  // namespace

AuditLog::AuditLog(AuditFiles files, std::string key, std::string lastMac, std::int64_t sequence, int fd)
    : m_files(std::move(files)),
      m_key(std::move(key)),
      m_chainKey(ChainKey(m_key)),
      m_lastMac(std::move(lastMac)),
      m_sequence(sequence),
      m_fd(fd) {}

AuditLog::~AuditLog() {
  if (m_fd >= 0) ::close(m_fd);
}

domain::Result<std::unique_ptr<AuditLog>> AuditLog::Open(const AuditFiles& files) {
  auto key = ReadKey(files.key);
  if (!key) return key.error();
  const bool fresh = !fs::exists(files.trail) && !fs::exists(files.head);
  Chain chain;
  if (!fresh) {
    auto verified = VerifyWithKey(files, ChainKey(key.value()));
    if (!verified)
      return MakeError(verified.error().code, "the audit trail is not intact (" + verified.error().detail +
                                                  "); the gateway does not start on it: keep the files for the "
                                                  "security officer and check them with audit-verify");
    chain = verified.value();
  }
  const int fd = ::open(files.trail.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) return MakeError(ErrorCode::kIo, "cannot write the audit trail " + files.trail);
  std::unique_ptr<AuditLog> log(new AuditLog(files, key.value(), chain.lastMac, chain.count, fd));
  auto started = log->Append({{"event", fresh ? "trail-created" : "gateway-started"}});
  if (!started) return started.error();
  return log;
}

domain::Result<bool> AuditLog::Append(json record) {
  std::lock_guard lock(m_mutex);
  record["seq"] = m_sequence + 1;
  record["time"] = UtcNow();
  record["prev"] = m_lastMac;
  const std::string mac = RecordMac(m_chainKey, record);
  record["mac"] = mac;
  const std::string line = record.dump() + "\n";
  const off_t before = ::lseek(m_fd, 0, SEEK_END);
  const ssize_t written = ::write(m_fd, line.data(), line.size());
  if (written != static_cast<ssize_t>(line.size()) || ::fdatasync(m_fd) != 0) {
    // A half-written line would break the chain for good: take it back (disk full, I/O error).
    if (before >= 0 && ::ftruncate(m_fd, before) != 0) {
    }
    return MakeError(ErrorCode::kIo, "cannot append to the audit trail " + m_files.trail);
  }
  m_lastMac = mac;
  ++m_sequence;
  return WriteHead();
}

domain::Result<bool> AuditLog::WriteHead() {
  const json head{{"count", m_sequence}, {"mac", m_lastMac}, {"seal", HeadSeal(m_chainKey, m_sequence, m_lastMac)}};
  const std::string text = head.dump() + "\n";
  const std::string temporary = m_files.head + ".new";
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
  bool ok = fd >= 0 && ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  if (fd >= 0) ok = ::close(fd) == 0 && ok;
  // Not synced: after a crash the head may lag the trail by a record, which verification accepts;
  // the rename is atomic, so it is never half written.
  ok = ok && ::rename(temporary.c_str(), m_files.head.c_str()) == 0;
  if (!ok) return MakeError(ErrorCode::kIo, "cannot write the audit trail's sealed head " + m_files.head);
  return true;
}

std::string AuditLog::PatientRef(const std::string& bsn) const {
  return "bsn-hmac:" + net::jose::Hex(net::jose::HmacSha256(m_key, bsn)).substr(0, 32);
}

domain::Result<std::int64_t> VerifyAuditTrail(const AuditFiles& files) {
  auto key = ReadKey(files.key);
  if (!key) return key.error();
  auto chain = VerifyWithKey(files, ChainKey(key.value()));
  if (!chain) return chain.error();
  return chain->count;
}

}  // namespace zb::gateway
