// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/audit.h"

#include <array>
#include <utility>

namespace zb::domain {
namespace {
constexpr std::array<std::pair<AuditAction, const char*>, 25> kNames{{
    {AuditAction::kLogin, "login"},
    {AuditAction::kLogout, "logout"},
    {AuditAction::kLock, "lock"},
    {AuditAction::kUnlock, "unlock"},
    {AuditAction::kRetrieve, "retrieve"},
    {AuditAction::kViewOverview, "view-overview"},
    {AuditAction::kViewOffline, "view-offline"},
    {AuditAction::kPrint, "print"},
    {AuditAction::kExportPdf, "export-pdf"},
    {AuditAction::kRegisterPatient, "register-patient"},
    {AuditAction::kEditPatient, "edit-patient"},
    {AuditAction::kViewAuditTrail, "view-audit-trail"},
    {AuditAction::kExportAuditTrail, "export-audit-trail"},
    {AuditAction::kDraftCreated, "draft-created"},
    {AuditAction::kDraftEdited, "draft-edited"},
    {AuditAction::kDraftDeleted, "draft-deleted"},
    {AuditAction::kReleaseQueued, "release-queued"},
    {AuditAction::kReleaseSent, "release-sent"},
    {AuditAction::kReleaseProcessed, "release-processed"},
    {AuditAction::kReportSaved, "report-saved"},
    {AuditAction::kReportSigned, "report-signed"},
    {AuditAction::kReportSent, "report-sent"},
    {AuditAction::kReportRead, "report-read"},
    {AuditAction::kReportAcknowledged, "report-acknowledged"},
    {AuditAction::kReportRequestDone, "report-request-done"},
}};
}  // namespace

const char* ToString(AuditAction a) {
  for (const auto& [action, name] : kNames) {
    if (action == a) return name;
  }
  return "unknown";
}

std::optional<AuditAction> AuditActionFromString(std::string_view text) {
  for (const auto& [action, name] : kNames) {
    if (text == name) return action;
  }
  return std::nullopt;
}

}  // namespace zb::domain
