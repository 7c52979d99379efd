// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The main window: the patients on the left (expected, admitted, temporary, search), the overview
// of the chosen one on the right, painted from a workstation::PatientSession (which owns the
// lookup, the stored picture and the consolidation). After the set inactivity the session locks:
// the patient data is hidden, the gateway session ends, and only the same user's new DEZI login
// shows the open work again.
#include <wx/eventfilter.h>
#include <wx/frame.h>
#include <wx/timer.h>

class wxDialog;

#include <chrono>
#include <memory>
#include <optional>
#include <vector>

#include "commands.h"
#include "overview_panel.h"
#include "patients_panel.h"
#include "present/draft_texts.h"
#include "present/overview_report.h"
#include "ui_thread.h"
#include "workstation/patient_session.h"
#include "workstation/workstation.h"

class wxSplitterWindow;

namespace zb::gui {

class LoginPanel;
class DraftEditor;

struct SessionOptions {
  bool demo = false;    // sandbox: the lock screen offers the persona login too
  std::string persona;  // preselected persona
  std::string caFile;   // trust for the gateway (login through a persona)
  int lockMinutes = 10;
};

class MainFrame : public wxFrame, private wxEventFilter {
 public:
  MainFrame(workstation::Workstation& workstation, const workstation::User& user, SessionOptions options = {});
  ~MainFrame() override;

  // Also used by tests: selects the patient with this BSN and opens him.
  bool OpenPatient(const std::string& bsn);
  const present::OverviewView& shownView() const { return m_screen.view; }
  const present::PatientHeader& shownHeader() const { return m_screen.header; }
  bool lookupRunning() const { return m_session.running(); }
  bool locked() const { return m_locked; }
  void LockNow();
  // Starts the unlock login (persona empty: the system browser).
  void Unlock(const std::string& persona);
  wxString lockMessage() const;
  PatientsPanel& patients() { return *m_patients; }
  OverviewPanel& overview() { return *m_overview; }
  // Stops asking the sources (Ctrl+.): sources not yet answered are marked cancelled.
  void CancelLookup();
  // Writes a draft for the medication line in focus (a reason code of RedenWijzigenStaken); the
  // error text or empty. The menu's stop and pause ask the reason first, then call this.
  // `gds`: when the change takes effect in the roll (asked only for a patient with roll medication).
  // `pauseUntil`: a pause's resume date (none: "tot nader order").
  std::string DraftSelectedLine(domain::DraftAction action, const std::string& reasonCode,
                                std::optional<domain::GdsTiming> gds = std::nullopt,
                                std::optional<domain::Date> pauseUntil = std::nullopt);
  // Writes `draft` (replacing the line's earlier draft) and refreshes the drafts tab; the error or empty.
  std::string SaveDraft(domain::MedicationDraft draft);
  // Releases the patient's drafts with these decisions (the release dialog's, or a test's) and
  // sends them in the background; the error text or empty. Only offered to a prescriber.
  std::string ReleaseDrafts(const std::vector<domain::SignalDecision>& decisions);
  // The draft editor for `action` (change of the line in focus, or start), filled for the shown
  // patient; null when it cannot open (no patient, no line). Not shown: the caller shows it.
  std::unique_ptr<DraftEditor> MakeDraftEditor(domain::DraftAction action);
  // Imports a formulary or pharmacy roster file; the error text or empty.
  std::string ImportList(bool roster, const std::string& path);
  // Binds draft `id`, whose source line changed, to the line's agreement of now; the error or empty.
  std::string ConfirmDraftAgain(std::int64_t id);
  // Writes the paper prescription of outbox item `entryId` (an order no pharmacy took) as PDF;
  // the error text or empty.
  std::string WritePaperPrescription(std::int64_t entryId, const std::string& path);
  // Whether a background send is still running (tests wait for it).
  bool sending() const { return m_sending; }
  // One outbox round now, as the outbox timer does every 30 s: what is due is sent, the pharmacy's
  // processing answers are collected; the drafts tab is refreshed when anything changed.
  void SendOutboxQuietly() { SendOutbox(true); }
  // Writes the shown overview as PDF; the error text or empty.
  std::string ExportPdf(const std::string& path);
  // Where Ctrl+Shift+P proposes to save: the documents folder, patient and date in the name.
  wxString DefaultPdfPath() const;
  // Opens our print preview of the same pages as paper and PDF; null without a patient.
  wxFrame* ShowPrintPreview();
  // The F1 list (also what tests read to see the table and the menus agree).
  wxString ShortcutText() const;
  // F1: the shortcut table, modeless (returned for tests).
  wxDialog* ShowShortcuts();

