// SPDX-License-Identifier: GPL-3.0-or-later
#include "main_frame.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/printdlg.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/stdpaths.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <boost/date_time/posix_time/posix_time.hpp>

#include "audit_dialog.h"
#include "dialog_buttons.h"
#include "i18n.h"
#include "login_panel.h"
#include "patient_dialog.h"
#include "present/admission_report.h"
#include "present/login_texts.h"
#include "present/tr.h"
#include "printing.h"
#include "report/pdf_writer.h"
#include "report_center.h"
#include "settings_dialog.h"

namespace zb::gui {

namespace {

enum MenuId {
  kRefresh = wxID_HIGHEST + 1,
  kCancel,
  kHistory,
  kFocusPatients,
  kSearch,
  kNewPatient,
  kEditPatient,
  kAudit,
  kLock,
  kExportPdf,
  kPreview,
  kTabExpected,
  kTabAdmitted,
  kTabTemporary,
  kTabMedication,
  kTabIca,
  kTabSources,
  kTabDrafts,
  kDraftStop,
  kDraftPause,
  kDraftChange,
  kDraftCancel,
  kDraftContinue,
  kDraftStart,
  kImportFormulary,
  kImportRoster,
  kDraftRemove,
  kDraftConfirm,
  kDraftRelease,
  kPaperPrescription,
  kReports,
  kNewReport,
  kFilter,
  kOnlyChanged,
  kShortcuts,
  kOpenChosen,
  kSortColumn,
  kIdleTimerId,
  kOutboxTimerId,
};

domain::Instant Now() { return boost::posix_time::second_clock::universal_time(); }

}  // namespace

MainFrame::MainFrame(workstation::Workstation& workstation, const workstation::User& user, SessionOptions options)
    : wxFrame(nullptr, wxID_ANY, "Zorgbrug", wxDefaultPosition, wxSize(1400, 860)),
      m_workstation(workstation),
      m_user(user),
      m_options(std::move(options)),
      m_idleTimer(this, kIdleTimerId),
      m_outboxTimer(this, kOutboxTimerId),
      m_session(workstation, UiPoster(m_guard.token()), [this](const workstation::SessionChange& change) {
        Render();
        // A finished lookup may show that a source changed a drafted line since.
        if (change.kind == workstation::SessionChange::Kind::kEnded) RefreshDrafts();
      }) {
  SetName("main");
  m_commands = Commands();
  LoadLists();
  InstallMenus(*this, m_commands);
  CreateStatusBar(2);
  const int widths[] = {-3, -2};
  GetStatusBar()->SetStatusWidths(2, widths);
  SetStatusText(TF("Ingelogd als {0}", {user.Describe()}), 1);

  auto* box = new wxBoxSizer(wxVERTICAL);
  m_split = new wxSplitterWindow(this, wxID_ANY);
  m_patients = new PatientsPanel(m_split, workstation, [this](const domain::RegisteredPatient& p) { Open(p); });
  m_patients->onRegisterTemporary = [this](const domain::Bsn& bsn, domain::Date birthDate) {
    // A new (id 0) temporary patient with what was searched for; the dialog asks for the rest.
    RegisterPatient(false, domain::RegisteredPatient{
                               0, bsn, "", birthDate, domain::PatientCategory::kTemporary, std::nullopt, "", {}});
  };
  m_overview = new OverviewPanel(m_split);
  m_split->SplitVertically(m_patients, m_overview, 400);
  m_split->SetMinimumPaneSize(220);
  // The patient list takes 28 % of the width (260–400 px) until the user moves the sash, so
  // the overview keeps room for whole product names and dates on a 1024-pixel screen.
  m_split->Bind(wxEVT_SPLITTER_SASH_POS_CHANGING, [this](wxSplitterEvent& e) {  // only a drag sends this one
    m_sashMoved = true;
    e.Skip();
  });
  Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    e.Skip();
    if (m_sashMoved) return;
    constexpr int kNarrowest = 260, kWidest = 400;
    constexpr double kShare = 0.28;
    m_split->SetSashPosition(std::clamp(static_cast<int>(e.GetSize().GetWidth() * kShare), kNarrowest, kWidest));
  });
  box->Add(m_split, 1, wxEXPAND);

  m_lockPanel = new wxPanel(this);
  m_lockPanel->SetName("lock-panel");
  auto* lockBox = new wxBoxSizer(wxVERTICAL);
  auto* lockTitle = new wxStaticText(m_lockPanel, wxID_ANY, T("Zorgbrug is vergrendeld"));
  lockTitle->SetFont(lockTitle->GetFont().Larger().Larger().Bold());
  lockBox->Add(lockTitle, 0, wxALL, 24);
  LoginPanel::Setup setup{
      m_options.caFile,
      m_options.demo,
      m_options.persona,
      TF("Log opnieuw in als {0} om verder te werken; uw open werk blijft staan.", {user.audit.name}),
      T("&Ontgrendelen via de browser"),
      T("Ontgrendelen als &testpersoon")};
  m_unlock = new LoginPanel(m_lockPanel, workstation, setup,
                            [this](const domain::Result<workstation::User>& r) { Unlocked(r); });
  lockBox->Add(m_unlock, 0, wxLEFT, 8);
  m_lockPanel->SetSizer(lockBox);
  m_lockPanel->Hide();
  box->Add(m_lockPanel, 1, wxEXPAND);
  SetSizer(box);

  // Inactivity: every key or mouse event in the application counts as activity.
  m_lastActivity = std::chrono::steady_clock::now();
  wxEvtHandler::AddFilter(this);
  Bind(
      wxEVT_TIMER,
      [this](wxTimerEvent&) {
        if (!m_locked &&
            std::chrono::steady_clock::now() - m_lastActivity > std::chrono::minutes(m_options.lockMinutes)) {
          LockNow();
        }
      },
      kIdleTimerId);
  m_idleTimer.Start(5000);
  // The outbox is worked through while the window is open: a retry falls due, a pharmacy answers.
  Bind(
      wxEVT_TIMER,
      [this](wxTimerEvent&) {
        if (!m_locked) SendOutbox(true);
      },
      kOutboxTimerId);
  if (m_user.mayRelease) m_outboxTimer.Start(30000);
  m_patients->ShowTab(1);
}

