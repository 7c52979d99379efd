// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The pharmaceutical product (mp-PharmaceuticalProduct): one primary code plus translations to
// other G-Standaard levels, or for a compounded product a description and its ingredients.
#include <optional>
#include <string>
#include <vector>

#include "domain/codes.h"
#include "domain/quantity.h"

namespace zb::domain {

struct Ingredient {
  Concept item;
  std::optional<Ratio> strength;
  bool operator==(const Ingredient&) const = default;
};

struct Product {
  std::vector<ProductCode> codes;
  std::string text;          // code.text
  Concept form;              // G-Standaard pharmaceutical form
  std::vector<Ingredient> ingredients;
  std::string description;   // ext-PharmaceuticalProduct.Description (compounding recipe)

  const ProductCode* At(ProductCodeLevel level) const;
  // The code the author chose, else the most specific code present.
  const ProductCode* Primary() const;
  std::string DisplayName() const;
  // Same medicine when both carry a code at the same generic level (GPK, else PRK, else HPK, else
  // ZI). Different HPKs of one PRK count as the same medicine only through a shared PRK/GPK code.
  bool SameMedicineAs(const Product& other) const;
  bool empty() const { return codes.empty() && text.empty() && description.empty(); }
  bool operator==(const Product&) const = default;
};

}  // namespace zb::domain