 private:
  int FilterEvent(wxEvent& event) override;
  std::vector<Command> Commands();
  void Open(const domain::RegisteredPatient& patient);
  void Render();
  // Drafts (main_frame_drafts.cpp): the tab refilled from the store; a stop or pause of the line in
  // focus after asking the reason; the draft in focus deleted.
  void RefreshDrafts();
  // The patient's drafts and released Bundles in words (the drafts tab, the printed "medicatie bij
  // opname"); an error text when the drafts cannot be read.
  std::string AdmissionRows(std::vector<present::DraftRow>& drafts, std::vector<present::OutboxRow>& released) const;
  void AskDraft(domain::DraftAction action);
  // The draft editor for a change of the line in focus or a new start (draft_editor.h).
  void AskEditDraft(domain::DraftAction action);
  // The formulary and the pharmacy roster from the store (after an import too); problems to the status bar.
  void LoadLists();
  // Bestand > Formularium / Apotheekrooster inlezen: a CSV or FHIR file.
  void AskImport(bool roster);
  void RemoveSelectedDraft();
  // Ctrl+Shift+B: the draft in focus confirmed again after its source changed, after asking.
  void AskConfirmDraftAgain();
  // Ctrl+Shift+R: the paper prescription of the outbox item in focus, saved where the user says.
  void AskPaperPrescription();
  // The checks, then the release dialog (Ctrl+Shift+V); and sending what is due in the background.
  void AskRelease();
  // `quiet`: the timer's round; says nothing unless something was sent or answered.
  void SendOutbox(bool quiet = false);
  void Unlocked(const domain::Result<workstation::User>& result);
  // `prefill`: a new patient's known fields (the search's BSN and birth date).
  void RegisterPatient(bool edit, std::optional<domain::RegisteredPatient> prefill = std::nullopt);
  void ShowSettings();
  void ShowAudit();
  // The on-call reports window; `writeNew`: first the editor of a new report about the open
  // patient, with the overview on screen as its context (Ctrl+Shift+D).
  void ShowReports(bool writeNew = false);
  void Print();
  void AskExportPdf();

  present::Report CurrentReport() const;

  workstation::Workstation& m_workstation;
  workstation::User m_user;
  SessionOptions m_options;
  std::vector<Command> m_commands;
  wxSplitterWindow* m_split = nullptr;
  bool m_sashMoved = false;  // the user placed the sash: sizing leaves it there
  PatientsPanel* m_patients = nullptr;
  OverviewPanel* m_overview = nullptr;
  wxPanel* m_lockPanel = nullptr;
  LoginPanel* m_unlock = nullptr;
  bool m_showHistory = false;
  bool m_locked = false;
  bool m_sending = false;
  workstation::PatientScreen m_screen;                     // what is painted now
  std::shared_ptr<const domain::Formulary> m_formulary;    // the home's, as imported
  std::shared_ptr<const domain::PharmacyRoster> m_roster;  // m_screen.pharmacy points into it
  wxTimer m_idleTimer;
  wxTimer m_outboxTimer;  // retries and processing answers arrive without anyone releasing again
  std::chrono::steady_clock::time_point m_lastActivity;
  UiGuard m_guard;
  workstation::PatientSession m_session;  // last: its posted answers check m_guard, and it goes first
};

}  // namespace zb::gui
