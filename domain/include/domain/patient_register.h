// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The nursing home's own list of patients a physician works with: expected admissions, admitted
// (own) patients and temporary patients seen on call (ANW), each with the GP, pharmacy and hospital
// known to hold their data. This is what "look up this patient" starts from.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date_time.h"
#include "domain/identifiers.h"
#include "domain/source.h"

namespace zb::domain {

enum class PatientCategory {
  kExpected,   // expected admission: data is gathered before the patient arrives
  kAdmitted,   // the physician's own admitted patient
  kTemporary,  // seen on call (ANW) or for a short stay; not one's own patient
};
const char* ToString(PatientCategory c);  // "expected", "admitted", "temporary"
std::optional<PatientCategory> PatientCategoryFromString(std::string_view text);

// An organisation known to hold data about the patient.
struct KnownSource {
  Source source;    // kind and display name; id is derived from the URA when empty
  std::string ura;  // how the directory finds it
  bool operator==(const KnownSource&) const = default;
};

struct RegisteredPatient {
  std::int64_t id = 0;  // the local store's key; 0 until saved
  Bsn bsn;
  std::string name;
  std::optional<Date> birthDate;
  PatientCategory category = PatientCategory::kAdmitted;
  std::optional<Date> expectedOn;  // admission date of an expected patient
  std::string location;            // ward / room, free text
  std::vector<KnownSource> sources;
};

// Checks a patient before it is saved: a name, a birth date not in the future, at most one source
// per URA, eight-digit URAs, an admission date only for expected patients. Empty when fine.
std::vector<Error> Validate(const RegisteredPatient& p, Date today);

}  // namespace zb::domain
