// SPDX-License-Identifier: GPL-3.0-or-later
// Sending, receiving and acknowledging on-call reports through the organisation's gateway
// (report_book.h; docs/waarneem-ig.md §5).
#include <algorithm>
#include <boost/date_time/posix_time/conversion.hpp>
#include <map>
#include <optional>

#include "draft_book_impl.h"
#include "net/client/gateway_client.h"
#include "net/fhir/locum_codec.h"
#include "net/fhir/locum_report_fhir.h"
#include "store/local_store.h"
#include "workstation/report_book.h"

namespace zb::workstation {

using domain::ErrorCode;

namespace {

domain::Instant FromEpoch(std::int64_t seconds) {
  return boost::posix_time::from_time_t(static_cast<std::time_t>(seconds));
}

ReportTeam TeamOf(const net::contract::Team& t) { return {t.id, t.name, t.location, t.known}; }

InboxReport InboxOf(const net::contract::InboxItem& i) {
  return {std::nullopt,     i.id,
          i.senderUra,      i.senderName,
          i.state,          FromEpoch(i.receivedAt),
          i.readBy,         i.acknowledgedBy,
          i.acknowledgedAt, TeamOf(i.team)};
}

SentReportStatus StatusOf(const store::ReportSend& s) {
  SentReportStatus out;
  out.reportId = s.reportId;
  out.taskId = s.taskId;
  out.receiverUra = s.receiverUra;
  out.receiverTeam = s.teamName;
  out.state = s.state;
  out.queuedAt = s.queuedAt;
  out.attempts = s.attempts;
  out.lastError = s.lastError;
  return out;
}

// What the gateway says overrides the local "sent": it knows whether the receiver has it.
void Merge(SentReportStatus& s, const net::contract::SentReport& g) {
  s.taskId = g.taskId;
  s.patientBsn = g.patient;
  s.receiverName = g.receiverName;
  if (!g.receiverTeam.empty()) s.receiverTeam = g.receiverTeam;
  if (s.state != "delivered_by_hand") s.state = g.state;
  if (!g.lastError.empty() && g.state != "completed") s.lastError = g.lastError;
  s.readBy = g.readBy;
  s.readAt = g.readAt;
  s.requests = g.requests.size();
  s.requestsDone = static_cast<std::size_t>(
      std::count_if(g.requests.begin(), g.requests.end(), [](const auto& q) { return q.status == "completed"; }));
}

// Refusals that sending again will not change (a 4xx from the gateway: wrong report, wrong role).
bool Final(const domain::Error& e) { return e.status >= 400 && e.status < 500 && e.status != 429; }

}  // namespace

domain::Result<std::vector<ShiftReport>> ReportBook::Shift(domain::Instant now) {
  auto stored = m_impl->store.reports().Since(now - boost::posix_time::hours(kShiftHours));
  if (!stored) return stored.error();
  std::vector<ShiftReport> out;
  for (const auto& s : stored.value()) {
    auto report = net::fhir::DecodeLocumReport(s.payload, "report " + s.reportId);
    if (!report) return report.error();
    ShiftReport r{{std::move(report).value(), s.author, s.createdAt, s.updatedAt}, std::nullopt};
    auto send = m_impl->store.reports().GetSend(s.reportId);
    if (!send) return send.error();
    if (send.value()) r.send = StatusOf(*send.value());
    out.push_back(std::move(r));
  }
  return out;
}

domain::Result<SentReportStatus> ReportBook::Send(const domain::RegisteredPatient& patient, const std::string& reportId,
                                                  const std::string& receiverUra, const ReportPdfRenderer& pdf,
                                                  domain::Instant now, const std::optional<ReportTeam>& team) {
  if (auto problem = Queue(reportId, patient.id, receiverUra, now, team)) return *problem;
  return Transmit(reportId, pdf, now);
}

std::optional<domain::Error> ReportBook::Queue(const std::string& reportId, std::optional<std::int64_t> patientId,
                                               const std::string& receiverUra, domain::Instant now,
                                               const std::optional<ReportTeam>& team) {
  if (!m_impl->user()) return NotLoggedIn();
  auto stored = m_impl->store.reports().Get(reportId);
  if (!stored) return stored.error();
  if (!stored.value() || (patientId && stored.value()->patientId != *patientId))
    return domain::Error{ErrorCode::kMissing,
                         "report " + reportId + " does not exist" + (patientId ? " for this patient" : ""),
                         "not_found"};
  if (stored.value()->status == "draft")
    return domain::Error{ErrorCode::kRefused, "report " + reportId + " is a draft: sign it before sending it",
                         "not_signed"};
  if (receiverUra.size() != 8 || receiverUra.find_first_not_of("0123456789") != std::string::npos)
    return domain::Error{ErrorCode::kInvalidFormat, "the receiver is an organisation's URA (8 digits)",
                         "receiver_invalid"};
  // Noted before the gateway is asked: a crash from here on is sent again by SendPending.
  auto queued = m_impl->store.reports().QueueSend(reportId, receiverUra, now, team ? team->id : std::string(),
                                                  team ? team->name : std::string());
  if (!queued) return queued.error();
  return std::nullopt;
}

std::vector<std::pair<std::string, domain::Result<SentReportStatus>>> ReportBook::SendSeveral(
    const std::vector<std::string>& reportIds, const std::string& receiverUra, const ReportPdfRenderer& pdf,
    domain::Instant now, const std::optional<ReportTeam>& team) {
  std::vector<std::pair<std::string, domain::Result<SentReportStatus>>> out;
  std::vector<std::size_t> queued;
  // First note every one (Send's checks per report) ...
  for (const auto& id : reportIds) {
    auto problem = Queue(id, std::nullopt, receiverUra, now, team);
    if (problem) {
      out.emplace_back(id, *problem);
    } else {
      queued.push_back(out.size());
      out.emplace_back(id, SentReportStatus{});
    }
  }
  // ... then hand each to the gateway: a crash in between sends the rest through SendPending.
  for (const std::size_t i : queued) out[i].second = Transmit(out[i].first, pdf, now);
  return out;
}

domain::Result<SentReportStatus> ReportBook::Transmit(const std::string& reportId, const ReportPdfRenderer& pdf,
                                                      domain::Instant now) {
  auto& reports = m_impl->store.reports();
  auto send = reports.GetSend(reportId);
  if (!send) return send.error();
  if (!send.value()) return domain::Error{ErrorCode::kMissing, "report " + reportId + " was never queued"};
  store::ReportSend s = *send.value();
  if (s.state != "queued") return StatusOf(s);
  auto stored = reports.Get(reportId);
  if (!stored) return stored.error();
  if (!stored.value()) return domain::Error{ErrorCode::kMissing, "report " + reportId + " is not in the store"};
  auto report = net::fhir::DecodeLocumReport(stored.value()->payload, "report " + reportId);
  if (!report) return report.error();
  const std::string bsn = report->patient.bsn ? report->patient.bsn->digits() : std::string();
  auto rendered = pdf(report.value());
  if (!rendered) return rendered.error();
  // The team as noted when it was queued: a resend after a crash goes to the same one.
  std::optional<net::contract::Team> team;
  if (!s.teamId.empty()) team = net::contract::Team{s.teamId, s.teamName, "", true};
  auto answer = m_impl->gateway->SendReport(m_impl->session(), s.receiverUra, bsn, stored.value()->document,
                                            rendered.value(), team);
  s.attempts += 1;
  s.updatedAt = now;
  std::string outcome;
  if (answer) {
    s.state = "sent";
    s.taskId = answer->taskId;
    s.lastError.clear();
    outcome = "ok: " + answer->state;
  } else {
    s.state = Final(answer.error()) ? "refused" : "queued";
    s.lastError = answer.error().detail;
    outcome = s.state + ": " + answer.error().problem;
  }
  if (auto marked = reports.MarkSend(s); !marked) return marked.error();
  m_impl->audit(domain::AuditAction::kReportSent, bsn,
                "report " + reportId + " to URA " + s.receiverUra + (s.teamId.empty() ? "" : " team " + s.teamId),
                outcome);
  SentReportStatus out = StatusOf(s);
  out.patientBsn = bsn;
  if (answer) Merge(out, answer.value());
  return out;
}

domain::Result<SentReportStatus> ReportBook::ConfirmDelivered(const domain::RegisteredPatient& patient,
                                                              const std::string& reportId, domain::Instant now) {
  if (!m_impl->user()) return NotLoggedIn();
  auto stored = m_impl->store.reports().Get(reportId);
  if (!stored) return stored.error();
  if (!stored.value() || stored.value()->patientId != patient.id)
    return domain::Error{ErrorCode::kMissing, "report " + reportId + " does not exist for this patient", "not_found"};
  auto send = m_impl->store.reports().GetSend(reportId);
  if (!send) return send.error();
  if (!send.value())
    return domain::Error{ErrorCode::kRefused, "report " + reportId + " was never sent: send it first", "not_sent"};
  store::ReportSend s = *send.value();
  s.state = "delivered_by_hand";
  s.updatedAt = now;
  if (auto marked = m_impl->store.reports().MarkSend(s); !marked) return marked.error();
  m_impl->audit(domain::AuditAction::kReportSent, patient.bsn.digits(),
                "report " + reportId + " to URA " + s.receiverUra, "delivered by hand");
  return StatusOf(s);
}

domain::Result<std::vector<SentReportStatus>> ReportBook::SendPending(const ReportPdfRenderer& pdf,
                                                                      domain::Instant now) {
  if (!m_impl->user()) return NotLoggedIn();
  auto queued = m_impl->store.reports().Sends("queued");
  if (!queued) return queued.error();
  std::vector<SentReportStatus> out;
  for (const auto& s : queued.value()) {
    auto sent = Transmit(s.reportId, pdf, now);
    if (!sent) return sent.error();
    out.push_back(std::move(sent).value());
  }
  return out;
}

domain::Result<std::vector<SentReportStatus>> ReportBook::Outbox(domain::Instant now) {
  if (!m_impl->user()) return NotLoggedIn();
  std::map<std::string, SentReportStatus> byReport;
  for (const char* state : {"queued", "sent", "refused", "delivered_by_hand"}) {
    auto local = m_impl->store.reports().Sends(state);
    if (!local) return local.error();
    for (const auto& s : local.value()) byReport[s.reportId] = StatusOf(s);
  }
  // The gateway knows the team's reports, also those sent from another desktop.
  auto remote = m_impl->gateway->SentReports(m_impl->session());
  if (!remote) return remote.error();
  for (const auto& g : remote.value()) {
    auto it = byReport.find(g.reportId);
    if (it == byReport.end()) {
      SentReportStatus s;
      s.reportId = g.reportId;
      s.receiverUra = g.receiverUra;
      s.queuedAt = FromEpoch(g.publishedAt);
      s.attempts = g.notifyAttempts;
      it = byReport.emplace(g.reportId, s).first;
    }
    Merge(it->second, g);
  }
  std::vector<SentReportStatus> out;
  for (auto& [id, s] : byReport) {
    s.unreadTooLong = s.state != "completed" && s.state != "delivered_by_hand" &&
                      now - s.queuedAt > boost::posix_time::hours(kUnreadHours);
    out.push_back(std::move(s));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.queuedAt > b.queuedAt; });
  return out;
}

