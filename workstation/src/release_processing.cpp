// SPDX-License-Identifier: GPL-3.0-or-later
// The way back of a release (prescribing.md §1, "Sturen voorschriftverwerking"): the pharmacy posts
// its TA + MVE to the organisation's gateway (a desktop may be off); the desktop asks the gateway,
// for each release delivered to a pharmacy, what that pharmacy answered about the MAs and VVs it
// sent, and keeps the answer sealed with the release. The line then reads "verwerkt door apotheek".
#include "net/fhir/processing_answer.h"
#include "processing_text.h"
#include "release_desk_impl.h"

namespace zb::workstation {

domain::Result<bool> ReleaseDesk::CollectProcessing(const std::string& session, domain::Instant now,
                                                    std::vector<OutboxEntry>& out) {
  auto waiting = m_impl->store.outbox().AwaitingProcessing();
  if (!waiting) return waiting.error();
  for (auto& item : waiting.value()) {
    auto patient = m_impl->store.patients().Get(item.patientId);
    if (!patient) return patient.error();
    if (!patient.value()) continue;
    const std::string bsn = patient.value()->bsn.digits();
    const auto identifiers = net::fhir::RequestIdentifiers(item.bundle);
    if (identifiers.empty()) continue;
    auto answer = m_impl->gateway.Processing(session, item.receiverUra, identifiers, bsn);
    // Not reachable now, or this gateway keeps no answers: asked again at the next round.
    if (!answer || answer->status != 200) continue;
    const auto read = net::fhir::ReadProcessingSearch(answer->body);
    if (read.blocks.empty()) continue;
    const std::string text = detail::EncodeProcessing(read.blocks);
    if (auto r = m_impl->store.outbox().MarkProcessed(item.id, text, now); !r) return r.error();
    m_impl->audit(domain::AuditAction::kReleaseProcessed, bsn,
                  "release " + item.release + ": pharmacy URA " + item.receiverUra + " answered " +
                      std::to_string(read.blocks.size()) + " TA/MVE" +
                      (read.skipped ? ", " + std::to_string(read.skipped) + " unreadable" : std::string()),
                  "ok");
    item.processedAt = now;
    item.processing = text;
    out.push_back(detail::EntryOf(item));
  }
  return true;
}

}  // namespace zb::workstation
