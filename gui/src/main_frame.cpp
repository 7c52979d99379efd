// SPDX-License-Identifier: GPL-3.0-or-later
#include "main_frame.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/filedlg.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/printdlg.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/textctrl.h>

#include <boost/date_time/posix_time/posix_time.hpp>

#include "audit_dialog.h"
#include "i18n.h"
#include "login_panel.h"
#include "patient_dialog.h"
#include "present/login_texts.h"
#include "present/tr.h"
#include "printing.h"
#include "report/pdf_writer.h"
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
  kTabExpected,
  kTabAdmitted,
  kTabTemporary,
  kTabMedication,
  kTabIca,
  kTabSources,
  kFilter,
  kShortcuts
};

domain::Instant Now() { return boost::posix_time::second_clock::universal_time(); }

}  // namespace

MainFrame::MainFrame(workstation::Workstation& workstation, const workstation::User& user, SessionOptions options)
    : wxFrame(nullptr, wxID_ANY, "Zorgbrug", wxDefaultPosition, wxSize(1400, 860)),
      m_workstation(workstation),
      m_user(user),
      m_options(std::move(options)),
      m_idleTimer(this) {
  SetName("main");
  BuildMenus();
  CreateStatusBar(2);
  const int widths[] = {-3, -2};
  GetStatusBar()->SetStatusWidths(2, widths);
  SetStatusText(TF("Ingelogd als {0}", {user.Describe()}), 1);

  auto* box = new wxBoxSizer(wxVERTICAL);
  m_split = new wxSplitterWindow(this, wxID_ANY);
  m_patients = new PatientsPanel(m_split, workstation.store(), [this](const domain::RegisteredPatient& p) { Open(p); });
  m_overview = new OverviewPanel(m_split);
  m_split->SplitVertically(m_patients, m_overview, 400);
  m_split->SetMinimumPaneSize(220);
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
  Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
    if (!m_locked && std::chrono::steady_clock::now() - m_lastActivity > std::chrono::minutes(m_options.lockMinutes))
      LockNow();
  });
  m_idleTimer.Start(5000);
  m_patients->ShowTab(1);
}

MainFrame::~MainFrame() {
  wxEvtHandler::RemoveFilter(this);
  m_idleTimer.Stop();
  StopLookup();  // no repaint: the window is going away
}

