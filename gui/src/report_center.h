// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// On-call reports in one window (Ctrl+Shift+G), four tabs: "Dienst" — the shift's reports of every
// patient (drafts, signed, where their sending stands) with new/edit/sign-and-send; "Verzonden" —
// the organisation's outbox from the gateway (notified, fetched, read by whom and when; unread
// after 24 h in red); "Ontvangen" — reports other organisations sent us, new ones first, opened by
// pulling them live and acknowledged ("gelezen en overgenomen"); "Verzoeken" — their requests to
// the own physician as the organisation's to-dos (open first, by due date; late ones red until done,
// which completes them at the sender too). Everything that goes over the
// network runs in the background; the window stays usable and says what it is waiting for.
#include <wx/dialog.h>

#include <functional>
#include <optional>
#include <vector>

#include "domain/patient_register.h"
#include "ui_thread.h"
#include "workstation/report_book.h"
#include "workstation/workstation.h"

class wxCheckBox;
class wxChoice;
class wxListCtrl;
class wxNotebook;
class wxStaticText;

namespace zb::gui {

class ReportCenter : public wxDialog {
 public:
  // `context`: the open patient's overview as it is now, attached to a new report written here.
  ReportCenter(wxWindow* parent, workstation::Workstation& workstation,
               std::optional<domain::RegisteredPatient> patient,
               std::optional<domain::ReportContext> context = std::nullopt);
  // "Nieuw verslag…": a draft for the open patient, with the overview as context, in the editor.
  void NewReport();
  // Tests: the editor a new report opens, instead of showing it modally; returns what to save.
  std::function<std::optional<domain::LocumReport>(const domain::LocumReport&)> editNew;
  // Refills the shift tab now and the outbox, inbox and to-dos in the background; then the status
  // line says `settled` (what was just done), or why the gateway could not be asked.
  void Reload(const wxString& settled = wxString());
  bool busy() const { return m_pending > 0; }
  void ShowTab(int index);
  // Writes `report` (from the editor) as a draft; "" or what went wrong.
  std::string SaveDraft(const domain::LocumReport& report);
  // Signs the shift row's report if it is a draft and sends it to `receiverUra` in the background.
  std::string SignAndSend(long shiftRow, const std::string& receiverUra);
  // The same for several shift rows (several patients) in one action: each its own document.
  std::string SignAndSend(const std::vector<long>& shiftRows, const std::string& receiverUra,
                          const std::optional<workstation::ReportTeam>& team = std::nullopt);
  // "Ondertekenen en verzenden…" after the URA: asks the receiver's teams in the background, lets the
  // physician choose one (or the whole organisation) through `chooseTeam`, then SignAndSend.
  void SendTo(const std::vector<long>& shiftRows, const std::string& receiverUra);
  // The choice among the receiver's teams: nullopt = cancelled; an empty id = the whole organisation.
  // Default: a dialog. Tests replace it.
  std::function<std::optional<workstation::ReportTeam>(const std::vector<workstation::ReportTeam>&)> chooseTeam;
  // The inbox and to-dos of one of our teams (with those for the whole organisation); "" = all.
  void ShowTeam(const std::string& teamId);
  // Pulls the inbox row's report in the background; `onPulled` gets it (default: the reader dialog).
  void Read(long inboxRow);
  void Acknowledge(long inboxRow);
  // The outbox row's report went by secure mail (no endpoint): "afgeleverd", confirmed and audited.
  std::string ConfirmDelivered(long outboxRow);
  // Completes the to-do row's request, here and at the sender, in the background.
  void CompleteTodo(long todoRow);
  std::function<void(const workstation::PulledLocumReport&)> onPulled;
  wxListCtrl* shiftList() const { return m_shift; }
  wxListCtrl* outboxList() const { return m_outbox; }
  wxListCtrl* inboxList() const { return m_inbox; }
  wxListCtrl* todoList() const { return m_todos; }
  // "Alleen open verzoeken" on the to-do tab.
  void ShowOpenTodosOnly(bool on);
  std::string status() const;

 private:
  void FillShift();
  void FillTodos(const std::vector<workstation::ReportTodo>& todos);
  void Background(std::function<std::function<void(ReportCenter&)>()> job);
  void Edit(long shiftRow);
  void SetStatus(const wxString& text);

  workstation::Workstation& m_workstation;
  std::optional<domain::RegisteredPatient> m_patient;
  std::optional<domain::ReportContext> m_context;
  std::vector<workstation::ShiftReport> m_shiftRows;
  std::vector<workstation::InboxReport> m_inboxRows;
  std::vector<workstation::SentReportStatus> m_outboxRows;
  std::vector<workstation::ReportTodo> m_allTodos;  // as the gateway gave them
  std::vector<workstation::ReportTodo> m_todoRows;  // as listed (open only, when so chosen)
  wxNotebook* m_tabs = nullptr;
  wxListCtrl* m_shift = nullptr;
  wxListCtrl* m_outbox = nullptr;
  wxListCtrl* m_inbox = nullptr;
  wxListCtrl* m_todos = nullptr;
  wxCheckBox* m_openOnly = nullptr;
  wxChoice* m_team = nullptr;                    // the inbox's team filter
  std::vector<workstation::ReportTeam> m_teams;  // our teams, as the gateway lists them
  std::string m_teamFilter;
  std::vector<workstation::InboxReport> m_allInbox;  // as the gateway gave them (m_inboxRows: as listed)
  void FillInbox();
  wxStaticText* m_status = nullptr;
  int m_pending = 0;
  UiGuard m_guard;
};

}  // namespace zb::gui
