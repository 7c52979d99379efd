// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// "niet op formularium" on the overview (prescribing.md "The home's formulary"): a line that is
// still to be given (current, future, uncertain, suspended) whose product the home's pharmacy does
// not keep is marked, with the formulary's products of the same ATC class — the night-time "niet
// voorradig" the physician would otherwise hear from the nurse. Stopped and older lines are not
// marked: nothing of them is given any more.
#include <string>
#include <vector>

#include "domain/formulary.h"
#include "domain/medication_knowledge.h"
#include "domain/overview.h"
#include "present/overview_view.h"

namespace zb::present {

// "niet op formularium; op het formularium: Pantoprazol tablet 40mg, …" (at most three named), or
// "niet op formularium; geen middel van dezelfde groep op het formularium".
std::string OffFormularyText(const domain::FormularyStatus& status);

// Marks the rows of `view` (built from `overview`) whose product is not on `formulary`; nothing
// when the formulary is empty (none imported: no line is "off" a list that does not exist).
void MarkOffFormulary(OverviewView& view, const domain::Overview& overview, const domain::Formulary& formulary,
                      const domain::MedicationKnowledge& knowledge);

}  // namespace zb::present