MainFrame::~MainFrame() {
  wxEvtHandler::RemoveFilter(this);
  m_idleTimer.Stop();
  m_outboxTimer.Stop();
}

std::vector<Command> MainFrame::Commands() {
  using M = MenuName;
  auto tab = [this](int index) { return [this, index](bool) { m_patients->ShowTab(index); }; };
  auto overviewTab = [this](int index) { return [this, index](bool) { m_overview->SelectTab(index); }; };
  std::vector<Command> commands{
      {wxID_PRINT, M::kFile, N_("&Afdrukken…"), "Ctrl+P", [this](bool) { Print(); }},
      {kPreview, M::kFile, N_("Afdruk&voorbeeld…"), "Ctrl+Alt+P", [this](bool) { ShowPrintPreview(); }, false, true},
      {kExportPdf, M::kFile, N_("Exporteren als &PDF…"), "Ctrl+Shift+P", [this](bool) { AskExportPdf(); }, false, true},
      {kImportFormulary, M::kFile, N_("&Formularium inlezen…"), "Ctrl+Alt+F", [this](bool) { AskImport(false); }},
      {kImportRoster, M::kFile, N_("Apotheek&rooster inlezen…"), "Ctrl+Alt+R", [this](bool) { AskImport(true); }},
      {wxID_PREFERENCES, M::kFile, N_("&Instellingen…"), "Ctrl+,", [this](bool) { ShowSettings(); }},
      {kLock, M::kFile, N_("&Vergrendelen"), "Ctrl+Shift+L", [this](bool) { LockNow(); }, false, true},
      {wxID_EXIT, M::kFile, N_("&Afsluiten"), "Ctrl+Q", [this](bool) { Close(); }},
      {kFocusPatients, M::kPatient, N_("&Patiëntenlijst"), "Ctrl+L", tab(1)},
      {kTabExpected, M::kPatient, N_("&Verwachte opnames"), "Alt+1", tab(0)},
      {kTabAdmitted, M::kPatient, N_("&Opgenomen"), "Alt+2", tab(1)},
      {kTabTemporary, M::kPatient, N_("&Tijdelijk (ANW)"), "Alt+3", tab(2)},
      {kSearch, M::kPatient, N_("&Zoeken op BSN en geboortedatum"), "Ctrl+K",
       [this](bool) { m_patients->FocusSearch(); }, false, true},
      {kNewPatient, M::kPatient, N_("&Nieuwe patiënt…"), "Ctrl+N", [this](bool) { RegisterPatient(false); }},
      {kEditPatient, M::kPatient, N_("&Bewerken…"), "Ctrl+E", [this](bool) { RegisterPatient(true); }, false, true},
      {kRefresh, M::kPatient, N_("&Vernieuwen"), "F5", [this](bool) { m_session.Refresh(); }},
      {kCancel, M::kPatient, N_("Ophalen &stoppen"), "Ctrl+.", [this](bool) { CancelLookup(); }},
      {kAudit, M::kPatient, N_("&Audit-trail…"), "Ctrl+Shift+A", [this](bool) { ShowAudit(); }, false, true},
      {kReports, M::kPatient, N_("&Waarneemverslagen…"), "Ctrl+Shift+G", [this](bool) { ShowReports(); }, false, true},
      {kNewReport, M::kPatient, N_("Waarneemverslag over &deze patiënt…"), "Ctrl+Shift+D",
       [this](bool) { ShowReports(true); }, false, true},
      {kDraftStop, M::kPatient, N_("Concept: gekozen regel &stoppen…"), "Ctrl+Shift+S",
       [this](bool) { AskDraft(domain::DraftAction::kStop); }},
      {kDraftPause, M::kPatient, N_("Concept: gekozen regel &onderbreken…"), "Ctrl+Shift+O",
       [this](bool) { AskDraft(domain::DraftAction::kPause); }},
      {kDraftChange, M::kPatient, N_("Concept: gekozen regel &wijzigen…"), "Ctrl+Shift+W",
       [this](bool) { AskEditDraft(domain::DraftAction::kChange); }},
      {kDraftCancel, M::kPatient, N_("Concept: geplande start &annuleren…"), "Ctrl+Shift+C",
       [this](bool) { AskDraft(domain::DraftAction::kCancel); }},
      {kDraftContinue, M::kPatient, N_("Concept: gekozen regel ongewijzigd &voortzetten"), "Ctrl+Shift+U",
       [this](bool) {
         const std::string problem = DraftSelectedLine(domain::DraftAction::kContinue, "");
         if (!problem.empty()) wxMessageBox(U(problem), T("Concept"), wxOK | wxICON_INFORMATION, this);
       }},
      {kDraftStart, M::kPatient, N_("Concept: nieuw &middel starten…"), "Ctrl+Shift+N",
       [this](bool) { AskEditDraft(domain::DraftAction::kStart); }},
      {kDraftRemove, M::kPatient, N_("Concept &verwijderen"), "Ctrl+Shift+X", [this](bool) { RemoveSelectedDraft(); }},
      {kDraftConfirm, M::kPatient, N_("Concept opnieuw &bevestigen of voorstel overnemen…"), "Ctrl+Shift+B",
       [this](bool) { AskConfirmDraftAgain(); }},
      {kDraftRelease, M::kPatient, N_("Concepten v&rijgeven…"), "Ctrl+Shift+V", [this](bool) { AskRelease(); }},
      {kPaperPrescription, M::kPatient, N_("Papieren &recept van gekozen vrijgave…"), "Ctrl+Shift+R",
       [this](bool) { AskPaperPrescription(); }},
      {kTabMedication, M::kView, N_("&Medicatie"), "Ctrl+1", overviewTab(0)},
      {kTabIca, M::kView, N_("&ICA"), "Ctrl+2", overviewTab(1)},
      {kTabSources, M::kView, N_("&Bronnen"), "Ctrl+3", overviewTab(2)},
      {kTabDrafts, M::kView, N_("C&oncepten"), "Ctrl+4", overviewTab(3)},
      {kFilter, M::kView, N_("&Filter medicatie"), "Ctrl+F", [this](bool) { m_overview->FocusFilter(); }},
      {kOnlyChanged, M::kView, N_("Alleen &wijzigingen sinds vorige ophaling"), "Ctrl+J",
       [this](bool checked) { m_overview->ShowOnlyChanged(checked); }, true},
      {kHistory, M::kView, N_("&Historie tonen"), "Ctrl+H",
       [this](bool checked) {
         m_showHistory = checked;
         Render();
       },
       true},
      {kShortcuts, M::kHelp, N_("&Sneltoetsen"), "F1", [this](bool) { ShowShortcuts(); }},
      // Keys handled by the lists themselves: listed in F1, not in a menu.
      {kOpenChosen, M::kNone, N_("Gekozen patiënt openen"), "Enter", nullptr},
      {kSortColumn, M::kNone, N_("Sorteren op een kolom (nogmaals: omgekeerd)"), N_("Klik op kolomkop"), nullptr},
  };
  // A secretariat prepares proposals; only a role the gateway lets release gets the action at all.
  if (!m_user.mayRelease) {
    std::erase_if(commands, [](const Command& c) { return c.id == kDraftRelease || c.id == kPaperPrescription; });
  }
  return commands;
}