void MainFrame::BuildMenus() {
  auto* bar = new wxMenuBar;
  auto* file = new wxMenu;
  file->Append(wxID_PRINT, T("&Afdrukken…\tCtrl+P"));
  file->Append(kExportPdf, T("Exporteren als &PDF…\tCtrl+Shift+P"));
  file->AppendSeparator();
  file->Append(wxID_PREFERENCES, T("&Instellingen…\tCtrl+,"));
  file->Append(kLock, T("&Vergrendelen\tCtrl+Shift+L"));
  file->AppendSeparator();
  file->Append(wxID_EXIT, T("&Afsluiten\tCtrl+Q"));
  bar->Append(file, T("&Bestand"));
  auto* patient = new wxMenu;
  patient->Append(kFocusPatients, T("&Patiëntenlijst\tCtrl+L"));
  patient->Append(kTabExpected, T("&Verwachte opnames\tAlt+1"));
  patient->Append(kTabAdmitted, T("&Opgenomen\tAlt+2"));
  patient->Append(kTabTemporary, T("&Tijdelijk (ANW)\tAlt+3"));
  patient->Append(kSearch, T("&Zoeken op BSN en geboortedatum\tCtrl+K"));
  patient->AppendSeparator();
  patient->Append(kNewPatient, T("&Nieuwe patiënt…\tCtrl+N"));
  patient->Append(kEditPatient, T("&Bewerken…\tCtrl+E"));
  patient->AppendSeparator();
  patient->Append(kRefresh, T("&Vernieuwen\tF5"));
  patient->Append(kCancel, T("Ophalen &stoppen\tCtrl+."));
  patient->Append(kAudit, T("&Audit-trail…\tCtrl+Shift+A"));
  bar->Append(patient, T("&Patiënt"));
  auto* view = new wxMenu;
  view->Append(kTabMedication, T("&Medicatie\tCtrl+1"));
  view->Append(kTabIca, T("&ICA\tCtrl+2"));
  view->Append(kTabSources, T("&Bronnen\tCtrl+3"));
  view->Append(kFilter, T("&Filter medicatie\tCtrl+F"));
  view->AppendCheckItem(kHistory, T("&Historie tonen\tCtrl+H"));
  bar->Append(view, T("B&eeld"));
  auto* help = new wxMenu;
  help->Append(kShortcuts, T("&Sneltoetsen\tF1"));
  bar->Append(help, T("&Help"));
  SetMenuBar(bar);

  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { Print(); }, wxID_PRINT);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { AskExportPdf(); }, kExportPdf);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { ShowSettings(); }, wxID_PREFERENCES);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { LockNow(); }, kLock);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { m_patients->ShowTab(1); }, kFocusPatients);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { m_patients->ShowTab(0); }, kTabExpected);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { m_patients->ShowTab(1); }, kTabAdmitted);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { m_patients->ShowTab(2); }, kTabTemporary);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { m_patients->FocusSearch(); }, kSearch);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { RegisterPatient(false); }, kNewPatient);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { RegisterPatient(true); }, kEditPatient);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { AskSources(); }, kRefresh);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { CancelLookup(); }, kCancel);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { ShowAudit(); }, kAudit);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { m_overview->SelectTab(0); }, kTabMedication);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { m_overview->SelectTab(1); }, kTabIca);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { m_overview->SelectTab(2); }, kTabSources);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { m_overview->FocusFilter(); }, kFilter);
  Bind(
      wxEVT_MENU,
      [this](wxCommandEvent& e) {
        m_showHistory = e.IsChecked();
        Render();
      },
      kHistory);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { ShowShortcuts(); }, kShortcuts);
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

void MainFrame::Open(const domain::RegisteredPatient& p) {
  if (m_locked) return;
  StopLookup();  // the earlier patient's lookup: its sources are not shown any more
  m_current = p;
  m_overview->Clear();
  m_retrievedAt.reset();
  m_stored = false;
  // The stored retrieval first: something to read while the sources are asked, marked as not current.
  auto stored = m_workstation.OpenOffline(p);
  if (stored && stored.value()) {
    m_picture = std::move(stored.value()->picture);
    m_retrievedAt = stored.value()->retrievedAt;
    m_stored = true;
  } else {
    m_picture.reset();
  }
  AskSources();
}

void MainFrame::AskSources() {
  if (!m_current || m_locked) return;
  StopLookup();
  std::vector<domain::SourceOutcome> expected;
  for (const auto& s : m_current->sources) expected.push_back(domain::PendingOutcome(s.source, s.ura));
  auto fresh = std::make_unique<domain::PatientPicture>(m_current->bsn.digits(), expected);
  auto alive = m_guard.token();
  auto id = m_workstation.LookUp(
      *m_current,
      [this, alive](workstation::Workstation::LookupId lid, domain::SourceDelivery d) {
        auto shared = std::make_shared<domain::SourceDelivery>(std::move(d));
        PostTo<MainFrame>(alive, this, [lid, shared](MainFrame& f) { f.Delivered(lid, std::move(*shared)); });
      },
      [this, alive](workstation::Workstation::LookupId lid, workstation::LookupEnd end) {
        PostTo<MainFrame>(alive, this, [lid, end](MainFrame& f) { f.Ended(lid, end); });
      });
  if (id) {
    m_lookup = id.value();
    if (!m_picture)
      m_picture = std::move(fresh);
    else
      m_pending = std::move(fresh);
    SetStatusText(TF("Gegevens worden opgehaald bij {0} bronnen…", {std::to_string(expected.size())}), 0);
  } else {
    SetStatusText(TF("Ophalen niet gestart: {0}", {id.error().detail}), 0);
  }
  Render();
}

