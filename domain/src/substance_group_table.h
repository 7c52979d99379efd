// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The open substance-group table behind OpenSubstanceGroups: substances with their WHO ATC code
// and Dutch name, and the drug groups clinicians record allergies against, as ATC classes. Its
// sources, licence and limits are in docs/clinical-checks.md.
#include <span>
#include <string_view>

namespace zb::domain::table {

inline constexpr std::string_view kVersion = "2026-12";

struct SubstanceRow {
  std::string_view atc;      // 5th-level ATC code
  std::string_view name;     // Dutch name, lower case, as the G-Standaard and the Farmacotherapeutisch Kompas write it
  std::string_view aliases;  // other names seen in product and allergy texts, '|' separated
};

struct GroupRow {
  std::string_view name;     // Dutch group name, lower case
  std::string_view classes;  // the ATC classes of the group, space separated
  std::string_view members;  // substances outside those classes that belong to the group, ATC codes space separated
  std::string_view aliases;  // other names of the group in allergy texts (thesaurus 122 style), '|' separated
};

std::span<const SubstanceRow> Substances();
std::span<const GroupRow> Groups();

}  // namespace zb::domain::table
