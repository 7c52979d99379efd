// SPDX-License-Identifier: GPL-3.0-or-later
#include "classification.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>

namespace zb::domain::detail {
namespace {

namespace pt = boost::posix_time;

std::string Iso(std::optional<Instant> t) { return t ? DateTime::FromInstant(*t).ToIso() : std::string(); }

TreatmentStatus EndedStatus(Instant end, Instant at, pt::time_duration window) {
  return at - end <= window ? TreatmentStatus::kRecentlyStopped : TreatmentStatus::kHistoric;
}

// Status from agreements shaped like MAs (MA, or TA/WDS when no MA is known).
void ClassifyAgreements(const std::vector<TimelineInput>& inputs, Instant at, pt::time_duration window,
                        std::vector<TraceStep>* trace, Classification& cls) {
  Timeline tl = BuildTimeline(inputs, at, trace);
  cls.problems = tl.problems;
  cls.unmatchedStops = tl.unmatchedStops;
  std::vector<const Agreement*> active, future, ended, cancelled;
  for (const auto& a : tl.bases) {
    switch (a.phase) {
      case Phase::kActive:
        active.push_back(&a);
        break;
      case Phase::kFuture:
        future.push_back(&a);
        break;
      case Phase::kEnded:
        ended.push_back(&a);
        break;
      case Phase::kCancelled:
        cancelled.push_back(&a);
        break;
    }
  }
  auto byRegistrationDesc = [](const Agreement* a, const Agreement* b) {
    return RegisteredBefore(*b->header, *a->header);
  };
  auto byStart = [](const Agreement* a, const Agreement* b) {
    if (a->start != b->start) return a->start < b->start;
    return RegisteredBefore(*b->header, *a->header);
  };
  auto byEndDesc = [](const Agreement* a, const Agreement* b) {
    if (a->end != b->end) return a->end > b->end;
    return RegisteredBefore(*b->header, *a->header);
  };
  std::sort(active.begin(), active.end(), byRegistrationDesc);
  std::sort(future.begin(), future.end(), byStart);
  std::sort(ended.begin(), ended.end(), byEndDesc);
  std::sort(cancelled.begin(), cancelled.end(), byRegistrationDesc);

  auto govern = [&](const Agreement* a) { cls.governing.push_back(a->header); };
  if (!active.empty()) {
    cls.status = TreatmentStatus::kCurrent;
    for (const auto* a : active) govern(a);
    cls.start = active.front()->start;
    cls.end = active.front()->end;
    cls.endedBy = active.front()->endedBy;
  } else if (!future.empty()) {
    const Agreement* next = future.front();
    if (!ended.empty() && ended.front()->endType == StopType::kSuspended) {
      // Suspended, with a new agreement that restarts it later (MP9: resume = new MA).
      cls.status = TreatmentStatus::kSuspended;
      govern(ended.front());
      cls.endedBy = ended.front()->endedBy;
      cls.start = ended.front()->start;
      cls.end = ended.front()->end;
      cls.resumesAt = next->start;
      if (trace) trace->push_back({TraceCode::kSuspendedResumes, next->header->id.value, {Iso(next->start)}});
    } else {
      cls.status = TreatmentStatus::kFuture;
      govern(next);
      cls.start = next->start;
      cls.end = next->end;
    }
  } else if (!ended.empty()) {
    const Agreement* last = ended.front();
    govern(last);
    cls.endedBy = last->endedBy;
    cls.start = last->start;
    cls.end = last->end;
    cls.status =
        last->endType == StopType::kSuspended ? TreatmentStatus::kSuspended : EndedStatus(*last->end, at, window);
  } else if (!cancelled.empty()) {
    cls.status = TreatmentStatus::kCancelled;
    govern(cancelled.front());
    cls.endedBy = cancelled.front()->endedBy;
    cls.start = cancelled.front()->start;
  } else if (!tl.unmatchedStops.empty()) {
    // Only stop blocks (e.g. the hospital stopped an agreement whose source did not answer): the
    // stop itself tells what happened to the treatment.
    const BlockHeader* stop = tl.unmatchedStops.back();
    cls.unmatchedStops.pop_back();
    cls.governing.push_back(stop);
    cls.endedBy = stop;
    cls.start = stop->period ? stop->period->EffectiveStart() : std::nullopt;
    cls.end = stop->period ? stop->period->EffectiveEnd() : std::nullopt;
    if (!cls.end && stop->registered) cls.end = stop->registered->Earliest();
    if (stop->stop.type == StopType::kCancelled) {
      cls.status = TreatmentStatus::kCancelled;
    } else if (stop->stop.type == StopType::kSuspended) {
      cls.status = TreatmentStatus::kSuspended;
    } else if (cls.end && *cls.end >= at) {
      cls.status = TreatmentStatus::kCurrent;
      if (trace) trace->push_back({TraceCode::kStopScheduled, stop->id.value, {Iso(cls.end)}});
    } else {
      cls.status = cls.end ? EndedStatus(*cls.end, at, window) : TreatmentStatus::kHistoric;
    }
  }
  // A stop, suspension or cancellation inside this treatment that names no agreement we have: the
  // treatment may well have ended (an anticoagulant suspended before a procedure). It is never
  // shown as simply current or future (docs/consolidation.md).
  if ((cls.status == TreatmentStatus::kCurrent || cls.status == TreatmentStatus::kFuture) &&
      !cls.unmatchedStops.empty()) {
    cls.status = TreatmentStatus::kUncertain;
    if (trace) trace->push_back({TraceCode::kStopUnmatched, cls.unmatchedStops.front()->id.value, {"uncertain"}});
  }
}

void ClassifyUse(const Group& g, Instant at, pt::time_duration window, Classification& cls) {
  const MedicationUse* latest = nullptr;
  for (const auto* u : g.mgbs) {
    if (!latest || RegisteredBefore(latest->h, u->h)) latest = u;
  }
  cls.basis = BlockKind::kMedicationUse;
  cls.governing.push_back(&latest->h);
  cls.start = latest->h.period ? latest->h.period->EffectiveStart() : std::nullopt;
  cls.end = latest->h.period ? latest->h.period->EffectiveEnd() : std::nullopt;
  if (latest->use == UseStatus::kStopped && !cls.end && latest->asserted) cls.end = latest->asserted->Earliest();
  if (cls.end && *cls.end < at) {
    cls.status = EndedStatus(*cls.end, at, window);
  } else if (latest->use == UseStatus::kSuspended) {
    cls.status = TreatmentStatus::kSuspended;
  } else if (cls.start && *cls.start > at) {
    cls.status = TreatmentStatus::kFuture;
  } else {
    cls.status = TreatmentStatus::kUseOnly;
  }
}

void ClassifyLogistics(const Group& group, Instant at, pt::time_duration window, Classification& cls) {
  // Dispenses or requests without any agreement: in use while the last dispense lasts.
  const MedicationDispense* last = nullptr;
  for (const auto* d : group.mves) {
    const auto when = d->handedOver ? d->handedOver->Earliest() : Instant();
    if (!last || (last->handedOver ? last->handedOver->Earliest() : Instant()) < when) last = d;
  }
  if (last) {
    cls.basis = BlockKind::kMedicationDispense;
    cls.governing.push_back(&last->h);
    if (last->handedOver) {
      cls.start = last->handedOver->Earliest();
      const auto days = last->daysSupply ? last->daysSupply->Number() : std::nullopt;
      cls.end = *cls.start + pt::hours(24 * static_cast<long>(days.value_or(0)));
    }
  } else {
    const DispenseRequest* vv = nullptr;
    for (const auto* r : group.vvs) {
      if (!vv || RegisteredBefore(vv->h, r->h)) vv = r;
    }
    cls.basis = BlockKind::kDispenseRequest;
    cls.governing.push_back(&vv->h);
    if (vv->validFrom) cls.start = vv->validFrom->Earliest();
    if (vv->validUntil) cls.end = vv->validUntil->Latest();
  }
  if (cls.start && *cls.start > at) {
    cls.status = TreatmentStatus::kFuture;
  } else if (cls.end && *cls.end < at) {
    cls.status = EndedStatus(*cls.end, at, window);
  } else {
    cls.status = TreatmentStatus::kCurrent;
  }
}

void ClassifyAdministrations(const Group& g, Instant at, pt::time_duration window, Classification& cls) {
  const MedicationAdministration* last = nullptr;
  for (const auto* m : g.mtds) {
    if (!last || RegisteredBefore(last->h, m->h)) last = m;
  }
  cls.basis = BlockKind::kMedicationAdministration;
  cls.governing.push_back(&last->h);
  if (last->administered) cls.end = last->administered->Earliest();
  cls.status = cls.end && at - *cls.end > window ? TreatmentStatus::kHistoric : TreatmentStatus::kUseOnly;
}

template <class T>
std::vector<TimelineInput> Inputs(const std::vector<const T*>& v, std::optional<BlockId> T::*prior) {
  std::vector<TimelineInput> in;
  in.reserve(v.size());
  for (const T* b : v) in.push_back({&b->h, b->*prior});
  return in;
}

// Two sources' own views of one treatment tell a different story: another status, or (between
// views of the same kind of block) another medicine or another daily amount.
bool ViewsDiffer(const Classification& x, const Classification& y) {
  if (x.status != y.status) return true;
  if (x.basis != y.basis || x.governing.empty() || y.governing.empty()) return false;
  const BlockHeader& a = *x.governing.front();
  const BlockHeader& b = *y.governing.front();
  if (!a.dosage.empty() && !b.dosage.empty() && x.GoverningDailyKey() != y.GoverningDailyKey()) return true;
  return !a.product->empty() && !b.product->empty() && !a.product->SameMedicineAs(*b.product);
}

// The line's shared handle on one of its blocks (the line holds every block of its treatment).
BlockPtr<BlockHeader> SharedOf(const TreatmentLine& line, const BlockHeader* block) {
  for (const auto& b : line.blocks) {
    if (b.get() == block) return b;
  }
  return nullptr;
}

// One source's view as the fields of a kSourcesDisagree discrepancy (kSourceViewFields each).
void AppendView(const std::string& source, const Classification& c, std::vector<std::string>& args) {
  const BlockHeader* g = c.governing.empty() ? nullptr : c.governing.front();
  args.push_back(source);
  args.push_back(ToString(c.status));
  args.push_back(g ? g->product->DisplayName() : "");
  args.push_back(g && g->period && g->period->start ? g->period->start->ToIso() : "");
  args.push_back(g ? g->author.display : "");
}

}  // namespace

const std::string& Classification::GoverningDailyKey() const {
  if (!m_dailyKey) m_dailyKey = governing.empty() ? std::string() : DailyAmountKey(governing.front()->dosage);
  return *m_dailyKey;
}

std::vector<TimelineInput> TimelineOf(const std::vector<const MedicationAgreement*>& v) {
  return Inputs(v, &MedicationAgreement::priorPrescription);
}
std::vector<TimelineInput> TimelineOf(const std::vector<const AdministrationAgreement*>& v) {
  return Inputs(v, &AdministrationAgreement::previousAgreement);
}
std::vector<TimelineInput> TimelineOf(const std::vector<const VariableDosingRegimen*>& v) {
  return Inputs(v, &VariableDosingRegimen::previousRegimen);
}

Classification Classify(const Group& group, Instant at, pt::time_duration window, std::vector<TraceStep>* trace) {
  Classification cls;
  if (!group.mas.empty()) {
    ClassifyAgreements(TimelineOf(group.mas), at, window, trace, cls);
    for (const auto* h : cls.governing) {
      for (const auto* ma : group.mas) {
        if (&ma->h == h) cls.agreements.push_back(ma);
      }
    }
  } else if (!group.tas.empty()) {
    cls.basis = BlockKind::kAdministrationAgreement;
    ClassifyAgreements(TimelineOf(group.tas), at, window, trace, cls);
  } else if (!group.mgbs.empty()) {
    ClassifyUse(group, at, window, cls);
  } else if (!group.mves.empty() || !group.vvs.empty()) {
    ClassifyLogistics(group, at, window, cls);
  } else if (!group.wds.empty()) {
    cls.basis = BlockKind::kVariableDosingRegimen;
    ClassifyAgreements(TimelineOf(group.wds), at, window, trace, cls);
  } else if (!group.mtds.empty()) {
    ClassifyAdministrations(group, at, window, cls);
  }
  if (!cls.governing.empty()) cls.product = &cls.governing.front()->product;
  if (trace) trace->push_back({TraceCode::kBasedOn, {}, {Abbreviation(cls.basis)}});
  return cls;
}

namespace {

void Add(TreatmentLine& line, DiscrepancyKind kind, Severity severity, std::vector<std::string> sources,
         std::vector<std::string> args, std::vector<const BlockHeader*> blocks = {}) {
  std::vector<BlockPtr<BlockHeader>> shared;
  shared.reserve(blocks.size());
  for (const auto* b : blocks) shared.push_back(b ? SharedOf(line, b) : nullptr);
  line.discrepancies.push_back({kind, severity, std::move(sources), std::move(args), std::move(shared)});
}

// The identifier an MA stop names ("system|value"), if it is an MA stop that names one.
std::string NamedBy(const Group& group, const BlockHeader* stop) {
  for (const auto* ma : group.mas) {
    if (&ma->h == stop && ma->priorPrescription) return ma->priorPrescription->Key();
  }
  return {};
}

// Stops that match no agreement, and logistics (TA, VV, MVE) without any agreement behind them.
void CheckUnlinked(const Group& group, const Classification& classification, TreatmentLine& line) {
  for (const auto* stop : classification.unmatchedStops) {
    if (classification.status == TreatmentStatus::kUncertain) {
      Add(line, DiscrepancyKind::kStatusUncertain, Severity::kWarning, {stop->source},
          {stop->id.value, ToString(stop->stop.type), NamedBy(group, stop)});
    } else {
      Add(line, DiscrepancyKind::kStopWithoutTarget, Severity::kWarning, {stop->source}, {stop->id.value});
    }
  }
  if (group.mas.empty() && (!group.tas.empty() || !group.vvs.empty() || !group.mves.empty())) {
    std::string kinds;
    if (!group.tas.empty()) kinds += "TA ";
    if (!group.vvs.empty()) kinds += "VV ";
    if (!group.mves.empty()) kinds += "MVE ";
    kinds.pop_back();
    Add(line, DiscrepancyKind::kNoAgreementKnown, Severity::kInfo, {}, {kinds});
  }
}

std::string JoinWithPlus(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : " + ") + part;
  return out;
}

// The pharmacy's dose against the agreement it implements (or the governing one). Parallel TAs
// for one MA (e.g. one in the GDS roll, one outside) together implement it, so they are compared
// as one.
void CheckAdministrationDose(const Classification& classification, TreatmentLine& line) {
  if (classification.agreements.empty() ||
      (line.status != TreatmentStatus::kCurrent && line.status != TreatmentStatus::kFuture &&
       line.status != TreatmentStatus::kUncertain)) {
    return;
  }
  std::map<const MedicationAgreement*, std::vector<const AdministrationAgreement*>> byAgreement;
  for (const auto& taPtr : line.administrationAgreements) {
    const AdministrationAgreement& ta = *taPtr;
    const MedicationAgreement* ma = nullptr;
    for (const auto* m : classification.agreements) {
      if (ta.authorizingAgreement && m->h.id == *ta.authorizingAgreement) ma = m;
    }
    if (!ma && ta.authorizingAgreement) {
      // The pharmacy's TA implements an agreement that no longer governs: the change (or stop)
      // has not reached the pharmacy's administration list yet.
      Add(line, DiscrepancyKind::kAdministrationOutdated, Severity::kWarning, {ta.h.source},
          {ta.h.id.value, ta.authorizingAgreement->value, classification.agreements.front()->h.id.value});
      continue;
    }
    byAgreement[ma ? ma : classification.agreements.front()].push_back(&ta);
  }
  for (const auto& [ma, tas] : byAgreement) {
    std::vector<Dosage> combined;
    std::vector<std::string> ids, sources;
    std::vector<const BlockHeader*> blocks;
    for (const auto* ta : tas) {
      combined.insert(combined.end(), ta->h.dosage.begin(), ta->h.dosage.end());
      ids.push_back(ta->h.id.value);
      blocks.push_back(&ta->h);
      sources.push_back(ta->h.source);
    }
    if (combined.empty() || ma->h.dosage.empty()) continue;
    if (DailyAmountKey(combined) == DailyAmountKey(ma->h.dosage)) continue;
    sources.push_back(ma->h.source);
    blocks.push_back(&ma->h);
    Add(line, DiscrepancyKind::kAdministrationDoseDiffers, Severity::kWarning, sources, {JoinWithPlus(ids)}, blocks);
  }
}

// Medication use reported after the agreement started says something else.
void CheckReportedUse(const Classification& classification, TreatmentLine& line) {
  if (!line.latestUse || (line.status != TreatmentStatus::kCurrent && line.status != TreatmentStatus::kUncertain) ||
      classification.basis != BlockKind::kMedicationAgreement) {
    return;
  }
  const auto& use = *line.latestUse;
  const bool recent = !classification.start || !use.asserted || use.asserted->Earliest() >= *classification.start;
  if (!recent) return;
  if (use.use == UseStatus::kNotUsing || use.use == UseStatus::kStopped || use.use == UseStatus::kSuspended) {
    Add(line, DiscrepancyKind::kUseReportsNotUsed, Severity::kWarning, {use.h.source},
        {use.h.id.value, use.use == UseStatus::kStopped     ? "stopped"
                         : use.use == UseStatus::kSuspended ? "suspended"
                                                            : "not-using"});
  } else if (use.asAgreed == false) {
    Add(line, DiscrepancyKind::kUseNotAsAgreed, Severity::kWarning, {use.h.source}, {use.h.id.value});
  }
}

// Each source's own view of the treatment (agreements only): do they tell the same story?
void CheckSourcesAgree(const Group& group, Instant at, pt::time_duration window, TreatmentLine& line) {
  std::set<std::string> agreementSources;
  for (const auto* m : group.mas) agreementSources.insert(m->h.source);
  for (const auto* t : group.tas) agreementSources.insert(t->h.source);
  if (agreementSources.size() < 2) return;
  std::map<std::string, Classification> views;
  for (const auto& source : agreementSources) {
    Group own;
    for (const auto* m : group.mas) {
      if (m->h.source == source) own.mas.push_back(m);
    }
    for (const auto* t : group.tas) {
      if (t->h.source == source) own.tas.push_back(t);
    }
    views.emplace(source, Classify(own, at, window, nullptr));
  }
  bool differ = false;
  for (auto x = views.begin(); x != views.end() && !differ; ++x) {
    for (auto y = std::next(x); y != views.end() && !differ; ++y) differ = ViewsDiffer(x->second, y->second);
  }
  if (!differ) return;
  std::vector<std::string> sources, args;
  std::vector<const BlockHeader*> blocks;
  for (const auto& [source, view] : views) {
    sources.push_back(source);
    AppendView(source, view, args);
    blocks.push_back(view.governing.empty() ? nullptr : view.governing.front());
  }
  Add(line, DiscrepancyKind::kSourcesDisagree, Severity::kWarning, sources, args, blocks);
}

// A live treatment that only one of several answering sources knows.
void CheckKnownAtOneSource(const Group& group, std::size_t respondingSources, TreatmentLine& line) {
  const bool live = line.status == TreatmentStatus::kUncertain || line.status == TreatmentStatus::kCurrent ||
                    line.status == TreatmentStatus::kFuture || line.status == TreatmentStatus::kSuspended ||
                    line.status == TreatmentStatus::kUseOnly;
  if (live && respondingSources > 1 && group.sources.size() == 1) {
    Add(line, DiscrepancyKind::kKnownAtOneSourceOnly, Severity::kInfo, {*group.sources.begin()},
        {*group.sources.begin()});
  }
}

}  // namespace