void MainFrame::Delivered(workstation::Workstation::LookupId id, domain::SourceDelivery d) {
  if (!m_lookup || *m_lookup != id) return;  // a late answer of an earlier lookup: never shown
  // The first fresh answer replaces the stored picture; from then on the fresh one grows.
  if (m_pending) {
    m_picture = std::move(m_pending);
    m_stored = false;
    m_retrievedAt.reset();
  }
  m_picture->Deliver(std::move(d));
  Render();
}

void MainFrame::Ended(workstation::Workstation::LookupId id, const workstation::LookupEnd& end) {
  if (!m_lookup || *m_lookup != id) return;
  m_lookup.reset();
  m_retrievedAt = Now();
  m_stored = false;
  std::string status = end.complete ? present::Tr("Alle bronnen hebben geantwoord.")
                                    : present::Tr("Niet alle bronnen hebben gegevens geleverd.");
  if (!end.saved) status += " " + present::Fmt("Niet opgeslagen voor offline gebruik: {0}", {end.saveError});
  SetStatusText(U(status), 0);
  Render();
}

void MainFrame::StopLookup() {
  if (!m_lookup) return;
  m_workstation.Cancel(*m_lookup);
  m_lookup.reset();
  m_pending.reset();
}

void MainFrame::CancelLookup() {
  if (!m_lookup) return;
  StopLookup();
  // What is shown stays, but a source still being asked is now missing: it is marked cancelled, so
  // the chips and the banner say the overview is incomplete instead of "being retrieved".
  if (m_picture) {
    std::vector<domain::SourceOutcome> open;
    for (const auto& s : m_picture->sources()) {
      if (s.status == domain::SourceStatus::kPending) open.push_back(s);
    }
    for (auto& o : open) {
      domain::SourceDelivery d;
      o.status = domain::SourceStatus::kCancelled;
      o.reason = "cancelled";
      d.outcome = std::move(o);
      m_picture->Deliver(std::move(d));
    }
  }
  SetStatusText(T("Ophalen gestopt."), 0);
  Render();
}

void MainFrame::Render() {
  if (!m_current) return;
  const auto now = Now();
  std::shared_ptr<const domain::Overview> overview;
  if (m_picture) {
    overview = std::make_shared<const domain::Overview>(m_picture->Consolidate(now));
    m_view = present::BuildOverviewView(*m_picture, *overview, m_picture->Ica(now), m_showHistory);
    m_overview->Show(m_view, overview, present::SourceNames(*m_picture));
  }
  present::Freshness f{m_retrievedAt, m_stored, m_lookup.has_value()};
  m_header = present::BuildPatientHeader(*m_current, m_picture.get(), overview && overview->AnyInRoll(), f, now);
  m_overview->ShowHeader(m_header);
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
  GetMenuBar()->EnableTop(0, false);
  GetMenuBar()->EnableTop(1, false);
  GetMenuBar()->EnableTop(2, false);
}

void MainFrame::Unlock(const std::string& persona) {
  if (m_locked) m_unlock->LogIn(persona);
}

