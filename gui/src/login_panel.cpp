// SPDX-License-Identifier: GPL-3.0-or-later
#include "login_panel.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/toplevel.h>

#include "i18n.h"
#include "login_flow.h"

namespace zb::gui {

namespace {
const char* const kPersonas[] = {"so", "avg", "huisarts-anw", "secretariaat"};
constexpr int kTextWidth = 560;
}  // namespace

LoginPanel::LoginPanel(wxWindow* parent, workstation::Workstation& workstation, Setup setup, OnResult onResult)
    : wxPanel(parent, wxID_ANY),
      m_workstation(workstation),
      m_setup(std::move(setup)),
      m_onResult(std::move(onResult)) {
  auto* box = new wxBoxSizer(wxVERTICAL);
  auto* intro = new wxStaticText(this, wxID_ANY, m_setup.intro);
  intro->Wrap(kTextWidth);
  box->Add(intro, 0, wxLEFT | wxRIGHT, 16);
  m_browserButton = new wxButton(this, wxID_ANY, m_setup.browserButton);
  m_browserButton->SetName("login-browser");
  box->Add(m_browserButton, 0, wxALL, 16);
  if (m_setup.demo) {
    box->Add(new wxStaticText(this, wxID_ANY, T("Zonder browser (sandbox): kies een testpersoon.")), 0,
             wxLEFT | wxRIGHT, 16);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    m_persona = new wxChoice(this, wxID_ANY);
    m_persona->SetName("persona");
    for (const char* p : kPersonas) m_persona->Append(p);
    const wxString chosen = m_setup.persona.empty() ? wxString("so") : U(m_setup.persona);
    if (m_persona->FindString(chosen) == wxNOT_FOUND) m_persona->Append(chosen);
    m_persona->SetStringSelection(chosen);
    row->Add(m_persona, 0, wxRIGHT, 8);
    m_personaButton = new wxButton(this, wxID_ANY, m_setup.personaButton);
    m_personaButton->SetName("login-persona");
    row->Add(m_personaButton);
    box->Add(row, 0, wxALL, 16);
    m_personaButton->Bind(wxEVT_BUTTON,
                          [this](wxCommandEvent&) { LogIn(m_persona->GetStringSelection().utf8_string()); });
  }
  m_status = new wxStaticText(this, wxID_ANY, "");
  m_status->SetName("login-status");
  box->Add(m_status, 0, wxALL, 16);
  m_url = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(kTextWidth, -1), wxTE_READONLY);
  m_url->SetName("login-url");
  m_url->Hide();
  box->Add(m_url, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 16);
  SetSizer(box);
  m_browserButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { LogIn(""); });
}

void LoginPanel::LogIn(const std::string& persona) {
  if (!persona.empty() && m_persona && m_persona->FindString(U(persona)) == wxNOT_FOUND) m_persona->Append(U(persona));
  if (!persona.empty() && m_persona) m_persona->SetStringSelection(U(persona));
  EnableButtons(false);
  m_url->Hide();
  SetStatus(persona.empty() ? T("Log in in het browservenster dat nu opent…") : T("Bezig met inloggen…"));
  StartLogin<LoginPanel>(
      m_workstation, persona, m_setup.caFile, m_guard.token(), this,
      [](LoginPanel& p, domain::Result<workstation::User> result) { p.Finished(result); },
      [](LoginPanel& p, std::string url) { p.ShowLoginUrl(url); });
}

void LoginPanel::ShowLoginUrl(const std::string& url) {
  SetStatus(T(
      "Er kon geen browser worden gestart. Open dit adres in een browser op deze computer (Ctrl+C kopieert het); daarna komt u hier vanzelf verder:"));
  m_url->ChangeValue(U(url));
  m_url->Show();
  m_url->SetFocus();
  m_url->SelectAll();
  Relayout();
}

void LoginPanel::Finished(const domain::Result<workstation::User>& result) {
  EnableButtons(true);
  m_url->Hide();
  m_onResult(result);  // may destroy the window this panel is in: nothing after this
}

void LoginPanel::EnableButtons(bool enable) {
  m_browserButton->Enable(enable);
  if (m_personaButton) m_personaButton->Enable(enable);
}

void LoginPanel::SetStatus(const wxString& text) {
  m_status->SetLabel(text);
  m_status->Wrap(kTextWidth);
  Relayout();
}

void LoginPanel::Relayout() {
  // The login window is sized to its content, so it follows the status and the URL; the main
  // window (lock screen) keeps its size.
  auto* top = wxGetTopLevelParent(this);
  if (top && m_setup.fitWindow) {
    top->Fit();
  }
  GetParent()->Layout();
  Layout();
}

wxString LoginPanel::statusText() const { return m_status->GetLabel(); }
wxString LoginPanel::loginUrl() const { return m_url->IsShown() ? m_url->GetValue() : wxString(); }
void LoginPanel::FocusFirst() { (m_personaButton ? m_personaButton : m_browserButton)->SetFocus(); }

}  // namespace zb::gui
