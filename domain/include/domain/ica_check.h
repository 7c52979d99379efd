// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The ICA cross-check of the overview: every current, future and suspended line against every
// current hypersensitivity, observed reaction and surveillance decision from every source (and
// against contra-indications when the knowledge base can judge them). A hit carries its basis, so
// the screen and the print can say in words why a line is marked. docs/clinical-checks.md.
#include <map>
#include <string>
#include <vector>

#include "domain/ica.h"
#include "domain/medication_knowledge.h"
#include "domain/overview.h"

namespace zb::domain {

enum class IcaFinding { kHypersensitivity, kReaction, kSurveillance, kContraIndication };

struct IcaHit {
  IcaFinding finding = IcaFinding::kHypersensitivity;
  std::string item;                  // the ICA item as recorded: "PENICILLINES"
  std::vector<std::string> sources;  // every source that reported the item
  Criticality criticality = Criticality::kUnknown;
  std::vector<std::string> reactions;  // manifestations as recorded ("anafylaxie")
  bool unconfirmed = false;            // the source has not confirmed the hypersensitivity
  IcaMatch match;
  // Non-empty: a surveillance decision of these sources says the matched substance is safe within
  // the unsafe group ("wel veilig binnen de groep"); the hit is then shown, but does not warn.
  std::vector<std::string> safeWithinBy;
  bool Warns() const { return safeWithinBy.empty(); }
};

struct LineIcaCheck {
  std::vector<IcaHit> hits;                // warnings first, high criticality first
  std::vector<KnownSubstance> substances;  // what the knowledge base recognised in the product
  bool Warns() const;
};

struct IcaCheck {
  std::string knowledgeBase;                  // MedicationKnowledge::Name()
  bool contraIndicationsChecked = false;      // false: contra-indications are shown, not checked
  std::size_t itemsChecked = 0;               // current allergies, reactions and decisions compared
  std::size_t linesChecked = 0;               // current, future and suspended lines
  std::map<std::string, LineIcaCheck> lines;  // by treatment (MBH) id, for every checked line
  const LineIcaCheck* For(const TreatmentLine& line) const;
  std::size_t Warnings() const;  // lines with at least one warning hit
};

// Which lines are checked: what the patient takes or will take (current, future, suspended).
bool IcaChecked(TreatmentStatus status);

// The same code in the ICA item and the product, at any level the product carries (HPK, PRK, GPK,
// ZI, and substance codes SNK/SSK or ATC on its ingredients): needs no knowledge base.
std::optional<IcaMatch> SameCode(const Concept& item, const Product& product);

IcaCheck CheckIca(const Overview& overview, const IcaSummary& ica, const MedicationKnowledge& knowledge);
// One product against the same ICA items: what CheckIca does per line, and what the checks
// before a release do for a drafted product.
LineIcaCheck CheckProduct(const Product& product, const IcaSummary& ica, const MedicationKnowledge& knowledge);

}  // namespace zb::domain
