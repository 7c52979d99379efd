// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Stop type (ext-StopType, a modifier extension): turns a building block into the end of the block
// it copies. Codes from ValueSet 2.16.840.1.113883.2.4.3.11.60.20.77.11.50.
#include <optional>
#include <string>
#include <string_view>

#include "domain/codes.h"

namespace zb::domain {

enum class StopType {
  kNone,       // an ordinary (starting or changing) block
  kSuspended,  // 385655000 onderbroken (and deprecated 113381000146106 tijdelijk gestopt)
  kStopped,    // 410546004 stopgezet (and deprecated 113371000146109 definitief gestopt)
  kCancelled,  // 89925002 geannuleerd: the original never takes effect
};

struct StopInfo {
  StopType type = StopType::kNone;
  Coding coding;  // as received
  bool deprecatedCode = false;
  bool operator==(const StopInfo&) const = default;
};

// nullopt for a code outside the value set: a modifier we cannot interpret makes the block unusable.
std::optional<StopInfo> StopInfoFromCode(const Coding& coding);
const char* ToString(StopType type);

}  // namespace zb::domain
