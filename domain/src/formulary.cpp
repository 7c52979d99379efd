// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/formulary.h"

#include <algorithm>
#include <cctype>

namespace zb::domain {

namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  for (char c : Lower(text)) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!word.empty()) out.push_back(std::exchange(word, {}));
    } else {
      word += c;
    }
  }
  if (!word.empty()) out.push_back(word);
  return out;
}

void ByName(std::vector<const FormularyItem*>& items) {
  std::sort(items.begin(), items.end(), [](const auto* a, const auto* b) { return Lower(a->name) < Lower(b->name); });
}

const std::string* CodeAt(const FormularyItem& item, ProductCodeLevel level) {
  switch (level) {
    case ProductCodeLevel::kHpk:
      return &item.hpk;
    case ProductCodeLevel::kPrk:
      return &item.prk;
    case ProductCodeLevel::kGpk:
      return &item.gpk;
    default:
      return nullptr;
  }
}

}  // namespace

Formulary::Formulary(std::vector<FormularyItem> items, std::string name, std::optional<Date> updated)
    : m_items(std::move(items)), m_name(std::move(name)), m_updated(updated) {}

std::vector<const FormularyItem*> Formulary::Search(std::string_view query) const {
  const auto words = Words(query);
  std::vector<const FormularyItem*> out;
  if (words.empty()) return out;
  for (const auto& item : m_items) {
    const std::string haystack = Lower(item.name + " " + item.substance);
    if (std::all_of(words.begin(), words.end(),
                    [&](const std::string& w) { return haystack.find(w) != std::string::npos; }))
      out.push_back(&item);
  }
  ByName(out);
  return out;
}

const FormularyItem* Formulary::Find(const Product& product) const {
  // Most specific level first: an HPK names one article, a GPK every product of the substance and form.
  for (auto level : {ProductCodeLevel::kHpk, ProductCodeLevel::kPrk, ProductCodeLevel::kGpk}) {
    const ProductCode* code = product.At(level);
    if (!code || code->coding.code.empty()) continue;
    for (const auto& item : m_items) {
      const std::string* own = CodeAt(item, level);
      if (own && *own == code->coding.code) return &item;
    }
  }
  return nullptr;
}

std::vector<const FormularyItem*> Formulary::SameClass(std::string_view atc) const {
  std::vector<const FormularyItem*> out;
  if (atc.size() < 5) return out;
  const std::string_view group = atc.substr(0, 5);
  for (const auto& item : m_items) {
    if (item.atc.size() >= 5 && std::string_view(item.atc).substr(0, 5) == group) out.push_back(&item);
  }
  ByName(out);
  return out;
}

FormularyStatus Formulary::Check(const Product& product, const MedicationKnowledge* knowledge) const {
  FormularyStatus status;
  status.item = Find(product);
  if (status.item) {
    status.atc = status.item->atc;
    return status;
  }
  if (knowledge) {
    for (const auto& substance : knowledge->SubstancesOf(product)) {
      if (!substance.atc.empty()) {
        status.atc = substance.atc;
        break;
      }
    }
  }
  status.alternatives = SameClass(status.atc);
  return status;
}

Product ToProduct(const FormularyItem& item) {
  Product p;
  if (!item.prk.empty())
    p.codes.push_back({ProductCodeLevel::kPrk, {std::string(systems::kPrk), item.prk, item.name}, true});
  if (!item.gpk.empty())
    p.codes.push_back({ProductCodeLevel::kGpk, {std::string(systems::kGpk), item.gpk, item.name}, item.prk.empty()});
  if (!item.hpk.empty())
    p.codes.push_back({ProductCodeLevel::kHpk,
                       {std::string(systems::kHpk), item.hpk, item.name},
                       item.prk.empty() && item.gpk.empty()});
  p.text = item.name;
  if (!item.form.empty()) p.form.text = item.form;
  return p;
}

Result<bool> CheckAgainstFormulary(const MedicationDraft& draft, const Formulary& formulary) {
  const bool newProduct =
      (draft.action == DraftAction::kStart || draft.action == DraftAction::kChange) && !draft.product->empty();
  if (!newProduct || formulary.empty() || formulary.Find(*draft.product)) return true;
  const auto blank = draft.offFormularyReason.find_first_not_of(" \t\r\n") == std::string::npos;
  if (blank)
    return MakeError(ErrorCode::kMissing, draft.product->DisplayName() +
                                              " is not on the formulary; choose a product from it or give the reason "
                                              "for this one");
  return true;
}

}  // namespace zb::domain
