// SPDX-License-Identifier: GPL-3.0-or-later
#include "report_command.h"

#include <boost/date_time/posix_time/posix_time.hpp>
#include <fstream>
#include <iostream>

#include "present/locum_report_paper.h"
#include "present/locum_report_texts.h"
#include "present/login_texts.h"
#include "report/pdf_writer.h"
#include "workstation/call_queue.h"
#include "workstation/patient_session.h"

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

struct Usage {
  std::string message;
};

std::pair<std::string, std::string> Split(const std::string& text, char at, const char* option) {
  const auto i = text.find(at);
  if (i == std::string::npos || i == 0) throw Usage{std::string(option) + " '" + text + "': expected a '" + at + "'"};
  return {text.substr(0, i), text.substr(i + 1)};
}

double Number(const std::string& text, const char* option) {
  try {
    std::size_t used = 0;
    const double v = std::stod(text, &used);
    if (used == text.size()) return v;
  } catch (...) {
  }
  throw Usage{std::string(option) + ": '" + text + "' is not a number (use a decimal point)"};
}

d::VitalSign Vital(const std::string& text) {
  const auto [name, value] = Split(text, '=', "--vital");
  static const std::pair<const char*, d::VitalKind> kNames[] = {
      {"bp", d::VitalKind::kBloodPressure},     {"pulse", d::VitalKind::kPulse},
      {"temp", d::VitalKind::kTemperature},     {"spo2", d::VitalKind::kSpO2},
      {"resp", d::VitalKind::kRespiratoryRate}, {"glucose", d::VitalKind::kGlucose}};
  for (const auto& [n, kind] : kNames) {
    if (name != n) continue;
    if (kind != d::VitalKind::kBloodPressure) return {kind, Number(value, "--vital"), 0};
    const auto [sys, dia] = Split(value, '/', "--vital bp");
    return {kind, Number(sys, "--vital bp"), Number(dia, "--vital bp")};
  }
  throw Usage{"--vital '" + text + "': use bp, pulse, temp, spo2, resp or glucose"};
}

d::FollowUpRequest Request(const std::string& text) {
  const auto [what, rest] = Split(text, ';', "--request");
  const auto semi = rest.find(';');
  auto due = d::ParseUserDate(rest.substr(0, semi));
  if (!due) throw Usage{"--request '" + text + "': " + due.error().detail};
  const std::string priority = semi == std::string::npos ? "" : rest.substr(semi + 1);
  if (!priority.empty() && priority != "spoed" && priority != "gewoon")
    throw Usage{"--request '" + text + "': the priority is spoed or gewoon"};
  return {what, due.value(), priority == "spoed" ? d::RequestPriority::kUrgent : d::RequestPriority::kRoutine};
}

template <class E, std::size_t N>
E Choice(const std::string& value, const std::pair<const char*, E> (&names)[N], const char* option) {
  for (const auto& [n, e] : names)
    if (value == n) return e;
  throw Usage{std::string(option) + ": '" + value + "' is not one of the choices"};
}

// The command line's content on top of `r` (a new or stored draft).
void Fill(d::LocumReport& r, const ReportArgs& a, d::Instant now) {
  if (!a.contactStart.empty()) {
    auto start = d::DateTime::Parse(a.contactStart);
    if (!start || start->precision() != d::DatePrecision::kSecond)
      throw Usage{"--contact-start '" + a.contactStart + "': write 2026-12-02T02:10:00+01:00"};
    r.contact.start = start->Earliest();
  } else if (r.contact.start.is_not_a_date_time()) {
    r.contact.start = now;
  }
  if (a.contactMinutes > 0) r.contact.end = r.contact.start + boost::posix_time::minutes(a.contactMinutes);
  static const std::pair<const char*, d::ContactKind> kKinds[] = {
      {"visit", d::ContactKind::kVisit}, {"phone", d::ContactKind::kPhone}, {"video", d::ContactKind::kVideo}};
  static const std::pair<const char*, d::Caller> kCallers[] = {{"nurse", d::Caller::kNurse},
                                                               {"family", d::Caller::kFamily},
                                                               {"patient", d::Caller::kPatient},
                                                               {"other", d::Caller::kOther}};
  r.contact.kind = Choice(a.kind, kKinds, "--kind");
  r.contact.caller = Choice(a.caller, kCallers, "--caller");
  if (!a.callerDetail.empty()) r.contact.callerDetail = a.callerDetail;
  if (a.urgency != 0) r.contact.urgency = a.urgency;
  if (!a.location.empty()) r.contact.location = a.location;
  if (!a.phone.empty()) r.replyPhone = a.phone;
  for (auto [field, value] : {std::pair{&r.reason, &a.reason},
                              {&r.subjective, &a.subjective},
                              {&r.objective, &a.objective},
                              {&r.evaluation, &a.evaluation},
                              {&r.plan, &a.plan},
                              {&r.agreements, &a.agreements}}) {
    if (!value->empty()) *field = *value;
  }
  for (const auto& v : a.vitals) r.vitals.push_back(Vital(v));
  for (const auto& c : a.icpc) {
    const auto [code, display] = Split(c, '=', "--icpc");
    r.diagnoses.push_back({std::string(d::systems::kIcpc1Nl), code, display});
  }
  for (const auto& c : a.snomed) {
    const auto [code, display] = Split(c, '=', "--snomed");
    r.diagnoses.push_back({std::string(d::systems::kSnomed), code, display});
  }
  if (a.episode) r.episodeProposal = true;
  for (const auto& m : a.medication) {
    const auto [id, text] = Split(m, '=', "--medication");
    const auto bar = id.find('|');
    r.medication.push_back(
        {bar == std::string::npos ? d::BlockId{"", id} : d::BlockId{id.substr(0, bar), id.substr(bar + 1)}, text});
  }
  for (const auto& q : a.requests) r.requests.push_back(Request(q));
}