domain::Result<std::vector<InboxReport>> ReportBook::Inbox(bool summaries) {
  if (!m_impl->user()) return NotLoggedIn();
  auto items = m_impl->gateway->Inbox(m_impl->session());
  if (!items) return items.error();
  std::vector<InboxReport> out;
  for (const auto& i : items.value()) {
    out.push_back(InboxOf(i));
    if (!summaries) continue;
    std::optional<InboxSummary> known;
    {
      std::lock_guard lock(m_summariesMutex);
      if (auto k = m_summaries.find(i.id); k != m_summaries.end()) known = k->second;
    }
    if (!known && i.state != "acknowledged") {
      auto pulled = Pull(i.id, false);
      if (!pulled) continue;  // listed without its summary; opening it says why
      const auto& r = pulled->report;
      InboxSummary s{r.patient.name,
                     r.patient.bsn ? r.patient.bsn->digits() : std::string(),
                     r.author.name,
                     r.contact.start,
                     r.reason,
                     r.contact.urgency,
                     !r.medication.empty(),
                     r.requests.size()};
      known = s;
      std::lock_guard lock(m_summariesMutex);
      m_summaries.emplace(i.id, std::move(s));
    }
    out.back().summary = known;
  }
  if (summaries) {
    // New first; among them the most urgent (U1) first, then by contact time.
    std::stable_sort(out.begin(), out.end(), [](const InboxReport& a, const InboxReport& b) {
      const bool an = a.state == "new", bn = b.state == "new";
      if (an != bn) return an;
      const int au = a.summary && a.summary->urgency ? *a.summary->urgency : 9;
      const int bu = b.summary && b.summary->urgency ? *b.summary->urgency : 9;
      return au < bu;
    });
  }
  return out;
}

