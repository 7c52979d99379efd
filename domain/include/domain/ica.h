// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// ICA: intolerances, contra-indications and allergies. Two FHIR generations feed the same model:
// zib 2020 (nl-core-AllergyIntolerance, nl-core-MedicationContraIndication, nl-core-Alert) and
// CiO 2.0 (HypersensitivityIntolerance, Reaction, MedicationContraIndication, SurveillanceDecision).
#include <optional>
#include <string>
#include <vector>

#include "domain/building_blocks.h"
#include "domain/codes.h"
#include "domain/date_time.h"

namespace zb::domain {

enum class IcaModel { kZib2020, kCio };
enum class ClinicalStatus { kActive, kInactive, kResolved, kUnknown };
enum class VerificationStatus { kConfirmed, kUnconfirmed, kRefuted, kEnteredInError, kUnknown };
enum class Criticality { kLow, kHigh, kUnableToAssess, kUnknown };
enum class AllergyCategory { kMedication, kFood, kEnvironment, kBiologic, kUnknown };
enum class FlagStatus { kActive, kInactive, kEnteredInError, kUnknown };

const char* ToString(ClinicalStatus s);
const char* ToString(VerificationStatus s);
const char* ToString(Criticality c);
const char* ToString(AllergyCategory c);

struct Reaction {
  Concept substance;
  std::vector<Concept> manifestations;
  std::string description;
  std::string severity;  // mild | moderate | severe
  Concept exposureRoute;
  std::optional<DateTime> onset;
  bool operator==(const Reaction&) const = default;
};

struct Allergy {
  std::string source;
  std::string resourceId;
  BlockId id;
  IcaModel model = IcaModel::kZib2020;
  bool reactionRecord = false;  // CiO Reaction (type 281647001): one observed reaction, not the propensity
  Concept substance;
  AllergyCategory category = AllergyCategory::kUnknown;
  Criticality criticality = Criticality::kUnknown;
  ClinicalStatus clinical = ClinicalStatus::kUnknown;
  VerificationStatus verification = VerificationStatus::kUnknown;
  std::optional<DateTime> onset;
  std::optional<DateTime> recorded;
  std::optional<DateTime> lastOccurrence;
  std::vector<Reaction> reactions;
  std::string note;
  Actor asserter;
  std::optional<BlockId> hypersensitivityGroup;  // CiO medicationHypersensitivityIdentifier
  bool operator==(const Allergy&) const = default;
};

// Flag with category 350241000146102 (CiO) or 140401000146105 (zib 2020).
struct ContraIndication {
  std::string source;
  std::string resourceId;
  BlockId id;
  Concept code;  // G-Standaard Thesaurus 40, e.g. 1320 Zwangerschap
  std::string categoryCode;
  FlagStatus status = FlagStatus::kUnknown;
  std::optional<DateTime> start;
  std::optional<DateTime> end;
  Actor author;
  std::string comment;
  bool operator==(const ContraIndication&) const = default;
};

// Flag with category 225419007 (CiO Bewakingsbesluit): what medication surveillance acts on.
struct SurveillanceDecision {
  std::string source;
  std::string resourceId;
  BlockId id;
  Concept unsafe;                   // substance or group that must not be given
  std::vector<Concept> safeWithin;  // members of the unsafe group that are safe after all
  FlagStatus status = FlagStatus::kUnknown;
  std::optional<DateTime> start;
  std::optional<DateTime> end;
  Actor author;
  bool operator==(const SurveillanceDecision&) const = default;
};

// zib Alert (Flag): general warnings such as MRSA carrier.
struct Alert {
  std::string source;
  std::string resourceId;
  BlockId id;
  Concept code;
  Concept type;
  FlagStatus status = FlagStatus::kUnknown;
  std::optional<DateTime> start;
  std::optional<DateTime> end;
  std::string comment;
  bool operator==(const Alert&) const = default;
};

struct IcaData {
  std::vector<Allergy> allergies;
  std::vector<ContraIndication> contraIndications;
  std::vector<SurveillanceDecision> surveillanceDecisions;
  std::vector<Alert> alerts;
  std::size_t Count() const;
  void Append(IcaData&& other);
  bool operator==(const IcaData&) const = default;
};

// One line of the ICA summary: an item plus every source that reported it.
template <class T>
struct IcaLine {
  T item;
  std::vector<std::string> sources;
  bool current = true;  // active / in force at the summary moment
};

struct IcaSummary {
  std::vector<IcaLine<Allergy>> allergies;  // current first, high criticality first
  std::vector<IcaLine<ContraIndication>> contraIndications;
  std::vector<IcaLine<SurveillanceDecision>> surveillanceDecisions;
  std::vector<IcaLine<Alert>> alerts;
  bool HasCurrent() const;
};

// Merges ICA data from every source at moment `at`: drops entered-in-error and refuted entries,
// merges one item reported by several sources (same identifier, or same coded substance), and
// orders deterministically. Inactive items are kept (current = false) so history stays visible.
IcaSummary SummarizeIca(const IcaData& data, Instant at);

}  // namespace zb::domain
