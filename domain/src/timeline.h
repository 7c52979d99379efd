// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Internal to consolidation: turns the agreements of one treatment (MA, TA or WDS, all shaped the
// same way) into effective periods by applying stop, suspend and cancel blocks and changes.
#include <optional>
#include <vector>

#include "domain/building_blocks.h"
#include "domain/overview.h"

namespace zb::domain::detail {

struct TimelineInput {
  const BlockHeader* header;
  std::optional<BlockId> prior;  // priorPrescription (MA), previous TA or WDS
};

enum class Phase { kFuture, kActive, kEnded, kCancelled };

struct Agreement {
  const BlockHeader* header;
  std::size_t input;             // index into the inputs
  std::optional<Instant> start;  // nullopt: unknown (treated as started long ago)
  std::optional<Instant> end;    // nullopt: open-ended
  const BlockHeader* endedBy = nullptr;
  StopType endType = StopType::kNone;  // kNone: natural end, change or open
  bool superseded = false;             // ended by a change (a newer block naming it as prior)
  Phase phase = Phase::kActive;
};

struct Timeline {
  std::vector<Agreement> bases;  // non-stop blocks with their effective period
  std::vector<const BlockHeader*> unmatchedStops;
  std::vector<Discrepancy> problems;  // unknown ends
};

// trace may be null when only the result matters (attachments, per-source views).
Timeline BuildTimeline(const std::vector<TimelineInput>& inputs, Instant at, std::vector<TraceStep>* trace);

// Registration order with a deterministic tie-break.
bool RegisteredBefore(const BlockHeader& a, const BlockHeader& b);

}  // namespace zb::domain::detail
