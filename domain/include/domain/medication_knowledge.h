// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The knowledge-base port of the ICA cross-check: what a medicine is made of and which groups its
// substances belong to. The overview's check (domain/ica_check.h) asks only this interface, so a
// licensed G-Standaard or Health Base adapter can replace the open substance-group table
// (domain/open_substance_groups.h) without touching the rules, the screens or the print.
#include <optional>
#include <string>
#include <vector>

#include "domain/codes.h"
#include "domain/product.h"

namespace zb::domain {

// How a medicine was found to fall under an ICA item (allergy, reaction, surveillance decision).
enum class IcaBasis {
  kSameCode,       // the ICA item and the medicine carry the same code (HPK, PRK, GPK, SNK, SSK, ATC)
  kSameSubstance,  // one of the medicine's substances is the substance of the ICA item
  kInGroup,        // one of the medicine's substances belongs to the group the ICA item names
};

struct IcaMatch {
  IcaBasis basis = IcaBasis::kSameCode;
  std::string level;         // kSameCode: "HPK", "PRK", "GPK", "SNK", "SSK", "ATC"
  std::string code;          // kSameCode: the shared code
  std::string substance;     // the medicine's substance that matched, Dutch, lower case ("amoxicilline")
  std::string substanceAtc;  // its ATC code ("J01CA04"), empty when unknown
  std::string group;         // kInGroup: the group, Dutch, lower case ("penicillines")
  std::string groupAtc;      // kInGroup: the ATC class(es) of the group ("J01C")
  bool byName = false;       // the medicine's substance was recognised from its name, not from a code
  bool operator==(const IcaMatch&) const = default;
};

// One substance of a medicine as the knowledge base knows it.
struct KnownSubstance {
  std::string name;  // Dutch, lower case
  std::string atc;   // ATC code at substance level (5th level), empty when unknown
  bool byName = false;
  bool operator==(const KnownSubstance&) const = default;
};

class MedicationKnowledge {
 public:
  virtual ~MedicationKnowledge() = default;
  // For the reader: "open stofgroepentabel (ATC), versie 2026-12".
  virtual std::string Name() const = 0;
  // Whether Contraindicated() can answer at all (a licensed base can; the open table cannot).
  virtual bool ChecksContraIndications() const = 0;
  // The substances the knowledge base recognises in `product`; empty when it knows none.
  virtual std::vector<KnownSubstance> SubstancesOf(const Product& product) const = 0;
  // How `product` falls under the allergen, reaction substance or unsafe group `item`, if it does.
  virtual std::optional<IcaMatch> Covers(const Concept& item, const Product& product) const = 0;
  // How `product` is contra-indicated by the condition `condition` (G-Standaard thesaurus 40).
  virtual std::optional<IcaMatch> Contraindicated(const Concept& condition, const Product& product) const = 0;
};

}  // namespace zb::domain
