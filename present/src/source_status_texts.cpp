// SPDX-License-Identifier: GPL-3.0-or-later
// Why a source's part of the picture is missing, in words a physician acts on: consent is a matter
// for the patient, a missing treatment relation for the organisations, unreachable for later.
#include <algorithm>
#include <map>

#include "domain/retrieval.h"
#include "present/texts.h"
#include "present/tr.h"

namespace zb::present {

namespace d = zb::domain;

std::string SourceStatusLabel(d::SourceStatus status) {
  switch (status) {
    case d::SourceStatus::kPending:
      return Tr("bezig");
    case d::SourceStatus::kData:
      return Tr("gegevens ontvangen");
    case d::SourceStatus::kPartial:
      return Tr("onvolledig");
    case d::SourceStatus::kNoData:
      return Tr("geen gegevens (bron heeft niets)");
    case d::SourceStatus::kPatientUnknown:
      return Tr("patiënt niet bekend bij de bron");
    case d::SourceStatus::kConsentRefused:
      return Tr("toestemming geweigerd door de patiënt");
    case d::SourceStatus::kNoConsent:
      return Tr("geen toestemming geregistreerd");
    case d::SourceStatus::kAccessDenied:
      return Tr("inzage geweigerd");
    case d::SourceStatus::kNotConnected:
      return Tr("niet aangesloten");
    case d::SourceStatus::kUnreachable:
      return Tr("niet bereikbaar");
    case d::SourceStatus::kFailed:
      return Tr("mislukt");
    case d::SourceStatus::kCancelled:
      return Tr("afgebroken");
  }
  return Tr("onbekend");
}

std::string SourceReasonLabel(d::SourceStatus status, const std::string& reason) {
  static const std::map<std::string, const char*> kReasons{
      {"no-treatment-relation", N_("geen behandelrelatie bij de bron")},
      {"not-given", N_("de bron noemt geen reden")},
      {"other", N_("reden: zie detail")},
      {"token-refused", N_("de bron accepteert het toegangstoken niet")},
      {"holder_authorization_error", N_("de bron geeft geen toegangstoken af")},
      {"credentials_insufficient", N_("onze organisatie of gebruiker voldoet niet aan de eisen van de bron")},
      {"role_not_allowed", N_("uw rol mag geen gegevens opvragen")},
      {"deadline", N_("geen antwoord binnen de wachttijd")},
      {"holder_timeout", N_("geen antwoord binnen de wachttijd")},
      {"holder_unreachable", N_("verbinding mislukt")},
      {"holder_tls_refused", N_("beveiligde verbinding geweigerd (certificaat klopt niet)")},
      {"gateway_unreachable", N_("de gateway van uw organisatie is niet bereikbaar")},
      {"gateway_tls_refused", N_("het certificaat van de gateway wordt niet vertrouwd")},
      {"holder_answer_incomplete", N_("antwoord afgebroken")},
      {"holder_answer_too_large", N_("antwoord te groot")},
      {"malformed", N_("antwoord is geen geldige FHIR JSON")},
      {"http-503", N_("tijdelijk niet beschikbaar")},
      {"birthdate-mismatch", N_("geboortedatum bij de bron wijkt af; gegevens niet gebruikt")},
      {"patient-mismatch", N_("antwoord over een andere patiënt; niet gebruikt")},
      {"not-in-directory", N_("staat niet in het adresboek van de gebruikte netwerken")},
      {"no-medication-service", N_("doet niet mee aan medicatie-uitwisseling")},
      {"session_invalid", N_("sessie verlopen: log opnieuw in")},
      {"session_proof_invalid",
       N_("sessie hoort niet bij deze werkplek of de klok van deze computer wijkt af: log opnieuw in")},
      {"query-not-allowed", N_("niet toegestaan door de bron")},
      {"patient_not_enrolled",
       N_("patiënt staat niet in het register van deze organisatie (verwacht, opgenomen of tijdelijk): eerst inschrijven")}};
  auto it = kReasons.find(reason);
  if (it != kReasons.end()) return Tr(it->second);
  if (reason.rfind("http-", 0) == 0) return Fmt("foutmelding {0} van de bron", {reason.substr(5)});
  if (const auto wait = domain::GatewayBusyWait(reason))
    return Fmt("gateway druk, probeer over {0} s", {std::to_string(*wait)});
  (void)status;
  return {};
}

std::string QueryKindLabel(const std::string& kind) {
  static const std::map<std::string, const char*> kKinds{{"MA", N_("medicatieafspraken")},
                                                         {"MA-zorginzage", N_("medicatieafspraken")},
                                                         {"MA-zorginzage-mp9", N_("medicatieafspraken")},
                                                         {"VV", N_("verstrekkingsverzoeken")},
                                                         {"WDS", N_("wisselende doseerschema's")},
                                                         {"TA", N_("toedieningsafspraken")},
                                                         {"MVE", N_("verstrekkingen")},
                                                         {"MGB", N_("medicatiegebruik")},
                                                         {"MTD", N_("toedieningen")},
                                                         {"contra-indications", N_("contra-indicaties")},
                                                         {"surveillance-decisions", N_("bewakingsbesluiten")},
                                                         {"allergies", N_("allergieën")},
                                                         {"alerts", N_("waarschuwingen")},
                                                         {"patient-search", N_("patiëntgegevens")},
                                                         {"patient-lookup", N_("patiëntgegevens")},
                                                         {"directory", N_("adresboek")}};
  auto it = kKinds.find(kind);
  return it == kKinds.end() ? kind : Tr(it->second);
}

std::string MissingKindsText(const std::vector<std::string>& kinds) {
  std::vector<std::string> labels;
  for (const auto& kind : kinds) {
    std::string label = QueryKindLabel(kind);
    if (std::find(labels.begin(), labels.end(), label) == labels.end()) labels.push_back(std::move(label));
  }
  std::string list;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (i > 0) list += i + 1 == labels.size() ? " " + Tr("en") + " " : ", ";
    list += labels[i];
  }
  return Fmt("{0} ontbreken", {list});
}

std::string DescribeSource(const d::SourceOutcome& o) {
  if (o.status == d::SourceStatus::kPartial) {
    // "onvolledig: verstrekkingen ontbreken (geen antwoord binnen de wachttijd)"
    std::string text = Fmt("{0}: {1}", {SourceStatusLabel(o.status), MissingKindsText(o.missing)});
    const std::string reason = SourceReasonLabel(o.status, o.reason);
    if (!reason.empty()) text = Fmt("{0} ({1})", {text, reason});
    return text;
  }
  std::string text = SourceStatusLabel(o.status);
  const std::string reason = SourceReasonLabel(o.status, o.reason);
  if (!reason.empty() && reason != text) text = Fmt("{0} ({1})", {text, reason});
  return text;
}

}  // namespace zb::present
