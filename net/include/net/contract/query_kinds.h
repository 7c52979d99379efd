// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one table of the queries Zorgbrug asks a holder, by kind: which resource type and which
// SNOMED category code select the MP9 3.0 building block or CiO flag (mp9.md §b, §d.2; nuts.md
// §5.2 for zorginzage). The desktop's query plan builds its searches from it, the gateway names
// the query kind it audits from it, and the sandbox holders decide which categories they allow
// from it, so the three cannot drift apart.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace zb::net::contract {

inline constexpr std::string_view kSnomed = "http://snomed.info/sct";

// Which agreement a query belongs to: the MP9 3.0 / CiO medication exchange, or the GP's zorginzage.
enum class Exchange { kMedication, kZorginzage };

struct QueryKind {
  std::string_view kind;          // "MA", "TA", ..., as the retriever and the audit trail name it
  std::string_view resourceType;  // the FHIR resource searched
  std::string_view category;      // SNOMED code of the category parameter
  Exchange exchange;
  std::string_view meaning;
};

// Every kind with a category code, in the order the query plan asks them.
std::span<const QueryKind> QueryKinds();
// The kind whose category code is `code` (a bare code or "system|code"), if any.
std::optional<QueryKind> KindOfCategory(std::string_view code);
// The "system|code" category values an exchange allows for a resource type (what a holder accepts).
std::vector<std::string> CategoriesFor(Exchange exchange, std::string_view resourceType);
// The kind by its name ("MA"); nullopt for an unknown name.
std::optional<QueryKind> KindNamed(std::string_view kind);

}  // namespace zb::net::contract
