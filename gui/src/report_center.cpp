// SPDX-License-Identifier: GPL-3.0-or-later
#include "report_center.h"

#include <unistd.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choicdlg.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textdlg.h>

#include <algorithm>
#include <boost/date_time/posix_time/posix_time.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "background.h"
#include "i18n.h"
#include "present/locum_report_paper.h"
#include "present/locum_report_texts.h"
#include "present/tr.h"
#include "report/pdf_writer.h"
#include "report_editor.h"
#include "report_reader.h"
#include "tone.h"

namespace zb::gui {

namespace {

domain::Instant Now() { return boost::posix_time::second_clock::universal_time(); }

// The PDF as bytes for the gateway: written to a private temporary file, read back, removed.
domain::Result<std::string> RenderPdf(const domain::LocumReport& r) {
  namespace fs = std::filesystem;
  const fs::path path = fs::temp_directory_path() / ("zorgbrug-report-" + std::to_string(::getpid()) + "-" +
                                                     std::to_string(reinterpret_cast<std::uintptr_t>(&r)) + ".pdf");
  auto pages = report::WritePdf(present::BuildLocumReportPaper(r, domain::FormatDateTime(Now())), path.string());
  if (!pages) return pages.error();
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  std::error_code ec;
  fs::remove(path, ec);
  return bytes.str();
}

wxListCtrl* NewList(wxWindow* parent, const char* name, std::initializer_list<std::pair<const char*, int>> columns) {
  auto* list = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
  list->SetName(name);
  int i = 0;
  for (const auto& [label, width] : columns) list->InsertColumn(i++, T(label), wxLIST_FORMAT_LEFT, width);
  return list;
}

void AddRow(wxListCtrl* list, const std::vector<std::string>& cells) {
  const long row = list->InsertItem(list->GetItemCount(), U(cells.at(0)));
  for (std::size_t c = 1; c < cells.size(); ++c) list->SetItem(row, static_cast<int>(c), U(cells[c]));
}

long Selected(wxListCtrl* list) { return list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); }

std::vector<long> SelectedRows(wxListCtrl* list) {
  std::vector<long> rows;
  for (long r = Selected(list); r >= 0; r = list->GetNextItem(r, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED))
    rows.push_back(r);
  return rows;
}

}  // namespace

