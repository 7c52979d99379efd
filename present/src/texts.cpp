// SPDX-License-Identifier: GPL-3.0-or-later
#include "present/texts.h"

namespace zb::present {

namespace d = zb::domain;

namespace {
std::string Arg(const std::vector<std::string>& args, std::size_t i) { return i < args.size() ? args[i] : std::string(); }

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}
}  // namespace

std::string StatusHeading(d::TreatmentStatus s) {
  switch (s) {
    case d::TreatmentStatus::kCurrent: return "ACTUEEL";
    case d::TreatmentStatus::kFuture: return "TOEKOMSTIG";
    case d::TreatmentStatus::kSuspended: return "ONDERBROKEN";
    case d::TreatmentStatus::kRecentlyStopped: return "RECENT GESTOPT";
    case d::TreatmentStatus::kCancelled: return "GEANNULEERD";
    case d::TreatmentStatus::kHistoric: return "HISTORIE";
    case d::TreatmentStatus::kUseOnly: return "ALLEEN GEBRUIK (zelfzorg / zonder bekende afspraak)";
  }
  return "";
}

std::string StatusLabel(d::TreatmentStatus s) {
  switch (s) {
    case d::TreatmentStatus::kCurrent: return "actueel";
    case d::TreatmentStatus::kFuture: return "toekomstig";
    case d::TreatmentStatus::kSuspended: return "onderbroken";
    case d::TreatmentStatus::kRecentlyStopped: return "recent gestopt";
    case d::TreatmentStatus::kCancelled: return "geannuleerd";
    case d::TreatmentStatus::kHistoric: return "historie";
    case d::TreatmentStatus::kUseOnly: return "alleen gebruik";
  }
  return "";
}

std::string IsoAsDutch(const std::string& iso) {
  if (iso.empty()) return {};
  auto dt = d::DateTime::Parse(iso);
  if (!dt) return iso;
  const auto local = d::ToNetherlandsLocal(dt->Earliest());
  const auto tod = local.time_of_day();
  if (tod.hours() == 0 && tod.minutes() == 0) return d::FormatDate(local.date());
  if (tod.hours() == 23 && tod.minutes() == 59) return d::FormatDate(local.date());  // "t/m" end of day
  return d::FormatDateTime(dt->Earliest());
}

std::string Describe(const d::Discrepancy& x) {
  const auto& a = x.args;
  switch (x.kind) {
    case d::DiscrepancyKind::kAdministrationDoseDiffers:
      return "Toedieningsafspraak van de apotheek wijkt af van de medicatieafspraak: TA '" + Arg(a, 1) + "' tegenover MA '" +
             Arg(a, 2) + "'";
    case d::DiscrepancyKind::kAdministrationOutdated:
      return "Toedieningsafspraak " + Arg(a, 0) + " van de apotheek hoort bij een eerdere afspraak (" + Arg(a, 1) +
             "); de wijziging is daar nog niet verwerkt";
    case d::DiscrepancyKind::kUseReportsNotUsed:
      return std::string("Medicatiegebruik meldt dat de patiënt dit ") +
             (Arg(a, 1) == "stopped" ? "gestopt is" : Arg(a, 1) == "suspended" ? "tijdelijk niet gebruikt" : "niet gebruikt") +
             ", terwijl de afspraak loopt";
    case d::DiscrepancyKind::kUseNotAsAgreed:
      return "Medicatiegebruik: niet volgens afspraak gebruikt";
    case d::DiscrepancyKind::kSourcesDisagree:
      return "Bronnen verschillen: " + Join(a, "; ");
    case d::DiscrepancyKind::kKnownAtOneSourceOnly:
      return "Alleen bekend bij " + Arg(a, 0);
    case d::DiscrepancyKind::kSameBlockDiffers:
      return "Bouwsteen " + Arg(a, 0) + " verschilt tussen " + Arg(a, 1) + " en " + Arg(a, 2);
    case d::DiscrepancyKind::kPossibleDuplicate:
      return "Mogelijk dubbel: zelfde geneesmiddel in andere behandeling (" + Arg(a, 1) + ")";
    case d::DiscrepancyKind::kStopWithoutTarget:
      return "Stopbericht " + Arg(a, 0) + " hoort bij geen bekende afspraak";
    case d::DiscrepancyKind::kAdministrationAfterStop:
      return "Apotheek heeft nog een lopende toedieningsafspraak (" + Arg(a, 0) + ")";
    case d::DiscrepancyKind::kNoAgreementKnown:
      return "Geen medicatieafspraak bekend, alleen " + Arg(a, 0);
    case d::DiscrepancyKind::kUnknownEnd:
      return "Einddatum onbekend: duur in eenheid '" + Arg(a, 1) + "' (" + Arg(a, 0) + ")";
  }
  return "";
}