void Print(const workstation::ReportEntry& e) {
  const auto& r = e.report;
  std::cout << r.id << "  versie " << r.version << "  " << d::ToString(r.status) << "  "
            << d::FormatDateTime(r.contact.start) << "  " << r.reason << "  (" << e.author.name << ")\n";
  if (r.context) std::cout << "  context: " << present::ContextSummaryText(*r.context) << "\n";
}

bool WriteText(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  return static_cast<bool>(out);
}

}  // namespace

bool GatewayUnreachable(const d::Error& error) {
  return error.problem == "gateway_unreachable" || error.problem == "gateway_timeout";
}

bool ReportCommands::Parsed() const {
  return create->parsed() || sign->parsed() || correct->parsed() || list->parsed() || exportFiles->parsed() ||
         ExchangeParsed(*this);
}

ReportCommands AddReportCommands(CLI::App& app, ReportArgs& a) {
  auto* report = app.add_subcommand("report", "On-call (ANW) reports to the patient's own physician");
  report->require_subcommand(1);
  ReportCommands c;
  c.create = report->add_subcommand("new", "Write an on-call report as a draft (or replace draft --id)");
  c.sign = report->add_subcommand("sign", "Sign a draft as the logged-in physician: frozen, ready to send");
  c.correct = report->add_subcommand("correct", "Start a correction (a new version) of a signed report");
  c.list = report->add_subcommand("list", "The patient's report versions");
  c.exportFiles = report->add_subcommand("export", "Write a report as its FHIR document (signed) and/or PDF");
  AddSessionOptions(c.list, a.session, true, false);
  AddSessionOptions(c.exportFiles, a.session, true, false);
  for (auto* cmd : {c.create, c.sign, c.correct}) AddSessionOptions(cmd, a.session, true, true);
  for (auto* cmd : {c.sign, c.correct, c.exportFiles}) cmd->add_option("--id", a.id, "The report version")->required();
  auto* n = c.create;
  n->add_option("--id", a.id, "Replace this draft instead of starting a new report");
  n->add_option("--contact-start", a.contactStart,
                "When the contact began, e.g. 2026-12-02T02:10:00+01:00 (default now)");
  n->add_option("--contact-minutes", a.contactMinutes, "How long it took")->check(CLI::Range(1, 24 * 60));
  n->add_option("--kind", a.kind, "visit, phone or video (default visit)");
  n->add_option("--caller", a.caller, "Who called: nurse, family, patient or other (default nurse)");
  n->add_option("--caller-detail", a.callerDetail, "Who exactly, e.g. \"EVV'er afdeling Linde\"");
  n->add_option("--urgency", a.urgency, "U1..U5 from the ANW triage, as 1..5")->check(CLI::Range(1, 5));
  n->add_option("--location", a.location, "Where (default: the patient's ward from the register)");
  n->add_option("--phone", a.phone, "Where the own physician reaches you about this shift");
  n->add_option("--reason", a.reason, "Reason for the contact");
  n->add_option("--subjective", a.subjective, "S");
  n->add_option("--objective", a.objective, "O");
  n->add_option("--evaluation", a.evaluation, "E");
  n->add_option("--plan", a.plan, "P / beleid");
  n->add_option("--agreements", a.agreements, "Agreements with family or the care team");
  n->add_option("--vital", a.vitals, "bp=132/78, pulse=88, temp=37.2, spo2=96, resp=16 or glucose=6.4");
  n->add_option("--icpc", a.icpc, "A diagnosis in ICPC-1-NL: CODE=display, e.g. A80=Ongeval/letsel");
  n->add_option("--snomed", a.snomed, "A diagnosis in SNOMED CT: CODE=display");
  n->add_flag("--episode", a.episode, "Propose the first diagnosis as an episode");
  n->add_flag("--with-overview", a.withOverview,
              "Look the patient up now (as `overview --bsn`; stored and audited) and attach that overview "
              "(medication, ICA, missing sources) as context");
  n->add_option("--medication", a.medication,
                "An agreement released in the shift: system|value=text as the overview says");
  n->add_option("--request", a.requests, "A request to the own physician: text;dd-mm-jjjj[;spoed]");
  c.exportFiles->add_option("--fhir", a.fhirFile, "Write the signed version's FHIR document here");
  c.exportFiles->add_option("--pdf", a.pdfFile, "Write the PDF here");
  AddReportExchangeCommands(report, c, a);
  return c;
}

