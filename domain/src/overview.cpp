// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/overview.h"

#include <algorithm>

namespace zb::domain {

const char* ToString(TreatmentStatus s) {
  switch (s) {
    case TreatmentStatus::kUncertain:
      return "uncertain";
    case TreatmentStatus::kCurrent:
      return "current";
    case TreatmentStatus::kFuture:
      return "future";
    case TreatmentStatus::kSuspended:
      return "suspended";
    case TreatmentStatus::kRecentlyStopped:
      return "recently-stopped";
    case TreatmentStatus::kCancelled:
      return "cancelled";
    case TreatmentStatus::kHistoric:
      return "historic";
    case TreatmentStatus::kUseOnly:
      return "use-only";
  }
  return "historic";
}

const char* ToString(DiscrepancyKind kind) {
  switch (kind) {
    case DiscrepancyKind::kAdministrationDoseDiffers:
      return "administration-dose-differs";
    case DiscrepancyKind::kAdministrationOutdated:
      return "administration-outdated";
    case DiscrepancyKind::kUseReportsNotUsed:
      return "use-reports-not-used";
    case DiscrepancyKind::kUseNotAsAgreed:
      return "use-not-as-agreed";
    case DiscrepancyKind::kSourcesDisagree:
      return "sources-disagree";
    case DiscrepancyKind::kKnownAtOneSourceOnly:
      return "known-at-one-source-only";
    case DiscrepancyKind::kSameBlockDiffers:
      return "same-block-differs";
    case DiscrepancyKind::kPossibleDuplicate:
      return "possible-duplicate";
    case DiscrepancyKind::kStatusUncertain:
      return "status-uncertain";
    case DiscrepancyKind::kLinkedByValue:
      return "linked-by-value";
    case DiscrepancyKind::kStopWithoutTarget:
      return "stop-without-target";
    case DiscrepancyKind::kAdministrationAfterStop:
      return "administration-after-stop";
    case DiscrepancyKind::kNoAgreementKnown:
      return "no-agreement-known";
    case DiscrepancyKind::kUnknownEnd:
      return "unknown-end";
  }
  return "unknown";
}

const char* ToString(TraceCode code) {
  switch (code) {
    case TraceCode::kDuplicateMerged:
      return "duplicate-merged";
    case TraceCode::kStopApplied:
      return "stop-applied";
    case TraceCode::kStopMatchedByStart:
      return "stop-matched-by-start";
    case TraceCode::kStopMatchedOnly:
      return "stop-matched-only-agreement";
    case TraceCode::kStopUnmatched:
      return "stop-unmatched";
    case TraceCode::kSuperseded:
      return "superseded";
    case TraceCode::kEndsNaturally:
      return "ends-naturally";
    case TraceCode::kNotYetStarted:
      return "not-yet-started";
    case TraceCode::kActive:
      return "active";
    case TraceCode::kCancelled:
      return "cancelled";
    case TraceCode::kStopScheduled:
      return "stop-scheduled";
    case TraceCode::kSuspendedResumes:
      return "suspended-resumes";
    case TraceCode::kBasedOn:
      return "based-on";
    case TraceCode::kNoTreatmentId:
      return "no-treatment-id";
    case TraceCode::kClassified:
      return "classified";
    case TraceCode::kNoStart:
      return "no-start";
  }
  return "unknown";
}

const char* ToString(RollTiming t) {
  switch (t) {
    case RollTiming::kNone:
      return "none";
    case RollTiming::kImmediately:
      return "immediately";
    case RollTiming::kNextRollChange:
      return "next-roll-change";
    case RollTiming::kAfterRegularProcessing:
      return "after-regular-processing";
  }
  return "none";
}

const BlockHeader* TreatmentLine::DoseBlock() const {
  if (!agreements.empty()) return &agreements.front()->h;
  if (!administrationAgreements.empty()) return &administrationAgreements.front()->h;
  if (regimen) return &regimen->h;
  if (latestUse) return &latestUse->h;
  if (lastDispense) return &lastDispense->h;
  return nullptr;
}

bool TreatmentLine::HasWarning() const {
  return std::any_of(discrepancies.begin(), discrepancies.end(),
                     [](const Discrepancy& d) { return d.severity == Severity::kWarning; });
}

std::size_t Overview::Count(TreatmentStatus s) const {
  return static_cast<std::size_t>(
      std::count_if(lines.begin(), lines.end(), [s](const TreatmentLine& l) { return l.status == s; }));
}

bool Overview::AnyInRoll() const {
  return std::any_of(lines.begin(), lines.end(), [](const TreatmentLine& l) {
    return l.gds.inRoll && (l.status == TreatmentStatus::kUncertain || l.status == TreatmentStatus::kCurrent ||
                            l.status == TreatmentStatus::kFuture);
  });
}

}  // namespace zb::domain