std::string Describe(const d::TraceStep& t) {
  const auto& a = t.args;
  const std::string& b = t.block;
  switch (t.code) {
    case d::TraceCode::kDuplicateMerged:
      return b + " kwam van " + Arg(a, 0) + " en " + Arg(a, 1) + "; de versie van " + Arg(a, 0) + " is gebruikt";
    case d::TraceCode::kStopApplied:
      return "stopbericht " + b + " (" + Arg(a, 1) + ") beëindigt " + Arg(a, 0) +
             (Arg(a, 2).empty() ? std::string() : " per " + IsoAsDutch(Arg(a, 2)));
    case d::TraceCode::kStopMatchedByStart:
      return "stopbericht " + b + " zonder verwijzing; gekoppeld aan " + Arg(a, 0) + " (zelfde startdatum)";
    case d::TraceCode::kStopMatchedOnly:
      return "stopbericht " + b + " zonder verwijzing; gekoppeld aan " + Arg(a, 0) + " (enige afspraak)";
    case d::TraceCode::kStopUnmatched:
      return "stopbericht " + b + " kon aan geen afspraak worden gekoppeld";
    case d::TraceCode::kSuperseded:
      return b + " is vervangen door " + Arg(a, 0) + " per " + IsoAsDutch(Arg(a, 1));
    case d::TraceCode::kEndsNaturally:
      return b + " is afgelopen op " + IsoAsDutch(Arg(a, 0));
    case d::TraceCode::kNotYetStarted:
      return b + " start pas op " + IsoAsDutch(Arg(a, 0));
    case d::TraceCode::kActive:
      return b + " loopt (vanaf " + IsoAsDutch(Arg(a, 0)) + (Arg(a, 1).empty() ? ", doorlopend)" : " t/m " + IsoAsDutch(Arg(a, 1)) + ")");
    case d::TraceCode::kCancelled:
      return b + " is geannuleerd" + (Arg(a, 0).empty() ? std::string() : " door " + Arg(a, 0));
    case d::TraceCode::kStopScheduled:
      return b + " stopt op " + IsoAsDutch(Arg(a, 0));
    case d::TraceCode::kSuspendedResumes:
      return "hervat met " + b + " op " + IsoAsDutch(Arg(a, 0));
    case d::TraceCode::kBasedOn:
      return "status bepaald uit " + Arg(a, 0);
    case d::TraceCode::kNoTreatmentId:
      return b + " heeft geen MBH-id; als eigen behandeling getoond";
    case d::TraceCode::kClassified:
      return "status: " + Arg(a, 0) + " op " + IsoAsDutch(Arg(a, 1));
    case d::TraceCode::kNoStart:
      return b + " heeft geen startdatum; registratiedatum gebruikt";
  }
  return "";
}

std::string RollTimingLabel(d::RollTiming t) {
  switch (t) {
    case d::RollTiming::kNone: return "";
    case d::RollTiming::kImmediately: return "direct op toedienlijst of in GDS";
    case d::RollTiming::kNextRollChange: return "per volgende GDS-rolwissel";
    case d::RollTiming::kAfterRegularProcessing: return "na reguliere voorschriftverwerking";
  }
  return "";
}

std::string CriticalityLabel(d::Criticality c) {
  switch (c) {
    case d::Criticality::kHigh: return "hoog risico";
    case d::Criticality::kLow: return "laag risico";
    case d::Criticality::kUnableToAssess: return "risico niet te beoordelen";
    case d::Criticality::kUnknown: return "";
  }
  return "";
}

std::string ClinicalStatusLabel(d::ClinicalStatus s) {
  switch (s) {
    case d::ClinicalStatus::kActive: return "actief";
    case d::ClinicalStatus::kInactive: return "niet actief";
    case d::ClinicalStatus::kResolved: return "verdwenen";
    case d::ClinicalStatus::kUnknown: return "";
  }
  return "";
}

std::string VerificationLabel(d::VerificationStatus s) {
  switch (s) {
    case d::VerificationStatus::kConfirmed: return "bevestigd";
    case d::VerificationStatus::kUnconfirmed: return "onbevestigd";
    case d::VerificationStatus::kRefuted: return "weerlegd";
    case d::VerificationStatus::kEnteredInError: return "foutief ingevoerd";
    case d::VerificationStatus::kUnknown: return "";
  }
  return "";
}

std::string SourceKindLabel(d::SourceKind k) {
  switch (k) {
    case d::SourceKind::kGeneralPractitioner: return "huisarts";
    case d::SourceKind::kPharmacy: return "apotheek";
    case d::SourceKind::kHospital: return "ziekenhuis";
    case d::SourceKind::kOwnRecord: return "eigen dossier";
    case d::SourceKind::kImport: return "import";
    case d::SourceKind::kUnknown: return "bron";
  }
  return "bron";
}

std::string BlockKindLabel(d::BlockKind k) {
  switch (k) {
    case d::BlockKind::kMedicationAgreement: return "medicatieafspraak";
    case d::BlockKind::kVariableDosingRegimen: return "wisselend doseerschema";
    case d::BlockKind::kDispenseRequest: return "verstrekkingsverzoek";
    case d::BlockKind::kAdministrationAgreement: return "toedieningsafspraak";
    case d::BlockKind::kMedicationDispense: return "medicatieverstrekking";
    case d::BlockKind::kMedicationUse: return "medicatiegebruik";
    case d::BlockKind::kMedicationAdministration: return "medicatietoediening";
  }
  return "";
}

}  // namespace zb::present