int RunReport(const ReportCommands& c, const ReportArgs& a) {
  if (ExchangeParsed(c)) return RunReportExchange(c, a);
  auto opened = workstation::Workstation::Open(ConfigFrom(a.session));
  if (!opened) return Fail(kExitRefused, opened.error().detail);
  auto& w = *opened.value();
  const auto now = boost::posix_time::second_clock::universal_time();
  auto patient = PatientFor(w, a.session);
  if (!patient)
    return Fail(patient.error().code == d::ErrorCode::kInvalidFormat ? kExitUsage : kExitRefused,
                patient.error().detail);
  auto& book = w.reports();
  if (c.list->parsed() || c.exportFiles->parsed()) {
    auto entries = book.List(patient.value());
    if (!entries) return Fail(kExitRefused, entries.error().detail);
    if (c.list->parsed()) {
      if (entries->empty()) std::cout << "no reports\n";
      for (const auto& e : entries.value()) Print(e);
      return 0;
    }
    const workstation::ReportEntry* entry = nullptr;
    for (const auto& e : entries.value())
      if (e.report.id == a.id) entry = &e;
    if (!entry) return Fail(kExitRefused, "report " + a.id + " does not exist for this patient");
    if (a.fhirFile.empty() && a.pdfFile.empty()) return Fail(kExitUsage, "give --fhir FILE and/or --pdf FILE");
    if (!a.fhirFile.empty()) {
      auto document = book.Document(patient.value(), a.id);
      if (!document)
        return Fail(kExitRefused, "report " + a.id + " is not signed: only a signed version is a FHIR document");
      if (!WriteText(a.fhirFile, document.value())) return Fail(kExitRefused, "cannot write " + a.fhirFile);
      std::cout << "FHIR document written: " << a.fhirFile << "\n";
    }
    if (!a.pdfFile.empty()) {
      const auto printedAt = d::FormatDateTime(now);
      auto pages = report::WritePdf(present::BuildLocumReportPaper(entry->report, printedAt), a.pdfFile);
      report::ReleaseFontCaches();  // the last PDF of this process
      if (!pages) return Fail(kExitRefused, pages.error().detail);
      std::cout << "PDF written: " << a.pdfFile << " (" << pages.value() << " pages)\n";
    }
    return 0;
  }
  auto user = LogInFor(w, a.session);
  if (!user)
    return Fail(GatewayUnreachable(user.error()) ? kExitUnreachable : kExitLogin,
                "login: " + present::DescribeLoginFailure(user.error()));
  if (c.sign->parsed()) {
    auto signedEntry = book.Sign(patient.value(), a.id, now);
    if (!signedEntry) return Fail(kExitRefused, signedEntry.error().detail);
    Print(signedEntry.value());
    return 0;
  }
  if (c.correct->parsed()) {
    auto next = book.Correct(patient.value(), a.id, now);
    if (!next) return Fail(kExitRefused, next.error().detail);
    Print(next.value());
    return 0;
  }
  d::LocumReport draft;
  if (!a.id.empty()) {
    auto entries = book.List(patient.value());
    if (!entries) return Fail(kExitRefused, entries.error().detail);
    bool found = false;
    for (const auto& e : entries.value()) {
      if (e.report.id == a.id) {
        draft = e.report;
        found = true;
      }
    }
    if (!found) return Fail(kExitRefused, "report " + a.id + " does not exist for this patient");
  } else {
    auto fresh = book.New(patient.value(), now);
    if (!fresh) return Fail(kExitRefused, fresh.error().detail);
    draft = std::move(fresh).value();
  }
  try {
    Fill(draft, a, now);
  } catch (const Usage& u) {
    return Fail(kExitUsage, u.message);
  }
  if (a.withOverview) {
    // Looked up now, as the overview window does (stored sealed, audited); a source that does not
    // answer is in the context as missing, never left out.
    workstation::CallQueue queue;
    workstation::PatientSession session(
        w, [&queue](std::function<void()> call) { queue.Post(std::move(call)); }, nullptr);
    session.Open(patient.value());
    if (!queue.RunUntil([&session] { return !session.running(); }, w.deadline() + std::chrono::seconds(5)))
      session.Stop(d::SourceStatus::kUnreachable, "deadline");
    if (session.progress().phase == present::LookupProgress::Phase::kNotStarted)
      return Fail(kExitRefused, "--with-overview: the overview could not be retrieved: " +
                                    present::DescribeLookup(session.progress()));
    draft.context = session.ContextForReport(boost::posix_time::second_clock::universal_time());
    if (!draft.context) return Fail(kExitRefused, "--with-overview: no source answered and nothing was stored");
  }
  auto saved = book.Save(patient.value(), std::move(draft), now);
  if (!saved) return Fail(kExitRefused, saved.error().detail);
  Print(saved.value());
  const auto problems = d::SignProblems(saved->report, now);
  for (const auto& p : problems) std::cout << "  before signing: " << p.field << ": " << p.detail << "\n";
  return 0;
}

}  // namespace zb::cli
