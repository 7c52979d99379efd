// SPDX-License-Identifier: GPL-3.0-or-later
#include "present/medication_table.h"

#include <algorithm>
#include <cctype>

namespace zb::present {

namespace {
// ASCII case folding is enough for product names and the group words; UTF-8 bytes pass unchanged.
std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}
}  // namespace

const std::string& CellOf(const MedicationRow& r, MedicationColumn c) {
  switch (c) {
    case MedicationColumn::kGroup:
      return r.group;
    case MedicationColumn::kProduct:
      return r.product;
    case MedicationColumn::kDose:
      return r.dose;
    case MedicationColumn::kPeriod:
      return r.period;
    case MedicationColumn::kSources:
      return r.sources;
    case MedicationColumn::kGds:
      return r.gds;
    case MedicationColumn::kMarks:
      return r.marks;
  }
  return r.product;
}

std::vector<const MedicationRow*> ArrangeRows(const std::vector<MedicationRow>& rows, const std::string& filter,
                                              const TableOrder& order, bool onlyChanged) {
  std::vector<const MedicationRow*> out;
  const std::string needle = Lower(filter);
  for (const auto& r : rows) {
    if (onlyChanged && !r.changed) continue;
    if (!needle.empty()) {
      bool hit = false;
      for (auto c :
           {MedicationColumn::kGroup, MedicationColumn::kProduct, MedicationColumn::kDose, MedicationColumn::kPeriod,
            MedicationColumn::kSources, MedicationColumn::kGds, MedicationColumn::kMarks}) {
        if (Lower(CellOf(r, c)).find(needle) != std::string::npos) {
          hit = true;
          break;
        }
      }
      if (!hit) continue;
    }
    out.push_back(&r);
  }
  if (!order.sorted) return out;
  std::stable_sort(out.begin(), out.end(), [&order](const MedicationRow* a, const MedicationRow* b) {
    // Grouping by status keeps the clinical order (current before stopped), not the alphabet.
    if (order.column == MedicationColumn::kGroup)
      return order.ascending ? a->status < b->status : b->status < a->status;
    // Any other column sorts within the clinical groups: a sort never mixes stopped, cancelled or
    // historic lines in between the current ones.
    if (a->status != b->status) return a->status < b->status;
    const auto x = Lower(CellOf(*a, order.column));
    const auto y = Lower(CellOf(*b, order.column));
    return order.ascending ? x < y : y < x;
  });
  return out;
}

}  // namespace zb::present
