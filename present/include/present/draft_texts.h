// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A patient's medication drafts in words for the drafts tab and the CLI: what each draft does, to
// which line, why, the new dose, who wrote it, and whether it is still current or its source
// changed since (then release is blocked until the physician confirms it again).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/audit.h"
#include "domain/draft_binding.h"
#include "domain/overview.h"
#include "domain/prescription_draft.h"
#include "domain/processing.h"
#include "domain/release_checks.h"

namespace zb::present {

struct DraftRow {
  std::int64_t id = 0;
  domain::BlockId treatment;  // the line it is a draft for (empty for a new start)
  std::string action;         // "stoppen", "onderbreken", ...
  std::string product;        // the new product, else the line's
  std::string reason;
  std::string dose;      // the new dose in MP9's words; empty when the dose stays
  std::string dispense;  // "verstrekkingsverzoek: 30 stuks, Apotheek X, afdeling Y, spoed"; empty without VV
  std::string timing;    // the roll moment: "per volgende rolwissel"; empty when none
  std::string author;    // "A. de Vries, 02-12-2026 10:15"
  std::string state;     // "concept", "voorstel (voorschrijver moet overnemen)", "bron gewijzigd: …"
  bool blocked = false;  // the source changed since: confirm before release
};

// The medication list's marker on a line with a draft: "CONCEPT: stoppen (niet verzonden)".
std::string DraftLineMark(const DraftRow& row);

// A draft's dispense request in words: quantity, pharmacy, ward, wishes.
std::string DispenseText(const domain::DispenseDraft& vv);

// The dose cell of the drafts tab and the printed list: the new dose, the roll moment and the
// dispense request, one after the other ("" when the draft has none of them).
std::string DoseAndDispense(const DraftRow& row);

// One Bundle of the outbox as the drafts tab lists it.
struct OutboxRow {
  std::int64_t id = 0;   // the outbox item (set by the caller: the paper prescription, hand delivery)
  std::string receiver;  // "Apotheek Centrum (URA 90000402)"
  std::string kind;      // "recept (apotheek)" or "informatie (eigen ECD)"
  std::string state;     // "afgeleverd", "geweigerd", ...
  std::string attempts;
  std::string answer;    // the receiver's issue text; once processed, what the pharmacy made of it
  bool problem = false;  // refused, or not delivered electronically: someone must act
};
// An outbox state as the outbox names it ("queued", "refused", "no-receiver", …) in words.
std::string OutboxStateText(const std::string& state);
// `target` "pharmacy" or "care-record"; `state` as the outbox names it ("queued", "delivered", ...).
// `processing`/`processedAt`: the pharmacy's processing answer, once it came.
OutboxRow DescribeOutbox(const std::string& target, const std::string& receiverName, const std::string& receiverUra,
                         const std::string& state, int attempts, const std::string& answer,
                         const std::vector<domain::ProcessedBlock>& processing = {},
                         std::optional<domain::Instant> processedAt = std::nullopt);
// "toedieningsafspraak: Amoxicilline 500 mg — 3 maal per dag 1 stuk" / "verstrekt: … — 21 stuk (02-12-2026 23:50)".
std::string DescribeProcessedBlock(const domain::ProcessedBlock& block);

std::string DraftActionLabel(domain::DraftAction action);
// The line's state for the physician; `names` turns the changing source's id into its
// organisation's name ("Ziekenhuis Rivierenland") where known.
std::string DraftStateText(const domain::DraftStaleness& freshness, bool proposal,
                           const std::map<std::string, std::string>& names = {});
// `overview`: where the line's product is looked up (may be null).
DraftRow DescribeDraft(std::int64_t id, const domain::MedicationDraft& draft, const domain::AuditUser& author,
                       bool proposal, domain::Instant updated, const domain::DraftStaleness& freshness,
                       const domain::Overview* overview, const std::map<std::string, std::string>& names = {});
// One check signal as a sentence: "Overgevoeligheid: AMOXICILLINE … valt onder PENICILLINES —
// moet worden beoordeeld (met reden)".
std::string DescribeSignal(const domain::ReleaseSignal& signal);
// Which checks ran, and that no licensed G-Standaard check did.
std::string ChecksRunText(const domain::ReleaseCheck& check);
// Said above every list of drafts: nothing has left this workstation.
std::string DraftsNotSentNote();

}  // namespace zb::present
