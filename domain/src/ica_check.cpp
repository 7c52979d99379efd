// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/ica_check.h"

#include <algorithm>

namespace zb::domain {

namespace {

std::string LevelOf(std::string_view system) {
  if (system == systems::kGpk) return "GPK";
  if (system == systems::kPrk) return "PRK";
  if (system == systems::kHpk) return "HPK";
  if (system == systems::kZi) return "ZI";
  if (system == systems::kSnk) return "SNK";
  if (system == systems::kSsk) return "SSK";
  if (system == systems::kAtc) return "ATC";
  if (system == systems::kGstdThesaurus122) return "thesaurus 122";
  return {};
}

std::optional<IcaMatch> SameCoding(const Concept& item, const Coding& coding, const std::string& substance) {
  if (coding.code.empty() || LevelOf(coding.system).empty()) return std::nullopt;
  if (!item.Has(coding.system, coding.code)) return std::nullopt;
  IcaMatch m;
  m.basis = IcaBasis::kSameCode;
  m.level = LevelOf(coding.system);
  m.code = coding.code;
  m.substance = substance;
  return m;
}

// The decision that allows `product` within the group it otherwise falls under, if any.
bool SafeWithin(const SurveillanceDecision& d, const Product& product, const MedicationKnowledge& kb) {
  for (const auto& safe : d.safeWithin) {
    if (SameCode(safe, product)) return true;
    const auto m = kb.Covers(safe, product);
    if (m && m->basis != IcaBasis::kInGroup) return true;
  }
  return false;
}

std::optional<IcaMatch> Match(const Concept& item, const Product& product, const MedicationKnowledge& kb) {
  if (auto m = SameCode(item, product)) return m;
  return kb.Covers(item, product);
}

void Merge(std::vector<std::string>& into, const std::vector<std::string>& more) {
  for (const auto& s : more) {
    if (std::find(into.begin(), into.end(), s) == into.end()) into.push_back(s);
  }
  std::sort(into.begin(), into.end());
}

IcaHit AllergyHit(const IcaLine<Allergy>& line, IcaMatch match) {
  IcaHit hit;
  hit.finding = line.item.reactionRecord ? IcaFinding::kReaction : IcaFinding::kHypersensitivity;
  hit.item = line.item.substance.Label();
  hit.sources = line.sources;
  hit.criticality = line.item.criticality;
  hit.unconfirmed = line.item.verification == VerificationStatus::kUnconfirmed;
  for (const auto& r : line.item.reactions) {
    for (const auto& m : r.manifestations) {
      if (!m.Label().empty()) hit.reactions.push_back(m.Label());
    }
    if (r.manifestations.empty() && !r.description.empty()) hit.reactions.push_back(r.description);
  }
  hit.match = std::move(match);
  return hit;
}

}  // namespace

LineIcaCheck CheckProduct(const Product& product, const IcaSummary& ica, const MedicationKnowledge& kb) {
  LineIcaCheck out;
  out.substances = kb.SubstancesOf(product);
  std::vector<std::string> safeBy;
  for (const auto& d : ica.surveillanceDecisions) {
    if (!d.current) continue;
    auto m = Match(d.item.unsafe, product, kb);
    if (!m) continue;
    IcaHit hit;
    hit.finding = IcaFinding::kSurveillance;
    hit.item = d.item.unsafe.Label();
    hit.sources = d.sources;
    hit.match = std::move(*m);
    // Shown even when lifted: the reader sees the decision was weighed, not overlooked.
    if (SafeWithin(d.item, product, kb)) Merge(safeBy, d.sources);
    out.hits.push_back(std::move(hit));
  }
  for (const auto& a : ica.allergies) {
    if (!a.current || a.item.category == AllergyCategory::kFood || a.item.category == AllergyCategory::kEnvironment) {
      continue;
    }
    if (auto m = Match(a.item.substance, product, kb)) out.hits.push_back(AllergyHit(a, std::move(*m)));
  }
  if (kb.ChecksContraIndications()) {
    for (const auto& c : ica.contraIndications) {
      if (!c.current) continue;
      if (auto m = kb.Contraindicated(c.item.code, product)) {
        IcaHit hit;
        hit.finding = IcaFinding::kContraIndication;
        hit.item = c.item.code.Label();
        hit.sources = c.sources;
        hit.match = std::move(*m);
        out.hits.push_back(std::move(hit));
      }
    }
  }
  // A decision that allows this substance within its group lifts the group's warnings; a
  // hypersensitivity to the substance itself still warns.
  for (auto& hit : out.hits) {
    if (hit.match.basis == IcaBasis::kInGroup && hit.finding != IcaFinding::kContraIndication)
      hit.safeWithinBy = safeBy;
  }
  std::stable_sort(out.hits.begin(), out.hits.end(), [](const IcaHit& a, const IcaHit& b) {
    if (a.Warns() != b.Warns()) return a.Warns();
    return (a.criticality == Criticality::kHigh) > (b.criticality == Criticality::kHigh);
  });
  return out;
}

bool LineIcaCheck::Warns() const {
  return std::any_of(hits.begin(), hits.end(), [](const IcaHit& h) { return h.Warns(); });
}

const LineIcaCheck* IcaCheck::For(const TreatmentLine& line) const {
  auto it = lines.find(line.treatment.value);
  return it == lines.end() ? nullptr : &it->second;
}

std::size_t IcaCheck::Warnings() const {
  return static_cast<std::size_t>(
      std::count_if(lines.begin(), lines.end(), [](const auto& entry) { return entry.second.Warns(); }));
}

bool IcaChecked(TreatmentStatus status) {
  return status == TreatmentStatus::kUncertain || status == TreatmentStatus::kCurrent ||
         status == TreatmentStatus::kFuture || status == TreatmentStatus::kSuspended;
}

std::optional<IcaMatch> SameCode(const Concept& item, const Product& product) {
  for (const auto& code : product.codes) {
    if (auto m = SameCoding(item, code.coding, {})) return m;
  }
  for (const auto& ingredient : product.ingredients) {
    for (const auto& c : ingredient.item.codings) {
      if (auto m = SameCoding(item, c, ingredient.item.Label())) return m;
    }
  }
  return std::nullopt;
}

IcaCheck CheckIca(const Overview& overview, const IcaSummary& ica, const MedicationKnowledge& knowledge) {
  IcaCheck check;
  check.knowledgeBase = knowledge.Name();
  check.contraIndicationsChecked = knowledge.ChecksContraIndications();
  auto Current = [](const auto& lines) {
    return static_cast<std::size_t>(std::count_if(lines.begin(), lines.end(), [](const auto& l) { return l.current; }));
  };
  check.itemsChecked = Current(ica.allergies) + Current(ica.surveillanceDecisions);
  for (const auto& line : overview.lines) {
    if (!IcaChecked(line.status)) continue;
    ++check.linesChecked;
    check.lines[line.treatment.value] = CheckProduct(*line.product, ica, knowledge);
  }
  return check;
}

}  // namespace zb::domain
