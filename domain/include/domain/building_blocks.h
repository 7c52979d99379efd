// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The MP9 3.0 building blocks as plain values. Relations between blocks are logical references by
// building-block identifier (that is how MP9 sends them); literal FHIR references are resolved
// into values (product, patient) by the mapper before anything reaches the domain.
#include <optional>
#include <string>
#include <vector>

#include "domain/codes.h"
#include "domain/date_time.h"
#include "domain/dosage.h"
#include "domain/period_of_use.h"
#include "domain/product.h"
#include "domain/quantity.h"
#include "domain/stop_type.h"

namespace zb::domain {

enum class BlockKind {
  kMedicationAgreement,       // MA, medicatieafspraak
  kVariableDosingRegimen,     // WDS, wisselend doseerschema
  kDispenseRequest,           // VV, verstrekkingsverzoek
  kAdministrationAgreement,   // TA, toedieningsafspraak
  kMedicationDispense,        // MVE, medicatieverstrekking
  kMedicationUse,             // MGB, medicatiegebruik
  kMedicationAdministration,  // MTD, medicatietoediening
};
const char* Abbreviation(BlockKind kind);  // "MA", "WDS", ...

// Identifier of a building block or of a treatment (MBH): system + value.
struct BlockId {
  std::string system;
  std::string value;
  std::string Key() const { return system + "|" + value; }
  bool empty() const { return value.empty(); }
  bool operator==(const BlockId&) const = default;
  auto operator<=>(const BlockId&) const = default;
};

// A person or organisation as the source described it (display name plus identifier if given).
struct Actor {
  std::string display;
  std::optional<Coding> identifier;  // AGB, UZI, URA ...
  bool operator==(const Actor&) const = default;
};

struct BlockHeader {
  BlockKind kind = BlockKind::kMedicationAgreement;
  BlockId id;
  BlockId treatment;                   // MBH id, shared by every block of one therapy
  std::string source;                  // Source::id it was received from
  std::string resourceId;              // FHIR logical id at the source, for tracing
  std::optional<DateTime> registered;  // ext-RegistrationDateTime (ordering key)
  bool copy = false;                   // copy indicator: a copy of another source's block
  SharedProduct product;
  std::optional<PeriodOfUse> period;
  StopInfo stop;
  std::vector<Dosage> dosage;
  std::string renderedDosage;     // ext-RenderedDosageInstruction
  std::optional<Duration> cycle;  // cyclical schedule (modifier): the dosage repeats after this period
  Concept reason;                 // reason for change/stop (MA), modification (TA), ...
  std::string note;
  Actor author;            // requester / supplier / informant
  std::string fhirStatus;  // as sent; never used for classification
  bool operator==(const BlockHeader&) const = default;

  // Equal keys: the same dose as far as the block says, including the source's own text (a changed
  // text is a change even where the structure is equal). Compared, never shown.
  std::string DoseKey() const;
  bool IsStop() const { return stop.type != StopType::kNone; }
};

struct MedicationAgreement {
  BlockHeader h;
  std::optional<BlockId> priorPrescription;  // the MA this one changes, stops or cancels
  std::optional<BlockId> basedOnAdministrationAgreement;
  std::optional<BlockId> basedOnMedicationUse;
  std::vector<Coding> additionalInformation;  // AanvInfoMA, incl. GDS timing codes 6/7/11
  std::optional<Actor> nextPractitioner;
  std::string categoryCode;            // 33633005 (MP9) or 16076005 (zib/zorginzage GP data)
  std::vector<Concept> indications{};  // reasonReference: the problem it is prescribed for
  bool operator==(const MedicationAgreement&) const = default;
};

struct VariableDosingRegimen {
  BlockHeader h;
  std::optional<BlockId> basedOnAgreement;
  std::optional<BlockId> previousRegimen;
  bool operator==(const VariableDosingRegimen&) const = default;
};

struct DispenseRequest {
  BlockHeader h;
  std::optional<BlockId> basedOnAgreement;
  std::optional<Quantity> quantity;
  std::optional<int> repeatsAllowed;
  std::optional<DateTime> validFrom;
  std::optional<DateTime> validUntil;
  std::vector<Coding> additionalWishes;  // AanvWensVV, incl. 2 "Niet in GDS"
  Actor dispenseLocation;
  Actor performer;         // the pharmacy asked to dispense
  bool cancelled = false;  // status entered-in-error (CanceledIndicator)
  bool operator==(const DispenseRequest&) const = default;
};

struct AdministrationAgreement {
  BlockHeader h;
  std::optional<BlockId> authorizingAgreement;  // the MA it implements
  std::optional<BlockId> previousAgreement;     // the TA it replaces or stops
  std::optional<DateTime> agreementDate;
  bool distributedInGds = false;  // distribution form 1 "GDS"
  std::vector<Coding> additionalInformation;
  bool operator==(const AdministrationAgreement&) const = default;
};

struct MedicationDispense {
  BlockHeader h;
  std::optional<BlockId> authorizingRequest;  // the VV
  std::optional<Quantity> quantity;
  std::optional<Quantity> daysSupply;  // verbruiksduur
  std::optional<DateTime> handedOver;
  std::optional<DateTime> requestDate;
  bool distributedInGds = false;
  std::vector<Coding> additionalInformation;  // AanvInfoVS: amount changed, recall, returned
  bool operator==(const MedicationDispense&) const = default;
};

enum class UseStatus { kUsing, kNotUsing, kSuspended, kStopped, kUnknown };

struct MedicationUse {
  BlockHeader h;
  UseStatus use = UseStatus::kUnknown;
  std::optional<bool> asAgreed;      // ext-AsAgreedIndicator
  std::optional<DateTime> asserted;  // dateAsserted (MedicationUseDateTime)
  std::vector<BlockId> derivedFrom;
  Actor informant;
  Concept statusReason;
  bool operator==(const MedicationUse&) const = default;
};

struct MedicationAdministration {
  BlockHeader h;
  std::optional<DateTime> administered;
  std::optional<DateTime> planned;
  std::optional<BlockId> agreement;  // request -> MA
  std::optional<Quantity> dose;
  Concept deviationReason;
  bool operator==(const MedicationAdministration&) const = default;
};

struct MedicationData {
  std::vector<MedicationAgreement> agreements;
  std::vector<VariableDosingRegimen> regimens;
  std::vector<DispenseRequest> dispenseRequests;
  std::vector<AdministrationAgreement> administrationAgreements;
  std::vector<MedicationDispense> dispenses;
  std::vector<MedicationUse> uses;
  std::vector<MedicationAdministration> administrations;

  std::size_t Count() const;
  void Append(MedicationData&& other);
  bool operator==(const MedicationData&) const = default;
};

}  // namespace zb::domain
