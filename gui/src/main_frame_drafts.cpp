// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's draft actions: a stop or pause of the line in focus, written as a local draft
// (nothing is sent), the drafts tab refilled from the store, a draft deleted.
#include <wx/choicdlg.h>
#include <wx/msgdlg.h>

#include "i18n.h"
#include "main_frame.h"
#include "present/draft_texts.h"
#include "present/tr.h"

namespace zb::gui {

void MainFrame::RefreshDrafts() {
  const auto& patient = m_session.patient();
  if (!patient) return;
  auto drafts = m_workstation.drafts().List(*patient);
  if (!drafts) {
    SetStatusText(TF("Concepten niet te lezen: {0}", {drafts.error().detail}), 0);
    return;
  }
  std::vector<present::DraftRow> rows;
  for (const auto& e : drafts.value()) {
    rows.push_back(present::DescribeDraft(e.id, e.draft, e.author, e.proposal, e.updatedAt, e.freshness,
                                          m_screen.overview.get(), m_screen.sourceNames));
  }
  m_overview->ShowDrafts(std::move(rows));
}

std::string MainFrame::DraftSelectedLine(domain::DraftAction action, const std::string& reasonCode) {
  const auto& patient = m_session.patient();
  if (!patient) return present::Tr("Kies eerst een patiënt.");
  const domain::BlockId treatment = m_overview->SelectedTreatment();
  if (treatment.empty()) return present::Tr("Kies eerst een regel in de medicatielijst.");
  domain::MedicationDraft draft;
  draft.action = action;
  draft.treatment = treatment;
  if (auto reason = domain::ChangeOrStopReason(reasonCode)) draft.reason = *reason;
  // A line has one draft: a second action on it replaces the first.
  std::int64_t id = 0;
  if (auto existing = m_workstation.drafts().List(*patient)) {
    for (const auto& e : existing.value()) {
      if (e.draft.treatment == treatment) id = e.id;
    }
  }
  auto saved = m_workstation.drafts().Save(*patient, draft, id, boost::posix_time::second_clock::universal_time());
  if (!saved) return present::Fmt("Het concept is niet opgeslagen: {0}", {saved.error().detail});
  RefreshDrafts();
  SetStatusText(TF("Concept opgeslagen: {0} (niet verzonden)", {present::DraftActionLabel(action)}), 0);
  return {};
}

void MainFrame::AskDraft(domain::DraftAction action) {
  if (m_overview->SelectedTreatment().empty()) {
    wxMessageBox(T("Kies eerst een regel in de medicatielijst."), T("Concept"), wxOK | wxICON_INFORMATION, this);
    return;
  }
  // The reasons of RedenWijzigenStaken, with the value set's Dutch names (they are sent as data).
  const auto codes = domain::ChangeOrStopReasonCodes();
  wxArrayString names;
  for (const auto& code : codes) names.Add(U(domain::ChangeOrStopReason(code)->Label()));
  wxSingleChoiceDialog ask(this, T("Reden (wordt met de medicatieafspraak meegestuurd):"),
                           U(present::Fmt("Concept: {0}", {present::DraftActionLabel(action)})), names);
  ask.SetName("draft-reason");
  if (ask.ShowModal() != wxID_OK) return;
  const std::string problem = DraftSelectedLine(action, codes[static_cast<std::size_t>(ask.GetSelection())]);
  if (!problem.empty()) wxMessageBox(U(problem), T("Concept"), wxOK | wxICON_WARNING, this);
}

void MainFrame::RemoveSelectedDraft() {
  const auto& patient = m_session.patient();
  const std::int64_t id = m_overview->SelectedDraft();
  if (!patient || id == 0) {
    wxMessageBox(T("Kies eerst een concept op het tabblad Concepten."), T("Concept"), wxOK | wxICON_INFORMATION, this);
    return;
  }
  if (wxMessageBox(T("Dit concept verwijderen? Het is nooit verzonden."), T("Concept"), wxYES_NO | wxNO_DEFAULT,
                   this) != wxYES)
    return;
  auto removed = m_workstation.drafts().Remove(*patient, id);
  if (!removed) wxMessageBox(U(removed.error().detail), T("Concept"), wxOK | wxICON_WARNING, this);
  RefreshDrafts();
}

}  // namespace zb::gui
