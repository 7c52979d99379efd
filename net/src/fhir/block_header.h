// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The parts every MP9 building block shares: identifier, treatment id, registration time, period
// of use, stop type, copy indicator, product, rendered dosage, note.
#include <string_view>

#include "datatypes.h"
#include "mappers.h"
#include "profiles.h"

namespace zb::net::fhir::detail {

// Fills h from r. Nictiz extensions that are not common are passed to `extra(name, ext)`.
// Returns false when the resource was rejected.
template <class Extra>
bool MapHeader(DocumentState& st, Object r, domain::BlockKind kind, domain::BlockHeader& h, Extra&& extra);

bool MapHeaderCore(DocumentState& st, Object r, domain::BlockKind kind, domain::BlockHeader& h);
void MapCommonExtension(Context& c, std::string_view name, Object ext, domain::BlockHeader& h, bool& handled);
void FinishHeader(DocumentState& st, Object r, domain::BlockHeader& h);

template <class Extra>
bool MapHeader(DocumentState& st, Object r, domain::BlockKind kind, domain::BlockHeader& h, Extra&& extra) {
  if (!MapHeaderCore(st, r, kind, h)) return false;
  ForEachExtension(st.c, r, url::kNictiz, [&](std::string_view name, Object ext) {
    bool handled = false;
    MapCommonExtension(st.c, name, ext, h, handled);
    if (!handled) extra(name, ext);
  });
  FinishHeader(st, r, h);
  return !st.c.rejected();
}

// The SNOMED category code of an MP9 resource (category is an array on MedicationRequest and a
// single CodeableConcept elsewhere), falling back to meta.profile. Empty when neither says.
std::string_view BlockCategory(Context& c, Object r);

}  // namespace zb::net::fhir::detail