domain::Result<PulledLocumReport> ReportBook::Read(const std::string& id) { return Pull(id, true); }

domain::Result<PulledLocumReport> ReportBook::Pull(const std::string& id, bool markRead) {
  if (!m_impl->user()) return NotLoggedIn();
  auto pulled = m_impl->gateway->PullReport(m_impl->session(), id, markRead);
  if (!pulled) {
    m_impl->audit(domain::AuditAction::kReportRead, "", "inbox item " + id, "failed: " + pulled.error().problem);
    return pulled.error();
  }
  const std::string origin = "the report from " + (pulled->item.senderName.empty() ? "URA " + pulled->item.senderUra
                                                                                   : pulled->item.senderName);
  auto report = net::fhir::ReadLocumReport(pulled->document, origin);
  if (!report) {
    m_impl->audit(domain::AuditAction::kReportRead, "", "inbox item " + id, "unreadable");
    return report.error();
  }
  m_impl->audit(domain::AuditAction::kReportRead, report->patient.bsn ? report->patient.bsn->digits() : "",
                "inbox item " + id + " report " + report->id, "ok");
  return PulledLocumReport{InboxOf(pulled->item), std::move(report).value(), pulled->taskStatus,
                           std::move(pulled->pdf)};
}

domain::Result<InboxReport> ReportBook::Acknowledge(const std::string& id) {
  const auto user = m_impl->user();
  if (!user) return NotLoggedIn();
  auto done = m_impl->gateway->AcknowledgeReport(m_impl->session(), id);
  m_impl->audit(domain::AuditAction::kReportAcknowledged, "", "inbox item " + id,
                done ? "ok" : "failed: " + done.error().problem);
  if (!done) return done.error();
  return InboxOf(done.value());
}