ReportCenter::ReportCenter(wxWindow* parent, workstation::Workstation& workstation,
                           std::optional<domain::RegisteredPatient> patient,
                           std::optional<domain::ReportContext> context)
    : wxDialog(parent, wxID_ANY, T("Waarneemverslagen"), wxDefaultPosition, wxSize(1180, 560),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_workstation(workstation),
      m_patient(std::move(patient)),
      m_context(std::move(context)) {
  SetName("reports");
  if (auto preferences = m_workstation.LoadPreferences()) m_teamFilter = preferences->inboxTeam;
  auto* box = new wxBoxSizer(wxVERTICAL);
  m_tabs = new wxNotebook(this, wxID_ANY);
  m_tabs->SetName("report-tabs");
  auto page = [&](const char* title, wxListCtrl*& list, const char* name,
                  std::initializer_list<std::pair<const char*, int>> columns,
                  std::vector<std::pair<const char*, std::function<void()>>> actions) {
    auto* panel = new wxPanel(m_tabs);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    list = NewList(panel, name, columns);
    sizer->Add(list, 1, wxEXPAND | wxALL, 6);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    for (auto& [label, run] : actions) {
      auto* b = new wxButton(panel, wxID_ANY, T(label));
      b->Bind(wxEVT_BUTTON, [run = std::move(run)](wxCommandEvent&) { run(); });
      row->Add(b, 0, wxRIGHT, 6);
    }
    sizer->Add(row, 0, wxALL, 6);
    panel->SetSizer(sizer);
    m_tabs->AddPage(panel, T(title));
  };
  page(N_("Dienst"), m_shift, "report-shift",
       {{N_("Patiënt"), 170}, {N_("Contact"), 130}, {N_("Reden"), 240}, {N_("Versie"), 120}, {N_("Verzending"), 300}},
       {{N_("&Nieuw verslag…"), [this] { NewReport(); }},
        {N_("&Bewerken…"), [this] { Edit(Selected(m_shift)); }},
        {N_("&Ondertekenen en verzenden…"), [this] {
           // Several rows may be selected: the night's reports for one home in one action.
           const auto rows = SelectedRows(m_shift);
           if (rows.empty()) return SetStatus(T("Kies een verslag."));
           wxTextEntryDialog ask(this, T("URA van de organisatie van de eigen arts van de patiënt:"), T("Verzenden"));
           if (ask.ShowModal() == wxID_OK) SendTo(rows, ask.GetValue().utf8_string());
         }}});
  // The shift list allows several rows (B-R10); the others pick one.
  m_shift->SetWindowStyleFlag(m_shift->GetWindowStyleFlag() & ~wxLC_SINGLE_SEL);
  page(N_("Verzonden"), m_outbox, "report-outbox",
       {{N_("Patiënt"), 160},
        {N_("Naar"), 270},
        {N_("Verzonden"), 125},
        {N_("Status"), 175},
        {N_("Gelezen door"), 300},
        {N_("Verzoeken"), 100}},
       {{N_("&Vernieuwen"), [this] { Reload(); }},
        {N_("&Afgeleverd bevestigen"), [this] { SetStatus(U(ConfirmDelivered(Selected(m_outbox)))); }}});
  page(N_("Ontvangen"), m_inbox, "report-inbox",
       {{N_("Patiënt"), 110},
        {N_("Contact"), 125},
        {N_("Reden"), 265},
        {N_("Urgentie"), 70},
        {N_("Signalen"), 110},
        {N_("Waarnemer"), 245},
        {N_("Status"), 90},
        {N_("Team"), 125}},
       {{N_("&Lezen…"), [this] { Read(Selected(m_inbox)); }}, {N_("&Vernieuwen"), [this] { Reload(); }}});
  {  // Per team (waarneem.md §4): this team's reports and those for the whole organisation.
    auto* panel = m_inbox->GetParent();
    m_team = new wxChoice(panel, wxID_ANY);
    m_team->SetName("report-inbox-team");
    m_team->SetMinSize(wxSize(230, -1));  // room for a team's whole name

    m_team->Append(T("Alle teams"));
    m_team->SetSelection(0);
    m_team->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
      const int i = m_team->GetSelection();
      ShowTeam(i > 0 && static_cast<std::size_t>(i) <= m_teams.size() ? m_teams[static_cast<std::size_t>(i - 1)].id
                                                                      : std::string());
      // Remembered for this user (the store is per user): the morning's list opens on the team.
      if (auto loaded = m_workstation.LoadPreferences()) {
        auto preferences = std::move(loaded).value();
        preferences.inboxTeam = m_teamFilter;
        if (auto saved = m_workstation.SavePreferences(preferences); !saved) SetStatus(U(saved.error().detail));
      }
    });
    auto* buttons = panel->GetSizer()->GetItem(static_cast<std::size_t>(1))->GetSizer();
    buttons->Add(new wxStaticText(panel, wxID_ANY, T("Team:")), 0, wxALIGN_CENTER_VERTICAL | wxLEFT, 12);
    buttons->Add(m_team, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, 6);
  }
  page(N_("Verzoeken"), m_todos, "report-todos",
       {{N_("Patiënt"), 150},
        {N_("Verzoek"), 330},
        {N_("Uiterlijk"), 95},
        {N_("Prioriteit"), 75},
        {N_("Van"), 170},
        {N_("Status"), 230}},
       {{N_("A&fgerond"), [this] { CompleteTodo(Selected(m_todos)); }}, {N_("&Vernieuwen"), [this] { Reload(); }}});
  {  // B-R8: the morning list can leave out what is done.
    auto* panel = m_todos->GetParent();
    m_openOnly = new wxCheckBox(panel, wxID_ANY, T("Alleen open verzoeken"));
    m_openOnly->SetName("report-todos-open");
    m_openOnly->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { FillTodos(m_allTodos); });
    auto* buttons = panel->GetSizer()->GetItem(static_cast<std::size_t>(1))->GetSizer();
    buttons->Add(m_openOnly, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, 12);
  }
  box->Add(m_tabs, 1, wxEXPAND | wxALL, 6);
  m_status = new wxStaticText(this, wxID_ANY, "");
  m_status->SetName("report-status");
  box->Add(m_status, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 10);
  SetSizer(box);
  m_shift->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { Edit(e.GetIndex()); });
  m_inbox->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { Read(e.GetIndex()); });
  chooseTeam = [this](const std::vector<workstation::ReportTeam>& teams) -> std::optional<workstation::ReportTeam> {
    wxArrayString names;
    names.Add(T("Hele organisatie"));
    for (const auto& t : teams) names.Add(U(t.location.empty() ? t.name : t.name + " (" + t.location + ")"));
    wxSingleChoiceDialog dialog(this, T("Aan welk team van de ontvanger?"), T("Verzenden"), names);
    if (dialog.ShowModal() != wxID_OK) return std::nullopt;
    const int i = dialog.GetSelection();
    return i > 0 ? teams[static_cast<std::size_t>(i - 1)] : workstation::ReportTeam{};
  };
  onPulled = [this](const workstation::PulledLocumReport& pulled) {
    ReportReader reader(this, pulled);
    if (reader.ShowModal() != wxID_OK) return;
    for (long i = 0; i < static_cast<long>(m_inboxRows.size()); ++i)
      if (m_inboxRows[static_cast<std::size_t>(i)].id == pulled.item.id) Acknowledge(i);
  };
  Reload();
}

