// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Internal to consolidation: the status of one treatment at a moment, and the checks on a line.
#include <optional>
#include <string>
#include <vector>

#include "group.h"
#include "timeline.h"

namespace zb::domain::detail {

struct Classification {
  TreatmentStatus status = TreatmentStatus::kHistoric;
  std::vector<const MedicationAgreement*> agreements;  // governing MAs (MA-based treatments)
  std::vector<const BlockHeader*> governing;           // governing blocks of whatever kind
  const BlockHeader* endedBy = nullptr;
  std::optional<Instant> start;
  std::optional<Instant> end;
  std::optional<Instant> resumesAt;
  const SharedProduct* product = nullptr;
  BlockKind basis = BlockKind::kMedicationAgreement;
  std::vector<Discrepancy> problems;
  std::vector<const BlockHeader*> unmatchedStops;
  // DailyAmountKey of the first governing block, computed once when a comparison needs it.
  const std::string& GoverningDailyKey() const;

 private:
  mutable std::optional<std::string> m_dailyKey;
};

std::vector<TimelineInput> TimelineOf(const std::vector<const MedicationAgreement*>& v);
std::vector<TimelineInput> TimelineOf(const std::vector<const AdministrationAgreement*>& v);
std::vector<TimelineInput> TimelineOf(const std::vector<const VariableDosingRegimen*>& v);

// trace may be null (per-source views, whose reasoning is not shown).
Classification Classify(const Group& g, Instant at, boost::posix_time::time_duration window,
                        std::vector<TraceStep>* trace);

// Discrepancies of one line: TA vs MA dose, use vs agreement, sources that disagree, a treatment
// known at one source only, stops that match nothing.
void CheckLine(const Group& g, const Classification& cls, Instant at, boost::posix_time::time_duration window,
               std::size_t respondingSources, TreatmentLine& line);

// Two treatments in force (or planned) for the same medicine.
void CheckDuplicates(std::vector<TreatmentLine>& lines);

}  // namespace zb::domain::detail
