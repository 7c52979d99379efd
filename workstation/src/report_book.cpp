// SPDX-License-Identifier: GPL-3.0-or-later
#include "workstation/report_book.h"

#include "draft_book_impl.h"
#include "net/fhir/locum_codec.h"
#include "net/fhir/locum_report_fhir.h"
#include "net/fhir/reader.h"
#include "net/jose/random.h"
#include "present/prescription_report.h"
#include "store/local_store.h"

namespace zb::workstation {

using domain::ErrorCode;
using domain::MakeError;

namespace {

domain::Error NotFound(const std::string& reportId) {
  return domain::Error{ErrorCode::kMissing, "report " + reportId + " does not exist for this patient", "not_found"};
}

domain::Patient PatientOf(const domain::RegisteredPatient& p) { return {p.bsn, p.name, p.birthDate, "register"}; }

domain::Result<ReportEntry> EntryOf(const store::StoredReport& stored) {
  auto report = net::fhir::DecodeLocumReport(stored.payload, "report " + stored.reportId);
  if (!report) return report.error();
  return ReportEntry{std::move(report).value(), stored.author, stored.createdAt, stored.updatedAt};
}

}  // namespace

ReportBook::ReportBook(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
ReportBook::~ReportBook() = default;

domain::Result<domain::LocumReport> ReportBook::New(const domain::RegisteredPatient& patient, domain::Instant now) {
  const auto user = m_impl->user();
  if (!user) return NotLoggedIn();
  domain::LocumReport r;
  r.id = net::jose::RandomUuid();
  r.patient = PatientOf(patient);
  r.author = PrescriberOf(*user);
  r.contact.start = now;
  r.contact.location = patient.location;
  auto released = ReleasedSince(patient, now - boost::posix_time::hours(kShiftHours));
  if (!released) return released.error();
  r.medication = std::move(released).value();
  return r;
}

domain::Result<std::vector<domain::ShiftMedication>> ReportBook::ReleasedSince(const domain::RegisteredPatient& patient,
                                                                               domain::Instant since) {
  auto items = m_impl->store.outbox().List(patient.id);
  if (!items) return items.error();
  std::vector<domain::ShiftMedication> out;
  for (const auto& item : items.value()) {
    if (item.target != "pharmacy" || item.createdAt < since) continue;
    net::fhir::Reader reader;
    auto doc = reader.Read(item.bundle, {"outbox item " + std::to_string(item.id), "release"});
    if (!doc) return doc.error();
    for (const auto& ma : doc->medication.agreements) {
      std::string text = present::AgreementActionText(ma) + ": " + ma.h.product->DisplayName();
      if (!ma.h.renderedDosage.empty()) text += " — " + ma.h.renderedDosage;
      if (!ma.h.reason.empty()) text += " — " + ma.h.reason.Label();
      out.push_back({ma.h.id, std::move(text)});
    }
  }
  return out;
}

domain::Result<ReportEntry> ReportBook::Save(const domain::RegisteredPatient& patient, domain::LocumReport report,
                                             domain::Instant now) {
  const auto user = m_impl->user();
  if (!user) return NotLoggedIn();
  if (report.status != domain::ReportStatus::kDraft)
    return MakeError(ErrorCode::kInconsistent, "report " + report.id + " is signed; write a correction instead");
  if (report.id.empty()) return MakeError(ErrorCode::kMissing, "the report has no id; start it with New");
  report.patient = PatientOf(patient);
  report.author = PrescriberOf(*user);
  store::StoredReport record;
  record.reportId = report.id;
  record.patientId = patient.id;
  record.status = "draft";
  record.author = user->audit;
  record.updatedAt = now;
  record.payload = net::fhir::EncodeLocumReport(report);
  auto saved = m_impl->store.reports().Save(record);
  if (!saved) return saved.error();
  m_impl->audit(domain::AuditAction::kReportSaved, patient.bsn.digits(), "report " + report.id, "ok");
  auto stored = m_impl->store.reports().Get(report.id);
  if (!stored) return stored.error();
  return ReportEntry{std::move(report), user->audit, stored.value() ? stored.value()->createdAt : now, now};
}

domain::Result<ReportEntry> ReportBook::Sign(const domain::RegisteredPatient& patient, const std::string& reportId,
                                             domain::Instant now) {
  const auto user = m_impl->user();
  if (!user) return NotLoggedIn();
  auto stored = m_impl->store.reports().Get(reportId);
  if (!stored) return stored.error();
  if (!stored.value() || stored.value()->patientId != patient.id) return NotFound(reportId);
  auto entry = EntryOf(*stored.value());
  if (!entry) return entry.error();
  domain::LocumReport report = std::move(entry.value().report);
  report.author = PrescriberOf(*user);  // the one who signs is the author (B-R1)
  auto signedReport = domain::Sign(std::move(report), now);
  if (!signedReport) {
    m_impl->audit(domain::AuditAction::kReportSigned, patient.bsn.digits(), "report " + reportId, "refused");
    return signedReport.error();
  }
  auto document = net::fhir::WriteLocumReport(signedReport.value());
  if (!document) return document.error();
  store::StoredReport record = *stored.value();
  record.status = domain::ToString(signedReport->status);
  record.author = user->audit;
  record.updatedAt = now;
  record.signedAt = now;
  record.payload = net::fhir::EncodeLocumReport(signedReport.value());
  record.document = document.value();
  auto saved = m_impl->store.reports().Save(record);
  if (!saved) return saved.error();
  m_impl->audit(domain::AuditAction::kReportSigned, patient.bsn.digits(),
                "report " + reportId + " version " + std::to_string(signedReport->version), "ok");
  return ReportEntry{std::move(signedReport).value(), user->audit, record.createdAt, now};
}

domain::Result<ReportEntry> ReportBook::Correct(const domain::RegisteredPatient& patient, const std::string& reportId,
                                                domain::Instant now) {
  if (!m_impl->user()) return NotLoggedIn();
  auto stored = m_impl->store.reports().Get(reportId);
  if (!stored) return stored.error();
  if (!stored.value() || stored.value()->patientId != patient.id) return NotFound(reportId);
  auto entry = EntryOf(*stored.value());
  if (!entry) return entry.error();
  auto next = domain::Correct(entry.value().report, net::jose::RandomUuid());
  if (!next) return next.error();
  return Save(patient, std::move(next).value(), now);
}

domain::Result<std::vector<ReportEntry>> ReportBook::List(const domain::RegisteredPatient& patient) {
  auto stored = m_impl->store.reports().List(patient.id);
  if (!stored) return stored.error();
  std::vector<ReportEntry> out;
  for (const auto& s : stored.value()) {
    auto entry = EntryOf(s);
    if (!entry) return entry.error();
    out.push_back(std::move(entry).value());
  }
  return out;
}

domain::Result<std::string> ReportBook::Document(const domain::RegisteredPatient& patient,
                                                 const std::string& reportId) {
  auto stored = m_impl->store.reports().Get(reportId);
  if (!stored) return stored.error();
  if (!stored.value() || stored.value()->patientId != patient.id || stored.value()->document.empty())
    return NotFound(reportId);
  return stored.value()->document;
}

}  // namespace zb::workstation
