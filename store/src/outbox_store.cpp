// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/outbox_store.h"

#include <array>

#include "fields.h"
#include "time_text.h"

namespace zb::store {

using domain::ErrorCode;
using domain::MakeError;

namespace {

std::string RecordContext(std::int64_t id) { return "outbox/record/" + std::to_string(id); }

constexpr const char* kColumns =
    "id, patient_id, release_id, bundle_identifier, target, receiver_ura, receiver_name, state, attempts,"
    " next_attempt, author_id, author_name, author_role, author_ura, created_at, updated_at, record, processed_at";

constexpr std::array<std::pair<OutboxState, const char*>, 7> kStates{{{OutboxState::kQueued, "queued"},
                                                                      {OutboxState::kSending, "sending"},
                                                                      {OutboxState::kRetry, "retry"},
                                                                      {OutboxState::kDelivered, "delivered"},
                                                                      {OutboxState::kRefused, "refused"},
                                                                      {OutboxState::kNoReceiver, "no-receiver"},
                                                                      {OutboxState::kHandDelivered, "hand-delivered"}}};

}  // namespace

const char* ToString(OutboxState state) {
  for (const auto& [s, name] : kStates) {
    if (s == state) return name;
  }
  return "queued";
}

std::optional<OutboxState> OutboxStateFrom(std::string_view text) {
  for (const auto& [s, name] : kStates) {
    if (text == name) return s;
  }
  return std::nullopt;
}

domain::Result<std::vector<std::int64_t>> OutboxStore::Enqueue(const std::vector<OutboxItem>& items,
                                                               const std::vector<std::int64_t>& released) {
  auto lock = m_db->Lock();
  Transaction t(*m_db);
  if (t.error()) return *t.error();
  std::vector<std::int64_t> ids;
  for (const auto& item : items) {
    auto other = m_db->Prepare("SELECT id FROM outbox WHERE bundle_identifier = ?");
    if (!other) return other.error();
    other.value().Bind(1, item.bundleIdentifier);
    if (other.value().Step())
      return MakeError(ErrorCode::kInconsistent, "Bundle " + item.bundleIdentifier + " is already in the outbox");
    const std::string now = detail::InstantText(item.createdAt);
    auto ins = m_db->Prepare(
        "INSERT INTO outbox(patient_id, release_id, bundle_identifier, target, receiver_ura, receiver_name, state,"
        " attempts, next_attempt, author_id, author_name, author_role, author_ura, created_at, updated_at, record)"
        " VALUES(?, ?, ?, ?, ?, ?, ?, 0, NULL, ?, ?, ?, ?, ?, ?, x'')");
    if (!ins) return ins.error();
    ins.value()
        .Bind(1, item.patientId)
        .Bind(2, item.release)
        .Bind(3, item.bundleIdentifier)
        .Bind(4, item.target)
        .Bind(5, item.receiverUra)
        .Bind(6, item.receiverName)
        .Bind(7, std::string(ToString(item.state)))
        .Bind(8, item.author.userId)
        .Bind(9, item.author.name)
        .Bind(10, item.author.roleCode)
        .Bind(11, item.author.organisationUra)
        .Bind(12, now)
        .Bind(13, now);
    if (auto r = ins.value().Run(); !r) return r.error();
    const std::int64_t id = m_db->LastInsertId();
    // The id is part of the sealing context: insert first, then seal.
    OutboxItem sealed = item;
    sealed.id = id;
    auto up = m_db->Prepare("UPDATE outbox SET record = ? WHERE id = ?");
    if (!up) return up.error();
    up.value().Bind(1, SealRecord(sealed)).Bind(2, id);
    if (auto r = up.value().Run(); !r) return r.error();
    ids.push_back(id);
  }
  for (const std::int64_t draft : released) {
    auto del = m_db->Prepare("DELETE FROM drafts WHERE id = ?");
    if (!del) return del.error();
    del.value().Bind(1, draft);
    if (auto r = del.value().Run(); !r) return r.error();
    if (m_db->Changes() == 0)
      return MakeError(ErrorCode::kInconsistent,
                       "draft " + std::to_string(draft) + " was removed meanwhile; nothing was released");
  }
  if (auto r = t.Commit(); !r) return r.error();
  return ids;
}

domain::Result<OutboxItem> OutboxStore::Load(Statement& row) {
  OutboxItem o;
  o.id = row.Int(0);
  o.patientId = row.Int(1);
  o.release = row.Text(2);
  o.bundleIdentifier = row.Text(3);
  o.target = row.Text(4);
  o.receiverUra = row.Text(5);
  o.receiverName = row.Text(6);
  const auto state = OutboxStateFrom(row.Text(7));
  if (!state) return MakeError(ErrorCode::kInvalidFormat, RecordContext(o.id) + ": unknown state " + row.Text(7));
  o.state = *state;
  o.attempts = static_cast<int>(row.Int(8));
  if (!row.Text(9).empty()) o.nextAttempt = detail::InstantFromText(row.Text(9));
  o.author = {row.Text(10), row.Text(11), row.Text(12), row.Text(13)};
  const auto created = detail::InstantFromText(row.Text(14));
  const auto updated = detail::InstantFromText(row.Text(15));
  if (!created || !updated) return MakeError(ErrorCode::kInvalidFormat, RecordContext(o.id) + ": unreadable time");
  o.createdAt = *created;
  o.updatedAt = *updated;
  auto plain = m_cipher.Open(row.BlobAt(16), RecordContext(o.id));
  if (!plain) return plain.error();
  auto fields = detail::ReadFields(plain.value());
  if (!fields) return MakeError(ErrorCode::kInvalidFormat, RecordContext(o.id) + ": damaged record");
  o.bundle = (*fields)["bundle"];
  o.answer = (*fields)["answer"];
  o.lines = (*fields)["lines"];
  o.processing = (*fields)["processing"];
  if (!row.Text(17).empty()) o.processedAt = detail::InstantFromText(row.Text(17));
  return o;
}

namespace {

template <class Load>
domain::Result<std::vector<OutboxItem>> Collect(Statement& s, Load&& load) {
  std::vector<OutboxItem> out;
  while (s.Step()) {
    auto o = load(s);
    if (!o) return o.error();
    out.push_back(std::move(o.value()));
  }
  if (s.error()) return *s.error();
  return out;
}

}  // namespace

domain::Result<std::vector<OutboxItem>> OutboxStore::List(std::int64_t patientId) {
  auto lock = m_db->Lock();
  auto s = m_db->Prepare(std::string("SELECT ") + kColumns + " FROM outbox WHERE patient_id = ? ORDER BY id");
  if (!s) return s.error();
  s.value().Bind(1, patientId);
  return Collect(s.value(), [this](Statement& row) { return Load(row); });
}

domain::Result<std::vector<OutboxItem>> OutboxStore::Pending(domain::Instant now) {
  auto lock = m_db->Lock();
  auto s = m_db->Prepare(std::string("SELECT ") + kColumns +
                         " FROM outbox WHERE state IN ('queued', 'sending') OR (state = 'retry' AND next_attempt <= ?)"
                         " ORDER BY id");
  if (!s) return s.error();
  s.value().Bind(1, detail::InstantText(now));
  return Collect(s.value(), [this](Statement& row) { return Load(row); });
}

domain::Result<std::optional<OutboxItem>> OutboxStore::Get(std::int64_t id) {
  auto lock = m_db->Lock();
  auto s = m_db->Prepare(std::string("SELECT ") + kColumns + " FROM outbox WHERE id = ?");
  if (!s) return s.error();
  s.value().Bind(1, id);
  if (!s.value().Step()) {
    if (s.value().error()) return *s.value().error();
    return std::optional<OutboxItem>();
  }
  auto o = Load(s.value());
  if (!o) return o.error();
  return std::optional<OutboxItem>(std::move(o.value()));
}

domain::Result<OutboxItem> OutboxStore::Existing(std::int64_t id) {
  auto current = Get(id);
  if (!current) return current.error();
  if (!current.value()) return MakeError(ErrorCode::kMissing, "outbox item " + std::to_string(id) + " does not exist");
  return std::move(*current.value());
}

std::vector<unsigned char> OutboxStore::SealRecord(const OutboxItem& item) const {
  detail::FieldWriter record;
  record.Add("bundle", item.bundle)
      .Add("answer", item.answer)
      .Add("lines", item.lines)
      .Add("processing", item.processing);
  return m_cipher.Seal(record.str(), RecordContext(item.id));
}

domain::Result<bool> OutboxStore::Mark(std::int64_t id, OutboxState state, int attempts,
                                       std::optional<domain::Instant> nextAttempt, const std::string& answer,
                                       domain::Instant now) {
  auto item = Existing(id);
  if (!item) return item.error();
  item.value().answer = answer;
  auto lock = m_db->Lock();
  auto up = m_db->Prepare(
      "UPDATE outbox SET state = ?, attempts = ?, next_attempt = ?, updated_at = ?, record = ? WHERE id = ?");
  if (!up) return up.error();
  auto& u = up.value();
  u.Bind(1, std::string(ToString(state))).Bind(2, std::int64_t{attempts});
  if (nextAttempt) {
    u.Bind(3, detail::InstantText(*nextAttempt));
  } else {
    u.BindNull(3);
  }
  u.Bind(4, detail::InstantText(now)).Bind(5, SealRecord(item.value())).Bind(6, id);
  if (auto r = u.Run(); !r) return r.error();
  return true;
}

domain::Result<std::vector<OutboxItem>> OutboxStore::AwaitingProcessing(domain::Instant now) {
  auto lock = m_db->Lock();
  auto s = m_db->Prepare(std::string("SELECT ") + kColumns +
                         " FROM outbox WHERE state = 'delivered' AND target = 'pharmacy' AND processed_at IS NULL"
                         " AND (next_attempt IS NULL OR next_attempt <= ?) ORDER BY id");
  if (!s) return s.error();
  s.value().Bind(1, detail::InstantText(now));
  return Collect(s.value(), [this](Statement& row) { return Load(row); });
}

domain::Result<bool> OutboxStore::AskProcessingAgainAt(std::int64_t id, domain::Instant at) {
  auto lock = m_db->Lock();
  auto up = m_db->Prepare("UPDATE outbox SET next_attempt = ? WHERE id = ? AND state = 'delivered'");
  if (!up) return up.error();
  up.value().Bind(1, detail::InstantText(at)).Bind(2, id);
  if (auto r = up.value().Run(); !r) return r.error();
  return true;
}

domain::Result<bool> OutboxStore::MarkProcessed(std::int64_t id, const std::string& processing, domain::Instant at) {
  auto item = Existing(id);
  if (!item) return item.error();
  item.value().processing = processing;
  auto lock = m_db->Lock();
  auto up = m_db->Prepare("UPDATE outbox SET processed_at = ?, record = ? WHERE id = ?");
  if (!up) return up.error();
  up.value().Bind(1, detail::InstantText(at)).Bind(2, SealRecord(item.value())).Bind(3, id);
  if (auto r = up.value().Run(); !r) return r.error();
  return true;
}

}  // namespace zb::store
