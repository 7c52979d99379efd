// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/amo_store.h"

#include "fields.h"
#include "time_text.h"

namespace zb::store {

using domain::ErrorCode;
using domain::MakeError;

namespace {

// The id is part of the sealing context: a record copied into another row does not open.
std::string RecordContext(std::int64_t id) { return "amo_imports/record/" + std::to_string(id); }

constexpr const char* kColumns = "id, patient_id, state, imported_by, created_at, updated_at, record";

}  // namespace

domain::Result<std::int64_t> AmoStore::Save(const StoredAmoImport& amo) {
  auto lock = m_db->Lock();
  Transaction t(*m_db);
  if (t.error()) return *t.error();
  const std::string now = detail::InstantText(amo.updatedAt);
  std::int64_t id = amo.id;
  if (id == 0) {
    auto ins = m_db->Prepare(
        "INSERT INTO amo_imports(patient_id, state, imported_by, created_at, updated_at, record)"
        " VALUES(?, ?, ?, ?, ?, x'')");
    if (!ins) return ins.error();
    ins.value().Bind(1, amo.patientId).Bind(2, amo.state).Bind(3, amo.importedBy).Bind(4, now).Bind(5, now);
    if (auto r = ins.value().Run(); !r) return r.error();
    id = m_db->LastInsertId();
  } else {
    auto existing = m_db->Prepare("SELECT patient_id FROM amo_imports WHERE id = ?");
    if (!existing) return existing.error();
    existing.value().Bind(1, id);
    if (!existing.value().Step() || existing.value().Int(0) != amo.patientId)
      return MakeError(ErrorCode::kMissing, "AMO import " + std::to_string(id) + " does not exist for this patient");
  }
  detail::FieldWriter record;
  record.Add("payload", amo.payload);
  auto up = m_db->Prepare("UPDATE amo_imports SET state = ?, updated_at = ?, record = ? WHERE id = ?");
  if (!up) return up.error();
  up.value().Bind(1, amo.state).Bind(2, now).Bind(3, m_cipher.Seal(record.str(), RecordContext(id))).Bind(4, id);
  if (auto r = up.value().Run(); !r) return r.error();
  if (auto r = t.Commit(); !r) return r.error();
  return id;
}

domain::Result<StoredAmoImport> AmoStore::Load(Statement& row) {
  StoredAmoImport a;
  a.id = row.Int(0);
  a.patientId = row.Int(1);
  a.state = row.Text(2);
  a.importedBy = row.Text(3);
  const auto created = detail::InstantFromText(row.Text(4));
  const auto updated = detail::InstantFromText(row.Text(5));
  if (!created || !updated) return MakeError(ErrorCode::kInvalidFormat, RecordContext(a.id) + ": unreadable time");
  a.createdAt = *created;
  a.updatedAt = *updated;
  auto plain = m_cipher.Open(row.BlobAt(6), RecordContext(a.id));
  if (!plain) return plain.error();
  auto fields = detail::ReadFields(plain.value());
  if (!fields) return MakeError(ErrorCode::kInvalidFormat, RecordContext(a.id) + ": damaged record");
  a.payload = (*fields)["payload"];
  return a;
}

domain::Result<std::vector<StoredAmoImport>> AmoStore::Query(const std::string& where,
                                                             std::optional<std::int64_t> bind) {
  auto lock = m_db->Lock();
  auto s = m_db->Prepare(std::string("SELECT ") + kColumns + " FROM amo_imports " + where + " ORDER BY id");
  if (!s) return s.error();
  if (bind) s.value().Bind(1, *bind);
  std::vector<StoredAmoImport> out;
  while (s.value().Step()) {
    auto a = Load(s.value());
    if (!a) return a.error();
    out.push_back(std::move(a.value()));
  }
  if (s.value().error()) return *s.value().error();
  return out;
}

domain::Result<std::vector<StoredAmoImport>> AmoStore::List(std::int64_t patientId) {
  return Query("WHERE patient_id = ?", patientId);
}

domain::Result<std::vector<StoredAmoImport>> AmoStore::Open() {
  return Query("WHERE state <> 'accepted'", std::nullopt);
}

domain::Result<std::optional<StoredAmoImport>> AmoStore::Get(std::int64_t id) {
  auto list = Query("WHERE id = ?", id);
  if (!list) return list.error();
  if (list.value().empty()) return std::optional<StoredAmoImport>();
  return std::optional<StoredAmoImport>(std::move(list.value().front()));
}

}  // namespace zb::store