int MainFrame::FilterEvent(wxEvent& event) {
  const wxEventType t = event.GetEventType();
  if (t == wxEVT_KEY_DOWN || t == wxEVT_LEFT_DOWN || t == wxEVT_RIGHT_DOWN || t == wxEVT_MOTION ||
      t == wxEVT_MOUSEWHEEL) {
    m_lastActivity = std::chrono::steady_clock::now();
  }
  return Event_Skip;
}

bool MainFrame::OpenPatient(const std::string& bsn) {
  if (m_locked) return false;
  m_patients->Select(bsn);
  for (const auto& p : m_patients->all()) {
    if (p.bsn.digits() != bsn) continue;
    Open(p);
    return true;
  }
  return false;
}

void MainFrame::Open(const domain::RegisteredPatient& patient) {
  if (m_locked) return;
  m_overview->Clear();
  m_session.Open(patient);  // renders through the session's change callback
  RefreshDrafts();
}

void MainFrame::CancelLookup() { m_session.Stop(); }

void MainFrame::Render() {
  if (!m_session.patient()) return;
  m_screen = m_session.Screen(Now(), {m_showHistory, m_formulary, m_roster});
  if (m_screen.overview) m_overview->Show(m_screen.view, m_screen.overview, m_screen.sourceNames, m_screen.icaCheck);
  m_overview->ShowHeader(m_screen.header);
  SetStatusText(U(present::DescribeLookup(m_screen.progress)), 0);
}

