// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Sorting and filtering of the medication tab. Without a sort column the rows keep the
// consolidation's order (grouped current / future / suspended / stopped); a filter matches any
// column, case-insensitively.
#include <string>
#include <vector>

#include "present/overview_view.h"

namespace zb::present {

enum class MedicationColumn { kGroup, kProduct, kDose, kPeriod, kSources, kGds, kMarks };

struct TableOrder {
  bool sorted = false;
  MedicationColumn column = MedicationColumn::kGroup;
  bool ascending = true;
};

const std::string& CellOf(const MedicationRow& row, MedicationColumn column);
// The rows to show, in order: filtered by `filter` (any column contains it), then sorted.
// `onlyChanged`: only rows changed since the previous retrieval.
std::vector<const MedicationRow*> ArrangeRows(const std::vector<MedicationRow>& rows, const std::string& filter,
                                              const TableOrder& order, bool onlyChanged = false);

}  // namespace zb::present
