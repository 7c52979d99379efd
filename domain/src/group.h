// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Internal to consolidation: the de-duplicated blocks of one treatment (MBH).
#include <set>
#include <string>
#include <vector>

#include "domain/building_blocks.h"
#include "domain/overview.h"

namespace zb::domain::detail {

struct Group {
  BlockId treatment;
  std::vector<const MedicationAgreement*> mas;
  std::vector<const VariableDosingRegimen*> wds;
  std::vector<const DispenseRequest*> vvs;
  std::vector<const AdministrationAgreement*> tas;
  std::vector<const MedicationDispense*> mves;
  std::vector<const MedicationUse*> mgbs;
  std::vector<const MedicationAdministration*> mtds;
  std::set<std::string> sources;  // including sources whose duplicate copy was dropped
  std::vector<TraceStep> trace;
  std::vector<Discrepancy> discrepancies;
};

// De-duplicates every kind by building-block identifier, then groups by treatment id. Blocks
// without a treatment id form a group of their own (never merged by drug name). Groups come out
// in first-seen order; the caller sorts lines.
std::vector<Group> GroupByTreatment(const MedicationData& data);

}  // namespace zb::domain::detail
