// SPDX-License-Identifier: GPL-3.0-or-later
// The paper prescription of a release no pharmacy could take electronically (prescribing.md "No
// receiver"): read back from the sealed Bundle as it was queued, so the paper says exactly what the
// release says, with the prescriber as the DEZI login identified them at release.
#include "net/fhir/reader.h"
#include "net/jose/random.h"
#include "release_desk_impl.h"

namespace zb::workstation {

domain::Result<present::PrescriptionPaper> ReleaseDesk::Prescription(const domain::RegisteredPatient& patient,
                                                                     std::int64_t entryId) {
  const auto user = m_impl->user();
  if (!user) return detail::Refused("no session", "not_logged_in");
  auto item = detail::PatientItem(m_impl->store, patient, entryId);
  if (!item) return item.error();
  const auto& o = item.value();
  // Paper only where nothing reached a pharmacy electronically: a second, paper copy of a delivered
  // order could be dispensed twice.
  const bool paper = o.state == store::OutboxState::kNoReceiver || o.state == store::OutboxState::kRefused ||
                     o.state == store::OutboxState::kHandDelivered;
  if (o.target != "pharmacy" || !paper)
    return detail::Refused(std::string("outbox item ") + std::to_string(entryId) + " is " + store::ToString(o.state) +
                               " to the " + o.target +
                               ": a paper prescription is made only for an order no pharmacy took",
                           "no_paper");
  net::fhir::Reader reader;
  auto doc = reader.Read(o.bundle, {"outbox item " + std::to_string(entryId), "release"});
  if (!doc) return doc.error();
  if (doc->medication.agreements.empty())
    return domain::MakeError(domain::ErrorCode::kInconsistent,
                             "outbox item " + std::to_string(entryId) + ": the stored Bundle holds no agreement");
  present::PrescriptionPaper p;
  p.patientName = patient.name;
  p.bsn = patient.bsn.digits();
  p.birthDate = patient.birthDate;
  p.prescriberName = o.author.name;
  p.deziNumber = o.author.userId;
  p.roleCode = o.author.roleCode;
  p.organisationUra = o.author.organisationUra;
  if (user->audit.userId == o.author.userId) p.roleName = user->roleName;
  // The release's other Bundle went to the prescriber's own organisation's record: its name.
  if (auto all = m_impl->store.outbox().List(patient.id)) {
    for (const auto& other : all.value()) {
      if (other.release == o.release && other.target == "care-record") p.organisationName = other.receiverName;
    }
  }
  // Whom it was meant for: by name where the retrieval named it, else by the URA it was sent to.
  p.pharmacy = o.receiverName.empty() && !o.receiverUra.empty() ? "URA " + o.receiverUra : o.receiverName;
  p.agreements = std::move(doc->medication.agreements);
  p.dispenseRequests = std::move(doc->medication.dispenseRequests);
  p.releasedAt = o.createdAt;
  p.bundleIdentifier = o.bundleIdentifier;
  p.sha256 = net::jose::Hex(net::jose::Sha256(o.bundle));
  p.state = store::ToString(o.state);  // in words by the presenter
  m_impl->audit(domain::AuditAction::kPrint, patient.bsn.digits(), "release " + o.release + ": paper prescription",
                "ok");
  return p;
}

}  // namespace zb::workstation