void MainFrame::LockNow() {
  if (m_locked) return;
  CancelLookup();
  m_locked = true;
  // A dialog left open (patient, audit, settings) would stay on screen above the lock: close it.
  // Typed but unsaved input in it is lost, which is the lesser harm than showing patient data.
  for (auto* w : wxTopLevelWindows) {
    auto* dialog = dynamic_cast<wxDialog*>(w);
    if (dialog && dialog->IsModal()) dialog->EndModal(wxID_CANCEL);
  }
  m_split->Hide();
  m_lockPanel->Show();
  Layout();
  m_workstation.Audit(domain::AuditAction::kLock, "", "inactivity-or-menu", "ok");
  m_workstation.LogOut();
  SetStatusText(T("Vergrendeld."), 0);
  SetStatusText("", 1);
  // Only Help stays: the file, patient and view menus act on the hidden work.
  for (std::size_t i = 0; i + 1 < GetMenuBar()->GetMenuCount(); ++i) GetMenuBar()->EnableTop(i, false);
}

void MainFrame::Unlock(const std::string& persona) {
  if (m_locked) m_unlock->LogIn(persona);
}

void MainFrame::Unlocked(const domain::Result<workstation::User>& result) {
  if (!result) {
    m_unlock->SetStatus(TF("Ontgrendelen is niet gelukt: {0}", {present::DescribeLoginFailure(result.error())}));
    return;
  }
  // Only the user whose work is open may see it again; anyone else starts afresh.
  if (result.value().audit.userId != m_user.audit.userId) {
    m_workstation.LogOut();
    m_unlock->SetStatus(
        TF("Alleen {0} kan dit scherm ontgrendelen. Een andere gebruiker sluit Zorgbrug af en start opnieuw.",
           {m_user.audit.name}));
    return;
  }
  m_locked = false;
  m_lastActivity = std::chrono::steady_clock::now();
  m_lockPanel->Hide();
  m_split->Show();
  Layout();
  for (std::size_t i = 0; i < GetMenuBar()->GetMenuCount(); ++i) GetMenuBar()->EnableTop(i, true);
  m_workstation.Audit(domain::AuditAction::kUnlock, "", "dezi", "ok");
  SetStatusText(T("Ontgrendeld."), 0);
  SetStatusText(TF("Ingelogd als {0}", {m_user.Describe()}), 1);
  m_unlock->SetStatus("");
}

