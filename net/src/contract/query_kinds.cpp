// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/contract/query_kinds.h"

#include <algorithm>
#include <array>

namespace zb::net::contract {
namespace {

// The CiO contra-indication flag has two category codes in circulation: 350241000146102 in the
// MP9 3.0 TestScripts, 140401000146105 in older CiO examples. Both mean the same query kind.
constexpr std::array kKinds{
    QueryKind{"MA", "MedicationRequest", "33633005", Exchange::kMedication, "medicatieafspraak (MP9 3.0)"},
    QueryKind{"VV", "MedicationRequest", "52711000146108", Exchange::kMedication, "verstrekkingsverzoek"},
    QueryKind{"WDS", "MedicationRequest", "395067002", Exchange::kMedication, "wisselend doseerschema"},
    QueryKind{"TA", "MedicationDispense", "422037009", Exchange::kMedication, "toedieningsafspraak"},
    QueryKind{"MVE", "MedicationDispense", "373784005", Exchange::kMedication, "medicatieverstrekking"},
    QueryKind{"MGB", "MedicationStatement", "422979000", Exchange::kMedication, "medicatiegebruik"},
    QueryKind{"MTD", "MedicationAdministration", "18629005", Exchange::kMedication, "medicatietoediening"},
    // Zorginzage asks for category 16076005 but names the R4 profile mp-MedicationAgreement, which
    // fixes 33633005: a GP system follows one or the other, so both are asked (docs/consent-signals.md).
    QueryKind{"MA-zorginzage", "MedicationRequest", "16076005", Exchange::kZorginzage,
              "medicatieafspraak zoals de Zorginzage-tekst die vraagt"},
    QueryKind{"MA-zorginzage-mp9", "MedicationRequest", "33633005", Exchange::kZorginzage,
              "medicatieafspraak zoals het profiel mp-MedicationAgreement die vastlegt"},
    QueryKind{"contra-indications", "Flag", "350241000146102", Exchange::kMedication, "contra-indicaties (CiO)"},
    QueryKind{"contra-indications", "Flag", "140401000146105", Exchange::kMedication,
              "contra-indicaties (CiO, oudere code)"},
    QueryKind{"surveillance-decisions", "Flag", "225419007", Exchange::kMedication, "bewakingsbesluiten (CiO)"},
};

}  // namespace

std::span<const QueryKind> QueryKinds() { return kKinds; }

std::optional<QueryKind> KindOfCategory(std::string_view code) {
  const auto bar = code.find('|');
  if (bar != std::string_view::npos) code = code.substr(bar + 1);
  const auto it = std::find_if(kKinds.begin(), kKinds.end(), [code](const QueryKind& k) { return k.category == code; });
  if (it == kKinds.end()) return std::nullopt;
  return *it;
}

std::vector<std::string> CategoriesFor(Exchange exchange, std::string_view resourceType) {
  std::vector<std::string> out;
  for (const auto& k : kKinds) {
    if (k.exchange == exchange && k.resourceType == resourceType) {
      out.push_back(std::string(kSnomed) + "|" + std::string(k.category));
    }
  }
  return out;
}

std::optional<QueryKind> KindNamed(std::string_view kind) {
  const auto it = std::find_if(kKinds.begin(), kKinds.end(), [kind](const QueryKind& k) { return k.kind == kind; });
  if (it == kKinds.end()) return std::nullopt;
  return *it;
}

}  // namespace zb::net::contract
