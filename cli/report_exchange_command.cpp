// SPDX-License-Identifier: GPL-3.0-or-later
// zorgbrug-cli report send|outbox|inbox|read|ack|todos|done: on-call reports between organisations through
// the gateway (docs/waarneem-ig.md §5).
#include <boost/date_time/posix_time/posix_time.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "domain/date_time.h"
#include "net/jose/random.h"
#include "present/locum_report_paper.h"
#include "present/locum_report_texts.h"
#include "present/login_texts.h"
#include "report/pdf_writer.h"
#include "report_command.h"
#include "workstation/report_book.h"
#include "workstation/workstation.h"

namespace zb::cli {

namespace d = zb::domain;

namespace {

constexpr int kExitUsage = 1;
constexpr int kExitRefused = 2;
constexpr int kExitUnreachable = 3;
constexpr int kExitLogin = 4;

int Fail(int code, const std::string& message) {
  std::cerr << "zorgbrug-cli report: " << message << "\n";
  return code;
}

// A refusal the gateway gave (an answer) or no answer at all (unreachable: try again later).
int Refused(const d::Error& e) { return Fail(GatewayUnreachable(e) ? kExitUnreachable : kExitRefused, e.detail); }

// The PDF as bytes: written by the PDF writer to a private temporary file, read back, removed.
d::Result<std::string> RenderPdf(const d::LocumReport& r) {
  namespace fs = std::filesystem;
  const fs::path path = fs::temp_directory_path() / ("zorgbrug-report-" + net::jose::RandomUuid() + ".pdf");
  const auto printedAt = d::FormatDateTime(boost::posix_time::second_clock::universal_time());
  auto pages = report::WritePdf(present::BuildLocumReportPaper(r, printedAt), path.string());
  if (!pages) return pages.error();
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  std::error_code ec;
  fs::remove(path, ec);
  return bytes.str();
}

std::string Time(const d::Instant& t) { return t.is_not_a_date_time() ? "-" : d::FormatDateTime(t); }

void Print(const workstation::SentReportStatus& s) {
  std::cout << s.reportId << "  " << s.state << "  naar " << (s.receiverName.empty() ? s.receiverUra : s.receiverName)
            << " (URA " << s.receiverUra << ")";
  if (!s.receiverTeam.empty()) std::cout << "  team " << s.receiverTeam;
  std::cout << "  " << Time(s.queuedAt);
  if (!s.readBy.empty()) std::cout << "  gelezen door " << s.readBy << " op " << s.readAt;
  if (s.unreadTooLong) std::cout << "  NIET GELEZEN binnen " << workstation::ReportBook::kUnreadHours << " uur";
  if (s.requests > 0) std::cout << "  verzoeken " << s.requestsDone << "/" << s.requests << " afgerond";
  if (!s.lastError.empty() && s.state != "completed") std::cout << "  (" << s.lastError << ")";
  std::cout << "\n";
}

// One to-do line: id, open/afgerond, due date, urgency, overdue, patient, request, sender.
void Print(const workstation::ReportTodo& t, d::Date today) {
  std::cout << t.id << "  " << (t.done ? "afgerond" : "open") << "  vóór " << d::FormatDate(t.due)
            << (t.urgent ? "  SPOED" : "") << (t.Overdue(today) ? "  TE LAAT" : "") << "  "
            << (t.patientName.empty() ? "BSN " + t.patientBsn : t.patientName) << "  " << t.text << "  (van "
            << t.senderName << ")";
  if (t.done) std::cout << "  door " << t.doneBy;
  if (!t.team.id.empty()) std::cout << "  team " << t.team.name;
  std::cout << "\n";
}

// Where a received report is addressed: "team <name>", marked when it is not one of ours.
std::string TeamText(const workstation::ReportTeam& t) {
  if (t.id.empty()) return "";
  return "  team " + t.name + (t.known ? "" : " (onbekend team " + t.id + ": voor de hele organisatie)");
}

void Print(const workstation::InboxReport& i) {
  std::cout << i.id << "  " << i.state << "  van " << (i.senderName.empty() ? i.senderUra : i.senderName) << " (URA "
            << i.senderUra << ")  ontvangen " << Time(i.receivedAt);
  if (!i.acknowledgedBy.empty()) std::cout << "  overgenomen door " << i.acknowledgedBy;
  std::cout << TeamText(i.team) << "\n";
}

}  // namespace

void AddReportExchangeCommands(CLI::App* report, ReportCommands& c, ReportArgs& a) {
  c.send = report->add_subcommand("send", "Send a signed report to the patient's own organisation (or --pending)");
  c.outbox = report->add_subcommand("outbox", "The organisation's sent reports and whether they were read");
  c.inbox = report->add_subcommand("inbox", "Reports other organisations sent about our patients");
  c.read = report->add_subcommand("read", "Pull an inbox report from its sender and show it");
  c.ack = report->add_subcommand("ack", "Gelezen en overgenomen: tell the sender it was read and taken over");
  c.delivered = report->add_subcommand(
      "delivered", "Confirm a report sent as PDF by secure mail arrived (receiver without an endpoint)");
  c.todos = report->add_subcommand("todos", "Requests to the own physician from received reports (the morning list)");
  c.done = report->add_subcommand("done", "Complete a request, also at the sender");
  c.teams = report->add_subcommand("teams", "The teams a report can be addressed to: ours, or --ura another's");
  c.teams->add_option("--ura", a.teamsOf, "Another organisation's URA (asked through our gateway)");
  AddSessionOptions(c.delivered, a.session, true, true);
  c.delivered->add_option("--id", a.id, "The report version")->required();
  AddSessionOptions(c.send, a.session, false, true);
  for (auto* cmd : {c.outbox, c.inbox, c.read, c.ack, c.todos, c.done, c.teams})
    AddSessionOptions(cmd, a.session, false, true);
  c.send->add_option("--team", a.team, "A team of the receiver ('report teams --ura <URA>'); default the organisation");
  for (auto* cmd : {c.inbox, c.todos})
    cmd->add_option("--team", a.team, "Only what is addressed to this team of ours (and to the whole organisation)");
  c.done->add_option("--request", a.request, "The request (its id in 'report todos')")->required();
  c.todos->add_flag("--open", a.openOnly, "Only the requests not done yet");
  c.send->add_option("--bsn", a.session.bsn, "The patient (with --id)");
  c.send->add_option("--register", a.session.registerFile, "Register the patients of this file first");
  c.send->add_option("--id", a.id, "The signed report version");
  c.send->add_option("--to", a.to, "The URA of the patient's own organisation");
  c.send->add_flag("--pending", a.pending, "Send every report that is still queued (after a crash or outage)");
  c.send->add_option("--ids", a.ids, "Several signed reports (of any patients), comma-separated, with --to")
      ->delimiter(',');
  for (auto* cmd : {c.read, c.ack}) cmd->add_option("--item", a.item, "The inbox item")->required();
  c.read->add_option("--pdf", a.pdfFile, "Also write the sender's PDF here");
}

bool ExchangeParsed(const ReportCommands& c) {
  return c.send &&
         (c.send->parsed() || c.outbox->parsed() || c.inbox->parsed() || c.read->parsed() || c.ack->parsed() ||
          c.delivered->parsed() || c.todos->parsed() || c.done->parsed() || c.teams->parsed());
}

int RunReportExchange(const ReportCommands& c, const ReportArgs& a) {
  const bool several = !a.ids.empty();
  if (c.send->parsed() && !a.pending &&
      (several ? a.to.empty() : (a.id.empty() || a.to.empty() || a.session.bsn.empty())))
    return Fail(kExitUsage, "send: give --bsn, --id and --to; or --ids and --to; or --pending");
  auto opened = workstation::Workstation::Open(ConfigFrom(a.session));
  if (!opened) return Fail(kExitRefused, opened.error().detail);
  auto& w = *opened.value();
  const auto now = boost::posix_time::second_clock::universal_time();
  auto user = LogInFor(w, a.session);
  if (!user) {
    // No gateway to log in at is "try again later" (3), as for a send; 4 is a login that was refused.
    return Fail(GatewayUnreachable(user.error()) ? kExitUnreachable : kExitLogin,
                "login: " + present::DescribeLoginFailure(user.error()));
  }
  auto& book = w.reports();
  int code = 0;
  // --team on send: named by id, checked against the receiver's published teams (its name goes
  // along, so the receiver's list and our outbox say it in words).
  std::optional<workstation::ReportTeam> team;
  if (c.send->parsed() && !a.team.empty()) {
    auto teams = book.Teams(a.to);
    if (!teams) return Refused(teams.error());
    for (const auto& t : teams.value())
      if (t.id == a.team) team = t;
    if (!team)
      return Fail(kExitRefused, "URA " + a.to + " has no team '" + a.team + "': see 'report teams --ura " + a.to + "'");
  }
  if (c.teams->parsed()) {
    auto teams = book.Teams(a.teamsOf);
    if (!teams) return Refused(teams.error());
    if (teams->empty()) std::cout << "no teams: reports go to the organisation as a whole\n";
    for (const auto& t : teams.value())
      std::cout << t.id << "  " << t.name << (t.location.empty() ? "" : "  (" + t.location + ")") << "\n";
  } else if (c.send->parsed()) {
    // Whatever is still queued goes first, so a crash in an earlier send is repaired by any send.
    auto pending = book.SendPending(RenderPdf, now);
    if (!pending)
      code = Refused(pending.error());
    else
      for (const auto& s : pending.value()) Print(s);
    if (several) {
      for (const auto& [id, sent] : book.SendSeveral(a.ids, a.to, RenderPdf, now, team)) {
        if (!sent) {
          auto named = sent.error();
          named.detail = id + ": " + named.detail;
          const int refused = Refused(named);
          if (!code) code = refused;
          continue;
        }
        Print(sent.value());
        if (sent->state == "queued" && !code) code = kExitUnreachable;
      }
    } else if (!a.pending) {
      auto patient = PatientFor(w, a.session);
      if (!patient) return Fail(kExitRefused, patient.error().detail);
      auto sent = book.Send(patient.value(), a.id, a.to, RenderPdf, now, team);
      if (!sent)
        code = Refused(sent.error());
      else {
        Print(sent.value());
        if (sent->state == "queued") code = kExitUnreachable;
      }
    }
  } else if (c.outbox->parsed()) {
    auto out = book.Outbox(now);
    if (!out)
      code = Refused(out.error());
    else if (out->empty())
      std::cout << "no reports sent\n";
    else
      for (const auto& s : out.value()) Print(s);
  } else if (c.inbox->parsed()) {
    auto in = book.Inbox();
    if (!in)
      code = Refused(in.error());
    else {
      int shown = 0;
      for (const auto& i : in.value()) {
        if (!workstation::ForTeam(i.team, a.team)) continue;
        Print(i);
        ++shown;
      }
      if (shown == 0) std::cout << "no reports received\n";
    }
  } else if (c.read->parsed()) {
    auto pulled = book.Read(a.item);
    if (!pulled)
      code = Refused(pulled.error());
    else {
      const auto& r = pulled->report;
      std::cout << "Waarneemverslag " << r.id << " versie " << r.version << " (" << d::ToString(r.status) << ")\n"
                << "Patiënt: " << r.patient.name << "\n"
                << "Waarnemer: " << r.author.name << "\n"
                << "Contact: " << Time(r.contact.start) << "\n"
                << "Reden: " << r.reason << "\n"
                << "E: " << r.evaluation << "\n"
                << "P: " << r.plan << "\n";
      for (const auto& m : r.medication)
        std::cout << "Medicatie: " << m.agreement.system << "|" << m.agreement.value << " " << m.text << "\n";
      for (const auto& q : r.requests) std::cout << "Verzoek: " << q.text << "\n";
      if (r.context) {  // what the covering physician's overview showed, said to be context
        std::cout << "Context: " << present::ContextSummaryText(*r.context) << "\n";
        if (!r.context->incomplete.empty()) std::cout << "Context: " << r.context->incomplete << "\n";
        for (const auto& m : r.context->medication) std::cout << "Context medicatie: " << m << "\n";
        for (const auto& i : r.context->ica) std::cout << "Context ICA: " << i << "\n";
      }
      std::cout << "Status bij verzender: " << pulled->taskStatus << "\n";
      if (!a.pdfFile.empty()) {
        std::ofstream out(a.pdfFile, std::ios::binary | std::ios::trunc);
        out << pulled->pdf;
        if (!out) return Fail(kExitRefused, "cannot write " + a.pdfFile);
        std::cout << "PDF written: " << a.pdfFile << "\n";
      }
    }
  } else if (c.delivered->parsed()) {
    auto patient = PatientFor(w, a.session);
    if (!patient) return Fail(kExitRefused, patient.error().detail);
    auto done = book.ConfirmDelivered(patient.value(), a.id, now);
    if (!done)
      code = Refused(done.error());
    else
      Print(done.value());
  } else if (c.todos->parsed()) {
    auto todos = book.Todos();
    const auto today = d::NetherlandsDate(now);
    if (!todos)
      code = Refused(todos.error());
    else {
      int shown = 0;
      for (const auto& t : todos.value()) {
        if ((a.openOnly && t.done) || !workstation::ForTeam(t.team, a.team)) continue;
        Print(t, today);
        ++shown;
      }
      if (shown == 0) std::cout << (a.openOnly ? "no open requests\n" : "no requests\n");
    }
  } else if (c.done->parsed()) {
    auto done = book.CompleteTodo(a.request);
    if (!done)
      code = Refused(done.error());
    else
      Print(done.value(), d::NetherlandsDate(now));
  } else if (c.ack->parsed()) {
    auto done = book.Acknowledge(a.item);
    if (!done)
      code = Refused(done.error());
    else
      Print(done.value());
  }
  report::ReleaseFontCaches();
  return code;
}

}  // namespace zb::cli