wxString MainFrame::lockMessage() const { return m_unlock->statusText(); }

void MainFrame::RegisterPatient(bool edit, std::optional<domain::RegisteredPatient> prefill) {
  std::optional<domain::RegisteredPatient> existing = std::move(prefill);
  if (edit) {
    existing = m_patients->Selected();
    if (!existing) existing = m_session.patient();
    if (!existing) {
      SetStatusText(T("Kies eerst een patiënt om te bewerken."), 0);
      return;
    }
  }
  PatientDialog dialog(this, m_workstation, existing);
  if (dialog.ShowModal() != wxID_OK) return;
  m_patients->Reload();
  m_patients->Select(dialog.saved().bsn.digits());
  SetStatusText(TF("{0} opgeslagen.", {dialog.saved().name}), 0);
}

void MainFrame::ShowSettings() {
  auto current = m_workstation.LoadPreferences();
  workstation::Preferences p = current ? current.value() : workstation::Preferences{};
  if (p.gateway.empty()) p.gateway = m_workstation.config().gateway;
  if (p.caFile.empty()) p.caFile = m_workstation.config().caFile;
  SettingsDialog dialog(this, p);
  if (dialog.ShowModal() != wxID_OK) return;
  auto saved = m_workstation.SavePreferences(dialog.chosen());
  if (!saved) {
    wxMessageBox(TF("Instellingen niet opgeslagen: {0}", {saved.error().detail}), "Zorgbrug", wxOK | wxICON_ERROR,
                 this);
    return;
  }
  m_options.lockMinutes = dialog.chosen().lockMinutes;
  SetStatusText(T("Instellingen opgeslagen."), 0);
}

void MainFrame::ShowReports(bool writeNew) {
  // A report written now carries the overview as it stands now (the physician can leave it out).
  ReportCenter center(this, m_workstation, m_session.patient(), m_session.ContextForReport(Now()));
  if (writeNew) center.NewReport();
  center.ShowModal();
}

void MainFrame::ShowAudit() {
  std::optional<domain::Bsn> bsn;
  std::string name;
  if (const auto& current = m_session.patient()) {
    bsn = current->bsn;
    name = current->name;
  }
  AuditDialog dialog(this, m_workstation, bsn, name);
  dialog.ShowModal();
}

present::Report MainFrame::CurrentReport() const {
  auto report =
      present::BuildOverviewReport(m_screen.header, m_screen.view, domain::FormatDateTime(Now()), m_user.audit.name);
  // "Medicatie bij opname": what was prepared for the admission goes on paper with its state.
  std::vector<present::DraftRow> drafts;
  std::vector<present::OutboxRow> released;
  if (AdmissionRows(drafts, released).empty() && (!drafts.empty() || !released.empty()))
    present::AppendAdmissionMedication(report, drafts, released);
  return report;
}