void MainFrame::Unlocked(const domain::Result<workstation::User>& r) {
  if (!r) {
    m_unlock->SetStatus(TF("Ontgrendelen is niet gelukt: {0}", {present::DescribeLoginFailure(r.error().detail)}));
    return;
  }
  // Only the user whose work is open may see it again; anyone else starts afresh.
  if (r.value().audit.userId != m_user.audit.userId) {
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

void MainFrame::RegisterPatient(bool edit) {
  std::optional<domain::RegisteredPatient> existing;
  if (edit) {
    existing = m_patients->Selected();
    if (!existing) existing = m_current;
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
  auto current = workstation::LoadPreferences(m_workstation.store().settings());
  workstation::Preferences p = current ? current.value() : workstation::Preferences{};
  if (p.gateway.empty()) p.gateway = m_workstation.config().gateway;
  if (p.caFile.empty()) p.caFile = m_workstation.config().caFile;
  SettingsDialog dialog(this, p);
  if (dialog.ShowModal() != wxID_OK) return;
  auto saved = workstation::SavePreferences(m_workstation.store().settings(), dialog.chosen());
  if (!saved) {
    wxMessageBox(TF("Instellingen niet opgeslagen: {0}", {saved.error().detail}), "Zorgbrug", wxOK | wxICON_ERROR,
                 this);
    return;
  }
  m_options.lockMinutes = dialog.chosen().lockMinutes;
  SetStatusText(T("Instellingen opgeslagen."), 0);
}

void MainFrame::ShowAudit() {
  std::optional<domain::Bsn> bsn;
  std::string name;
  if (m_current) {
    bsn = m_current->bsn;
    name = m_current->name;
  }
  AuditDialog dialog(this, m_workstation, bsn, name);
  dialog.ShowModal();
}

present::Report MainFrame::CurrentReport() const {
  return present::BuildOverviewReport(m_header, m_view, domain::FormatDateTime(Now()), m_user.audit.name);
}

std::string MainFrame::ExportPdf(const std::string& path) {
  if (!m_current) return present::Tr("Open eerst een patiënt.");
  auto pages = report::WritePdf(CurrentReport(), path);
  if (!pages) return pages.error().detail;
  m_workstation.Audit(domain::AuditAction::kExportPdf, m_current->bsn.digits(), "pdf", "ok");
  SetStatusText(TF("PDF opgeslagen ({0} pagina's): {1}", {std::to_string(pages.value()), path}), 0);
  return {};
}

void MainFrame::AskExportPdf() {
  if (!m_current) {
    SetStatusText(T("Open eerst een patiënt."), 0);
    return;
  }
  wxFileDialog pick(this, T("Overzicht exporteren als PDF"), "", U("medicatieoverzicht.pdf"), T("PDF (*.pdf)|*.pdf"),
                    wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  if (pick.ShowModal() != wxID_OK) return;
  const std::string problem = ExportPdf(pick.GetPath().utf8_string());
  if (!problem.empty()) wxMessageBox(U(problem), T("Exporteren mislukt"), wxOK | wxICON_ERROR, this);
}

void MainFrame::Print() {
  if (!m_current) {
    SetStatusText(T("Open eerst een patiënt."), 0);
    return;
  }
  wxPrintDialogData data;
  wxPrinter printer(&data);
  ReportPrintout printout(CurrentReport());
  if (printer.Print(this, &printout, true)) {
    m_workstation.Audit(domain::AuditAction::kPrint, m_current->bsn.digits(), "print", "ok");
  } else if (wxPrinter::GetLastError() == wxPRINTER_ERROR) {
    wxMessageBox(T("Afdrukken is mislukt. Controleer de printer, of exporteer als PDF (Ctrl+Shift+P)."), "Zorgbrug",
                 wxOK | wxICON_ERROR, this);
  }
}

void MainFrame::ShowShortcuts() {
  wxMessageBox(T("Ctrl+L patiëntenlijst · Alt+1/2/3 verwacht/opgenomen/tijdelijk · Ctrl+K zoeken · Enter openen\n"
                 "Ctrl+N nieuwe patiënt · Ctrl+E bewerken · F5 vernieuwen · Ctrl+. stoppen\n"
                 "Ctrl+1/2/3 medicatie/ICA/bronnen · Ctrl+F filter · Ctrl+H historie · kolomkop: sorteren\n"
                 "Ctrl+P afdrukken · Ctrl+Shift+P PDF · Ctrl+Shift+A audit-trail · Ctrl+, instellingen\n"
                 "Ctrl+Shift+L vergrendelen · Ctrl+Q afsluiten"),
               T("Sneltoetsen"), wxOK | wxICON_INFORMATION, this);
}

}  // namespace zb::gui
