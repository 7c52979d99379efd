// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A thin RAII layer over one SQLite connection: prepared statements with bound values, and
// transactions that roll back unless committed. Only the store's own code uses it; everything
// above the store sees domain types.
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace zb::store {

using Blob = std::vector<unsigned char>;

class Statement {
 public:
  Statement(Statement&&) noexcept;
  Statement& operator=(Statement&&) noexcept;
  ~Statement();

  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, std::string_view text);
  Statement& Bind(int index, const Blob& blob);
  Statement& BindNull(int index);
  // Next row: true with a row, false when done; an error is kept and reported by Done()/error().
  bool Step();
  domain::Result<bool> Run();  // steps to the end; false is never returned, the bool keeps Result simple
  std::int64_t Int(int column) const;
  std::string Text(int column) const;
  Blob BlobAt(int column) const;
  bool IsNull(int column) const;
  const std::optional<domain::Error>& error() const { return m_error; }

 private:
  friend class Database;
  Statement(sqlite3* db, sqlite3_stmt* stmt) : m_db(db), m_stmt(stmt) {}
  sqlite3* m_db = nullptr;
  sqlite3_stmt* m_stmt = nullptr;
  std::optional<domain::Error> m_error;
};

class Database {
 public:
  // Opens (creating when absent) with WAL, synchronous=FULL, foreign keys and a busy timeout.
  static domain::Result<std::shared_ptr<Database>> Open(const std::string& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  domain::Result<Statement> Prepare(std::string_view sql);
  domain::Result<bool> Execute(std::string_view sql);  // one or more statements without parameters
  std::int64_t LastInsertId() const;
  // Rows changed by the last INSERT, UPDATE or DELETE on this connection.
  std::int64_t Changes() const;
  const std::string& path() const { return m_path; }
  // "ok", or SQLite's list of problems.
  std::string IntegrityCheck();
  // One connection serves the UI thread and workers: every store operation holds this for its
  // statements and transaction, so they never interleave.
  std::unique_lock<std::recursive_mutex> Lock() { return std::unique_lock<std::recursive_mutex>(m_mutex); }

 private:
  Database(sqlite3* db, std::string path) : m_db(db), m_path(std::move(path)) {}
  sqlite3* m_db;
  std::string m_path;
  std::recursive_mutex m_mutex;
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless Commit() succeeded.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  const std::optional<domain::Error>& error() const { return m_error; }
  domain::Result<bool> Commit();

 private:
  Database& m_db;
  bool m_open = false;
  std::optional<domain::Error> m_error;
};

}  // namespace zb::store
