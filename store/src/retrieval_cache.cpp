// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/retrieval_cache.h"

#include "time_text.h"

namespace zb::store {

using domain::ErrorCode;
using domain::MakeError;

namespace {
std::string Context(std::int64_t retrieval, std::size_t position, const char* column) {
  return "retrieval_sources/" + std::string(column) + "/" + std::to_string(retrieval) + "/" + std::to_string(position);
}

// Query kinds ("TA", "MVE", "contra-indications") hold no comma: one text column keeps the list.
std::string JoinKinds(const std::vector<std::string>& kinds) {
  std::string out;
  for (const auto& kind : kinds) out += (out.empty() ? "" : ",") + kind;
  return out;
}

std::vector<std::string> SplitKinds(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto comma = text.find(',', start);
    out.push_back(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

}  // namespace

domain::Result<bool> RetrievalCache::Save(const CachedRetrieval& retrieval) {
  auto lock = m_db->Lock();
  Transaction t(*m_db);
  if (t.error()) return *t.error();
  auto old = m_db->Prepare("DELETE FROM retrievals WHERE patient_id = ?");
  if (!old) return old.error();
  old.value().Bind(1, retrieval.patientId);
  if (auto x = old.value().Run(); !x) return x.error();
  auto ins = m_db->Prepare("INSERT INTO retrievals(patient_id, retrieved_at, complete) VALUES(?, ?, ?)");
  if (!ins) return ins.error();
  ins.value()
      .Bind(1, retrieval.patientId)
      .Bind(2, detail::InstantText(retrieval.retrievedAt))
      .Bind(3, std::int64_t{retrieval.complete ? 1 : 0});
  if (auto x = ins.value().Run(); !x) return x.error();
  const std::int64_t id = m_db->LastInsertId();
  for (std::size_t i = 0; i < retrieval.sources.size(); ++i) {
    const auto& o = retrieval.sources[i].outcome;
    auto s = m_db->Prepare(
        "INSERT INTO retrieval_sources(retrieval_id, position, kind, source_id, name, ura, status, reason, elapsed_ms, slowest_ms,"
        " requests, resources, blocks, detail, snapshot, missing, phone)"
        " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!s) return s.error();
    s.value()
        .Bind(1, id)
        .Bind(2, static_cast<std::int64_t>(i))
        .Bind(3, domain::ToString(o.source.kind))
        .Bind(4, o.source.id)
        .Bind(5, o.source.name)
        .Bind(6, o.ura)
        .Bind(7, domain::ToString(o.status))
        .Bind(8, o.reason)
        .Bind(9, static_cast<std::int64_t>(o.elapsed.count()))
        .Bind(10, static_cast<std::int64_t>(o.slowestRequest.count()))
        .Bind(11, static_cast<std::int64_t>(o.requests))
        .Bind(12, static_cast<std::int64_t>(o.resources))
        .Bind(13, static_cast<std::int64_t>(o.blocks))
        .Bind(14, m_cipher.Seal(o.detail, Context(id, i, "detail")))
        .Bind(15, m_cipher.Seal(retrieval.sources[i].snapshot, Context(id, i, "snapshot")))
        .Bind(16, JoinKinds(o.missing))
        .Bind(17, o.source.phone);
    if (auto x = s.value().Run(); !x) return x.error();
  }
  return t.Commit();
}

domain::Result<std::optional<CachedRetrieval>> RetrievalCache::Latest(std::int64_t patientId) {
  auto lock = m_db->Lock();
  auto head = m_db->Prepare(
      "SELECT id, retrieved_at, complete FROM retrievals WHERE patient_id = ? ORDER BY retrieved_at DESC, id DESC LIMIT 1");
  if (!head) return head.error();
  head.value().Bind(1, patientId);
  if (!head.value().Step()) {
    if (head.value().error()) return *head.value().error();
    return std::optional<CachedRetrieval>();
  }
  CachedRetrieval r;
  const std::int64_t id = head.value().Int(0);
  r.patientId = patientId;
  auto at = detail::InstantFromText(head.value().Text(1));
  if (!at)
    return MakeError(ErrorCode::kInvalidFormat, "retrievals/" + std::to_string(id) + ": unreadable time of retrieval");
  r.retrievedAt = *at;
  r.complete = head.value().Int(2) != 0;
  auto s = m_db->Prepare(
      "SELECT position, kind, source_id, name, ura, status, reason, elapsed_ms, slowest_ms, requests, resources, blocks, detail, snapshot,"
      " missing, phone"
      " FROM retrieval_sources WHERE retrieval_id = ? ORDER BY position");
  if (!s) return s.error();
  s.value().Bind(1, id);
  while (s.value().Step()) {
    const auto& q = s.value();
    const auto position = static_cast<std::size_t>(q.Int(0));
    CachedSource c;
    c.outcome.source = {q.Text(2), domain::SourceKindFromString(q.Text(1)), q.Text(3), q.Text(15)};
    c.outcome.ura = q.Text(4);
    c.outcome.status = domain::SourceStatusFromString(q.Text(5));
    c.outcome.reason = q.Text(6);
    c.outcome.elapsed = std::chrono::milliseconds(q.Int(7));
    c.outcome.slowestRequest = std::chrono::milliseconds(q.Int(8));
    c.outcome.requests = static_cast<std::size_t>(q.Int(9));
    c.outcome.resources = static_cast<std::size_t>(q.Int(10));
    c.outcome.blocks = static_cast<std::size_t>(q.Int(11));
    c.outcome.missing = SplitKinds(q.Text(14));
    auto detailText = m_cipher.Open(q.BlobAt(12), Context(id, position, "detail"));
    if (!detailText) return detailText.error();
    auto snapshot = m_cipher.Open(q.BlobAt(13), Context(id, position, "snapshot"));
    if (!snapshot) return snapshot.error();
    c.outcome.detail = std::move(detailText.value());
    c.snapshot = std::move(snapshot.value());
    r.sources.push_back(std::move(c));
  }
  if (s.value().error()) return *s.value().error();
  return std::optional<CachedRetrieval>(std::move(r));
}

}  // namespace zb::store
