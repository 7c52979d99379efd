// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/building_blocks.h"

#include <cstdio>
#include <iterator>

namespace zb::domain {

const char* Abbreviation(BlockKind kind) {
  switch (kind) {
    case BlockKind::kMedicationAgreement: return "MA";
    case BlockKind::kVariableDosingRegimen: return "WDS";
    case BlockKind::kDispenseRequest: return "VV";
    case BlockKind::kAdministrationAgreement: return "TA";
    case BlockKind::kMedicationDispense: return "MVE";
    case BlockKind::kMedicationUse: return "MGB";
    case BlockKind::kMedicationAdministration: return "MTD";
  }
  return "?";
}

std::string BlockHeader::DosageText() const {
  std::string text = renderedDosage.empty() ? DescribeDosage(dosage) : renderedDosage;
  // The cycle changes what the dosage means, so it is never left out of the text.
  if (cycle && text.find("cycl") == std::string::npos) {
    char buf[64];
    std::snprintf(buf, sizeof buf, " (cyclisch schema, herhalen na %g %s)", cycle->value, cycle->unit.c_str());
    text += buf;
  }
  return text;
}

std::size_t MedicationData::Count() const {
  return agreements.size() + regimens.size() + dispenseRequests.size() + administrationAgreements.size() +
         dispenses.size() + uses.size() + administrations.size();
}

namespace {
template <class T>
void MoveAppend(std::vector<T>& into, std::vector<T>& from) {
  if (into.empty()) {
    into = std::move(from);
  } else {
    into.insert(into.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
  }
  from.clear();
}
}  // namespace

void MedicationData::Append(MedicationData&& o) {
  MoveAppend(agreements, o.agreements);
  MoveAppend(regimens, o.regimens);
  MoveAppend(dispenseRequests, o.dispenseRequests);
  MoveAppend(administrationAgreements, o.administrationAgreements);
  MoveAppend(dispenses, o.dispenses);
  MoveAppend(uses, o.uses);
  MoveAppend(administrations, o.administrations);
}

}  // namespace zb::domain