void CheckLine(const Group& group, const Classification& classification, Instant at, pt::time_duration window,
               std::size_t respondingSources, TreatmentLine& line) {
  CheckUnlinked(group, classification, line);
  CheckAdministrationDose(classification, line);
  CheckReportedUse(classification, line);
  CheckSourcesAgree(group, at, window, line);
  CheckKnownAtOneSource(group, respondingSources, line);
}

void CheckDuplicates(std::vector<TreatmentLine>& lines) {
  // Bucket live lines by each product code they carry, then confirm candidates with the product
  // rule; linear in the number of lines, which matters for patients with long histories.
  std::map<std::string, std::vector<std::size_t>> buckets;  // ordered: deterministic output
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto s = lines[i].status;
    if (s != TreatmentStatus::kCurrent && s != TreatmentStatus::kUseOnly && s != TreatmentStatus::kUncertain) continue;
    for (const auto& c : lines[i].product->codes) {
      if (c.level != ProductCodeLevel::kOther) buckets[c.coding.system + "|" + c.coding.code].push_back(i);
    }
  }
  std::set<std::pair<std::size_t, std::size_t>> reported;
  for (const auto& [code, members] : buckets) {
    for (std::size_t a = 0; a < members.size(); ++a) {
      for (std::size_t b = a + 1; b < members.size(); ++b) {
        TreatmentLine& x = lines[members[a]];
        TreatmentLine& y = lines[members[b]];
        if (!reported.insert({members[a], members[b]}).second || !x.product->SameMedicineAs(*y.product)) continue;
        x.discrepancies.push_back({DiscrepancyKind::kPossibleDuplicate,
                                   Severity::kWarning,
                                   y.sources,
                                   {y.treatment.value, y.product->DisplayName()}});
        y.discrepancies.push_back({DiscrepancyKind::kPossibleDuplicate,
                                   Severity::kWarning,
                                   x.sources,
                                   {x.treatment.value, x.product->DisplayName()}});
      }
    }
  }
}

}  // namespace zb::domain::detail
