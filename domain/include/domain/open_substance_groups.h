// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The knowledge base Zorgbrug ships: an open table of substances (WHO ATC code, Dutch name) and of
// the drug groups allergies are recorded against (penicillines = ATC J01C, ...). It recognises a
// medicine's substances from ATC codes when the data carries them, else from the words of its name
// ("METOPROLOLSUCCINAAT TABLET MGA 50MG" → metoprolol), and names of allergens and groups from the
// displays of their codes. It cannot check contra-indications, interactions or doses: that needs a
// licensed G-Standaard adapter behind the same port. docs/clinical-checks.md has the details.
#include "domain/medication_knowledge.h"

namespace zb::domain {

class OpenSubstanceGroups final : public MedicationKnowledge {
 public:
  std::string Name() const override;
  bool ChecksContraIndications() const override { return false; }
  std::vector<KnownSubstance> SubstancesOf(const Product& product) const override;
  std::optional<IcaMatch> Covers(const Concept& item, const Product& product) const override;
  std::optional<IcaMatch> Contraindicated(const Concept&, const Product&) const override { return std::nullopt; }
  // What is wrong with the shipped table (malformed ATC codes, a name used twice), for its test.
  static std::vector<std::string> TableProblems();
};

// Upper case ASCII letters and digits only, with Dutch diacritics folded (ï → I, é → E): how names
// from different sources are compared ("NSAID's" and "NSAIDS" fold alike).
std::string FoldName(std::string_view text);

}  // namespace zb::domain
