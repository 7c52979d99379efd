// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/report_store.h"

#include "fields.h"
#include "time_text.h"

namespace zb::store {

using domain::ErrorCode;
using domain::MakeError;

namespace {

// The report id is part of the sealing context: a record moved to another row does not open.
std::string RecordContext(const std::string& reportId) { return "reports/record/" + reportId; }

constexpr const char* kColumns =
    "report_id, patient_id, status, author_id, author_name, author_role, author_ura, created_at, updated_at,"
    " signed_at, record";

}  // namespace

domain::Result<bool> ReportStore::Save(const StoredReport& report) {
  if (report.reportId.empty()) return MakeError(ErrorCode::kMissing, "a report version needs an id");
  const bool signedVersion = report.status != "draft";
  if (signedVersion && (!report.signedAt || report.document.empty()))
    return MakeError(ErrorCode::kInconsistent, "report " + report.reportId + ": a signed version needs its document");
  auto lock = m_db->Lock();
  Transaction t(*m_db);
  if (t.error()) return *t.error();
  auto existing = m_db->Prepare("SELECT patient_id, status, created_at FROM reports WHERE report_id = ?");
  if (!existing) return existing.error();
  existing.value().Bind(1, report.reportId);
  std::string created = detail::InstantText(report.updatedAt);
  if (existing.value().Step()) {
    if (existing.value().Int(0) != report.patientId)
      return MakeError(ErrorCode::kInconsistent, "report " + report.reportId + " belongs to another patient");
    if (existing.value().Text(1) != "draft")
      return MakeError(ErrorCode::kInconsistent,
                       "report " + report.reportId + " is signed and cannot change; write a correction instead");
    created = existing.value().Text(2);
  }
  detail::FieldWriter record;
  record.Add("payload", report.payload).Add("document", report.document);
  auto up = m_db->Prepare(
      "INSERT INTO reports(report_id, patient_id, status, author_id, author_name, author_role, author_ura, created_at,"
      " updated_at, signed_at, record) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
      " ON CONFLICT(report_id) DO UPDATE SET status = excluded.status, author_id = excluded.author_id,"
      " author_name = excluded.author_name, author_role = excluded.author_role, author_ura = excluded.author_ura,"
      " updated_at = excluded.updated_at, signed_at = excluded.signed_at, record = excluded.record");
  if (!up) return up.error();
  auto& u = up.value();
  u.Bind(1, report.reportId)
      .Bind(2, report.patientId)
      .Bind(3, report.status)
      .Bind(4, report.author.userId)
      .Bind(5, report.author.name)
      .Bind(6, report.author.roleCode)
      .Bind(7, report.author.organisationUra)
      .Bind(8, created)
      .Bind(9, detail::InstantText(report.updatedAt));
  if (report.signedAt) {
    u.Bind(10, detail::InstantText(*report.signedAt));
  } else {
    u.BindNull(10);
  }
  u.Bind(11, m_cipher.Seal(record.str(), RecordContext(report.reportId)));
  if (auto r = u.Run(); !r) return r.error();
  if (auto r = t.Commit(); !r) return r.error();
  return true;
}

domain::Result<StoredReport> ReportStore::Load(Statement& row) {
  StoredReport r;
  r.reportId = row.Text(0);
  r.patientId = row.Int(1);
  r.status = row.Text(2);
  r.author = {row.Text(3), row.Text(4), row.Text(5), row.Text(6)};
  const auto created = detail::InstantFromText(row.Text(7));
  const auto updated = detail::InstantFromText(row.Text(8));
  if (!created || !updated)
    return MakeError(ErrorCode::kInvalidFormat, RecordContext(r.reportId) + ": unreadable time");
  r.createdAt = *created;
  r.updatedAt = *updated;
  if (!row.IsNull(9)) {
    const auto signedAt = detail::InstantFromText(row.Text(9));
    if (!signedAt) return MakeError(ErrorCode::kInvalidFormat, RecordContext(r.reportId) + ": unreadable time");
    r.signedAt = *signedAt;
  }
  auto plain = m_cipher.Open(row.BlobAt(10), RecordContext(r.reportId));
  if (!plain) return plain.error();
  auto fields = detail::ReadFields(plain.value());
  if (!fields) return MakeError(ErrorCode::kInvalidFormat, RecordContext(r.reportId) + ": damaged record");
  r.payload = (*fields)["payload"];
  r.document = (*fields)["document"];
  return r;
}

domain::Result<std::vector<StoredReport>> ReportStore::List(std::int64_t patientId) {
  auto lock = m_db->Lock();
  auto s = m_db->Prepare(std::string("SELECT ") + kColumns + " FROM reports WHERE patient_id = ? ORDER BY id");
  if (!s) return s.error();
  s.value().Bind(1, patientId);
  std::vector<StoredReport> out;
  while (s.value().Step()) {
    auto r = Load(s.value());
    if (!r) return r.error();
    out.push_back(std::move(r.value()));
  }
  if (s.value().error()) return *s.value().error();
  return out;
}

domain::Result<std::vector<StoredReport>> ReportStore::Since(domain::Instant since) {
  auto lock = m_db->Lock();
  auto s = m_db->Prepare(std::string("SELECT ") + kColumns + " FROM reports WHERE updated_at >= ? ORDER BY id");
  if (!s) return s.error();
  s.value().Bind(1, detail::InstantText(since));
  std::vector<StoredReport> out;
  while (s.value().Step()) {
    auto r = Load(s.value());
    if (!r) return r.error();
    out.push_back(std::move(r.value()));
  }
  if (s.value().error()) return *s.value().error();
  return out;
}

domain::Result<std::optional<StoredReport>> ReportStore::Get(const std::string& reportId) {
  auto lock = m_db->Lock();
  auto s = m_db->Prepare(std::string("SELECT ") + kColumns + " FROM reports WHERE report_id = ?");
  if (!s) return s.error();
  s.value().Bind(1, reportId);
  if (!s.value().Step()) {
    if (s.value().error()) return *s.value().error();
    return std::optional<StoredReport>();
  }
  auto r = Load(s.value());
  if (!r) return r.error();
  return std::optional<StoredReport>(std::move(r.value()));
}

domain::Result<bool> ReportStore::RemoveDraft(const std::string& reportId) {
  auto lock = m_db->Lock();
  auto s = m_db->Prepare("DELETE FROM reports WHERE report_id = ? AND status = 'draft'");
  if (!s) return s.error();
  s.value().Bind(1, reportId);
  if (auto r = s.value().Run(); !r) return r.error();
  if (m_db->Changes() > 0) return true;
  auto left = Get(reportId);
  if (!left) return left.error();
  if (left.value())
    return MakeError(ErrorCode::kInconsistent, "report " + reportId + " is signed and is never removed");
  return false;
}

namespace {

constexpr const char* kSendColumns =
    "report_id, receiver_ura, state, queued_at, updated_at, attempts, last_error, task_id, team_id, team_name";

domain::Result<ReportSend> LoadSend(Statement& row) {
  ReportSend s;
  s.reportId = row.Text(0);
  s.receiverUra = row.Text(1);
  s.state = row.Text(2);
  auto queued = detail::InstantFromText(row.Text(3));
  auto updated = detail::InstantFromText(row.Text(4));
  if (!queued || !updated)
    return MakeError(ErrorCode::kInconsistent, "report_sends row " + s.reportId + " has an unreadable time");
  s.queuedAt = *queued;
  s.updatedAt = *updated;
  s.attempts = row.Int(5);
  s.lastError = row.Text(6);
  s.taskId = row.Text(7);
  s.teamId = row.Text(8);
  s.teamName = row.Text(9);
  return s;
}

}  // namespace

domain::Result<bool> ReportStore::QueueSend(const std::string& reportId, const std::string& receiverUra,
                                            domain::Instant now, const std::string& teamId,
                                            const std::string& teamName) {
  auto existing = GetSend(reportId);
  if (!existing) return existing.error();
  if (existing.value()) {
    if (existing.value()->receiverUra == receiverUra && existing.value()->teamId == teamId) return true;
    const std::string team = existing.value()->teamName.empty() ? "" : " (" + existing.value()->teamName + ")";
    return MakeError(ErrorCode::kInconsistent,
                     "report " + reportId + " was sent to URA " + existing.value()->receiverUra + team + " before");
  }
  auto lock = m_db->Lock();
  auto s = m_db->Prepare(
      "INSERT INTO report_sends(report_id, receiver_ura, state, queued_at, updated_at, team_id, team_name)"
      " SELECT report_id, ?, 'queued', ?, ?, ?, ? FROM reports WHERE report_id = ? AND status <> 'draft'");
  if (!s) return s.error();
  const std::string when = detail::InstantText(now);
  s.value().Bind(1, receiverUra).Bind(2, when).Bind(3, when).Bind(4, teamId).Bind(5, teamName).Bind(6, reportId);
  if (auto r = s.value().Run(); !r) return r.error();
  if (m_db->Changes() == 0)
    return MakeError(ErrorCode::kInconsistent, "report " + reportId + " is not a signed version: sign it first");
  return true;
}

domain::Result<bool> ReportStore::MarkSend(const ReportSend& send) {
  auto lock = m_db->Lock();
  auto s = m_db->Prepare(
      "UPDATE report_sends SET state = ?, updated_at = ?, attempts = ?, last_error = ?, task_id = ?"
      " WHERE report_id = ?");
  if (!s) return s.error();
  s.value()
      .Bind(1, send.state)
      .Bind(2, detail::InstantText(send.updatedAt))
      .Bind(3, send.attempts)
      .Bind(4, send.lastError)
      .Bind(5, send.taskId)
      .Bind(6, send.reportId);
  if (auto r = s.value().Run(); !r) return r.error();
  if (m_db->Changes() == 0) return MakeError(ErrorCode::kMissing, "report " + send.reportId + " was never queued");
  return true;
}

domain::Result<std::optional<ReportSend>> ReportStore::GetSend(const std::string& reportId) {
  auto lock = m_db->Lock();
  auto s = m_db->Prepare(std::string("SELECT ") + kSendColumns + " FROM report_sends WHERE report_id = ?");
  if (!s) return s.error();
  s.value().Bind(1, reportId);
  if (!s.value().Step()) {
    if (s.value().error()) return *s.value().error();
    return std::optional<ReportSend>();
  }
  auto r = LoadSend(s.value());
  if (!r) return r.error();
  return std::optional<ReportSend>(std::move(r).value());
}

domain::Result<std::vector<ReportSend>> ReportStore::Sends(const std::string& state) {
  auto lock = m_db->Lock();
  auto s = m_db->Prepare(std::string("SELECT ") + kSendColumns +
                         " FROM report_sends WHERE state = ? ORDER BY queued_at, report_id");
  if (!s) return s.error();
  s.value().Bind(1, state);
  std::vector<ReportSend> out;
  while (s.value().Step()) {
    auto r = LoadSend(s.value());
    if (!r) return r.error();
    out.push_back(std::move(r).value());
  }
  if (s.value().error()) return *s.value().error();
  return out;
}

}  // namespace zb::store
