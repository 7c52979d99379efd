// SPDX-License-Identifier: GPL-3.0-or-later
#include "login_panel.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/toplevel.h>

#include <algorithm>

#include "i18n.h"
#include "login_flow.h"

namespace zb::gui {

namespace {
// The sandbox's test people, by name and role (their ids are for scripts, not for the reader).
struct PersonaLabel {
  const char* id;
  const char* label;
};
constexpr PersonaLabel kPersonas[] = {{"so", N_("A. de Vries — specialist ouderengeneeskunde")},
                                      {"avg", N_("M. Bakker — arts verstandelijk gehandicapten")},
                                      {"huisarts-anw", N_("P.J. van der Berg — huisarts in ANW-dienst")},
                                      {"secretariaat", N_("S. Jansen — medisch secretariaat")}};
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
    for (const auto& p : kPersonas) {
      m_persona->Append(T(p.label));
      m_personaIds.emplace_back(p.id);
    }
    ChoosePersona(m_setup.persona.empty() ? "so" : m_setup.persona);
    row->Add(m_persona, 0, wxRIGHT, 8);
    m_personaButton = new wxButton(this, wxID_ANY, m_setup.personaButton);
    m_personaButton->SetName("login-persona");
    row->Add(m_personaButton);
    box->Add(row, 0, wxALL, 16);
    m_personaButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
      LogIn(m_personaIds[static_cast<std::size_t>(m_persona->GetSelection())]);
    });
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

void LoginPanel::ChoosePersona(const std::string& id) {
  if (!m_persona) return;
  auto it = std::find(m_personaIds.begin(), m_personaIds.end(), id);
  if (it == m_personaIds.end()) {  // a persona outside the list (a test's): shown by its id
    m_persona->Append(U(id));
    m_personaIds.push_back(id);
    it = std::prev(m_personaIds.end());
  }
  m_persona->SetSelection(static_cast<int>(it - m_personaIds.begin()));
}

void LoginPanel::LogIn(const std::string& persona) {
  if (!persona.empty()) ChoosePersona(persona);
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
