// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit_dialog.h"

#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <fstream>

#include "i18n.h"
#include "present/audit_texts.h"
#include "present/tr.h"

namespace zb::gui {

AuditDialog::AuditDialog(wxWindow* parent, workstation::Workstation& workstation, std::optional<domain::Bsn> patient,
                         const std::string& name)
    : wxDialog(parent, wxID_ANY, patient ? TF("Audit-trail van {0}", {name}) : T("Audit-trail"), wxDefaultPosition,
               wxSize(980, 520), wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_workstation(workstation),
      m_patient(std::move(patient)) {
  SetName("audit-dialog");
  auto* box = new wxBoxSizer(wxVERTICAL);
  m_chain = new wxStaticText(this, wxID_ANY, "");
  m_chain->SetName("audit-chain");
  box->Add(m_chain, 0, wxALL, 8);
  m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
  m_list->SetName("audit-list");
  const std::pair<const char*, int> columns[] = {{N_("Nr"), 50},       {N_("Wanneer"), 130},    {N_("Wie"), 160},
                                                 {N_("Rol"), 70},      {N_("Organisatie"), 90}, {N_("Wat"), 120},
                                                 {N_("Context"), 150}, {N_("Uitkomst"), 200}};
  int i = 0;
  for (const auto& [title, width] : columns) m_list->InsertColumn(i++, T(title), wxLIST_FORMAT_LEFT, width);
  box->Add(m_list, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  auto* exportButton = new wxButton(this, wxID_ANY, T("&Exporteren…"));
  buttons->Add(exportButton, 0, wxRIGHT, 8);
  buttons->Add(new wxButton(this, wxID_CANCEL, T("&Sluiten")));
  box->Add(buttons, 0, wxALIGN_RIGHT | wxALL, 8);
  SetSizer(box);

  const auto trail = workstation.AuditTrail(m_patient);  // audited as a view of the trail
  m_chain->SetLabel(trail.intact ? TF("Keten intact: {0} registraties gecontroleerd.", {std::to_string(trail.checked)})
                                 : TF("KETEN VERBROKEN: {0}", {trail.problem}));
  if (!trail.intact) m_chain->SetForegroundColour(wxColour(0xB3, 0x26, 0x1E));
  if (!trail.entries) {
    m_chain->SetLabel(TF("Audit-trail niet te lezen: {0}", {trail.entries.error().detail}));
  } else {
    for (const auto& r : trail.entries.value()) {
      const auto& e = r.event;
      const long row = m_list->InsertItem(m_list->GetItemCount(), std::to_string(r.seq));
      m_list->SetItem(row, 1, U(domain::FormatDateTime(e.at)));
      m_list->SetItem(row, 2, U(e.actor.name));
      m_list->SetItem(row, 3, U(e.actor.roleCode));
      m_list->SetItem(row, 4, U(e.actor.organisationUra));
      // The trail keeps language-neutral codes (the export too); the view says them in words.
      m_list->SetItem(row, 5, U(present::AuditActionLabel(e.action)));
      m_list->SetItem(row, 6, U(present::AuditContextText(e.context)));
      m_list->SetItem(row, 7, U(present::AuditOutcomeText(e.outcome)));
    }
  }
  exportButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    wxFileDialog pick(this, T("Audit-trail exporteren"), "", "audit.tsv", T("Tab-gescheiden (*.tsv)|*.tsv"),
                      wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (pick.ShowModal() != wxID_OK) return;
    const std::string problem = ExportTo(pick.GetPath().utf8_string());
    if (!problem.empty()) wxMessageBox(U(problem), T("Exporteren mislukt"), wxOK | wxICON_ERROR, this);
  });
}

int AuditDialog::rows() const { return m_list->GetItemCount(); }
wxString AuditDialog::chainText() const { return m_chain->GetLabel(); }

std::string AuditDialog::ExportTo(const std::string& path) {
  auto written = m_workstation.ExportAudit(m_patient, path);
  if (written) return {};
  if (written.error().code == domain::ErrorCode::kIo) {
    return present::Fmt("Kan niet schrijven naar {0}: kies een andere map.", {path});
  }
  return present::Fmt("Audit-trail niet te lezen: {0}", {written.error().detail});
}

}  // namespace zb::gui
