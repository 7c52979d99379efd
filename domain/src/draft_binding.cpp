// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/draft_binding.h"

#include <algorithm>

namespace zb::domain {

namespace {

const TreatmentLine* LineOf(const Overview& overview, const BlockId& treatment) {
  for (const auto& line : overview.lines) {
    if (line.treatment == treatment) return &line;
  }
  return nullptr;
}

std::string Names(const std::vector<BlockPtr<MedicationAgreement>>& agreements) {
  std::string out;
  for (const auto& a : agreements) out += (out.empty() ? "" : ", ") + a->h.id.value;
  return out;
}

}  // namespace

const char* ToString(DraftFreshness f) {
  switch (f) {
    case DraftFreshness::kCurrent:
      return "current";
    case DraftFreshness::kReplaced:
      return "replaced";
    case DraftFreshness::kEnded:
      return "ended";
    case DraftFreshness::kReregistered:
      return "re-registered";
    case DraftFreshness::kLineMissing:
      return "line-missing";
    case DraftFreshness::kNotAssessable:
      return "not-assessable";
  }
  return "unknown";
}

Result<const MedicationAgreement*> BindDraft(MedicationDraft& draft, const Overview& overview, const DateTime& moment) {
  const MedicationAgreement* original = nullptr;
  if (draft.action == DraftAction::kStart) {
    if (!draft.treatment.empty())
      return MakeError(ErrorCode::kInconsistent, "a new start cannot belong to an existing treatment");
    draft.against = {};
    draft.againstRegistered.reset();
  } else {
    const TreatmentLine* line = LineOf(overview, draft.treatment);
    if (!line)
      return MakeError(ErrorCode::kMissing,
                       "treatment " + draft.treatment.value + " is not in the overview; look the patient up again");
    if (line->endedBy)
      return MakeError(ErrorCode::kInconsistent, "treatment " + draft.treatment.value + " was already ended by " +
                                                     line->endedBy->h.id.value + "; there is nothing to change");
    if (line->agreements.empty())
      return MakeError(ErrorCode::kInconsistent,
                       "treatment " + draft.treatment.value +
                           " has no medication agreement to change (it is known from use or dispense data only); "
                           "record it as a new start instead");
    if (!draft.against.empty()) {
      const auto named = std::find_if(line->agreements.begin(), line->agreements.end(),
                                      [&](const auto& a) { return a->h.id == draft.against; });
      if (named == line->agreements.end())
        return MakeError(ErrorCode::kInconsistent, "agreement " + draft.against.value + " does not govern treatment " +
                                                       draft.treatment.value + " (now: " + Names(line->agreements) +
                                                       ")");
      original = named->get();
    } else if (line->agreements.size() > 1) {
      return MakeError(ErrorCode::kInconsistent, "treatment " + draft.treatment.value + " has parallel agreements (" +
                                                     Names(line->agreements) + "); choose the one the draft changes");
    } else {
      original = line->agreements.front().get();
    }
    draft.against = original->h.id;
    draft.againstRegistered = original->h.registered;
  }
  if (draft.action != DraftAction::kContinue) {
    std::uint64_t n = 0;
    IdentifierMint throwaway{"urn:draft:ma", "urn:draft:vv", "urn:draft:mbh", [&n] { return std::to_string(++n); }};
    auto compiled = CompileDraft(draft, original, Prescriber{}, moment, throwaway);
    if (!compiled) return compiled.error();
  }
  return original;
}

DraftStaleness CheckFreshness(const MedicationDraft& draft, const Overview* current) {
  DraftStaleness out;
  out.wasAgreement = draft.against;
  out.wasRegistered = draft.againstRegistered;
  if (draft.action == DraftAction::kStart) return out;
  if (!current) {
    out.freshness = DraftFreshness::kNotAssessable;
    return out;
  }
  const TreatmentLine* line = LineOf(*current, draft.treatment);
  if (!line) {
    out.freshness = DraftFreshness::kLineMissing;
    return out;
  }
  // Ended after the draft was made (binding refuses a line that was ended already).
  if (line->endedBy) {
    const auto& stop = line->endedBy->h;
    out.freshness = DraftFreshness::kEnded;
    out.nowAgreement = stop.id;
    out.nowRegistered = stop.registered;
    out.nowSource = stop.source;
    out.nowRendered = stop.renderedDosage;
    return out;
  }
  const auto governing = std::find_if(line->agreements.begin(), line->agreements.end(),
                                      [&](const auto& a) { return a->h.id == draft.against; });
  // A block registered in this treatment after the draft's agreement: the source has changed the
  // line since (a parallel agreement added, a new version), even when the old one still governs.
  const MedicationAgreement* newer = nullptr;
  if (draft.againstRegistered) {
    for (const auto& a : line->agreements) {
      if (a->h.id == draft.against || !a->h.registered) continue;
      if (a->h.registered->Earliest() > draft.againstRegistered->Earliest() &&
          (!newer || a->h.registered->Earliest() > newer->h.registered->Earliest()))
        newer = a.get();
    }
  }
  if (governing != line->agreements.end() && !newer) {
    const auto& now = (*governing)->h;
    out.nowAgreement = now.id;
    out.nowRegistered = now.registered;
    out.nowSource = now.source;
    out.nowRendered = now.renderedDosage;
    if (now.registered != draft.againstRegistered) out.freshness = DraftFreshness::kReregistered;
    return out;
  }
  // The draft's agreement no longer governs, or a newer one joined it: a newer agreement replaced it.
  const auto* now = newer ? &newer->h : line->agreements.empty() ? nullptr : &line->agreements.front()->h;
  out.freshness = DraftFreshness::kReplaced;
  if (now) {
    out.nowAgreement = now->id;
    out.nowRegistered = now->registered;
    out.nowSource = now->source;
    out.nowRendered = now->renderedDosage;
  }
  return out;
}

}  // namespace zb::domain
