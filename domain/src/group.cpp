// SPDX-License-Identifier: GPL-3.0-or-later
#include "group.h"

#include <string_view>
#include <unordered_map>

namespace zb::domain::detail {
namespace {

struct MergeNote {
  const BlockHeader* kept;
  const BlockHeader* dropped;
};

// Which of two copies of one block to keep: the source's own block over a copy, then the most
// recently recorded, then a fixed order of sources so the result never depends on arrival order.
bool Prefer(const BlockHeader& a, const BlockHeader& b) {
  if (a.copy != b.copy) return !a.copy;
  const auto ra = a.registered ? std::optional<Instant>(a.registered->Earliest()) : std::nullopt;
  const auto rb = b.registered ? std::optional<Instant>(b.registered->Earliest()) : std::nullopt;
  if (ra != rb) return ra && (!rb || *ra > *rb);
  return a.source <= b.source;
}

bool ContentDiffers(const BlockHeader& a, const BlockHeader& b) {
  return a.stop.type != b.stop.type || a.period != b.period || DosageKey(a.dosage) != DosageKey(b.dosage);
}

// (system, value) of an identifier as a hash key that borrows the strings of the block.
struct IdKey {
  std::string_view system;
  std::string_view value;
  bool operator==(const IdKey&) const = default;
};
struct IdKeyHash {
  // The value alone: within one data set nearly every identifier shares its system, so hashing
  // the (long) system string too would cost time without spreading the keys.
  std::size_t operator()(const IdKey& k) const noexcept { return std::hash<std::string_view>{}(k.value); }
};

template <class T>
std::vector<const T*> Deduplicate(const std::vector<T>& blocks, std::vector<MergeNote>& notes) {
  std::unordered_map<IdKey, std::size_t, IdKeyHash> seen;
  seen.reserve(blocks.size());
  std::vector<const T*> kept;
  kept.reserve(blocks.size());
  for (const T& b : blocks) {
    if (b.h.id.empty()) {
      kept.push_back(&b);
      continue;
    }
    auto [it, inserted] = seen.try_emplace(IdKey{b.h.id.system, b.h.id.value}, kept.size());
    if (inserted) {
      kept.push_back(&b);
      continue;
    }
    const T*& current = kept[it->second];
    if (Prefer(b.h, current->h) && !(b.h.source == current->h.source && b == *current)) {
      notes.push_back({&b.h, &current->h});
      current = &b;
    } else {
      notes.push_back({&current->h, &b.h});
    }
  }
  return kept;
}

class Grouper {
 public:
  Group& For(const BlockHeader& h) {
    // A block without treatment id is a group of its own: keyed by the block itself, so it can
    // never join a treatment that happens to share the text of its identifier.
    if (h.treatment.empty()) {
      auto [it, inserted] = m_loose.try_emplace(&h, m_groups.size());
      if (inserted) NewGroup(h);
      Group& g = m_groups[it->second];
      g.sources.insert(h.source);
      return g;
    }
    auto [it, inserted] = m_index.try_emplace(IdKey{h.treatment.system, h.treatment.value}, m_groups.size());
    if (inserted) NewGroup(h);
    Group& g = m_groups[it->second];
    g.sources.insert(h.source);
    return g;
  }
  std::vector<Group> Take() { return std::move(m_groups); }

 private:
  void NewGroup(const BlockHeader& h) {
    m_groups.emplace_back();
    Group& g = m_groups.back();
    g.treatment = h.treatment;
    if (h.treatment.empty()) {
      g.treatment = BlockId{"urn:zorgbrug:no-treatment-id", h.id.value};
      g.trace.push_back({TraceCode::kNoTreatmentId, h.id.value, {}});
    }
  }
  std::unordered_map<IdKey, std::size_t, IdKeyHash> m_index;
  std::unordered_map<const BlockHeader*, std::size_t> m_loose;
  std::vector<Group> m_groups;
};

template <class T, class Member>
void Place(Grouper& grouper, const std::vector<const T*>& blocks, Member member) {
  for (const T* b : blocks) (grouper.For(b->h).*member).push_back(b);
}

}  // namespace

std::vector<Group> GroupByTreatment(const MedicationData& data) {
  std::vector<MergeNote> notes;
  Grouper grouper;
  Place(grouper, Deduplicate(data.agreements, notes), &Group::mas);
  Place(grouper, Deduplicate(data.regimens, notes), &Group::wds);
  Place(grouper, Deduplicate(data.dispenseRequests, notes), &Group::vvs);
  Place(grouper, Deduplicate(data.administrationAgreements, notes), &Group::tas);
  Place(grouper, Deduplicate(data.dispenses, notes), &Group::mves);
  Place(grouper, Deduplicate(data.uses, notes), &Group::mgbs);
  Place(grouper, Deduplicate(data.administrations, notes), &Group::mtds);
  for (const auto& n : notes) {
    Group& g = grouper.For(*n.kept);
    g.sources.insert(n.dropped->source);
    g.trace.push_back({TraceCode::kDuplicateMerged, n.kept->id.value, {n.kept->source, n.dropped->source}});
    if (n.kept->source != n.dropped->source && ContentDiffers(*n.kept, *n.dropped)) {
      g.discrepancies.push_back({DiscrepancyKind::kSameBlockDiffers,
                                 Severity::kWarning,
                                 {n.kept->source, n.dropped->source},
                                 {n.kept->id.value, n.kept->source, n.dropped->source}});
    }
  }
  return grouper.Take();
}

}  // namespace zb::domain::detail
