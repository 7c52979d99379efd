// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings_dialog.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/filedlg.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "background.h"
#include "dialog_buttons.h"
#include "i18n.h"
#include "present/tr.h"
#include "present/workstation_texts.h"
#include "workstation/workstation.h"

namespace zb::gui {

SettingsDialog::SettingsDialog(wxWindow* parent, workstation::Preferences current)
    : wxDialog(parent, wxID_ANY, T("Instellingen")), m_chosen(std::move(current)) {
  SetName("settings-dialog");
  auto* box = new wxBoxSizer(wxVERTICAL);
  auto* grid = new wxFlexGridSizer(3, 6, 8);
  grid->AddGrowableCol(1);
  grid->Add(new wxStaticText(this, wxID_ANY, T("&Gateway-adres:")), 0, wxALIGN_CENTER_VERTICAL);
  m_gateway = new wxTextCtrl(this, wxID_ANY, U(m_chosen.gateway), wxDefaultPosition, wxSize(360, -1));
  m_gateway->SetName("settings-gateway");
  m_gateway->SetHint("https://gateway.example.nl");
  grid->Add(m_gateway, 1, wxEXPAND);
  grid->AddSpacer(0);
  grid->Add(new wxStaticText(this, wxID_ANY, T("&Vertrouwde CA (PEM):")), 0, wxALIGN_CENTER_VERTICAL);
  m_ca = new wxTextCtrl(this, wxID_ANY, U(m_chosen.caFile));
  m_ca->SetName("settings-ca");
  m_ca->SetHint(T("leeg: de vertrouwde certificaten van het systeem"));
  grid->Add(m_ca, 1, wxEXPAND);
  auto* browse = new wxButton(this, wxID_ANY, T("&Kiezen…"));
  grid->Add(browse);
  grid->Add(new wxStaticText(this, wxID_ANY, T("&Taal:")), 0, wxALIGN_CENTER_VERTICAL);
  m_language = new wxChoice(this, wxID_ANY);
  m_language->SetName("settings-language");
  m_language->Append("Nederlands");
  m_language->Append("English");
  m_language->SetSelection(m_chosen.language == "en" ? 1 : 0);
  grid->Add(m_language);
  grid->AddSpacer(0);
  grid->Add(new wxStaticText(this, wxID_ANY, T("Vergrendelen na (&minuten):")), 0, wxALIGN_CENTER_VERTICAL);
  m_lock = new wxSpinCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS,
                          workstation::Preferences::kMinLockMinutes, workstation::Preferences::kMaxLockMinutes,
                          m_chosen.lockMinutes);
  m_lock->SetName("settings-lock");
  grid->Add(m_lock);
  grid->AddSpacer(0);
  box->Add(grid, 0, wxEXPAND | wxALL, 12);
  box->Add(new wxStaticText(this, wxID_ANY, T("Taal en gateway gaan in bij de volgende start.")), 0, wxLEFT | wxRIGHT,
           12);
  auto* test = new wxButton(this, wxID_ANY, T("Verbinding &testen"));
  test->SetName("settings-test");
  box->Add(test, 0, wxALL, 12);
  m_result = new wxStaticText(this, wxID_ANY, "");
  m_result->SetName("settings-result");
  box->Add(m_result, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);
  AddSaveCancel(this, box, [this] { return Accept(); });
  SetSizerAndFit(box);
  SetMinSize(wxSize(640, -1));

  browse->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    wxFileDialog pick(this, T("Vertrouwde CA kiezen"), "", "",
                      T("PEM-certificaten (*.pem;*.crt)|*.pem;*.crt|Alle bestanden|*"),
                      wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (pick.ShowModal() == wxID_OK) m_ca->SetValue(pick.GetPath());
  });
  test->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { TestConnection(); });
}

workstation::Preferences SettingsDialog::FromFields() const {
  workstation::Preferences p = m_chosen;
  p.gateway = m_gateway->GetValue().Strip(wxString::both).utf8_string();
  p.caFile = m_ca->GetValue().Strip(wxString::both).utf8_string();
  p.language = m_language->GetSelection() == 1 ? "en" : "nl";
  p.lockMinutes = m_lock->GetValue();
  return p;
}

bool SettingsDialog::Accept() {
  const auto p = FromFields();
  const auto problems = workstation::Check(p);
  if (!problems.empty()) {
    std::string text;
    for (const auto& x : problems) {
      text += (text.empty() ? "" : "\n") + present::DescribePreferenceProblem(x.field, x.value);
    }
    m_result->SetLabel(U(text));
    Fit();
    return false;
  }
  m_chosen = p;
  return true;
}

void SettingsDialog::TestConnection() {
  const auto p = FromFields();
  for (const auto& x : workstation::Check(p)) {
    if (x.field == "gateway" || x.field == "caFile") {
      m_result->SetLabel(U(present::DescribePreferenceProblem(x.field, x.value)));
      return;
    }
  }
  if (p.gateway.empty()) {
    m_result->SetLabel(T("Vul eerst het gateway-adres in."));
    return;
  }
  m_testing = true;
  m_result->SetLabel(T("Verbinding wordt getest…"));
  RunInBackground([this, alive = m_guard.token(), p] {
    auto r = workstation::Workstation::TestGateway(p.gateway, p.caFile);
    PostTo<SettingsDialog>(alive, this, [r](SettingsDialog& d) {
      d.m_testing = false;
      d.m_result->SetLabel(
          U(r ? present::DescribeConnectionOk(r->name, r->ura) : present::DescribeConnectionProblem(r.error())));
      d.Layout();
    });
  });
}

wxString SettingsDialog::testResult() const { return m_result->GetLabel(); }

}  // namespace zb::gui
