// SPDX-License-Identifier: GPL-3.0-or-later
#include "present/texts.h"

#include "present/tr.h"

namespace zb::present {

namespace d = zb::domain;

namespace {
std::string Arg(const std::vector<std::string>& args, std::size_t i) {
  return i < args.size() ? args[i] : std::string();
}
}  // namespace

std::string StatusHeading(d::TreatmentStatus s) {
  switch (s) {
    case d::TreatmentStatus::kUncertain:
      return Tr("STATUS ONZEKER — CONTROLEER (een stop- of onderbrekingsbericht hoort bij geen bekende afspraak)");
    case d::TreatmentStatus::kCurrent:
      return Tr("ACTUEEL");
    case d::TreatmentStatus::kFuture:
      return Tr("TOEKOMSTIG");
    case d::TreatmentStatus::kSuspended:
      return Tr("ONDERBROKEN");
    case d::TreatmentStatus::kRecentlyStopped:
      return Tr("RECENT GESTOPT");
    case d::TreatmentStatus::kCancelled:
      return Tr("GEANNULEERD");
    case d::TreatmentStatus::kHistoric:
      return Tr("HISTORIE");
    case d::TreatmentStatus::kUseOnly:
      return Tr("ALLEEN GEBRUIK (zelfzorg / zonder bekende afspraak)");
  }
  return "";
}

std::string StatusLabel(d::TreatmentStatus s) {
  switch (s) {
    case d::TreatmentStatus::kUncertain:
      return Tr("status onzeker — controleer");
    case d::TreatmentStatus::kCurrent:
      return Tr("actueel");
    case d::TreatmentStatus::kFuture:
      return Tr("toekomstig");
    case d::TreatmentStatus::kSuspended:
      return Tr("onderbroken");
    case d::TreatmentStatus::kRecentlyStopped:
      return Tr("recent gestopt");
    case d::TreatmentStatus::kCancelled:
      return Tr("geannuleerd");
    case d::TreatmentStatus::kHistoric:
      return Tr("historie");
    case d::TreatmentStatus::kUseOnly:
      return Tr("alleen gebruik");
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

std::string Describe(const d::TraceStep& step) {
  const auto& a = step.args;
  const std::string& b = step.block;
  switch (step.code) {
    case d::TraceCode::kDuplicateMerged:
      return Fmt("{0} kwam van {1} en {2}; de versie van {1} is gebruikt", {b, Arg(a, 0), Arg(a, 1)});
    case d::TraceCode::kStopApplied:
      return Arg(a, 2).empty()
                 ? Fmt("stopbericht {0} ({1}) beëindigt {2}", {b, Arg(a, 1), Arg(a, 0)})
                 : Fmt("stopbericht {0} ({1}) beëindigt {2} per {3}", {b, Arg(a, 1), Arg(a, 0), IsoAsDutch(Arg(a, 2))});
    case d::TraceCode::kStopMatchedByStart:
      return Fmt("stopbericht {0} zonder verwijzing; gekoppeld aan {1} (zelfde startdatum)", {b, Arg(a, 0)});
    case d::TraceCode::kStopMatchedOnly:
      return Fmt("stopbericht {0} zonder verwijzing; gekoppeld aan {1} (enige afspraak)", {b, Arg(a, 0)});
    case d::TraceCode::kStopUnmatched:
      return Fmt("stopbericht {0} kon aan geen afspraak worden gekoppeld", {b});
    case d::TraceCode::kSuperseded:
      return Fmt("{0} is vervangen door {1} per {2}", {b, Arg(a, 0), IsoAsDutch(Arg(a, 1))});
    case d::TraceCode::kEndsNaturally:
      return Fmt("{0} is afgelopen op {1}", {b, IsoAsDutch(Arg(a, 0))});
    case d::TraceCode::kNotYetStarted:
      return Fmt("{0} start pas op {1}", {b, IsoAsDutch(Arg(a, 0))});
    case d::TraceCode::kActive:
      return Arg(a, 1).empty()
                 ? Fmt("{0} loopt (vanaf {1}, doorlopend)", {b, IsoAsDutch(Arg(a, 0))})
                 : Fmt("{0} loopt (vanaf {1} t/m {2})", {b, IsoAsDutch(Arg(a, 0)), IsoAsDutch(Arg(a, 1))});
    case d::TraceCode::kCancelled:
      return Arg(a, 0).empty() ? Fmt("{0} is geannuleerd", {b}) : Fmt("{0} is geannuleerd door {1}", {b, Arg(a, 0)});
    case d::TraceCode::kStopScheduled:
      return Fmt("{0} stopt op {1}", {b, IsoAsDutch(Arg(a, 0))});
    case d::TraceCode::kSuspendedResumes:
      return Fmt("hervat met {0} op {1}", {b, IsoAsDutch(Arg(a, 0))});
    case d::TraceCode::kBasedOn:
      return Fmt("status bepaald uit {0}", {Arg(a, 0)});
    case d::TraceCode::kNoTreatmentId:
      return Fmt("{0} heeft geen MBH-id; als eigen behandeling getoond", {b});
    case d::TraceCode::kClassified:
      return Fmt("status: {0} op {1}", {Arg(a, 0), IsoAsDutch(Arg(a, 1))});
    case d::TraceCode::kNoStart:
      return Fmt("{0} heeft geen startdatum; registratiedatum gebruikt", {b});
  }
  return "";
}

std::string RollTimingLabel(d::RollTiming t) {
  switch (t) {
    case d::RollTiming::kNone:
      return "";
    case d::RollTiming::kImmediately:
      return Tr("direct op toedienlijst of in GDS");
    case d::RollTiming::kNextRollChange:
      return Tr("per volgende GDS-rolwissel");
    case d::RollTiming::kAfterRegularProcessing:
      return Tr("na reguliere voorschriftverwerking");
  }
  return "";
}

std::string CriticalityLabel(d::Criticality c) {
  switch (c) {
    case d::Criticality::kHigh:
      return Tr("hoog risico");
    case d::Criticality::kLow:
      return Tr("laag risico");
    case d::Criticality::kUnableToAssess:
      return Tr("risico niet te beoordelen");
    case d::Criticality::kUnknown:
      return "";
  }
  return "";
}

std::string ClinicalStatusLabel(d::ClinicalStatus s) {
  switch (s) {
    case d::ClinicalStatus::kActive:
      return Tr("actief");
    case d::ClinicalStatus::kInactive:
      return Tr("niet actief");
    case d::ClinicalStatus::kResolved:
      return Tr("verdwenen");
    case d::ClinicalStatus::kUnknown:
      return "";
  }
  return "";
}

std::string VerificationLabel(d::VerificationStatus s) {
  switch (s) {
    case d::VerificationStatus::kConfirmed:
      return Tr("bevestigd");
    case d::VerificationStatus::kUnconfirmed:
      return Tr("onbevestigd");
    case d::VerificationStatus::kRefuted:
      return Tr("weerlegd");
    case d::VerificationStatus::kEnteredInError:
      return Tr("foutief ingevoerd");
    case d::VerificationStatus::kUnknown:
      return "";
  }
  return "";
}

std::string SourceKindLabel(d::SourceKind k) {
  switch (k) {
    case d::SourceKind::kGeneralPractitioner:
      return Tr("huisarts");
    case d::SourceKind::kPharmacy:
      return Tr("apotheek");
    case d::SourceKind::kHospital:
      return Tr("ziekenhuis");
    case d::SourceKind::kOwnRecord:
      return Tr("eigen dossier");
    case d::SourceKind::kImport:
      return Tr("import");
    case d::SourceKind::kUnknown:
      return Tr("bron");
  }
  return Tr("bron");
}

std::string BlockKindLabel(d::BlockKind k) {
  switch (k) {
    case d::BlockKind::kMedicationAgreement:
      return Tr("medicatieafspraak");
    case d::BlockKind::kVariableDosingRegimen:
      return Tr("wisselend doseerschema");
    case d::BlockKind::kDispenseRequest:
      return Tr("verstrekkingsverzoek");
    case d::BlockKind::kAdministrationAgreement:
      return Tr("toedieningsafspraak");
    case d::BlockKind::kMedicationDispense:
      return Tr("medicatieverstrekking");
    case d::BlockKind::kMedicationUse:
      return Tr("medicatiegebruik");
    case d::BlockKind::kMedicationAdministration:
      return Tr("medicatietoediening");
  }
  return "";
}

}  // namespace zb::present