void ReportCenter::SetStatus(const wxString& text) {
  m_status->SetLabel(text);
  m_status->Wrap(1060);
}

std::string ReportCenter::status() const { return m_status->GetLabel().utf8_string(); }

void ReportCenter::ShowTab(int index) { m_tabs->SetSelection(static_cast<std::size_t>(index)); }

void ReportCenter::FillShift() {
  m_shift->DeleteAllItems();
  auto rows = m_workstation.reports().Shift(Now());
  if (!rows) return SetStatus(U(rows.error().detail));
  m_shiftRows = std::move(rows).value();
  for (const auto& s : m_shiftRows) {
    const auto& r = s.entry.report;
    AddRow(m_shift,
           {r.patient.name, domain::FormatDateTime(r.contact.start), r.reason,
            present::Fmt("{0} ({1})", {std::to_string(r.version), present::ReportStatusText(r.status)}),
            r.status == domain::ReportStatus::kDraft ? present::Tr("concept: nog ondertekenen")
                                                     : present::SendStateText(s.send ? s.send->state : std::string())});
  }
}

// The job runs on a worker and may outlive the window: it captures the workstation (which outlives
// every window), never `this`; what it hands back runs on the UI thread only while the window lives.
void ReportCenter::Background(std::function<std::function<void(ReportCenter&)>()> job) {
  ++m_pending;
  RunInBackground([this, job = std::move(job), alive = m_guard.token()] {
    auto done = job();
    PostTo<ReportCenter>(alive, this, [done = std::move(done)](ReportCenter& c) {
      --c.m_pending;
      done(c);
    });
  });
}

void ReportCenter::Reload(const wxString& settled) {
  FillShift();
  SetStatus(T("Verzonden en ontvangen verslagen worden opgehaald…"));
  Background([&w = m_workstation, settled] {
    auto outbox = w.reports().Outbox(Now());
    auto inbox = w.reports().Inbox(true);
    // After the inbox: its summaries pull the reports, which brings in their requests.
    auto todos = w.reports().Todos();
    auto teams = w.reports().Teams();
    // The gateway knows the patient by BSN; the physician by name (from the register).
    std::map<std::string, std::string> names;
    if (outbox) {
      for (const auto& s : outbox.value()) {
        auto bsn = domain::Bsn::Parse(s.patientBsn);
        auto found =
            bsn ? w.FindPatient(bsn.value())
                : domain::Result<std::optional<domain::RegisteredPatient>>(std::optional<domain::RegisteredPatient>());
        if (found && found.value()) names[s.patientBsn] = found.value()->name;
      }
    }
    return std::function<void(ReportCenter&)>([outbox = std::move(outbox), inbox = std::move(inbox),
                                               todos = std::move(todos), names = std::move(names),
                                               teams = std::move(teams), settled](ReportCenter& c) {
      if (teams && teams.value().size() != c.m_teams.size()) {
        c.m_teams = teams.value();
        // A remembered team that is gone: every team's list, rather than one the choice cannot show.
        if (std::none_of(c.m_teams.begin(), c.m_teams.end(),
                         [&c](const workstation::ReportTeam& t) { return t.id == c.m_teamFilter; }))
          c.m_teamFilter.clear();
        c.m_team->Clear();
        c.m_team->Append(T("Alle teams"));
        for (const auto& t : c.m_teams) c.m_team->Append(U(t.name));
        c.m_team->SetSelection(0);
        for (std::size_t i = 0; i < c.m_teams.size(); ++i)
          if (c.m_teams[i].id == c.m_teamFilter) c.m_team->SetSelection(static_cast<int>(i + 1));
      }
      // Without an answer the list stays as it was; the inbox's problem says why (the same gateway).
      if (todos) c.FillTodos(todos.value());
      c.m_outbox->DeleteAllItems();
      std::string problem;
      if (outbox) {
        c.m_outboxRows = outbox.value();
        for (const auto& s : outbox.value()) {
          const long row = c.m_outbox->GetItemCount();
          const auto name = names.find(s.patientBsn);
          AddRow(c.m_outbox, {name == names.end() ? s.patientBsn : name->second + " (" + s.patientBsn + ")",
                              (s.receiverName.empty() ? s.receiverUra : s.receiverName) +
                                  (s.receiverTeam.empty() ? std::string() : ", " + s.receiverTeam),
                              domain::FormatDateTime(s.queuedAt),
                              (s.unreadTooLong ? present::Fmt("{0} — niet gelezen binnen {1} uur",
                                                              {present::SendStateText(s.state),
                                                               std::to_string(workstation::ReportBook::kUnreadHours)})
                                               : present::SendStateText(s.state)),
                              s.readBy.empty() ? std::string() : s.readBy + ", " + present::InstantText(s.readAt),
                              present::RequestsDoneText(s.requestsDone, s.requests)});
          if (s.unreadTooLong) c.m_outbox->SetItemBackgroundColour(row, ToneColour(present::Tone::kDanger));
        }
      } else {
        problem = outbox.error().detail;
      }
      if (inbox) {
        c.m_allInbox = inbox.value();
        c.FillInbox();
      } else if (problem.empty()) {
        problem = inbox.error().detail;
      }
      c.SetStatus(problem.empty() ? settled : TF("Gateway niet bereikbaar: {0}", {problem}));
    });
  });
}

