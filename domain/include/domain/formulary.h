// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The nursing home's formulary: the products its pharmacy keeps for the home, from which a draft
// chooses (prescribing.md). A line of the overview whose product is not on it is "niet op
// formularium", and the formulary's products of the same ATC class (4th level, the chemical
// subgroup: omeprazol A02BC01 → pantoprazol A02BC02) are offered instead — the seed's "niet
// voorradig". A product outside the formulary may still be prescribed, with a reason.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date_time.h"
#include "domain/medication_knowledge.h"
#include "domain/prescription_draft.h"
#include "domain/product.h"
#include "domain/result.h"

namespace zb::domain {

struct FormularyItem {
  std::string name;      // as the pharmacy writes it: "Omeprazol capsule maagsapresistent 20mg"
  std::string strength;  // "20 mg"
  std::string form;      // "capsule maagsapresistent"
  std::string prk;       // G-Standaard codes; at least one of PRK, GPK, HPK
  std::string gpk;
  std::string hpk;
  std::string atc;        // WHO ATC: 5th level ("A02BC01"), or 4th for a combination ("A12AX")
  std::string substance;  // Dutch, lower case ("omeprazol")
  bool inGds = false;     // the pharmacy can put it in the roll
  bool operator==(const FormularyItem&) const = default;
};

// How a product stands against the formulary.
struct FormularyStatus {
  const FormularyItem* item = nullptr;               // on the formulary: the matching item
  std::string atc;                                   // the product's ATC as far as known
  std::vector<const FormularyItem*> alternatives{};  // not on it: the same ATC class on the formulary
  bool OnFormulary() const { return item != nullptr; }
};

class Formulary {
 public:
  Formulary() = default;
  Formulary(std::vector<FormularyItem> items, std::string name, std::optional<Date> updated);

  const std::vector<FormularyItem>& items() const { return m_items; }
  const std::string& name() const { return m_name; }
  const std::optional<Date>& updated() const { return m_updated; }
  bool empty() const { return m_items.empty(); }

  // Items whose name or substance contains every word of `query` (case-insensitive), by name.
  std::vector<const FormularyItem*> Search(std::string_view query) const;
  // The item with one of the product's codes at the same level (HPK, PRK or GPK).
  const FormularyItem* Find(const Product& product) const;
  // Items of the ATC class (4th level) of `atc`, by name; none for a code shorter than 5.
  std::vector<const FormularyItem*> SameClass(std::string_view atc) const;
  // The product against the formulary; its ATC from the formulary, else from `knowledge`.
  FormularyStatus Check(const Product& product, const MedicationKnowledge* knowledge) const;

 private:
  std::vector<FormularyItem> m_items;
  std::string m_name;
  std::optional<Date> m_updated;
};

// The product a draft writes for an item: its G-Standaard codes (PRK chosen where present, as
// prescribing at PRK level is the Dutch norm), the name as text, and the form as text.
Product ToProduct(const FormularyItem& item);

// A draft that starts or changes to a product outside the formulary needs a reason (kMissing
// naming the product); drafts without a new product, and an empty formulary, pass.
Result<bool> CheckAgainstFormulary(const MedicationDraft& draft, const Formulary& formulary);

}  // namespace zb::domain
