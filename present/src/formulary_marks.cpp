// SPDX-License-Identifier: GPL-3.0-or-later
#include "present/formulary_marks.h"

#include "present/tr.h"

namespace zb::present {

namespace d = zb::domain;

std::string OffFormularyText(const d::FormularyStatus& status) {
  if (status.alternatives.empty()) return Tr("niet op formularium; geen middel van dezelfde groep op het formularium");
  std::string names;
  constexpr std::size_t kNamed = 3;  // more would push the line's other remarks out of sight
  for (std::size_t i = 0; i < status.alternatives.size() && i < kNamed; ++i)
    names += (i == 0 ? "" : ", ") + status.alternatives[i]->name;
  if (status.alternatives.size() > kNamed) names += ", …";
  return Fmt("niet op formularium; op het formularium: {0}", {names});
}

void MarkOffFormulary(OverviewView& view, const d::Overview& overview, const d::Formulary& formulary,
                      const d::MedicationKnowledge& knowledge) {
  if (formulary.empty()) return;
  for (auto& row : view.medication) {
    if (row.line >= overview.lines.size()) continue;
    const auto& line = overview.lines[row.line];
    if (line.status == d::TreatmentStatus::kRecentlyStopped || line.status == d::TreatmentStatus::kCancelled ||
        line.status == d::TreatmentStatus::kHistoric)
      continue;
    if (line.product->empty()) continue;
    const auto status = formulary.Check(*line.product, &knowledge);
    if (status.OnFormulary()) continue;
    row.formulary = OffFormularyText(status);
    row.marks = row.marks.empty() ? row.formulary : row.marks + "; " + row.formulary;
  }
}

}  // namespace zb::present