void ReportCenter::FillInbox() {
  // New ones first, the most urgent first among them (ReportBook sorts): the morning's list, of the
  // chosen team (with what came for the whole organisation).
  m_inbox->DeleteAllItems();
  m_inboxRows.clear();
  for (const auto& i : m_allInbox)
    if (workstation::ForTeam(i.team, m_teamFilter)) m_inboxRows.push_back(i);
  for (const auto& i : m_inboxRows) {
    const long row = m_inbox->GetItemCount();
    std::vector<std::string> cells;
    if (i.summary) {
      const auto& s = *i.summary;
      std::string badges;
      if (s.medicationChanged) badges = present::Tr("medicatie gewijzigd");
      if (s.requests > 0)
        badges += (badges.empty() ? "" : ", ") + present::Fmt("{0} verzoek(en)", {std::to_string(s.requests)});
      cells = {s.patientName, domain::FormatDateTime(s.contactStart),
               s.reason,      s.urgency ? "U" + std::to_string(*s.urgency) : std::string(),
               badges,        present::Fmt("{0}, {1}", {s.author, i.senderName})};
    } else {
      cells = {
          present::Tr("(niet opgehaald)"), "", "", "", "", present::Fmt("{0} (URA {1})", {i.senderName, i.senderUra})};
    }
    cells.push_back(i.acknowledgedBy.empty()
                        ? present::InboxStateText(i.state)
                        : present::Fmt("{0} door {1}", {present::InboxStateText(i.state), i.acknowledgedBy}));
    cells.push_back(i.team.id.empty() ? present::Tr("organisatie")
                    : i.team.known    ? i.team.name
                                      : present::Fmt("{0} (onbekend: hele organisatie)", {i.team.name}));
    AddRow(m_inbox, cells);
    const bool urgent = i.summary && i.summary->urgency && *i.summary->urgency <= 2;
    if (i.state == "new")
      m_inbox->SetItemBackgroundColour(row, ToneColour(urgent ? present::Tone::kDanger : present::Tone::kWarning));
  }
}

void ReportCenter::ShowTeam(const std::string& teamId) {
  m_teamFilter = teamId;
  for (std::size_t i = 0; i < m_teams.size(); ++i)
    if (m_teams[i].id == teamId) m_team->SetSelection(static_cast<int>(i + 1));
  if (teamId.empty()) m_team->SetSelection(0);
  FillInbox();
  FillTodos(m_allTodos);
}

