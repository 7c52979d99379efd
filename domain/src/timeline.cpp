// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline.h"

#include <algorithm>

namespace zb::domain::detail {
namespace {

std::string Iso(std::optional<Instant> t) { return t ? DateTime::FromInstant(*t).ToIso() : std::string(); }

std::optional<Instant> StartOf(const BlockHeader& h) {
  if (h.period && h.period->start) return h.period->start->Earliest();
  return std::nullopt;
}

void Note(std::vector<TraceStep>* trace, TraceCode code, const std::string& block, std::vector<std::string> args = {}) {
  if (trace) trace->push_back({code, block, std::move(args)});
}

// The agreement a reference names: the one with that identifier; failing that, within this one
// treatment, the only one with the same value under another system. Real and official data refer
// to a block with an identifier system that differs from the block's own (docs/consolidation.md);
// such a link is kept, and said as a data-quality note.
Agreement* Named(std::vector<Agreement>& bases, const BlockHeader& referrer, const BlockId& reference,
                 std::vector<Discrepancy>& notes) {
  for (auto& b : bases) {
    if (b.header->id == reference) return &b;
  }
  Agreement* byValue = nullptr;
  for (auto& b : bases) {
    if (b.header->id.value != reference.value) continue;
    if (byValue) return nullptr;  // two candidates: no guessing
    byValue = &b;
  }
  if (byValue) {
    notes.push_back({DiscrepancyKind::kLinkedByValue,
                     Severity::kInfo,
                     {referrer.source},
                     {referrer.id.value, reference.Key(), byValue->header->id.Key()}});
  }
  return byValue;
}

Agreement* FindTarget(std::vector<Agreement>& bases, const BlockHeader& stop, const std::optional<BlockId>& prior,
                      std::vector<Discrepancy>& notes, std::vector<TraceStep>* trace) {
  if (prior) {
    // A stop that names a block we did not receive (e.g. it lives at a source that did not
    // answer) stays unmatched: attaching it to another agreement by guesswork could end the wrong
    // one. The treatment's status then becomes uncertain (classification).
    return Named(bases, stop, *prior, notes);
  }
  // A stop without (or with an unknown) reference: MP9 makes a stop a copy of the block it ends,
  // so the same start identifies it. Among several, the latest recorded one before the stop.
  const auto stopStart = StartOf(stop);
  Agreement* best = nullptr;
  if (stopStart) {
    for (auto& b : bases) {
      if (b.start == stopStart && (!best || RegisteredBefore(*best->header, *b.header))) best = &b;
    }
  }
  if (best) {
    Note(trace, TraceCode::kStopMatchedByStart, stop.id.value, {best->header->id.value});
    return best;
  }
  if (bases.size() == 1) {
    Note(trace, TraceCode::kStopMatchedOnly, stop.id.value, {bases.front().header->id.value});
    return &bases.front();
  }
  return nullptr;
}

}  // namespace

bool RegisteredBefore(const BlockHeader& a, const BlockHeader& b) {
  const auto ra = a.registered ? std::optional<Instant>(a.registered->Earliest()) : std::nullopt;
  const auto rb = b.registered ? std::optional<Instant>(b.registered->Earliest()) : std::nullopt;
  if (ra != rb) return !ra || (rb && *ra < *rb);  // unknown registration sorts first (oldest)
  if (a.id.value != b.id.value) return a.id.value < b.id.value;
  return a.source < b.source;
}

Timeline BuildTimeline(const std::vector<TimelineInput>& inputs, Instant at, std::vector<TraceStep>* trace) {
  Timeline tl;
  std::vector<std::size_t> stops;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const BlockHeader& h = *inputs[i].header;
    if (h.IsStop()) {
      stops.push_back(i);
      continue;
    }
    Agreement a{&h, i, StartOf(h), std::nullopt};
    if (!a.start && h.registered) {
      a.start = h.registered->Earliest();
      Note(trace, TraceCode::kNoStart, h.id.value);
    }
    if (h.period) {
      a.end = h.period->EffectiveEnd();
      if (h.period->HasUnknownEnd()) {
        tl.problems.push_back(
            {DiscrepancyKind::kUnknownEnd, Severity::kWarning, {h.source}, {h.id.value, h.period->duration->unit}});
      }
    }
    tl.bases.push_back(a);
  }

  // Apply stops in registration order, so the most recently recorded decision wins.
  std::sort(stops.begin(), stops.end(),
            [&](std::size_t a, std::size_t b) { return RegisteredBefore(*inputs[a].header, *inputs[b].header); });
  for (std::size_t si : stops) {
    const BlockHeader& stop = *inputs[si].header;
    Agreement* target = FindTarget(tl.bases, stop, inputs[si].prior, tl.problems, trace);
    if (!target) {
      tl.unmatchedStops.push_back(&stop);
      Note(trace, TraceCode::kStopUnmatched, stop.id.value);
      continue;
    }
    const auto stopEnd = stop.period ? stop.period->EffectiveEnd() : std::nullopt;
    target->endedBy = &stop;
    target->endType = stop.stop.type;
    if (stop.stop.type == StopType::kCancelled) {
      target->phase = Phase::kCancelled;
    } else if (stopEnd) {
      target->end = stopEnd;  // the stop block overrides the end of the block it stops
    } else if (stop.registered) {
      target->end = stop.registered->Earliest();  // a stop without period ends when it was recorded
    }
    if (trace)
      Note(trace, TraceCode::kStopApplied, stop.id.value,
           {target->header->id.value, ToString(stop.stop.type), Iso(target->end)});
  }

  // A change that names its predecessor ends it at the change's start even when the source left
  // out the technical stop block: the newer agreement governs from its own start.
  for (const auto& newer : tl.bases) {
    const auto& prior = inputs[newer.input].prior;
    if (!prior || !newer.start) continue;
    Agreement* older = Named(tl.bases, *newer.header, *prior, tl.problems);
    if (!older || older == &newer || older->endedBy) continue;
    if (older->end && *older->end < *newer.start) continue;
    older->end = *newer.start - boost::posix_time::seconds(1);
    older->superseded = true;
    if (trace) Note(trace, TraceCode::kSuperseded, older->header->id.value, {newer.header->id.value, Iso(newer.start)});
  }

  for (auto& a : tl.bases) {
    const std::string& id = a.header->id.value;
    if (a.phase == Phase::kCancelled) {
      if (trace) Note(trace, TraceCode::kCancelled, id, {a.endedBy ? a.endedBy->id.value : std::string()});
      continue;
    }
    if (a.start && *a.start > at) {
      a.phase = Phase::kFuture;
      if (trace) Note(trace, TraceCode::kNotYetStarted, id, {Iso(a.start)});
    } else if (a.end && *a.end < at) {
      a.phase = Phase::kEnded;
      if (trace && !a.endedBy && !a.superseded) Note(trace, TraceCode::kEndsNaturally, id, {Iso(a.end)});
    } else {
      a.phase = Phase::kActive;
      if (trace) Note(trace, TraceCode::kActive, id, {Iso(a.start), Iso(a.end)});
      if (trace && a.endedBy && a.end) Note(trace, TraceCode::kStopScheduled, id, {Iso(a.end)});
    }
  }
  return tl;
}

}  // namespace zb::domain::detail
