// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What changed since the patient's previous retrieval: lines that are new, changed (product,
// dose or status) or stopped — what a night doctor needs in seconds. Compared by treatment (MBH).
#include <map>
#include <string>

#include "domain/overview.h"

namespace zb::domain {

enum class LineChange {
  kNew,      // not in the previous retrieval
  kChanged,  // product, dose, period or status differ
  kStopped,  // was taken (current, future, suspended), is now stopped or cancelled
};

struct LineChangeInfo {
  LineChange change = LineChange::kNew;
  bool product = false, dose = false, period = false, status = false;  // kChanged: what differs
};

// By treatment (MBH) id; lines that are the same are not in the map. Historic lines of `now` are
// only listed when they stopped since `before`.
std::map<std::string, LineChangeInfo> ChangesSince(const Overview& before, const Overview& now);

}  // namespace zb::domain
