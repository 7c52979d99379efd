// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/database.h"

#include <sqlite3.h>

#include <utility>

#include "platform/private_file.h"

namespace zb::store {

using domain::ErrorCode;
using domain::MakeError;

namespace {
domain::Error SqlError(sqlite3* db, std::string_view what) {
  const int code = sqlite3_extended_errcode(db);
  // A full disk or a busy/locked file is an I/O condition the user can act on; the rest are ours.
  const bool io = code == SQLITE_FULL || (code & 0xff) == SQLITE_IOERR || (code & 0xff) == SQLITE_BUSY ||
                  (code & 0xff) == SQLITE_CANTOPEN || (code & 0xff) == SQLITE_READONLY ||
                  (code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB;
  return MakeError(io ? ErrorCode::kIo : ErrorCode::kInconsistent, std::string(what) + ": " + sqlite3_errmsg(db));
}
}  // namespace

Statement::Statement(Statement&& o) noexcept
    : m_db(std::exchange(o.m_db, nullptr)), m_stmt(std::exchange(o.m_stmt, nullptr)), m_error(std::move(o.m_error)) {}

Statement& Statement::operator=(Statement&& o) noexcept {
  if (this != &o) {
    sqlite3_finalize(m_stmt);
    m_db = std::exchange(o.m_db, nullptr);
    m_stmt = std::exchange(o.m_stmt, nullptr);
    m_error = std::move(o.m_error);
  }
  return *this;
}

Statement::~Statement() { sqlite3_finalize(m_stmt); }

Statement& Statement::Bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(m_stmt, index, value) != SQLITE_OK && !m_error) m_error = SqlError(m_db, "bind");
  return *this;
}

Statement& Statement::Bind(int index, std::string_view text) {
  if (sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT) != SQLITE_OK &&
      !m_error) {
    m_error = SqlError(m_db, "bind");
  }
  return *this;
}

Statement& Statement::Bind(int index, const Blob& blob) {
  // A zero-length blob still binds as a blob (not NULL): SQLITE_STATIC with a valid pointer.
  static const unsigned char kEmpty = 0;
  const void* data = blob.empty() ? &kEmpty : blob.data();
  if (sqlite3_bind_blob(m_stmt, index, data, static_cast<int>(blob.size()), SQLITE_TRANSIENT) != SQLITE_OK &&
      !m_error) {
    m_error = SqlError(m_db, "bind");
  }
  return *this;
}

Statement& Statement::BindNull(int index) {
  if (sqlite3_bind_null(m_stmt, index) != SQLITE_OK && !m_error) m_error = SqlError(m_db, "bind");
  return *this;
}

bool Statement::Step() {
  if (m_error) return false;
  const int rc = sqlite3_step(m_stmt);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) m_error = SqlError(m_db, "step");
  return false;
}

domain::Result<bool> Statement::Run() {
  while (Step()) {
  }
  if (m_error) return *m_error;
  return true;
}

std::int64_t Statement::Int(int column) const { return sqlite3_column_int64(m_stmt, column); }

std::string Statement::Text(int column) const {
  const auto* p = sqlite3_column_text(m_stmt, column);
  return p ? std::string(reinterpret_cast<const char*>(p),
                         static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)))
           : std::string();
}

Blob Statement::BlobAt(int column) const {
  const auto* p = static_cast<const unsigned char*>(sqlite3_column_blob(m_stmt, column));
  const int n = sqlite3_column_bytes(m_stmt, column);
  return p ? Blob(p, p + n) : Blob();
}

bool Statement::IsNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }

domain::Result<std::shared_ptr<Database>> Database::Open(const std::string& path) {
  // Created 0600 before SQLite opens it: the -wal and -shm files inherit its mode.
  if (path != ":memory:") {
    if (auto made = platform::MakePrivate(path); !made)
      return MakeError(ErrorCode::kIo, "cannot open the local database " + path + ": " + made.error().detail);
  }
  sqlite3* raw = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  std::shared_ptr<Database> db(new Database(raw, path));
  if (rc != SQLITE_OK)
    return MakeError(ErrorCode::kIo, "cannot open the local database " + path + ": " + sqlite3_errstr(rc));
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, 5000);
  // WAL: readers never block the writer, and a killed process leaves a database that recovers on
  // the next open. synchronous=FULL: a committed save survives a power cut too, not just a crash.
  auto setup =
      db->Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON;");
  if (!setup)
    return MakeError(ErrorCode::kIo, "the local database " + path + " cannot be used: " + setup.error().detail);
  auto check = db->Prepare("PRAGMA journal_mode");
  if (!check || !check.value().Step() || check.value().Text(0) != "wal") {
    return MakeError(ErrorCode::kIo,
                     "the local database " + path + " cannot use write-ahead logging (is it on a network share?)");
  }
  return db;
}

Database::~Database() { sqlite3_close_v2(m_db); }

domain::Result<Statement> Database::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK) {
    return SqlError(m_db, "prepare");
  }
  return Statement(m_db, stmt);
}

domain::Result<bool> Database::Execute(std::string_view sql) {
  char* message = nullptr;
  const std::string text(sql);
  if (sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    domain::Error e = SqlError(m_db, "execute");
    sqlite3_free(message);
    return e;
  }
  return true;
}

std::int64_t Database::LastInsertId() const { return sqlite3_last_insert_rowid(m_db); }
std::int64_t Database::Changes() const { return sqlite3_changes64(m_db); }

std::string Database::IntegrityCheck() {
  auto s = Prepare("PRAGMA integrity_check");
  if (!s) return s.error().detail;
  std::string out;
  while (s.value().Step()) out += (out.empty() ? "" : "; ") + s.value().Text(0);
  return s.value().error() ? s.value().error()->detail : out;
}

Transaction::Transaction(Database& db) : m_db(db) {
  auto r = m_db.Execute("BEGIN IMMEDIATE");
  if (r)
    m_open = true;
  else
    m_error = r.error();
}

Transaction::~Transaction() {
  if (m_open) (void)m_db.Execute("ROLLBACK");
}

domain::Result<bool> Transaction::Commit() {
  if (!m_open) return m_error ? *m_error : MakeError(ErrorCode::kInconsistent, "transaction not open");
  auto r = m_db.Execute("COMMIT");
  if (r) m_open = false;
  return r;
}

}  // namespace zb::store
