// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The covering physician's on-call reports (waarneem.md, docs/waarneem-ig.md): written during the
// shift as drafts kept sealed in the local store (nothing written is lost), signed by the logged-in
// physician — who is the author, from the DEZI verklaring, never typed in — which freezes the
// version and its FHIR document, and corrected as a new version. Every save and signature is in
// the audit trail. Sending goes through the organisation's gateway (sender-hosted notified pull,
// docs/waarneem-ig.md §5): the send is noted in the store before the gateway is asked, so a crash
// in between sends it again (SendPending) and the gateway keeps one per report. The inbox lists the
// reports other organisations sent; reading pulls one live, acknowledging completes the sender's Task.
// Threads: call from one thread at a time (the UI thread); each call is one store transaction.
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/audit.h"
#include "domain/locum_report.h"
#include "domain/patient_register.h"
#include "domain/result.h"

namespace zb::store {
class LocalStore;
}
namespace zb::net::client {
class GatewayClient;
}
namespace zb::net::contract {
struct Todo;
}

namespace zb::workstation {

struct User;

struct ReportEntry {
  domain::LocumReport report;
  domain::AuditUser author;  // who last wrote it
  domain::Instant createdAt;
  domain::Instant updatedAt;
};

// A team of an organisation that a report can be addressed to (docs/waarneem-ig.md §5a); an
// empty id is the organisation as a whole.
struct ReportTeam {
  std::string id;
  std::string name;
  std::string location;
  bool known = true;  // on a received report: one of our teams (else it came for the whole organisation)
};
// Whether a received report addressed to `addressedTo` belongs on the list of `team` (empty: every
// one): those of that team, and those for the whole organisation or for a team we do not know —
// so a report is never out of sight because of its address.
bool ForTeam(const ReportTeam& addressedTo, const std::string& team);

// A sent report as the sender's screens show it: the local send merged with what the gateway says.
struct SentReportStatus {
  std::string reportId;
  std::string taskId;
  std::string patientBsn;
  std::string receiverUra;
  std::string receiverName;
  std::string receiverTeam;  // the team's name when addressed to one
  // queued (not at the gateway yet: sent again later), refused (the gateway said no: lastError),
  // saved (at the gateway, notification not accepted yet), notified, received (pulled),
  // completed (read and taken over: readBy, readAt), no_endpoint (send the PDF by secure mail),
  // delivered_by_hand (confirmed after secure mail)
  std::string state;
  domain::Instant queuedAt;
  std::int64_t attempts = 0;
  std::string lastError;
  std::string readBy;
  std::string readAt;
  bool unreadTooLong = false;    // not completed kUnreadHours after it was queued
  std::size_t requests = 0;      // requests to the own physician in the report
  std::size_t requestsDone = 0;  // of which the receiver completed
};

// What the inbox shows of a report before it is opened: pulled once per session and kept in
// memory only (never written to disk), so the morning list says whom and what each one is about.
struct InboxSummary {
  std::string patientName;
  std::string patientBsn;
  std::string author;  // the on-call physician
  domain::Instant contactStart;
  std::string reason;
  std::optional<int> urgency;  // U1..U5
  bool medicationChanged = false;
  std::size_t requests = 0;
};

struct InboxReport {
  std::optional<InboxSummary> summary;
  std::string id;
  std::string senderUra;
  std::string senderName;
  std::string state;  // new, read, acknowledged
  domain::Instant receivedAt;
  std::string readBy;
  std::string acknowledgedBy;
  std::string acknowledgedAt;
  ReportTeam team;  // whom here it is addressed to
};

// A request to the own physician from a pulled report: one of this organisation's to-dos (the
// morning list), kept at its gateway; done here completes its sub-Task at the sender.
struct ReportTodo {
  std::string id;    // the request (its sub-Task at the sender)
  std::string item;  // the inbox item it came with
  std::string patientBsn;
  std::string patientName;  // from this home's register; empty when the patient is not registered here
  std::string senderName;
  std::string text;
  domain::Date due;
  bool urgent = false;
  bool done = false;
  std::string doneBy;  // "<name> (DEZI <number>)"
  std::string doneAt;  // FHIR dateTime
  ReportTeam team;     // the team its report was addressed to
  // Open with its due date before `today` (the list keeps it red until done).
  bool Overdue(domain::Date today) const { return !done && due < today; }
};

struct PulledLocumReport {
  InboxReport item;
  domain::LocumReport report;
  std::string taskStatus;  // the sender's workflow Task: requested, received, completed
  std::string pdf;         // the sender's PDF rendering
};

// Renders a signed report as PDF bytes (the caller has the PDF writer; the workstation does not).
using ReportPdfRenderer = std::function<domain::Result<std::string>(const domain::LocumReport&)>;

// A report version of the shift, with where its sending stands (none: not sent).
struct ShiftReport {
  ReportEntry entry;
  std::optional<SentReportStatus> send;
};

class ReportBook {
 public:
  struct Impl {
    store::LocalStore& store;
    std::function<std::optional<User>()> user;
    std::function<void(domain::AuditAction, const std::string& bsn, const std::string& context,
                       const std::string& outcome)>
        audit;
    std::function<std::string()> session;
    const net::client::GatewayClient* gateway = nullptr;
  };
  explicit ReportBook(std::unique_ptr<Impl> impl);
  ~ReportBook();
  ReportBook(const ReportBook&) = delete;
  ReportBook& operator=(const ReportBook&) = delete;