std::string MainFrame::ExportPdf(const std::string& path) {
  const auto& current = m_session.patient();
  if (!current) return present::Tr("Open eerst een patiënt.");
  auto pages = report::WritePdf(CurrentReport(), path);
  if (!pages) return pages.error().detail;
  m_workstation.Audit(domain::AuditAction::kExportPdf, current->bsn.digits(), "pdf", "ok");
  SetStatusText(TF("PDF opgeslagen ({0} pagina's): {1}", {std::to_string(pages.value()), path}), 0);
  return {};
}

void MainFrame::AskExportPdf() {
  if (!m_session.patient()) {
    SetStatusText(T("Open eerst een patiënt."), 0);
    return;
  }
  const wxFileName proposed(DefaultPdfPath());
  wxFileDialog pick(this, T("Overzicht exporteren als PDF"), proposed.GetPath(), proposed.GetFullName(),
                    T("PDF (*.pdf)|*.pdf"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  if (pick.ShowModal() != wxID_OK) return;
  const std::string problem = ExportPdf(pick.GetPath().utf8_string());
  if (!problem.empty()) wxMessageBox(U(problem), T("Exporteren mislukt"), wxOK | wxICON_ERROR, this);
}

wxString MainFrame::DefaultPdfPath() const {
  const std::string name = m_session.patient() ? m_session.patient()->name : std::string();
  const std::string file = present::ReportFileName(name, domain::NetherlandsDate(Now()));
  return wxFileName(wxStandardPaths::Get().GetDocumentsDir(), U(file)).GetFullPath();
}

wxFrame* MainFrame::ShowPrintPreview() {
  if (!m_session.patient()) {
    SetStatusText(T("Open eerst een patiënt."), 0);
    return nullptr;
  }
  // Two printouts of the same report: one to show, one for the preview's own print button.
  wxPrintDialogData data;
  auto* preview = new wxPrintPreview(new ReportPrintout(CurrentReport()), new ReportPrintout(CurrentReport()), &data);
  if (!preview->IsOk()) {
    delete preview;
    wxMessageBox(T("Het afdrukvoorbeeld kan niet worden gemaakt. Exporteer als PDF (Ctrl+Shift+P)."), "Zorgbrug",
                 wxOK | wxICON_ERROR, this);
    return nullptr;
  }
  auto* frame = new wxPreviewFrame(preview, this, T("Afdrukvoorbeeld"), wxDefaultPosition, wxSize(900, 860));
  frame->SetName("print-preview");
  frame->Initialize();
  frame->Show();
  return frame;
}

void MainFrame::Print() {
  if (!m_session.patient()) {
    SetStatusText(T("Open eerst een patiënt."), 0);
    return;
  }
  wxPrintDialogData data;
  wxPrinter printer(&data);
  ReportPrintout printout(CurrentReport());
  if (printer.Print(this, &printout, true)) {
    m_workstation.Audit(domain::AuditAction::kPrint, m_session.patient()->bsn.digits(), "print", "ok");
  } else if (wxPrinter::GetLastError() == wxPRINTER_ERROR) {
    wxMessageBox(T("Afdrukken is mislukt. Controleer de printer, of exporteer als PDF (Ctrl+Shift+P)."), "Zorgbrug",
                 wxOK | wxICON_ERROR, this);
  }
}

wxString MainFrame::ShortcutText() const { return ShortcutList(m_commands); }

wxDialog* MainFrame::ShowShortcuts() {
  // A table (key | action) rather than a message box of lines: readable at a glance, and it scrolls.
  return ShowReadOnlyWindow(this, T("Sneltoetsen"), "shortcuts", wxSize(560, 560), [this](wxDialog* dialog) {
    auto* list = new wxListCtrl(dialog, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    list->SetName("shortcut-table");
    list->InsertColumn(0, T("Toets"), wxLIST_FORMAT_LEFT, 170);
    list->InsertColumn(1, T("Actie"), wxLIST_FORMAT_LEFT, 350);
    for (const auto& [key, label] : ShortcutRows(m_commands)) {
      const long row = list->InsertItem(list->GetItemCount(), key);
      list->SetItem(row, 1, label);
    }
    return list;
  });
}

}  // namespace zb::gui
