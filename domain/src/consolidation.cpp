// SPDX-License-Identifier: GPL-3.0-or-later
// Medication-overview consolidation (MP9 3.0, reference notes mp9.md §c.2). Steps: de-duplicate by
// building-block identifier, group by treatment (MBH), resolve each treatment's agreements into
// effective periods, classify at the moment, attach TA/WDS/MGB/MVE/VV, then check for
// discrepancies. Readings the standard leaves open are listed in docs/consolidation.md.
#include <algorithm>
#include <cctype>
#include <set>

#include "classification.h"
#include "domain/overview.h"
#include "group.h"
#include "timeline.h"

namespace zb::domain {
namespace {

using detail::Group;

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

int StatusOrder(TreatmentStatus s) { return static_cast<int>(s); }

std::optional<Instant> UseMoment(const MedicationUse& u) {
  if (u.asserted) return u.asserted->Earliest();
  if (u.h.registered) return u.h.registered->Earliest();
  return std::nullopt;
}

std::optional<Instant> DispenseMoment(const MedicationDispense& d) {
  if (d.handedOver) return d.handedOver->Earliest();
  if (d.h.registered) return d.h.registered->Earliest();
  return std::nullopt;
}

// Shares ownership of the whole data set for a pointer into it (no copy of the block).
template <class T>
BlockPtr<T> Share(const std::shared_ptr<const MedicationData>& data, const T* block) {
  return BlockPtr<T>(data, block);
}

void AttachBlocks(const std::shared_ptr<const MedicationData>& data, const Group& group,
                  const detail::Classification& cls, Instant at, TreatmentLine& line) {
  // Administration agreements in force now (or, for a future treatment, the ones that start later).
  const auto taTimeline = detail::BuildTimeline(detail::TimelineOf(group.tas), at, nullptr);
  const auto wantPhase = cls.status == TreatmentStatus::kFuture ? detail::Phase::kFuture : detail::Phase::kActive;
  for (const auto& a : taTimeline.bases) {
    if (a.phase != detail::Phase::kActive && a.phase != wantPhase) continue;
    line.administrationAgreements.push_back(Share(data, group.tas[a.input]));
  }
  if (cls.status != TreatmentStatus::kCurrent && cls.status != TreatmentStatus::kFuture &&
      cls.status != TreatmentStatus::kUseOnly && cls.status != TreatmentStatus::kUncertain) {
    for (const auto& ta : line.administrationAgreements) {
      line.discrepancies.push_back(
          {DiscrepancyKind::kAdministrationAfterStop, Severity::kWarning, {ta->h.source}, {ta->h.id.value}});
    }
  }

  const auto wdsTimeline = detail::BuildTimeline(detail::TimelineOf(group.wds), at, nullptr);
  const VariableDosingRegimen* regimen = nullptr;
  for (const auto& a : wdsTimeline.bases) {
    if (a.phase != detail::Phase::kActive && a.phase != wantPhase) continue;
    if (!regimen || detail::RegisteredBefore(regimen->h, *a.header)) regimen = group.wds[a.input];
  }
  if (regimen) line.regimen = Share(data, regimen);

  const MedicationUse* use = nullptr;
  for (const auto* u : group.mgbs) {
    if (!use || UseMoment(*use) < UseMoment(*u) ||
        (UseMoment(*use) == UseMoment(*u) && detail::RegisteredBefore(use->h, u->h))) {
      use = u;
    }
  }
  if (use) line.latestUse = Share(data, use);

  const MedicationDispense* mve = nullptr;
  for (const auto* d : group.mves) {
    if (!mve || DispenseMoment(*mve) < DispenseMoment(*d)) mve = d;
  }
  if (mve) line.lastDispense = Share(data, mve);

  const DispenseRequest* vv = nullptr;
  for (const auto* r : group.vvs) {
    if (r->cancelled) continue;
    if (!vv || detail::RegisteredBefore(vv->h, r->h)) vv = r;
  }
  if (vv) line.latestRequest = Share(data, vv);
}

GdsContext GdsOf(const TreatmentLine& line) {
  GdsContext gds;
  for (const auto& ta : line.administrationAgreements) gds.inRoll = gds.inRoll || ta->distributedInGds;
  if (line.lastDispense && line.lastDispense->distributedInGds &&
      (line.status == TreatmentStatus::kCurrent || line.status == TreatmentStatus::kUncertain)) {
    gds.inRoll = true;
  }
  if (line.latestRequest) {
    for (const auto& c : line.latestRequest->additionalWishes) {
      if (c.Is(systems::kVvAdditionalWishes, "2")) gds.keepOutOfRoll = true;
    }
  }
  for (const auto& ma : line.agreements) {
    for (const auto& c : ma->additionalInformation) {
      if (c.system != systems::kMaAdditionalInfo) continue;
      if (c.code == "6") gds.timing = RollTiming::kImmediately;
      if (c.code == "7") gds.timing = RollTiming::kNextRollChange;
      if (c.code == "11") gds.timing = RollTiming::kAfterRegularProcessing;
    }
  }
  return gds;
}

std::vector<BlockPtr<BlockHeader>> RefsOf(const std::shared_ptr<const MedicationData>& data, const Group& g) {
  std::vector<const BlockHeader*> all;
  all.reserve(g.mas.size() + g.wds.size() + g.vvs.size() + g.tas.size() + g.mves.size() + g.mgbs.size() +
              g.mtds.size());
  auto add = [&](const auto& v) {
    for (const auto* b : v) all.push_back(&b->h);
  };
  add(g.mas), add(g.wds), add(g.vvs), add(g.tas), add(g.mves), add(g.mgbs), add(g.mtds);
  std::sort(all.begin(), all.end(),
            [](const BlockHeader* a, const BlockHeader* b) { return detail::RegisteredBefore(*a, *b); });
  std::vector<BlockPtr<BlockHeader>> refs;
  refs.reserve(all.size());
  for (const auto* h : all) refs.push_back(Share(data, h));
  return refs;
}

TreatmentLine BuildLine(const std::shared_ptr<const MedicationData>& data, const Group& group, Instant at,
                        const ConsolidationOptions& options, std::size_t respondingCount) {
  TreatmentLine line;
  line.treatment = group.treatment;
  line.trace = group.trace;
  line.discrepancies = group.discrepancies;
  const auto cls = detail::Classify(group, at, options.recentWindow, &line.trace);
  line.status = cls.status;
  line.start = cls.start;
  line.end = cls.end;
  line.resumesAt = cls.resumesAt;
  for (const auto* ma : cls.agreements) line.agreements.push_back(Share(data, ma));
  if (cls.endedBy) {
    for (const auto* ma : group.mas) {
      if (&ma->h == cls.endedBy) line.endedBy = Share(data, ma);
    }
  }
  line.product = cls.product ? *cls.product : SharedProduct{};
  line.discrepancies.insert(line.discrepancies.end(), cls.problems.begin(), cls.problems.end());
  AttachBlocks(data, group, cls, at, line);
  if (line.product->empty() && !line.administrationAgreements.empty())
    line.product = line.administrationAgreements.front()->h.product;
  line.gds = GdsOf(line);
  line.sources.assign(group.sources.begin(), group.sources.end());
  line.blocks = RefsOf(data, group);
  detail::CheckLine(group, cls, at, options.recentWindow, respondingCount, line);
  line.trace.push_back({TraceCode::kClassified, {}, {ToString(line.status), DateTime::FromInstant(at).ToIso()}});
  return line;
}

}  // namespace

Overview Consolidate(const MedicationData& data, Instant at, const ConsolidationOptions& options) {
  return Consolidate(std::make_shared<const MedicationData>(data), at, options);
}

Overview Consolidate(std::shared_ptr<const MedicationData> data, Instant at, const ConsolidationOptions& options) {
  Overview overview;
  overview.at = at;
  overview.data = data;
  auto groups = detail::GroupByTreatment(*data);

  std::set<std::string> contributing;
  for (const auto& g : groups) contributing.insert(g.sources.begin(), g.sources.end());
  overview.sources.assign(contributing.begin(), contributing.end());
  const std::size_t responding =
      options.respondingSources.empty()
          ? contributing.size()
          : std::set<std::string>(options.respondingSources.begin(), options.respondingSources.end()).size();

  overview.lines.reserve(groups.size());
  for (const auto& g : groups) overview.lines.push_back(BuildLine(data, g, at, options, responding));

  std::vector<std::pair<std::string, std::size_t>> order;  // sort key -> line, so names are lowered once
  order.reserve(overview.lines.size());
  for (std::size_t i = 0; i < overview.lines.size(); ++i) {
    const auto& l = overview.lines[i];
    order.emplace_back(std::string(1, static_cast<char>('0' + StatusOrder(l.status))) +
                           Lower(l.product->DisplayName()) + '\x01' + l.treatment.Key(),
                       i);
  }
  std::sort(order.begin(), order.end());
  std::vector<TreatmentLine> sorted;
  sorted.reserve(order.size());
  for (const auto& [key, i] : order) sorted.push_back(std::move(overview.lines[i]));
  overview.lines = std::move(sorted);
  detail::CheckDuplicates(overview.lines);
  return overview;
}

}  // namespace zb::domain
