// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The outbox of releases (prescribing.md A-R5): every Bundle a release produces is written here
// before anything is sent, in the same transaction that takes the released drafts out of the
// drafts table — after a crash either the drafts are still drafts or their Bundles are queued,
// never neither and never both. The Bundle and the receiver's answer are sealed; the state, the
// receiver (an organisation) and the Bundle identifier (a random value under the organisation's
// root) are readable, so the outbox can be listed without opening patient data.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/audit.h"
#include "domain/date_time.h"
#include "domain/result.h"
#include "store/cipher.h"
#include "store/database.h"

namespace zb::store {

enum class OutboxState {
  kQueued,         // written, not tried yet
  kSending,        // a POST has started: until its answer is stored, whether it arrived is unknown
  kRetry,          // a transient failure: tried again at nextAttempt
  kDelivered,      // the receiver answered a transaction-response with 200/201
  kRefused,        // the receiver answered 4xx with an OperationOutcome: not sent again
  kNoReceiver,     // nobody to send it to: a printed prescription, delivered by hand
  kHandDelivered,  // a user confirmed delivery by hand
};
const char* ToString(OutboxState state);
std::optional<OutboxState> OutboxStateFrom(std::string_view text);

struct OutboxItem {
  std::int64_t id = 0;
  std::int64_t patientId = 0;
  std::string release;           // the release it belongs to (both Bundles of one release share it)
  std::string bundleIdentifier;  // Bundle.identifier as system|value: unique, so never sent twice
  std::string target;            // "pharmacy" or "care-record"
  std::string receiverUra;
  std::string receiverName;
  OutboxState state = OutboxState::kQueued;
  int attempts = 0;
  std::optional<domain::Instant> nextAttempt;
  domain::AuditUser author;  // who released
  domain::Instant createdAt;
  domain::Instant updatedAt;
  std::string bundle;  // the Bundle as sent (sealed)
  std::string answer;  // the receiver's issue text, or the created locations (sealed)
  std::string lines;   // what the release did per line, for the screens (sealed)
  // The pharmacy's processing answer (prescribing.md §1, TA + MVE), once it came (sealed).
  std::optional<domain::Instant> processedAt;
  std::string processing;
};

class OutboxStore {
 public:
  OutboxStore(std::shared_ptr<Database> db, const Cipher& cipher) : m_db(std::move(db)), m_cipher(cipher) {}
  // One transaction: the items are queued and the drafts `released` are deleted. A Bundle
  // identifier already queued is refused (kInconsistent) and nothing changes. Returns the ids.
  domain::Result<std::vector<std::int64_t>> Enqueue(const std::vector<OutboxItem>& items,
                                                    const std::vector<std::int64_t>& released);
  domain::Result<std::vector<OutboxItem>> List(std::int64_t patientId);
  // Everything still to send: queued, sending (its answer was lost) and retries due at `now`.
  domain::Result<std::vector<OutboxItem>> Pending(domain::Instant now);
  domain::Result<std::optional<OutboxItem>> Get(std::int64_t id);
  // Records a state, attempts, next attempt and answer of item `id` (committed before returning).
  domain::Result<bool> Mark(std::int64_t id, OutboxState state, int attempts,
                            std::optional<domain::Instant> nextAttempt, const std::string& answer, domain::Instant now);
  // Releases delivered to a pharmacy whose processing answer has not come yet and is due to be
  // asked for at `now` (a delivered item's next_attempt is when to ask again; NULL: at once).
  domain::Result<std::vector<OutboxItem>> AwaitingProcessing(domain::Instant now);
  // When to ask item `id` for its processing answer again (nothing else changes).
  domain::Result<bool> AskProcessingAgainAt(std::int64_t id, domain::Instant at);
  // Records the pharmacy's processing answer of item `id`, received at `at`.
  domain::Result<bool> MarkProcessed(std::int64_t id, const std::string& processing, domain::Instant at);

 private:
  domain::Result<OutboxItem> Load(Statement& row);
  domain::Result<OutboxItem> Existing(std::int64_t id);  // kMissing when there is no item `id`
  // The sealed fields of an item (Bundle, answer, lines, processing answer), bound to its row.
  std::vector<unsigned char> SealRecord(const OutboxItem& item) const;
  std::shared_ptr<Database> m_db;
  const Cipher& m_cipher;
};

}  // namespace zb::store
