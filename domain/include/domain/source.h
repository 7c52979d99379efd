// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where data came from. Every building block and ICA item carries the id of its source, so the
// overview can say per line where it came from and which sources disagree.
#include <string>
#include <string_view>

namespace zb::domain {

enum class SourceKind { kGeneralPractitioner, kPharmacy, kHospital, kOwnRecord, kImport, kUnknown };
const char* ToString(SourceKind kind);
SourceKind SourceKindFromString(std::string_view text);  // "gp", "pharmacy", ... ; kUnknown otherwise

struct Source {
  std::string id;  // stable key, e.g. "apotheek-de-vaart"
  SourceKind kind = SourceKind::kUnknown;
  std::string name;     // for display, e.g. "Apotheek De Vaart"
  std::string phone{};  // whom to call when it does not answer (address directory); "" when unknown
  bool operator==(const Source&) const = default;
};

}  // namespace zb::domain