  // A new draft (not stored yet): a fresh id, the patient from the register, the logged-in user as
  // author, the contact starting at `now`, and the medication section filled with what was released
  // to a pharmacy for this patient in the last kShiftHours (B-R6). Problem "not_logged_in" without a
  // session.
  domain::Result<domain::LocumReport> New(const domain::RegisteredPatient& patient, domain::Instant now);
  // The agreements released to a pharmacy for the patient since `since`, by identifier, each in the
  // words of the release (AgreementActionText: stoppen, onderbreken, wijzigen, starten). A stored
  // release that does not read back is an error naming the outbox item.
  domain::Result<std::vector<domain::ShiftMedication>> ReleasedSince(const domain::RegisteredPatient& patient,
                                                                     domain::Instant since);
  static constexpr int kShiftHours = 16;  // the longest ANW shift: a weekend night 17:00-08:00 and some
  // Stores a draft version (new or edited), sealed and audited; the patient and author are set from
  // the register and the login. A signed version is refused: correct it instead.
  domain::Result<ReportEntry> Save(const domain::RegisteredPatient& patient, domain::LocumReport report,
                                   domain::Instant now);
  // Signs the stored draft `reportId` as the logged-in user (B-R1: a physician, DEZI role 01.xxx):
  // checked (domain::SignProblems, each named), frozen with its FHIR document in one transaction,
  // audited. Problem "not_found" for another patient's or an unknown report.
  domain::Result<ReportEntry> Sign(const domain::RegisteredPatient& patient, const std::string& reportId,
                                   domain::Instant now);
  // A new draft version that corrects the signed version `reportId`, stored.
  domain::Result<ReportEntry> Correct(const domain::RegisteredPatient& patient, const std::string& reportId,
                                      domain::Instant now);
  // The patient's report versions, oldest first; a stored one that does not read back is an error
  // naming it (never skipped).
  domain::Result<std::vector<ReportEntry>> List(const domain::RegisteredPatient& patient);
  // The shift view: every patient's report versions written in the last kShiftHours, with each
  // one's local send state (the gateway's is in Outbox).
  domain::Result<std::vector<ShiftReport>> Shift(domain::Instant now);
  // The FHIR document frozen when `reportId` was signed (problem "not_found" if none).
  domain::Result<std::string> Document(const domain::RegisteredPatient& patient, const std::string& reportId);

