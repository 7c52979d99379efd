// SPDX-License-Identifier: GPL-3.0-or-later
#include "present/audit_texts.h"

#include "domain/retrieval.h"
#include "domain/source.h"
#include "present/texts.h"
#include "present/tr.h"

namespace zb::present {

namespace d = zb::domain;

std::string AuditActionLabel(d::AuditAction action) {
  switch (action) {
    case d::AuditAction::kLogin:
      return Tr("ingelogd");
    case d::AuditAction::kLogout:
      return Tr("uitgelogd");
    case d::AuditAction::kLock:
      return Tr("vergrendeld");
    case d::AuditAction::kUnlock:
      return Tr("ontgrendeld");
    case d::AuditAction::kRetrieve:
      return Tr("gegevens opgehaald");
    case d::AuditAction::kViewOverview:
      return Tr("overzicht bekeken");
    case d::AuditAction::kViewOffline:
      return Tr("opgeslagen overzicht bekeken");
    case d::AuditAction::kPrint:
      return Tr("afgedrukt");
    case d::AuditAction::kExportPdf:
      return Tr("als PDF opgeslagen");
    case d::AuditAction::kRegisterPatient:
      return Tr("patiënt geregistreerd");
    case d::AuditAction::kEditPatient:
      return Tr("patiënt gewijzigd");
    case d::AuditAction::kViewAuditTrail:
      return Tr("audit-trail bekeken");
    case d::AuditAction::kExportAuditTrail:
      return Tr("audit-trail geëxporteerd");
    case d::AuditAction::kDraftCreated:
      return Tr("concept aangemaakt");
    case d::AuditAction::kDraftEdited:
      return Tr("concept gewijzigd");
    case d::AuditAction::kDraftDeleted:
      return Tr("concept verwijderd");
    case d::AuditAction::kReleaseQueued:
      return Tr("concepten vrijgegeven");
    case d::AuditAction::kReleaseSent:
      return Tr("vrijgave verzonden");
    case d::AuditAction::kReleaseProcessed:
      return Tr("verwerkt door apotheek");
    case d::AuditAction::kReportSaved:
      return Tr("waarneemverslag opgeslagen");
    case d::AuditAction::kReportSigned:
      return Tr("waarneemverslag ondertekend");
    case d::AuditAction::kReportSent:
      return Tr("waarneemverslag verzonden");
    case d::AuditAction::kReportRead:
      return Tr("waarneemverslag gelezen");
    case d::AuditAction::kReportAcknowledged:
      return Tr("waarneemverslag gelezen en overgenomen");
    case d::AuditAction::kReportRequestDone:
      return Tr("verzoek uit waarneemverslag afgerond");
  }
  return d::ToString(action);
}

std::string AuditOutcomeText(const std::string& outcome) {
  if (outcome == "ok") return Tr("gelukt");
  if (outcome == "complete") return Tr("volledig");
  const std::string incomplete = "incomplete: ";
  if (outcome.rfind(incomplete, 0) != 0) return outcome;
  // "gp=unreachable,pharmacy=consent-refused": each source kind with its status in words.
  std::string list;
  std::size_t at = incomplete.size();
  while (at < outcome.size()) {
    auto end = outcome.find(',', at);
    if (end == std::string::npos) end = outcome.size();
    const std::string item = outcome.substr(at, end - at);
    const auto eq = item.find('=');
    std::string words = item;
    if (eq != std::string::npos) {
      words = SourceKindLabel(d::SourceKindFromString(item.substr(0, eq))) + " " +
              SourceStatusLabel(d::SourceStatusFromString(item.substr(eq + 1)));
    }
    list += (list.empty() ? "" : ", ") + words;
    at = end + 1;
  }
  return Fmt("onvolledig: {0}", {list});
}

std::string AuditContextText(const std::string& context) {
  if (context == "print") return Tr("printer");
  if (context == "pdf") return Tr("PDF-bestand");
  if (context == "dezi") return Tr("DEZI-login");
  if (context == "patient-dialog") return Tr("patiëntgegevens");
  if (context == "audit-dialog") return Tr("audit-venster");
  if (context == "inactivity-or-menu") return Tr("na inactiviteit of via het menu");
  const std::string sources = " sources";
  if (context.size() > sources.size() && context.ends_with(sources)) {
    return Fmt("{0} bronnen", {context.substr(0, context.size() - sources.size())});
  }
  const std::string retrieved = "retrieved ";
  if (context.rfind(retrieved, 0) == 0) return Fmt("opgehaald {0}", {IsoAsDutch(context.substr(retrieved.size()))});
  return context;
}

}  // namespace zb::present
