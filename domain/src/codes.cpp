// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/codes.h"

namespace zb::domain {

bool Concept::Has(std::string_view sys, std::string_view code) const {
  for (const auto& c : codings) {
    if (c.Is(sys, code)) return true;
  }
  return false;
}

const Coding* Concept::Find(std::string_view sys) const {
  for (const auto& c : codings) {
    if (c.system == sys) return &c;
  }
  return nullptr;
}

std::string Concept::Label() const {
  if (!text.empty()) return text;
  for (const auto& c : codings) {
    if (!c.display.empty()) return c.display;
  }
  return codings.empty() ? std::string() : codings.front().code;
}

ProductCodeLevel LevelOfSystem(std::string_view system) {
  if (system == systems::kGpk) return ProductCodeLevel::kGpk;
  if (system == systems::kPrk) return ProductCodeLevel::kPrk;
  if (system == systems::kHpk) return ProductCodeLevel::kHpk;
  if (system == systems::kZi) return ProductCodeLevel::kZi;
  return ProductCodeLevel::kOther;
}

const char* ToString(ProductCodeLevel level) {
  switch (level) {
    case ProductCodeLevel::kGpk:
      return "GPK";
    case ProductCodeLevel::kPrk:
      return "PRK";
    case ProductCodeLevel::kHpk:
      return "HPK";
    case ProductCodeLevel::kZi:
      return "ZI";
    case ProductCodeLevel::kOther:
      return "other";
  }
  return "other";
}

}  // namespace zb::domain