  // Sends the signed version `reportId` to the organisation `receiverUra` (the patient's own
  // physician's): noted in the store first, then handed to the gateway with its PDF. A gateway that
  // cannot be reached leaves it queued (state "queued", lastError), not an error.
  // `team`: one of the receiver's teams (Teams(receiverUra)); none: the organisation as a whole.
  domain::Result<SentReportStatus> Send(const domain::RegisteredPatient& patient, const std::string& reportId,
                                        const std::string& receiverUra, const ReportPdfRenderer& pdf,
                                        domain::Instant now, const std::optional<ReportTeam>& team = std::nullopt);
  // Several patients' signed reports in one action (B-R10), all to `receiverUra`: each stays its own
  // document with its own Task and notification. All are noted in the store before the first goes
  // to the gateway; one that cannot be sent does not stop the others. One result per id, in order.
  std::vector<std::pair<std::string, domain::Result<SentReportStatus>>> SendSeveral(
      const std::vector<std::string>& reportIds, const std::string& receiverUra, const ReportPdfRenderer& pdf,
      domain::Instant now, const std::optional<ReportTeam>& team = std::nullopt);
  // The teams of organisation `ura` as its gateway publishes them (asked through ours); empty
  // `ura`: our own organisation's teams (the inbox's filter).
  domain::Result<std::vector<ReportTeam>> Teams(const std::string& ura = {});
  // Sends every queued report again (after a crash or while the gateway was away).
  domain::Result<std::vector<SentReportStatus>> SendPending(const ReportPdfRenderer& pdf, domain::Instant now);
  // The receiver has no endpoint (state no_endpoint) or the gateway refused: the PDF went by secure
  // mail, and the physician confirms it arrived ("afgeleverd"), audited. Problem "not_sent" when the
  // report was never sent.
  domain::Result<SentReportStatus> ConfirmDelivered(const domain::RegisteredPatient& patient,
                                                    const std::string& reportId, domain::Instant now);
  // The organisation's sent reports, newest first, with what the gateway knows of each.
  domain::Result<std::vector<SentReportStatus>> Outbox(domain::Instant now);
  static constexpr int kUnreadHours = 24;
  // With `summaries`, each item not acknowledged yet is pulled once per session (audited as a read
  // at both ends) for the list's patient, physician, contact, reason, urgency and badges; the most
  // urgent new ones first. An item that cannot be pulled now is listed without its summary.
  domain::Result<std::vector<InboxReport>> Inbox(bool summaries = false);
  // Pulls inbox item `id` from its sender now, as the logged-in user (audited at both ends).
  domain::Result<PulledLocumReport> Read(const std::string& id);
  // "Gelezen en overgenomen" by the logged-in physician.
  domain::Result<InboxReport> Acknowledge(const std::string& id);
  // The organisation's to-dos: the requests of the reports pulled so far, open ones first, earliest
  // due first. A request whose due date is not a date is an error naming it (never dropped).
  domain::Result<std::vector<ReportTodo>> Todos();
  // Completes to-do `id` as the logged-in physician, at the sender too (audited at both ends).
  domain::Result<ReportTodo> CompleteTodo(const std::string& id);

 private:
  // `markRead` false: for the inbox's summary; the item stays "new" (the pull is audited all the same).
  domain::Result<PulledLocumReport> Pull(const std::string& id, bool markRead);
  domain::Result<ReportTodo> TodoOf(const net::contract::Todo& t);
  // Send's checks (a signed report, of `patientId` when given, to a URA), then the send noted in
  // the store; the problem, or nullopt when it is queued.
  std::optional<domain::Error> Queue(const std::string& reportId, std::optional<std::int64_t> patientId,
                                     const std::string& receiverUra, domain::Instant now,
                                     const std::optional<ReportTeam>& team);
  domain::Result<SentReportStatus> Transmit(const std::string& reportId, const ReportPdfRenderer& pdf,
                                            domain::Instant now);
  std::unique_ptr<Impl> m_impl;
  std::mutex m_summariesMutex;                      // the screens list the inbox from worker threads
  std::map<std::string, InboxSummary> m_summaries;  // inbox item id -> summary (this session)
};

}  // namespace zb::workstation