domain::Result<ReportTodo> ReportBook::TodoOf(const net::contract::Todo& t) {
  const auto due = domain::DateTime::Parse(t.request.due);
  if (!due || due->precision() != domain::DatePrecision::kDay)
    return domain::MakeError(ErrorCode::kInconsistent, "request " + t.request.id + " from " + t.senderName +
                                                           ": due date '" + t.request.due + "' is not a date");
  ReportTodo out{t.request.id,
                 t.item,
                 t.patient,
                 {},
                 t.senderName.empty() ? "URA " + t.senderUra : t.senderName,
                 t.request.text,
                 due->LocalDate(),
                 t.request.priority == "urgent",
                 t.request.status == "completed",
                 t.request.completedBy,
                 t.request.completedAt,
                 TeamOf(t.team)};
  if (auto bsn = domain::Bsn::Parse(t.patient)) {
    if (auto known = m_impl->store.patients().FindByBsn(bsn.value()); known && known.value())
      out.patientName = known.value()->name;
  }
  if (out.patientName.empty()) {
    std::lock_guard lock(m_summariesMutex);
    if (auto k = m_summaries.find(t.item); k != m_summaries.end()) out.patientName = k->second.patientName;
  }
  return out;
}

bool ForTeam(const ReportTeam& addressedTo, const std::string& team) {
  return team.empty() || addressedTo.id.empty() || !addressedTo.known || addressedTo.id == team;
}

domain::Result<std::vector<ReportTeam>> ReportBook::Teams(const std::string& ura) {
  if (!m_impl->user()) return NotLoggedIn();
  auto teams = m_impl->gateway->Teams(m_impl->session(), ura);
  if (!teams) return teams.error();
  std::vector<ReportTeam> out;
  for (const auto& t : teams.value()) out.push_back(TeamOf(t));
  return out;
}

domain::Result<std::vector<ReportTodo>> ReportBook::Todos() {
  if (!m_impl->user()) return NotLoggedIn();
  auto todos = m_impl->gateway->Todos(m_impl->session());
  if (!todos) return todos.error();
  std::vector<ReportTodo> out;
  for (const auto& t : todos.value()) {
    auto one = TodoOf(t);
    if (!one) return one.error();
    out.push_back(std::move(one).value());
  }
  return out;
}

domain::Result<ReportTodo> ReportBook::CompleteTodo(const std::string& id) {
  if (!m_impl->user()) return NotLoggedIn();
  auto done = m_impl->gateway->CompleteTodo(m_impl->session(), id);
  m_impl->audit(domain::AuditAction::kReportRequestDone, done ? done->patient : "", "request " + id,
                done ? "ok" : "failed: " + done.error().problem);
  if (!done) return done.error();
  return TodoOf(done.value());
}

}  // namespace zb::workstation
