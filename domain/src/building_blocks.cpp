// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/building_blocks.h"

#include <cstdio>

#include "move_append.h"

namespace zb::domain {

const char* Abbreviation(BlockKind kind) {
  switch (kind) {
    case BlockKind::kMedicationAgreement:
      return "MA";
    case BlockKind::kVariableDosingRegimen:
      return "WDS";
    case BlockKind::kDispenseRequest:
      return "VV";
    case BlockKind::kAdministrationAgreement:
      return "TA";
    case BlockKind::kMedicationDispense:
      return "MVE";
    case BlockKind::kMedicationUse:
      return "MGB";
    case BlockKind::kMedicationAdministration:
      return "MTD";
  }
  return "?";
}

std::string BlockHeader::DoseKey() const {
  std::string key = renderedDosage + "|" + DosageKey(dosage);
  if (cycle) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "|cycle %g %s", cycle->value, cycle->unit.c_str());
    key += buf;
  }
  return key;
}

std::size_t MedicationData::Count() const {
  return agreements.size() + regimens.size() + dispenseRequests.size() + administrationAgreements.size() +
         dispenses.size() + uses.size() + administrations.size();
}

void MedicationData::Append(MedicationData&& o) {
  detail::MoveAppend(agreements, o.agreements);
  detail::MoveAppend(regimens, o.regimens);
  detail::MoveAppend(dispenseRequests, o.dispenseRequests);
  detail::MoveAppend(administrationAgreements, o.administrationAgreements);
  detail::MoveAppend(dispenses, o.dispenses);
  detail::MoveAppend(uses, o.uses);
  detail::MoveAppend(administrations, o.administrations);
}

}  // namespace zb::domain
