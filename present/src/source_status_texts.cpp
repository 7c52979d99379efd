// SPDX-License-Identifier: GPL-3.0-or-later
// Why a source's part of the picture is missing, in words a physician acts on: consent is a matter
// for the patient, a missing treatment relation for the organisations, unreachable for later.
#include <map>

#include "present/texts.h"

namespace zb::present {

namespace d = zb::domain;

std::string SourceStatusLabel(d::SourceStatus s) {
  switch (s) {
    case d::SourceStatus::kPending: return "bezig";
    case d::SourceStatus::kData: return "gegevens ontvangen";
    case d::SourceStatus::kNoData: return "geen gegevens (bron heeft niets)";
    case d::SourceStatus::kPatientUnknown: return "patiënt niet bekend bij de bron";
    case d::SourceStatus::kConsentRefused: return "toestemming geweigerd door de patiënt";
    case d::SourceStatus::kNoConsent: return "geen toestemming geregistreerd";
    case d::SourceStatus::kAccessDenied: return "inzage geweigerd";
    case d::SourceStatus::kNotConnected: return "niet aangesloten";
    case d::SourceStatus::kUnreachable: return "niet bereikbaar";
    case d::SourceStatus::kFailed: return "mislukt";
    case d::SourceStatus::kCancelled: return "afgebroken";
  }
  return "onbekend";
}

std::string SourceReasonLabel(d::SourceStatus s, const std::string& reason) {
  static const std::map<std::string, std::string> kReasons{
      {"no-treatment-relation", "geen behandelrelatie bij de bron"},
      {"not-given", "de bron noemt geen reden"},
      {"other", "reden: zie detail"},
      {"token-refused", "de bron accepteert het toegangstoken niet"},
      {"holder_authorization_error", "de bron geeft geen toegangstoken af"},
      {"credentials_insufficient", "onze organisatie of gebruiker voldoet niet aan de eisen van de bron"},
      {"role_not_allowed", "uw rol mag geen gegevens opvragen"},
      {"deadline", "geen antwoord binnen de wachttijd"},
      {"holder_timeout", "geen antwoord binnen de wachttijd"},
      {"holder_unreachable", "verbinding mislukt"},
      {"holder_tls_refused", "beveiligde verbinding geweigerd (certificaat klopt niet)"},
      {"gateway_unreachable", "de gateway van uw organisatie is niet bereikbaar"},
      {"gateway_tls_refused", "het certificaat van de gateway wordt niet vertrouwd"},
      {"holder_answer_incomplete", "antwoord afgebroken"},
      {"holder_answer_too_large", "antwoord te groot"},
      {"malformed", "antwoord is geen geldige FHIR JSON"},
      {"http-503", "tijdelijk niet beschikbaar"},
      {"birthdate-mismatch", "geboortedatum bij de bron wijkt af; gegevens niet gebruikt"},
      {"patient-mismatch", "antwoord over een andere patiënt; niet gebruikt"},
      {"not-in-directory", "staat niet in het adresboek van de gebruikte netwerken"},
      {"no-medication-service", "doet niet mee aan medicatie-uitwisseling"},
      {"session_invalid", "sessie verlopen: log opnieuw in"}};
  auto it = kReasons.find(reason);
  if (it != kReasons.end()) return it->second;
  if (reason.rfind("http-", 0) == 0) return "foutmelding " + reason.substr(5) + " van de bron";
  (void)s;
  return {};
}

std::string DescribeSource(const d::SourceOutcome& o) {
  std::string text = SourceStatusLabel(o.status);
  const std::string reason = SourceReasonLabel(o.status, o.reason);
  if (!reason.empty() && reason != text) text += " (" + reason + ")";
  return text;
}

}  // namespace zb::present
