// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/ica.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "move_append.h"

namespace zb::domain {

const char* ToString(ClinicalStatus s) {
  switch (s) {
    case ClinicalStatus::kActive:
      return "active";
    case ClinicalStatus::kInactive:
      return "inactive";
    case ClinicalStatus::kResolved:
      return "resolved";
    case ClinicalStatus::kUnknown:
      return "unknown";
  }
  return "unknown";
}
const char* ToString(VerificationStatus s) {
  switch (s) {
    case VerificationStatus::kConfirmed:
      return "confirmed";
    case VerificationStatus::kUnconfirmed:
      return "unconfirmed";
    case VerificationStatus::kRefuted:
      return "refuted";
    case VerificationStatus::kEnteredInError:
      return "entered-in-error";
    case VerificationStatus::kUnknown:
      return "unknown";
  }
  return "unknown";
}
const char* ToString(Criticality c) {
  switch (c) {
    case Criticality::kLow:
      return "low";
    case Criticality::kHigh:
      return "high";
    case Criticality::kUnableToAssess:
      return "unable-to-assess";
    case Criticality::kUnknown:
      return "unknown";
  }
  return "unknown";
}
const char* ToString(AllergyCategory c) {
  switch (c) {
    case AllergyCategory::kMedication:
      return "medication";
    case AllergyCategory::kFood:
      return "food";
    case AllergyCategory::kEnvironment:
      return "environment";
    case AllergyCategory::kBiologic:
      return "biologic";
    case AllergyCategory::kUnknown:
      return "unknown";
  }
  return "unknown";
}

std::size_t IcaData::Count() const {
  return allergies.size() + contraIndications.size() + surveillanceDecisions.size() + alerts.size();
}

namespace {

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string ConceptKey(const Concept& c) {
  if (!c.codings.empty()) return c.codings.front().system + "|" + c.codings.front().code;
  return "text|" + Lower(c.text);
}

bool InForce(FlagStatus status, const std::optional<DateTime>& start, const std::optional<DateTime>& end, Instant at) {
  if (status == FlagStatus::kInactive) return false;
  if (start && start->Earliest() > at) return false;
  if (end && end->Latest() < at) return false;
  return true;
}

// Collects items under a merge key, keeping every source that reported the item.
template <class T>
class Merger {
 public:
  void Add(const T& item, const std::string& key, bool current) {
    auto [it, inserted] = m_index.try_emplace(key, m_lines.size());
    if (inserted) {
      m_lines.push_back({item, {item.source}, current});
      return;
    }
    auto& line = m_lines[it->second];
    if (std::find(line.sources.begin(), line.sources.end(), item.source) == line.sources.end()) {
      line.sources.push_back(item.source);
      std::sort(line.sources.begin(), line.sources.end());
    }
    line.current = line.current || current;
  }
  std::vector<IcaLine<T>>& lines() { return m_lines; }

 private:
  std::map<std::string, std::size_t> m_index;
  std::vector<IcaLine<T>> m_lines;
};

template <class T>
std::string FlagKey(const T& item, const Concept& code) {
  return item.id.empty() ? "c" + ConceptKey(code) : "i" + item.id.Key();
}

int CriticalityRank(Criticality c) {
  switch (c) {
    case Criticality::kHigh:
      return 0;
    case Criticality::kUnableToAssess:
      return 1;
    case Criticality::kUnknown:
      return 2;
    case Criticality::kLow:
      return 3;
  }
  return 2;
}

}  // namespace

void IcaData::Append(IcaData&& o) {
  detail::MoveAppend(allergies, o.allergies);
  detail::MoveAppend(contraIndications, o.contraIndications);
  detail::MoveAppend(surveillanceDecisions, o.surveillanceDecisions);
  detail::MoveAppend(alerts, o.alerts);
}

bool IcaSummary::HasCurrent() const {
  auto cur = [](const auto& v) { return std::any_of(v.begin(), v.end(), [](const auto& l) { return l.current; }); };
  return cur(allergies) || cur(contraIndications) || cur(surveillanceDecisions) || cur(alerts);
}

IcaSummary SummarizeIca(const IcaData& data, Instant at) {
  IcaSummary out;

  Merger<Allergy> allergies;
  for (const auto& a : data.allergies) {
    if (a.verification == VerificationStatus::kEnteredInError || a.verification == VerificationStatus::kRefuted)
      continue;
    // Unknown clinical status counts as current: an allergy is only ignored when a source says so.
    const bool current = a.clinical == ClinicalStatus::kActive || a.clinical == ClinicalStatus::kUnknown;
    // One allergy reported by GP and pharmacy is one line with two sources; a CiO reaction record
    // stays its own line because it describes one event, not the propensity.
    const std::string key =
        (a.reactionRecord ? "r" : "a") + (a.substance.empty() ? a.id.Key() : ConceptKey(a.substance));
    allergies.Add(a, key, current);
  }
  out.allergies = std::move(allergies.lines());
  std::sort(out.allergies.begin(), out.allergies.end(), [](const auto& x, const auto& y) {
    if (x.current != y.current) return x.current;
    if (x.item.reactionRecord != y.item.reactionRecord) return !x.item.reactionRecord;
    const int cx = CriticalityRank(x.item.criticality), cy = CriticalityRank(y.item.criticality);
    if (cx != cy) return cx < cy;
    const auto lx = Lower(x.item.substance.Label()), ly = Lower(y.item.substance.Label());
    if (lx != ly) return lx < ly;
    return x.item.id.Key() < y.item.id.Key();
  });

  Merger<ContraIndication> cis;
  for (const auto& c : data.contraIndications) {
    if (c.status == FlagStatus::kEnteredInError) continue;
    cis.Add(c, FlagKey(c, c.code), InForce(c.status, c.start, c.end, at));
  }
  out.contraIndications = std::move(cis.lines());

  Merger<SurveillanceDecision> sds;
  for (const auto& s : data.surveillanceDecisions) {
    if (s.status == FlagStatus::kEnteredInError) continue;
    sds.Add(s, FlagKey(s, s.unsafe), InForce(s.status, s.start, s.end, at));
  }
  out.surveillanceDecisions = std::move(sds.lines());

  Merger<Alert> alerts;
  for (const auto& a : data.alerts) {
    if (a.status == FlagStatus::kEnteredInError) continue;
    alerts.Add(a, FlagKey(a, a.code), InForce(a.status, a.start, a.end, at));
  }
  out.alerts = std::move(alerts.lines());

  auto flagOrder = [](const auto& x, const auto& y) {
    if (x.current != y.current) return x.current;
    return x.item.id.Key() < y.item.id.Key();
  };
  std::sort(out.contraIndications.begin(), out.contraIndications.end(), flagOrder);
  std::sort(out.surveillanceDecisions.begin(), out.surveillanceDecisions.end(), flagOrder);
  std::sort(out.alerts.begin(), out.alerts.end(), flagOrder);
  return out;
}

}  // namespace zb::domain