void ReportCenter::FillTodos(const std::vector<workstation::ReportTodo>& todos) {
  m_todos->DeleteAllItems();
  m_allTodos = todos;
  m_todoRows.clear();
  for (const auto& t : todos)
    if ((!t.done || !m_openOnly->GetValue()) && workstation::ForTeam(t.team, m_teamFilter)) m_todoRows.push_back(t);
  const auto today = domain::NetherlandsDate(Now());
  for (const auto& t : m_todoRows) {
    const long row = m_todos->GetItemCount();
    AddRow(m_todos, {t.patientName.empty() ? "BSN " + t.patientBsn : t.patientName, t.text, domain::FormatDate(t.due),
                     t.urgent ? present::Tr("spoed") : present::Tr("normaal"), t.senderName,
                     present::TodoStateText(t.done, t.Overdue(today), t.doneBy, t.doneAt)});
    // Late stays red until done; urgent and open in amber.
    if (t.Overdue(today))
      m_todos->SetItemBackgroundColour(row, ToneColour(present::Tone::kDanger));
    else if (t.urgent && !t.done)
      m_todos->SetItemBackgroundColour(row, ToneColour(present::Tone::kWarning));
  }
}

void ReportCenter::ShowOpenTodosOnly(bool on) {
  m_openOnly->SetValue(on);
  FillTodos(m_allTodos);
}

void ReportCenter::CompleteTodo(long row) {
  if (row < 0 || row >= static_cast<long>(m_todoRows.size())) return SetStatus(T("Kies een verzoek."));
  const auto& t = m_todoRows[static_cast<std::size_t>(row)];
  if (t.done) return SetStatus(T("Dit verzoek is al afgerond."));
  SetStatus(T("Het verzoek wordt afgerond, ook bij de verzender…"));
  Background([&w = m_workstation, id = t.id] {
    auto done = w.reports().CompleteTodo(id);
    return std::function<void(ReportCenter&)>([done = std::move(done)](ReportCenter& c) {
      c.Reload(done ? T("Verzoek afgerond; de verzender ziet het.") : TF("Niet afgerond: {0}", {done.error().detail}));
    });
  });
}

std::string ReportCenter::SaveDraft(const domain::LocumReport& report) {
  auto patient = m_workstation.FindPatient(*report.patient.bsn);
  if (!patient || !patient.value()) return present::Tr("De patiënt van dit verslag staat niet in de lijst.");
  auto saved = m_workstation.reports().Save(*patient.value(), report, Now());
  if (!saved) return saved.error().detail;
  FillShift();
  return present::Tr("Concept opgeslagen.");
}

void ReportCenter::NewReport() {
  if (!m_patient) return SetStatus(T("Open eerst de patiënt in het hoofdvenster."));
  auto fresh = m_workstation.reports().New(*m_patient, Now());
  if (!fresh) return SetStatus(U(fresh.error().detail));
  auto draft = std::move(fresh).value();
  draft.context = m_context;  // what the overview shows now; the editor lets the physician leave it out
  if (editNew) {
    if (auto edited = editNew(draft)) SetStatus(U(SaveDraft(*edited)));
    return;
  }
  ReportEditor editor(this, draft);
  if (editor.ShowModal() == wxID_OK) SetStatus(U(SaveDraft(editor.Report())));
}

void ReportCenter::Edit(long row) {
  if (row < 0 || row >= static_cast<long>(m_shiftRows.size())) return SetStatus(T("Kies een verslag."));
  const auto& r = m_shiftRows[static_cast<std::size_t>(row)].entry.report;
  if (r.status != domain::ReportStatus::kDraft)
    return SetStatus(T("Ondertekend: een wijziging is een correctie (nieuwe versie)."));
  ReportEditor editor(this, r);
  if (editor.ShowModal() == wxID_OK) SetStatus(U(SaveDraft(editor.Report())));
}

std::string ReportCenter::SignAndSend(long row, const std::string& receiverUra) {
  return SignAndSend(std::vector<long>{row}, receiverUra);
}

void ReportCenter::SendTo(const std::vector<long>& rows, const std::string& receiverUra) {
  SetStatus(T("De teams van de ontvanger worden opgehaald…"));
  Background([&w = m_workstation, rows, receiverUra] {
    auto teams = w.reports().Teams(receiverUra);
    return std::function<void(ReportCenter&)>([teams = std::move(teams), rows, receiverUra](ReportCenter& c) {
      // No list (the receiver has no endpoint, or is away): to the organisation, as before teams.
      if (!teams || teams.value().empty()) return c.SetStatus(U(c.SignAndSend(rows, receiverUra)));
      auto team = c.chooseTeam(teams.value());
      if (!team) return c.SetStatus(T("Niet verzonden."));
      c.SetStatus(U(c.SignAndSend(rows, receiverUra,
                                  team->id.empty() ? std::nullopt : std::optional<workstation::ReportTeam>(team))));
    });
  });
}

