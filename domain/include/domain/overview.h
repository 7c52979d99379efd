// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The consolidated medication overview: one line per treatment (MBH), with its status at a moment,
// the blocks behind it, GDS context, discrepancies and a trace of why it has its status. Every
// message is a code plus arguments, so the GUI and CLI can translate it.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/building_blocks.h"

namespace zb::domain {

enum class TreatmentStatus {
  // An agreement looks in force, but a stop, suspension or cancellation inside the same treatment
  // could not be linked to any agreement: it may well have ended. Sorted first; "controleer".
  kUncertain,
  kCurrent,          // an agreement is in force at the moment
  kFuture,           // starts later (including a change that starts later)
  kSuspended,        // onderbroken; may resume with a new agreement
  kRecentlyStopped,  // ended (stopped or course finished) within the recent window
  kCancelled,        // cancelled before it started
  kHistoric,         // ended before the recent window
  kUseOnly,          // known only from medication use (self-care, OTC, unknown prescriber)
};
const char* ToString(TreatmentStatus s);

enum class Severity { kInfo, kWarning };

enum class DiscrepancyKind {
  kAdministrationDoseDiffers,  // args: TA id(s); blocks: the TA(s), then the MA
  kAdministrationOutdated,     // args: TA id, the earlier MA it implements, the governing MA
  kUseReportsNotUsed,          // args: MGB id, use status
  kUseNotAsAgreed,             // args: MGB id
  kSourcesDisagree,            // args: per source kSourceViewFields: source, status, product, start, author;
                               // blocks: per source its governing block (null when none), for the dose
  kKnownAtOneSourceOnly,       // args: the source
  kSameBlockDiffers,           // args: block id, source a, source b
  kPossibleDuplicate,          // args: other MBH id, other product name
  kStopWithoutTarget,          // args: stop block id
  kStatusUncertain,            // args: stop block id, stop type, the block it names ("system|value" or "")
  kLinkedByValue,              // args: referring block id, the identifier it names, the linked block's identifier
  kAdministrationAfterStop,    // args: TA id (pharmacy still has an active TA)
  kNoAgreementKnown,           // args: kinds present (TA/VV/MVE without MA)
  kUnknownEnd,                 // args: block id, duration unit
};
const char* ToString(DiscrepancyKind k);
// Fields per source in a kSourcesDisagree discrepancy's args.
inline constexpr std::size_t kSourceViewFields = 5;

// A building block shared between the data it was received in and every overview built from it:
// blocks are immutable once received, so lines point at them instead of copying them.
template <class T>
using BlockPtr = std::shared_ptr<const T>;

struct Discrepancy {
  DiscrepancyKind kind;
  Severity severity = Severity::kWarning;
  std::vector<std::string> sources;
  std::vector<std::string> args;
  // The blocks whose dosage the discrepancy compares: the texts are built in the reader's language
  // from these (the domain writes no sentences).
  std::vector<BlockPtr<BlockHeader>> blocks{};
  bool operator==(const Discrepancy&) const = default;
};

enum class TraceCode {
  kDuplicateMerged,     // block, args: kept source, dropped source
  kStopApplied,         // block = stop, args: target, stop type, end
  kStopMatchedByStart,  // block = stop, args: target (no reference; same start)
  kStopMatchedOnly,     // block = stop, args: target (no reference; the only agreement)
  kStopUnmatched,       // block = stop
  kSuperseded,          // block = old, args: new block, new start
  kEndsNaturally,       // block, args: end
  kNotYetStarted,       // block, args: start
  kActive,              // block, args: start, end or ""
  kCancelled,           // block, args: cancelled by
  kStopScheduled,       // block, args: end
  kSuspendedResumes,    // block = future agreement, args: start
  kBasedOn,             // args: which kinds the status rests on (MA, TA, MGB, MVE, VV, MTD)
  kNoTreatmentId,       // block (grouped on its own)
  kClassified,          // args: status, moment
  kNoStart,             // block: period has no start; registration time used
};
const char* ToString(TraceCode c);

struct TraceStep {
  TraceCode code;
  std::string block;  // building-block id value, or empty
  std::vector<std::string> args;
};

// GDS / Baxter roll context of one treatment.
enum class RollTiming { kNone, kImmediately, kNextRollChange, kAfterRegularProcessing };
const char* ToString(RollTiming t);

struct GdsContext {
  bool inRoll = false;                    // an active TA or the last dispense has distribution form GDS
  bool keepOutOfRoll = false;             // dispense request wish 2 "Niet in GDS"
  RollTiming timing = RollTiming::kNone;  // MA additional information 6 / 7 / 11
};

struct TreatmentLine {
  BlockId treatment;
  TreatmentStatus status = TreatmentStatus::kHistoric;
  SharedProduct product;
  std::vector<BlockPtr<MedicationAgreement>> agreements;  // the governing agreements (several when parallel)
  BlockPtr<MedicationAgreement> endedBy;                  // stop / suspend / cancel block that ended it
  std::vector<BlockPtr<AdministrationAgreement>> administrationAgreements;  // current TA(s)
  BlockPtr<VariableDosingRegimen> regimen;
  BlockPtr<MedicationUse> latestUse;
  BlockPtr<MedicationDispense> lastDispense;
  BlockPtr<DispenseRequest> latestRequest;
  std::optional<Instant> start;
  std::optional<Instant> end;        // planned or actual end
  std::optional<Instant> resumesAt;  // suspended with a known restart
  GdsContext gds;
  std::vector<std::string> sources;           // every source with a block of this treatment, sorted
  std::vector<BlockPtr<BlockHeader>> blocks;  // every block behind the line, registration order
  std::vector<Discrepancy> discrepancies;
  std::vector<TraceStep> trace;

  // The block whose dosage the line shows: the governing agreement, else the pharmacy's
  // administration agreement, the variable dosing regimen, the latest use, the last dispense.
  const BlockHeader* DoseBlock() const;
  bool HasWarning() const;
};

struct ConsolidationOptions {
  // Ended treatments within this window show as "recently stopped", older ones as historic.
  boost::posix_time::time_duration recentWindow = boost::posix_time::hours(24 * 30);
  // Sources that answered for medication (with or without data). Used to tell a treatment known at
  // only one of them. Empty: the sources seen in the blocks.
  std::vector<std::string> respondingSources;
};

struct Overview {
  Instant at;
  std::vector<TreatmentLine> lines;            // grouped by status, then product name, then MBH
  std::vector<std::string> sources;            // sources that contributed at least one block
  std::shared_ptr<const MedicationData> data;  // what the lines point into
  std::size_t Count(TreatmentStatus s) const;
  bool AnyInRoll() const;
};

// The overview shares ownership of `data`: its lines point into it.
Overview Consolidate(std::shared_ptr<const MedicationData> data, Instant at, const ConsolidationOptions& options = {});
// Convenience for callers that keep their data: consolidates a shared copy.
Overview Consolidate(const MedicationData& data, Instant at, const ConsolidationOptions& options = {});

}  // namespace zb::domain
