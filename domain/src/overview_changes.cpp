// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/overview_changes.h"

namespace zb::domain {

namespace {

bool Taken(TreatmentStatus s) {
  return s == TreatmentStatus::kUncertain || s == TreatmentStatus::kCurrent || s == TreatmentStatus::kFuture ||
         s == TreatmentStatus::kSuspended;
}

}  // namespace

std::map<std::string, LineChangeInfo> ChangesSince(const Overview& before, const Overview& now) {
  std::map<std::string, const TreatmentLine*> earlier;
  for (const auto& line : before.lines) earlier[line.treatment.value] = &line;
  std::map<std::string, LineChangeInfo> changes;
  for (const auto& line : now.lines) {
    auto it = earlier.find(line.treatment.value);
    if (it == earlier.end()) {
      // A treatment first seen now; an old one that only now became visible is history, not news.
      if (line.status != TreatmentStatus::kHistoric) changes[line.treatment.value] = {LineChange::kNew};
      continue;
    }
    const TreatmentLine& old = *it->second;
    if (Taken(old.status) && !Taken(line.status) && line.status != TreatmentStatus::kUseOnly) {
      changes[line.treatment.value] = {LineChange::kStopped};
      continue;
    }
    LineChangeInfo info{LineChange::kChanged};
    info.product = old.product->DisplayName() != line.product->DisplayName();
    const BlockHeader* oldDose = old.DoseBlock();
    const BlockHeader* newDose = line.DoseBlock();
    info.dose = (oldDose ? oldDose->DoseKey() : std::string()) != (newDose ? newDose->DoseKey() : std::string());
    info.period = old.start != line.start || old.end != line.end;
    // Ageing from "recently stopped" into history is the calendar, not a change in the record.
    info.status = old.status != line.status &&
                  !(old.status == TreatmentStatus::kRecentlyStopped && line.status == TreatmentStatus::kHistoric);
    if (info.product || info.dose || info.period || info.status) changes[line.treatment.value] = info;
  }
  return changes;
}

}  // namespace zb::domain
