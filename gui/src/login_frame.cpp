// SPDX-License-Identifier: GPL-3.0-or-later
#include "login_frame.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "i18n.h"
#include "present/tr.h"
#include "login_flow.h"
#include "present/login_texts.h"

namespace zb::gui {

namespace {
const char* const kPersonas[] = {"so", "avg", "huisarts-anw", "secretariaat"};
}  // namespace

LoginFrame::LoginFrame(const StartOptions& options, workstation::Workstation& workstation, OnLoggedIn onLoggedIn)
    : wxFrame(nullptr, wxID_ANY, T("Zorgbrug — inloggen")), m_options(options), m_workstation(workstation), m_onLoggedIn(std::move(onLoggedIn)) {
  SetName("login");
  auto* panel = new wxPanel(this);
  auto* box = new wxBoxSizer(wxVERTICAL);
  auto* title = new wxStaticText(panel, wxID_ANY, T("Inloggen met DEZI"));
  title->SetFont(title->GetFont().Larger().Larger().Bold());
  box->Add(title, 0, wxALL, 16);
  box->Add(new wxStaticText(panel, wxID_ANY, T("Uw browser opent de inlogpagina van DEZI. Na het inloggen komt u hier terug.")), 0,
           wxLEFT | wxRIGHT, 16);
  m_browserButton = new wxButton(panel, wxID_ANY, T("&Inloggen via de browser"));
  m_browserButton->SetName("login-browser");
  box->Add(m_browserButton, 0, wxALL, 16);
  if (options.demo) {
    box->Add(new wxStaticText(panel, wxID_ANY, T("Zonder browser (sandbox): kies een testpersoon.")), 0, wxLEFT | wxRIGHT, 16);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    m_persona = new wxChoice(panel, wxID_ANY);
    m_persona->SetName("persona");
    for (const char* p : kPersonas) m_persona->Append(p);
    m_persona->SetStringSelection(options.persona.empty() ? wxString("so") : U(options.persona));
    if (m_persona->GetSelection() == wxNOT_FOUND) {
      m_persona->Append(U(options.persona));
      m_persona->SetStringSelection(U(options.persona));
    }
    row->Add(m_persona, 0, wxRIGHT, 8);
    m_personaButton = new wxButton(panel, wxID_ANY, T("Inloggen als &testpersoon"));
    m_personaButton->SetName("login-persona");
    row->Add(m_personaButton);
    box->Add(row, 0, wxALL, 16);
    m_personaButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Start(true); });
  }
  // Where no keychain runs the store key is in a private file: say so (not for the throw-away
  // demo store), with the technical detail behind the tooltip.
  m_status = new wxStaticText(panel, wxID_ANY, "");
  if (!m_workstation.keyWarning().empty() && !options.demo) {
    m_status->SetLabel(T("Let op: er draait geen sleutelbos (keychain); de sleutel van de lokale opslag staat in een beveiligd bestand."));
    m_status->SetToolTip(U(m_workstation.keyWarning()));
  }
  m_status->SetName("login-status");
  m_status->Wrap(560);
  box->Add(m_status, 0, wxALL, 16);
  m_url = new wxTextCtrl(panel, wxID_ANY, "", wxDefaultPosition, wxSize(560, -1), wxTE_READONLY);
  m_url->SetName("login-url");
  m_url->Hide();
  box->Add(m_url, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 16);
  panel->SetSizer(box);
  box->SetSizeHints(this);
  SetMinSize(wxSize(600, -1));
  m_browserButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Start(false); });
  (m_personaButton ? m_personaButton : m_browserButton)->SetFocus();
}

void LoginFrame::LogInAsPersona(const std::string& persona) {
  if (!m_persona) return;  // only the sandbox offers personas
  if (m_persona->FindString(U(persona)) == wxNOT_FOUND) m_persona->Append(U(persona));
  m_persona->SetStringSelection(U(persona));
  Start(true);
}

wxString LoginFrame::statusText() const { return m_status->GetLabel(); }

void LoginFrame::ShowLoginUrl(const std::string& url) {
  m_status->SetLabel(T("Er kon geen browser worden gestart. Open dit adres in een browser op deze computer (Ctrl+C kopieert het); daarna komt u hier vanzelf verder:"));
  m_status->Wrap(560);
  m_url->ChangeValue(U(url));
  m_url->Show();
  m_url->SetFocus();
  m_url->SelectAll();
  GetChildren().front()->Layout();
  Fit();
}

wxString LoginFrame::loginUrl() const { return m_url->IsShown() ? m_url->GetValue() : wxString(); }

void LoginFrame::ShowNotice(const wxString& text) {
  m_status->SetLabel(text);
  m_status->Wrap(560);
  Layout();
}

void LoginFrame::Start(bool withPersona) {
  m_browserButton->Disable();
  if (m_personaButton) m_personaButton->Disable();
  m_status->SetLabel(withPersona ? T("Bezig met inloggen…") : T("Log in in het browservenster dat nu opent…"));
  const std::string persona = withPersona ? m_persona->GetStringSelection().utf8_string() : std::string();
  StartLogin<LoginFrame>(
      m_workstation, persona, m_options.config.caFile, m_guard.token(), this,
      [](LoginFrame& frame, domain::Result<workstation::User> result) { frame.Finished(result); },
      [](LoginFrame& frame, std::string url) { frame.ShowLoginUrl(url); });
}

void LoginFrame::Finished(const domain::Result<workstation::User>& result) {
  if (!result) {
    m_browserButton->Enable();
    if (m_personaButton) m_personaButton->Enable();
    m_status->SetLabel(TF("Inloggen is niet gelukt: {0}", {present::DescribeLoginFailure(result.error().detail)}));
    m_status->Wrap(560);
    Layout();
    return;
  }
  m_onLoggedIn(result.value());
  Destroy();
}

}  // namespace zb::gui
