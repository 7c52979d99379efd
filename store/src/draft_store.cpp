// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/draft_store.h"

#include "fields.h"
#include "time_text.h"

namespace zb::store {

using domain::ErrorCode;
using domain::MakeError;

namespace {

std::string RecordContext(std::int64_t id) { return "drafts/record/" + std::to_string(id); }

constexpr const char* kColumns =
    "id, patient_id, author_id, author_name, author_role, author_ura, proposal, created_at, updated_at, record";

}  // namespace

domain::Result<std::int64_t> DraftStore::Save(const StoredDraft& draft) {
  auto lock = m_db->Lock();
  Transaction t(*m_db);
  if (t.error()) return *t.error();
  const std::optional<std::string> key =
      draft.treatment.empty() ? std::nullopt : std::optional<std::string>(m_cipher.TreatmentKey(draft.treatment));
  if (key) {
    auto other = m_db->Prepare("SELECT id FROM drafts WHERE patient_id = ? AND treatment_key = ?");
    if (!other) return other.error();
    other.value().Bind(1, draft.patientId).Bind(2, *key);
    if (other.value().Step() && other.value().Int(0) != draft.id) {
      return MakeError(ErrorCode::kInconsistent, "this treatment already has a draft (draft " +
                                                     std::to_string(other.value().Int(0)) +
                                                     "); edit that draft instead of adding one");
    }
  }
  const std::string now = detail::InstantText(draft.updatedAt);
  std::int64_t id = draft.id;
  if (id == 0) {
    // The id is part of the record's sealing context, so insert first, then seal.
    auto ins = m_db->Prepare(
        "INSERT INTO drafts(patient_id, author_id, author_name, author_role, author_ura, proposal, created_at,"
        " updated_at, record) VALUES(?, '', '', '', '', 0, ?, ?, x'')");
    if (!ins) return ins.error();
    ins.value().Bind(1, draft.patientId).Bind(2, now).Bind(3, now);
    if (auto r = ins.value().Run(); !r) return r.error();
    id = m_db->LastInsertId();
  } else {
    auto existing = m_db->Prepare("SELECT patient_id FROM drafts WHERE id = ?");
    if (!existing) return existing.error();
    existing.value().Bind(1, id);
    if (!existing.value().Step() || existing.value().Int(0) != draft.patientId)
      return MakeError(ErrorCode::kMissing,
                       "draft " + std::to_string(id) + " does not exist (any more) for this patient");
  }
  detail::FieldWriter record;
  record.Add("treatment", draft.treatment).Add("payload", draft.payload);
  auto up = m_db->Prepare(
      "UPDATE drafts SET treatment_key = ?, author_id = ?, author_name = ?, author_role = ?, author_ura = ?,"
      " proposal = ?, updated_at = ?, record = ? WHERE id = ?");
  if (!up) return up.error();
  auto& u = up.value();
  if (key) {
    u.Bind(1, *key);
  } else {
    u.BindNull(1);
  }
  u.Bind(2, draft.author.userId)
      .Bind(3, draft.author.name)
      .Bind(4, draft.author.roleCode)
      .Bind(5, draft.author.organisationUra)
      .Bind(6, std::int64_t{draft.proposal ? 1 : 0})
      .Bind(7, now)
      .Bind(8, m_cipher.Seal(record.str(), RecordContext(id)))
      .Bind(9, id);
  if (auto r = u.Run(); !r) return r.error();
  if (auto r = t.Commit(); !r) return r.error();
  return id;
}

domain::Result<StoredDraft> DraftStore::Load(Statement& row) {
  StoredDraft d;
  d.id = row.Int(0);
  d.patientId = row.Int(1);
  d.author = {row.Text(2), row.Text(3), row.Text(4), row.Text(5)};
  d.proposal = row.Int(6) != 0;
  const auto created = detail::InstantFromText(row.Text(7));
  const auto updated = detail::InstantFromText(row.Text(8));
  if (!created || !updated) return MakeError(ErrorCode::kInvalidFormat, RecordContext(d.id) + ": unreadable time");
  d.createdAt = *created;
  d.updatedAt = *updated;
  auto plain = m_cipher.Open(row.BlobAt(9), RecordContext(d.id));
  if (!plain) return plain.error();
  auto fields = detail::ReadFields(plain.value());
  if (!fields) return MakeError(ErrorCode::kInvalidFormat, RecordContext(d.id) + ": damaged record");
  d.treatment = (*fields)["treatment"];
  d.payload = (*fields)["payload"];
  return d;
}

domain::Result<std::vector<StoredDraft>> DraftStore::List(std::int64_t patientId) {
  auto lock = m_db->Lock();
  auto s = m_db->Prepare(std::string("SELECT ") + kColumns + " FROM drafts WHERE patient_id = ? ORDER BY id");
  if (!s) return s.error();
  s.value().Bind(1, patientId);
  std::vector<StoredDraft> out;
  while (s.value().Step()) {
    auto d = Load(s.value());
    if (!d) return d.error();
    out.push_back(std::move(d.value()));
  }
  if (s.value().error()) return *s.value().error();
  return out;
}

domain::Result<std::optional<StoredDraft>> DraftStore::Get(std::int64_t id) {
  auto lock = m_db->Lock();
  auto s = m_db->Prepare(std::string("SELECT ") + kColumns + " FROM drafts WHERE id = ?");
  if (!s) return s.error();
  s.value().Bind(1, id);
  if (!s.value().Step()) {
    if (s.value().error()) return *s.value().error();
    return std::optional<StoredDraft>();
  }
  auto d = Load(s.value());
  if (!d) return d.error();
  return std::optional<StoredDraft>(std::move(d.value()));
}

std::string DraftStore::TreatmentFingerprint(const std::string& treatment) const {
  return "t:" + m_cipher.TreatmentKey(treatment).substr(0, 16);
}

domain::Result<bool> DraftStore::Remove(std::int64_t id) {
  auto lock = m_db->Lock();
  auto s = m_db->Prepare("DELETE FROM drafts WHERE id = ?");
  if (!s) return s.error();
  s.value().Bind(1, id);
  if (auto r = s.value().Run(); !r) return r.error();
  return m_db->Changes() > 0;
}

}  // namespace zb::store