std::string ReportCenter::SignAndSend(const std::vector<long>& rows, const std::string& receiverUra,
                                      const std::optional<workstation::ReportTeam>& team) {
  // Each selected patient's report is signed (a draft) and sent as its own document (B-R10); one
  // that cannot be signed is named and the others still go.
  std::vector<std::string> ids;
  std::string problems;
  for (const long row : rows) {
    if (row < 0 || row >= static_cast<long>(m_shiftRows.size())) continue;
    const auto report = m_shiftRows[static_cast<std::size_t>(row)].entry.report;
    auto patient = m_workstation.FindPatient(*report.patient.bsn);
    if (!patient || !patient.value()) {
      problems += "\n" + present::Tr("De patiënt van dit verslag staat niet in de lijst.");
      continue;
    }
    if (report.status == domain::ReportStatus::kDraft &&
        !m_workstation.reports().Sign(*patient.value(), report.id, Now())) {
      problems += "\n" + present::Fmt("Niet ondertekend: {0}", {report.patient.name});
      for (const auto& p : domain::SignProblems(report, Now())) problems += "\n• " + present::SignProblemText(p);
      continue;
    }
    ids.push_back(report.id);
  }
  if (ids.empty()) return problems.empty() ? present::Tr("Kies een verslag.") : problems.substr(1);
  FillShift();
  Background([&w = m_workstation, ids, receiverUra, team] {
    auto sent = w.reports().SendSeveral(ids, receiverUra, RenderPdf, Now(), team);
    return std::function<void(ReportCenter&)>([sent = std::move(sent)](ReportCenter& c) {
      std::string text;
      for (const auto& [id, one] : sent)
        text += (text.empty() ? "" : "\n") + (one ? present::Fmt("Verzonden: {0}", {present::SendStateText(one->state)})
                                                  : present::Fmt("Niet verzonden: {0}", {one.error().detail}));
      c.Reload(U(text));
    });
  });
  return ids.size() == 1
             ? present::Tr("Ondertekend; wordt verzonden…") + problems
             : present::Fmt("{0} verslagen ondertekend; elk wordt apart verzonden…", {std::to_string(ids.size())}) +
                   problems;
}

std::string ReportCenter::ConfirmDelivered(long row) {
  if (row < 0 || row >= static_cast<long>(m_outboxRows.size())) return present::Tr("Kies een verzonden verslag.");
  const auto& s = m_outboxRows[static_cast<std::size_t>(row)];
  if (s.state != "no_endpoint" && s.state != "refused")
    return present::Tr("Alleen een verslag zonder ontvangstpunt gaat per beveiligde e-mail en wordt zo bevestigd.");
  auto bsn = domain::Bsn::Parse(s.patientBsn);
  if (!bsn) return present::Tr("De patiënt van dit verslag staat niet in de lijst.");
  auto patient = m_workstation.FindPatient(bsn.value());
  if (!patient || !patient.value()) return present::Tr("De patiënt van dit verslag staat niet in de lijst.");
  auto done = m_workstation.reports().ConfirmDelivered(*patient.value(), s.reportId, Now());
  if (!done) return done.error().detail;
  Reload(T("Afgeleverd bevestigd."));
  return present::Tr("Afgeleverd bevestigd.");
}

void ReportCenter::Read(long row) {
  if (row < 0 || row >= static_cast<long>(m_inboxRows.size())) return SetStatus(T("Kies een ontvangen verslag."));
  SetStatus(T("Het verslag wordt opgehaald bij de verzender…"));
  Background([&w = m_workstation, id = m_inboxRows[static_cast<std::size_t>(row)].id] {
    auto pulled = w.reports().Read(id);
    return std::function<void(ReportCenter&)>([pulled = std::move(pulled)](ReportCenter& c) {
      if (!pulled) return c.SetStatus(TF("Niet opgehaald: {0}", {pulled.error().detail}));
      c.SetStatus(wxString());
      c.onPulled(pulled.value());
    });
  });
}

void ReportCenter::Acknowledge(long row) {
  if (row < 0 || row >= static_cast<long>(m_inboxRows.size())) return;
  Background([&w = m_workstation, id = m_inboxRows[static_cast<std::size_t>(row)].id] {
    auto done = w.reports().Acknowledge(id);
    return std::function<void(ReportCenter&)>([done = std::move(done)](ReportCenter& c) {
      c.Reload(done ? T("Gelezen en overgenomen; de verzender ziet het.")
                    : TF("Niet gemeld aan de verzender: {0}", {done.error().detail}));
    });
  });
}

}  // namespace zb::gui
