// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's organisation lists: the home's formulary (products the drafts choose from, and
// "niet op formularium" on the overview) and the pharmacy roster (who is open now), imported from
// a CSV or FHIR file and kept in the store.
#include <wx/filedlg.h>
#include <wx/msgdlg.h>

#include "i18n.h"
#include "main_frame.h"
#include "present/tr.h"

namespace zb::gui {

void MainFrame::LoadLists() {
  std::string problem;
  auto formulary = m_workstation.drafts().Formulary();
  if (formulary) {
    m_formulary = std::make_shared<const domain::Formulary>(std::move(formulary.value()));
  } else {
    problem = present::Fmt("Formularium niet te lezen: {0}", {formulary.error().detail});
  }
  auto roster = m_workstation.drafts().Roster();
  if (roster) {
    m_roster = std::make_shared<const domain::PharmacyRoster>(std::move(roster.value()));
  } else {
    problem = present::Fmt("Apotheekrooster niet te lezen: {0}", {roster.error().detail});
  }
  if (!problem.empty() && GetStatusBar()) SetStatusText(U(problem), 0);
  Render();
}

std::string MainFrame::ImportList(bool roster, const std::string& path) {
  const auto today = domain::NetherlandsDate(boost::posix_time::second_clock::universal_time());
  auto imported =
      roster ? m_workstation.drafts().ImportRoster(path, today) : m_workstation.drafts().ImportFormulary(path, today);
  if (!imported) return present::Fmt("Niet ingelezen; er is niets veranderd. {0}", {imported.error().detail});
  LoadLists();
  SetStatusText(roster ? TF("Apotheekrooster ingelezen: {0} apotheken", {std::to_string(imported.value())})
                       : TF("Formularium ingelezen: {0} producten", {std::to_string(imported.value())}),
                0);
  return {};
}

void MainFrame::AskImport(bool roster) {
  wxFileDialog ask(this, roster ? T("Apotheekrooster inlezen") : T("Formularium inlezen"), "", "",
                   T("CSV of FHIR JSON (*.csv;*.json)|*.csv;*.json|Alle bestanden|*"),
                   wxFD_OPEN | wxFD_FILE_MUST_EXIST);
  if (ask.ShowModal() != wxID_OK) return;
  const std::string problem = ImportList(roster, ask.GetPath().utf8_string());
  if (!problem.empty()) wxMessageBox(U(problem), ask.GetMessage(), wxOK | wxICON_WARNING, this);
}

}  // namespace zb::gui
