// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/stop_type.h"

namespace zb::domain {

std::optional<StopInfo> StopInfoFromCode(const Coding& coding) {
  if (coding.system != systems::kSnomed) return std::nullopt;
  StopInfo info;
  info.coding = coding;
  const std::string& c = coding.code;
  if (c == "385655000") {
    info.type = StopType::kSuspended;
  } else if (c == "410546004") {
    info.type = StopType::kStopped;
  } else if (c == "89925002") {
    info.type = StopType::kCancelled;
  } else if (c == "113381000146106") {
    info.type = StopType::kSuspended;
    info.deprecatedCode = true;
  } else if (c == "113371000146109") {
    info.type = StopType::kStopped;
    info.deprecatedCode = true;
  } else {
    return std::nullopt;
  }
  return info;
}

const char* ToString(StopType type) {
  switch (type) {
    case StopType::kNone:
      return "none";
    case StopType::kSuspended:
      return "suspended";
    case StopType::kStopped:
      return "stopped";
    case StopType::kCancelled:
      return "cancelled";
  }
  return "none";
}

}  // namespace zb::domain
