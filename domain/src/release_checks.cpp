// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/release_checks.h"

#include <algorithm>
#include <set>

namespace zb::domain {
namespace {

std::string Gpk(const Product& p) {
  const ProductCode* gpk = p.At(ProductCodeLevel::kGpk);
  return gpk ? gpk->coding.code : "";
}

std::set<std::string> Atcs(const Product& p, const MedicationKnowledge& kb, std::size_t level) {
  std::set<std::string> out;
  for (const auto& s : kb.SubstancesOf(p))
    if (s.atc.size() >= level) out.insert(s.atc.substr(0, level));
  return out;
}

bool Shares(const std::set<std::string>& a, const std::set<std::string>& b) {
  return std::any_of(a.begin(), a.end(), [&](const std::string& x) { return b.count(x) > 0; });
}

bool HasTiming(const MedicationAgreement& ma) {
  return std::any_of(ma.additionalInformation.begin(), ma.additionalInformation.end(), [](const Coding& c) {
    return c.system == systems::kMaAdditionalInfo && (c.code == "6" || c.code == "7" || c.code == "11");
  });
}

// What the drafted product is compared with: lines that stay current, and the other drafts.
struct Other {
  BlockId treatment;
  const Product* product;
};

}  // namespace

const char* ToString(ReleaseSignalKind kind) {
  switch (kind) {
    case ReleaseSignalKind::kHypersensitivity:
      return "hypersensitivity";
    case ReleaseSignalKind::kDuplicate:
      return "duplicate";
    case ReleaseSignalKind::kSameSubstance:
      return "same-substance";
    case ReleaseSignalKind::kPseudoDuplicate:
      return "pseudo-duplicate";
    case ReleaseSignalKind::kContraIndication:
      return "contra-indication";
    case ReleaseSignalKind::kGdsTimingMissing:
      return "gds-timing-missing";
  }
  return "?";
}

bool ReleaseSignal::MustHandle() const {
  switch (kind) {
    case ReleaseSignalKind::kHypersensitivity:
      return !hit || hit->Warns();
    case ReleaseSignalKind::kDuplicate:
    case ReleaseSignalKind::kSameSubstance:
      return true;
    default:
      return false;
  }
}

std::string ReleaseSignal::Key() const { return std::string(ToString(kind)) + "|" + treatment.Key() + "|" + what; }

ReleaseCheck CheckRelease(const std::vector<MedicationAgreement>& released, const Overview& overview,
                          const IcaSummary& ica, const MedicationKnowledge& kb) {
  ReleaseCheck out;
  out.knowledgeBase = kb.Name();
  out.licensedChecks = false;
  out.checksRun = {ReleaseSignalKind::kHypersensitivity, ReleaseSignalKind::kDuplicate,
                   ReleaseSignalKind::kSameSubstance,    ReleaseSignalKind::kPseudoDuplicate,
                   ReleaseSignalKind::kContraIndication, ReleaseSignalKind::kGdsTimingMissing};
  std::set<std::string> drafted;  // treatments a draft starts, changes or ends
  for (const auto& ma : released) drafted.insert(ma.h.treatment.Key());
  std::vector<Other> others;
  for (const auto& line : overview.lines) {
    if (IcaChecked(line.status) && !drafted.count(line.treatment.Key()))
      others.push_back({line.treatment, &*line.product});
  }
  for (const auto& ma : released)
    if (!ma.h.IsStop()) others.push_back({ma.h.treatment, &*ma.h.product});

  const bool inRoll = overview.AnyInRoll();
  for (const auto& ma : released) {
    const std::string name = ma.h.product->DisplayName();
    // The technical stop-MA of a change carries no reason; its new MA carries the timing.
    const bool technicalStop = ma.h.IsStop() && ma.h.reason.empty();
    if (inRoll && !technicalStop && !HasTiming(ma))
      out.signals.push_back({ReleaseSignalKind::kGdsTimingMissing, ma.h.treatment, name, "", std::nullopt});
    if (ma.h.IsStop()) continue;
    for (auto& hit : CheckProduct(*ma.h.product, ica, kb).hits) {
      if (hit.finding == IcaFinding::kContraIndication) continue;
      out.signals.push_back({ReleaseSignalKind::kHypersensitivity, ma.h.treatment, name, hit.item, hit});
    }
    const std::string gpk = Gpk(*ma.h.product);
    const auto atc5 = Atcs(*ma.h.product, kb, 7);
    const auto atc4 = Atcs(*ma.h.product, kb, 5);
    for (const auto& o : others) {
      if (o.treatment == ma.h.treatment) continue;
      const std::string otherName = o.product->DisplayName();
      if (!gpk.empty() && gpk == Gpk(*o.product))
        out.signals.push_back({ReleaseSignalKind::kDuplicate, ma.h.treatment, name, otherName, std::nullopt});
      else if (Shares(atc5, Atcs(*o.product, kb, 7)))
        out.signals.push_back({ReleaseSignalKind::kSameSubstance, ma.h.treatment, name, otherName, std::nullopt});
      else if (Shares(atc4, Atcs(*o.product, kb, 5)))
        out.signals.push_back({ReleaseSignalKind::kPseudoDuplicate, ma.h.treatment, name, otherName, std::nullopt});
    }
  }
  for (const auto& c : ica.contraIndications) {
    if (c.current)
      out.signals.push_back({ReleaseSignalKind::kContraIndication, {}, "", c.item.code.Label(), std::nullopt});
  }
  return out;
}

Result<std::vector<MedicationAgreement>> ApplyDecisions(std::vector<MedicationAgreement> released,
                                                        const ReleaseCheck& check,
                                                        const std::vector<SignalDecision>& decisions) {
  std::string open;
  std::set<std::string> handledHypersensitivity;
  for (const auto& s : check.signals) {
    const auto d = std::find_if(decisions.begin(), decisions.end(), [&](const SignalDecision& x) {
      return x.key == s.Key() && x.reason.find_first_not_of(" \t\r\n") != std::string::npos;
    });
    if (s.Blocking()) {
      open += std::string(open.empty() ? "" : "; ") + s.product + ": timing code 6, 7 or 11 missing (GDS)";
    } else if (s.MustHandle() && d == decisions.end()) {
      open += std::string(open.empty() ? "" : "; ") + s.product + ": " + ToString(s.kind) + " " + s.what +
              " needs a decision with a reason";
    } else if (s.kind == ReleaseSignalKind::kHypersensitivity && s.MustHandle()) {
      handledHypersensitivity.insert(s.treatment.Key());
    }
  }
  if (!open.empty()) return MakeError(ErrorCode::kRefused, "not ready to release: " + open);
  for (auto& ma : released) {
    if (ma.h.IsStop() || !handledHypersensitivity.count(ma.h.treatment.Key())) continue;
    const Coding aware{std::string(systems::kMaAdditionalInfo), "10", "Bewust van eerder gemelde overgevoeligheid"};
    if (std::find(ma.additionalInformation.begin(), ma.additionalInformation.end(), aware) ==
        ma.additionalInformation.end())
      ma.additionalInformation.push_back(aware);
  }
  return released;
}

}  // namespace zb::domain
