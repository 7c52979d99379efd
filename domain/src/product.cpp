// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/product.h"

namespace zb::domain {

const ProductCode* Product::At(ProductCodeLevel level) const {
  for (const auto& c : codes) {
    if (c.level == level) return &c;
  }
  return nullptr;
}

const ProductCode* Product::Primary() const {
  for (const auto& c : codes) {
    if (c.userSelected) return &c;
  }
  for (auto level : {ProductCodeLevel::kZi, ProductCodeLevel::kHpk, ProductCodeLevel::kPrk, ProductCodeLevel::kGpk}) {
    if (const auto* c = At(level)) return c;
  }
  return codes.empty() ? nullptr : &codes.front();
}

std::string Product::DisplayName() const {
  if (!text.empty()) return text;
  if (const auto* p = Primary(); p && !p->coding.display.empty()) return p->coding.display;
  for (const auto& c : codes) {
    if (!c.coding.display.empty()) return c.coding.display;
  }
  if (!description.empty()) return description;
  if (const auto* p = Primary()) return std::string(ToString(p->level)) + " " + p->coding.code;
  return "(onbekend product)";
}

bool Product::SameMedicineAs(const Product& other) const {
  for (auto level : {ProductCodeLevel::kGpk, ProductCodeLevel::kPrk, ProductCodeLevel::kHpk, ProductCodeLevel::kZi}) {
    const auto* a = At(level);
    const auto* b = other.At(level);
    if (a && b) return a->coding.code == b->coding.code && a->coding.system == b->coding.system;
  }
  return false;
}

const std::shared_ptr<const Product>& SharedProduct::Empty() {
  static const auto empty = std::make_shared<const Product>();
  return empty;
}

}  // namespace zb::domain
