// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's draft actions: a stop or pause of the line in focus, a change or a new start
// in the draft editor, written as a local draft (nothing is sent), the drafts tab refilled from
// the store, a draft deleted.
#include <wx/choicdlg.h>
#include <wx/filedlg.h>
#include <wx/msgdlg.h>
#include <wx/stdpaths.h>
#include <wx/textdlg.h>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "background.h"
#include "domain/open_substance_groups.h"
#include "draft_editor.h"
#include "i18n.h"
#include "main_frame.h"
#include "present/draft_texts.h"
#include "present/pharmacy_texts.h"
#include "present/prescription_report.h"
#include "present/tr.h"
#include "release_dialog.h"
#include "report/pdf_writer.h"
#include "ui_thread.h"

namespace zb::gui {

std::string MainFrame::AdmissionRows(std::vector<present::DraftRow>& drafts,
                                     std::vector<present::OutboxRow>& released) const {
  const auto& patient = m_session.patient();
  if (!patient) return {};
  auto listed = m_workstation.drafts().List(*patient);
  if (!listed) return TF("Concepten niet te lezen: {0}", {listed.error().detail}).utf8_string();
  for (const auto& e : listed.value()) {
    drafts.push_back(present::DescribeDraft(e.id, e.draft, e.author, e.proposal, e.updatedAt, e.freshness,
                                            m_screen.overview.get(), m_screen.sourceNames));
  }
  if (auto outbox = m_workstation.releases().Outbox(*patient)) {
    for (const auto& e : outbox.value()) {
      released.push_back(present::DescribeOutbox(e.target, e.receiverName, e.receiverUra,
                                                 workstation::ToString(e.state), e.attempts, e.answer, e.processing,
                                                 e.processedAt));
      released.back().id = e.id;
    }
  }
  return {};
}

void MainFrame::RefreshDrafts() {
  if (!m_session.patient()) return;
  std::vector<present::DraftRow> rows;
  std::vector<present::OutboxRow> sent;
  if (const std::string problem = AdmissionRows(rows, sent); !problem.empty()) {
    SetStatusText(U(problem), 0);
    return;
  }
  m_overview->ShowDrafts(std::move(rows));
  m_overview->ShowOutbox(sent);
}

std::string MainFrame::ReleaseDrafts(const std::vector<domain::SignalDecision>& decisions) {
  const auto& patient = m_session.patient();
  if (!patient) return present::Tr("Kies eerst een patiënt.");
  workstation::ReleaseRequest request;
  request.decisions = decisions;
  auto released =
      m_workstation.releases().Release(*patient, request, boost::posix_time::second_clock::universal_time());
  if (!released) return present::Fmt("Niets vrijgegeven: {0}", {released.error().detail});
  RefreshDrafts();
  SendOutbox();
  return {};
}

void MainFrame::SendOutbox(bool quiet) {
  if (m_sending) return;
  m_sending = true;
  if (!quiet) SetStatusText(T("Vrijgegeven; de berichten worden verzonden…"), 0);
  RunInBackground([this, quiet, alive = m_guard.token()] {
    auto sent = m_workstation.releases().Send(boost::posix_time::second_clock::universal_time());
    const std::string problem = sent ? std::string() : sent.error().detail;
    const std::size_t handled = sent ? sent->size() : 0;
    PostTo<MainFrame>(alive, this, [problem, quiet, handled](MainFrame& f) {
      f.m_sending = false;
      // The timer's round stays silent unless something was sent or a pharmacy answered.
      if (quiet && handled == 0) return;
      f.RefreshDrafts();
      if (quiet && !problem.empty()) return;
      f.SetStatusText(problem.empty() ? T("Verzenden klaar: zie Concepten voor de status per ontvanger.")
                                      : TF("Verzenden niet gelukt: {0}", {problem}),
                      0);
    });
  });
}

void MainFrame::AskRelease() {
  const auto& patient = m_session.patient();
  if (!patient) return;
  const auto now = boost::posix_time::second_clock::universal_time();
  auto checked = m_workstation.drafts().Check(*patient, now);
  if (!checked) {
    wxMessageBox(U(checked.error().detail), T("Vrijgeven"), wxOK | wxICON_WARNING, this);
    return;
  }
  const auto& c = checked.value();
  auto drafts = m_workstation.drafts().List(*patient);
  std::vector<present::DraftRow> rows;
  if (drafts) {
    for (const auto& e : drafts.value())
      rows.push_back(present::DescribeDraft(e.id, e.draft, e.author, e.proposal, e.updatedAt, e.freshness,
                                            m_screen.overview.get(), m_screen.sourceNames));
  }
  if (rows.empty()) {
    wxMessageBox(T("Deze patiënt heeft geen concepten."), T("Vrijgeven"), wxOK | wxICON_INFORMATION, this);
    return;
  }
  // What must be settled on the drafts tab first: no dialog can decide it away.
  if (!c.stale.empty() || !c.proposals.empty() || !c.problems.empty()) {
    std::string text = present::Tr("Eerst op het tabblad Concepten afhandelen:");
    if (!c.stale.empty()) text += "\n- " + present::Tr("een bron wijzigde een regel na het concept: bevestig opnieuw");
    if (!c.proposals.empty())
      text += "\n- " + present::Tr("een voorstel moet door een voorschrijver worden overgenomen");
    for (const auto& p : c.problems) text += "\n- " + p;
    wxMessageBox(U(text), T("Vrijgeven"), wxOK | wxICON_WARNING, this);
    return;
  }
  ReleaseDialog dialog(this, patient->name, rows, c.check, present::ClosedWarning(m_screen.pharmacy));
  if (dialog.ShowModal() != wxID_OK) return;
  const std::string problem = ReleaseDrafts(dialog.Decisions());
  if (!problem.empty()) wxMessageBox(U(problem), T("Vrijgeven"), wxOK | wxICON_WARNING, this);
}

std::string MainFrame::DraftSelectedLine(domain::DraftAction action, const std::string& reasonCode,
                                         std::optional<domain::GdsTiming> gds, std::optional<domain::Date> pauseUntil) {
  const auto& patient = m_session.patient();
  if (!patient) return present::Tr("Kies eerst een patiënt.");
  const domain::BlockId treatment = m_overview->SelectedTreatment();
  if (treatment.empty()) return present::Tr("Kies eerst een regel in de medicatielijst.");
  domain::MedicationDraft draft;
  draft.action = action;
  draft.treatment = treatment;
  if (auto reason = domain::ChangeOrStopReason(reasonCode)) draft.reason = *reason;
  if (gds) draft.additionalInformation.push_back(domain::GdsTimingCode(*gds));
  if (pauseUntil && action == domain::DraftAction::kPause)
    draft.pauseUntil = domain::DateTime::Parse(boost::gregorian::to_iso_extended_string(*pauseUntil)).value();
  return SaveDraft(std::move(draft));
}

std::string MainFrame::SaveDraft(domain::MedicationDraft draft) {
  const auto& patient = m_session.patient();
  if (!patient) return present::Tr("Kies eerst een patiënt.");
  // A line has one draft: a second action on it replaces the first.
  std::int64_t id = 0;
  if (auto existing = m_workstation.drafts().List(*patient); existing && !draft.treatment.empty()) {
    for (const auto& e : existing.value()) {
      if (e.draft.treatment == draft.treatment) id = e.id;
    }
  }
  const auto action = draft.action;
  auto saved =
      m_workstation.drafts().Save(*patient, std::move(draft), id, boost::posix_time::second_clock::universal_time());
  if (!saved) return present::Fmt("Het concept is niet opgeslagen: {0}", {saved.error().detail});
  RefreshDrafts();
  SetStatusText(TF("Concept opgeslagen: {0} (niet verzonden)", {present::DraftActionLabel(action)}), 0);
  return {};
}

std::unique_ptr<DraftEditor> MainFrame::MakeDraftEditor(domain::DraftAction action) {
  if (!m_session.patient() || !m_screen.overview) return nullptr;
  DraftEditorInput in;
  in.action = action;
  in.formulary = m_formulary.get();
  in.inRoll = m_screen.overview->AnyInRoll();
  in.pharmacies = m_screen.pharmacy.Choices();
  in.pharmacyNote = present::ClosedWarning(m_screen.pharmacy);
  if (action == domain::DraftAction::kChange) {
    in.treatment = m_overview->SelectedTreatment();
    if (in.treatment.empty()) return nullptr;
    for (const auto& row : m_screen.view.medication) {
      if (row.line >= m_screen.overview->lines.size() ||
          !(m_screen.overview->lines[row.line].treatment == in.treatment))
        continue;
      in.line = row.product + (row.dose.empty() ? "" : " — " + row.dose);
      in.formularyNote = row.formulary;
      if (m_formulary && !row.formulary.empty()) {
        static const domain::OpenSubstanceGroups kKnowledge;
        in.suggested = m_formulary->Check(*m_screen.overview->lines[row.line].product, &kKnowledge).alternatives;
      }
      break;
    }
  }
  return std::make_unique<DraftEditor>(this, std::move(in));
}

void MainFrame::AskEditDraft(domain::DraftAction action) {
  auto editor = MakeDraftEditor(action);
  if (!editor) {
    wxMessageBox(action == domain::DraftAction::kChange ? T("Kies eerst een regel in de medicatielijst.")
                                                        : T("Kies eerst een patiënt met opgehaalde gegevens."),
                 T("Concept"), wxOK | wxICON_INFORMATION, this);
    return;
  }
  while (editor->ShowModal() == wxID_OK) {
    const std::string problem = SaveDraft(editor->Draft().value());
    if (problem.empty()) return;
    // E.g. a product outside the formulary without a reason: the editor stays open with what was typed.
    wxMessageBox(U(problem), T("Concept"), wxOK | wxICON_WARNING, editor.get());
  }
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
  // Medication in the roll: MP9 wants to know when the change takes effect there (code 6, 7 or 11).
  std::optional<domain::GdsTiming> gds;
  if (m_screen.overview && m_screen.overview->AnyInRoll()) {
    const domain::GdsTiming timings[] = {domain::GdsTiming::kNextRollChange, domain::GdsTiming::kDirect,
                                         domain::GdsTiming::kRegularProcessing};
    wxArrayString when;
    for (auto t : timings) when.Add(U(domain::GdsTimingCode(t).display));
    wxSingleChoiceDialog moment(this, T("De patiënt heeft medicatie in de baxterrol. Wanneer gaat dit in?"),
                                T("Baxterrol (GDS)"), when);
    moment.SetName("draft-gds");
    if (moment.ShowModal() != wxID_OK) return;
    gds = timings[static_cast<std::size_t>(moment.GetSelection())];
  }
  // A pause until a date resumes by itself (a new agreement from that date); empty: "tot nader order".
  std::optional<domain::Date> until;
  while (action == domain::DraftAction::kPause) {
    wxTextEntryDialog when(this, T("Hervatten op (dd-mm-jjjj). Leeg laten: tot nader order."), T("Onderbreken tot"));
    when.SetName("draft-pause-until");
    if (when.ShowModal() != wxID_OK) return;
    const std::string text = when.GetValue().Strip(wxString::both).utf8_string();
    if (text.empty()) break;
    auto date = domain::ParseUserDate(text);
    if (date) {
      until = date.value();
      break;
    }
    wxMessageBox(TF("{0} is geen datum; schrijf bijvoorbeeld 15-12-2026.", {text}), T("Onderbreken tot"),
                 wxOK | wxICON_WARNING, this);
  }
  const std::string problem =
      DraftSelectedLine(action, codes[static_cast<std::size_t>(ask.GetSelection())], gds, until);
  if (!problem.empty()) wxMessageBox(U(problem), T("Concept"), wxOK | wxICON_WARNING, this);
}

std::string MainFrame::WritePaperPrescription(std::int64_t entryId, const std::string& path) {
  const auto& patient = m_session.patient();
  if (!patient) return present::Tr("Kies eerst een patiënt.");
  auto paper = m_workstation.releases().Prescription(*patient, entryId);
  if (!paper) return present::Fmt("Geen papieren recept: {0}", {paper.error().detail});
  const auto now = boost::posix_time::second_clock::universal_time();
  auto written = report::WritePdf(present::BuildPrescriptionReport(paper.value(), domain::FormatDateTime(now)), path);
  if (!written) return written.error().detail;
  SetStatusText(TF("Papieren recept opgeslagen: {0}. Bevestig de aflevering als de apotheek het heeft.", {path}), 0);
  return {};
}

void MainFrame::AskPaperPrescription() {
  const auto& patient = m_session.patient();
  const std::int64_t id = m_overview->SelectedOutbox();
  if (!patient || id == 0) {
    wxMessageBox(
        T("Kies eerst een recept zonder ontvanger (of geweigerd) in de lijst vrijgaven op het tabblad Concepten."),
        T("Papieren recept"), wxOK | wxICON_INFORMATION, this);
    return;
  }
  const auto day = domain::NetherlandsDate(boost::posix_time::second_clock::universal_time());
  wxFileDialog ask(this, T("Papieren recept opslaan"), wxStandardPaths::Get().GetDocumentsDir(),
                   U(present::Fmt("Recept {0} {1}.pdf", {patient->name, domain::FormatDate(day)})), "PDF (*.pdf)|*.pdf",
                   wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  if (ask.ShowModal() != wxID_OK) return;
  const std::string problem = WritePaperPrescription(id, ask.GetPath().utf8_string());
  if (!problem.empty()) wxMessageBox(U(problem), T("Papieren recept"), wxOK | wxICON_WARNING, this);
}

std::string MainFrame::ConfirmDraftAgain(std::int64_t id) {
  const auto& patient = m_session.patient();
  if (!patient) return present::Tr("Kies eerst een patiënt.");
  auto confirmed = m_workstation.drafts().Confirm(*patient, id, boost::posix_time::second_clock::universal_time());
  if (!confirmed)
    return present::Fmt("Niet opnieuw bevestigd: {0}. Verwijder het concept als de regel niet meer bestaat.",
                        {confirmed.error().detail});
  RefreshDrafts();
  SetStatusText(T("Concept opnieuw bevestigd tegen de huidige afspraak (niet verzonden)."), 0);
  return {};
}

void MainFrame::AskConfirmDraftAgain() {
  const auto& patient = m_session.patient();
  const std::int64_t id = m_overview->SelectedDraft();
  if (!patient || id == 0) {
    wxMessageBox(T("Kies eerst een concept op het tabblad Concepten."), T("Concept"), wxOK | wxICON_INFORMATION, this);
    return;
  }
  // What changed at the source, in the list's words, before the physician binds the draft to it.
  std::string state;
  if (auto listed = m_workstation.drafts().List(*patient)) {
    for (const auto& e : listed.value()) {
      if (e.id == id) state = present::DraftStateText(e.freshness, e.proposal, m_screen.sourceNames);
    }
  }
  if (wxMessageBox(TF("{0}\n\nHet concept geldt dan voor de afspraak die de regel nu heeft. Bekijk eerst de regel in "
                      "de medicatielijst. Opnieuw bevestigen?",
                      {state}),
                   T("Concept opnieuw bevestigen"), wxYES_NO | wxNO_DEFAULT, this) != wxYES)
    return;
  const std::string problem = ConfirmDraftAgain(id);
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
