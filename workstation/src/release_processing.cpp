// SPDX-License-Identifier: GPL-3.0-or-later
// The way back of a release (prescribing.md §1, "Sturen voorschriftverwerking"): the pharmacy posts
// its TA + MVE to the organisation's gateway (a desktop may be off); the desktop asks the gateway,
// for each release delivered to a pharmacy, what that pharmacy answered about the MAs and VVs it
// sent, and keeps the answer sealed with the release. The line then reads "verwerkt door apotheek".
#include <algorithm>

#include "net/fhir/processing_answer.h"
#include "processing_text.h"
#include "release_desk_impl.h"

namespace zb::workstation {

namespace {

// When to ask again for an answer that has not come: often while a pharmacy system usually answers
// (seconds to minutes), then less and less — a pharmacy that never answers costs each desktop a question a
// day per release, not one per 30 s (each question is an audit record at the gateway).
domain::Instant NextAsk(domain::Instant deliveredAt, domain::Instant now) {
  using boost::posix_time::minutes;
  using boost::posix_time::seconds;
  const auto age = now - deliveredAt;
  if (age < minutes(1)) return now + seconds(5);
  if (age < minutes(10)) return now + seconds(30);
  if (age < minutes(60)) return now + minutes(5);
  if (age < boost::posix_time::hours(24)) return now + minutes(30);
  return now + boost::posix_time::hours(24);
}

}  // namespace

domain::Result<bool> ReleaseDesk::CollectProcessing(const std::string& session, domain::Instant now,
                                                    std::vector<OutboxEntry>& out) {
  auto waiting = m_impl->store.outbox().AwaitingProcessing(now);
  if (!waiting) return waiting.error();
  for (auto& item : waiting.value()) {
    auto patient = m_impl->store.patients().Get(item.patientId);
    if (!patient) return patient.error();
    if (!patient.value()) continue;
    const std::string bsn = patient.value()->bsn.digits();
    const auto identifiers = net::fhir::RequestIdentifiers(item.bundle);
    if (identifiers.empty()) continue;
    auto answer = m_impl->gateway.Processing(session, item.receiverUra, identifiers, bsn);
    const auto read =
        answer && answer->status == 200 ? net::fhir::ReadProcessingSearch(answer->body) : net::fhir::ProcessingRead{};
    if (read.blocks.empty()) {
      // No answer yet (or the gateway not reachable, or keeping none): asked again later.
      if (auto r = m_impl->store.outbox().AskProcessingAgainAt(item.id, NextAsk(item.updatedAt, now)); !r)
        return r.error();
      continue;
    }
    const std::string text = detail::EncodeProcessing(read.blocks);
    if (auto r = m_impl->store.outbox().MarkProcessed(item.id, text, now); !r) return r.error();
    m_impl->audit(domain::AuditAction::kReleaseProcessed, bsn,
                  "release " + item.release + ": pharmacy URA " + item.receiverUra + " answered " +
                      std::to_string(read.blocks.size()) + " TA/MVE" +
                      (read.skipped ? ", " + std::to_string(read.skipped) + " unreadable" : std::string()),
                  "ok");
    item.processedAt = now;
    item.processing = text;
    // One entry per item: a release delivered in this same round is answered in its entry.
    const auto entry = detail::EntryOf(item);
    auto same = std::find_if(out.begin(), out.end(), [&](const OutboxEntry& e) { return e.id == item.id; });
    if (same != out.end())
      *same = entry;
    else
      out.push_back(entry);
  }
  return true;
}

}  // namespace zb::workstation
