// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// FHIR R4 complex datatypes -> domain values. Each takes the JSON object and the mapping context
// (for paths and issues); the caller has already pushed the element's path segment.
#include <optional>
#include <string_view>
#include <utility>

#include "context.h"
#include "domain/building_blocks.h"

namespace zb::net::fhir::detail {

domain::Coding MapCoding(Context& c, Object o);
domain::Concept MapConcept(Context& c, Object o);
std::optional<domain::Concept> ConceptField(Context& c, Object o, std::string_view key);
std::vector<domain::Concept> ConceptArray(Context& c, Object o, std::string_view key);
std::vector<domain::Coding> CodingArray(Context& c, Object o, std::string_view key);
domain::Quantity MapQuantity(Context& c, Object o);
std::optional<domain::Quantity> QuantityField(Context& c, Object o, std::string_view key);
domain::Range MapRange(Context& c, Object o);
domain::Ratio MapRatio(Context& c, Object o);
std::optional<domain::Duration> DurationField(Context& c, Object o, std::string_view key);
std::optional<domain::BlockId> IdentifierField(Context& c, Object o, std::string_view key);
std::optional<domain::BlockId> MapIdentifier(Context& c, Object o);
// The first usable identifier of an `identifier` array.
std::optional<domain::BlockId> FirstIdentifier(Context& c, Object resource);
// A logical reference's identifier (Reference.identifier), as MP9 relates building blocks.
std::optional<domain::BlockId> LogicalReference(Context& c, Object reference);
domain::Actor MapActor(Context& c, Object reference);
std::optional<domain::Actor> ActorField(Context& c, Object o, std::string_view key);
// FHIR repeats dosage as an array, except MedicationAdministration.dosage (a single element):
// single = true accepts that form; otherwise an object is read but flagged.
std::vector<domain::Dosage> MapDosageArray(Context& c, Object o, std::string_view key, bool single = false);
domain::Dosage MapDosage(Context& c, Object o);

// Calls fn(name, extension object) for each member of o[key] (an extension array) whose url starts
// with prefix; name is the url after the prefix. Extensions with other urls are skipped: unknown
// plain extensions are allowed in FHIR (unknown *modifier* extensions are refused elsewhere).
template <class Fn>
void ForEachExtension(Context& c, Object o, std::string_view key, std::string_view prefix, Fn&& fn) {
  auto exts = c.Arr(o, key);
  if (!exts) return;
  std::ptrdiff_t i = 0;
  for (Element e : *exts) {
    Context::Scope s(c, key, i++);
    auto ext = c.AsObject(e, "an extension");
    if (!ext) continue;
    auto url = c.Str(*ext, "url");
    if (!url) {
      c.Warn("extension without url; ignored");
      continue;
    }
    if (url->size() > prefix.size() && url->substr(0, prefix.size()) == prefix) fn(url->substr(prefix.size()), *ext);
  }
}
template <class Fn>
void ForEachExtension(Context& c, Object o, std::string_view prefix, Fn&& fn) {
  ForEachExtension(c, o, "extension", prefix, std::forward<Fn>(fn));
}

// ext-TimeInterval.Period (valuePeriod with nested Duration/Condition), or a plain Period.
domain::PeriodOfUse MapPeriodOfUse(Context& c, Object period);

}  // namespace zb::net::fhir::detail
