// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/source.h"

namespace zb::domain {

const char* ToString(SourceKind kind) {
  switch (kind) {
    case SourceKind::kGeneralPractitioner:
      return "gp";
    case SourceKind::kPharmacy:
      return "pharmacy";
    case SourceKind::kHospital:
      return "hospital";
    case SourceKind::kOwnRecord:
      return "own";
    case SourceKind::kImport:
      return "import";
    case SourceKind::kUnknown:
      return "unknown";
  }
  return "unknown";
}

SourceKind SourceKindFromString(std::string_view t) {
  if (t == "gp" || t == "huisarts") return SourceKind::kGeneralPractitioner;
  if (t == "pharmacy" || t == "apotheek") return SourceKind::kPharmacy;
  if (t == "hospital" || t == "ziekenhuis") return SourceKind::kHospital;
  if (t == "own" || t == "eigen") return SourceKind::kOwnRecord;
  if (t == "import") return SourceKind::kImport;
  return SourceKind::kUnknown;
}

}  // namespace zb::domain
