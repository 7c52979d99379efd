// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The pharmaceutical product (mp-PharmaceuticalProduct): one primary code plus translations to
// other G-Standaard levels, or for a compounded product a description and its ingredients.
#include <memory>
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
  std::string text;  // code.text
  Concept form;      // G-Standaard pharmaceutical form
  std::vector<Ingredient> ingredients;
  std::string description;  // ext-PharmaceuticalProduct.Description (compounding recipe)

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

// A product shared by every block that names the same Medication resource: products are
// immutable once read, and a patient's history repeats the same few hundred of them thousands of
// times. Never null (an absent product is the empty one); compares by value.
class SharedProduct {
 public:
  SharedProduct() : m_product(Empty()) {}
  SharedProduct(Product p) : m_product(std::make_shared<const Product>(std::move(p))) {}  // NOLINT: value-like
  const Product& operator*() const { return *m_product; }
  const Product* operator->() const { return m_product.get(); }
  friend bool operator==(const SharedProduct& a, const SharedProduct& b) {
    return a.m_product == b.m_product || *a.m_product == *b.m_product;
  }

 private:
  static const std::shared_ptr<const Product>& Empty();
  std::shared_ptr<const Product> m_product;
};

}  // namespace zb::domain
