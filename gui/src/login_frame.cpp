// SPDX-License-Identifier: GPL-3.0-or-later
#include "login_frame.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/msgdlg.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "net/client/login.h"
#include "ui_thread.h"

namespace zb::gui {

namespace {
constexpr auto kLoginTimeout = std::chrono::minutes(3);
const char* const kPersonas[] = {"so", "avg", "huisarts-anw", "secretariaat"};
}  // namespace

LoginFrame::LoginFrame(const StartOptions& options, workstation::Workstation& workstation)
    : wxFrame(nullptr, wxID_ANY, "Zorgbrug — inloggen"), m_options(options), m_workstation(workstation) {
  SetName("login");
  auto* panel = new wxPanel(this);
  auto* box = new wxBoxSizer(wxVERTICAL);
  auto* title = new wxStaticText(panel, wxID_ANY, "Inloggen met DEZI");
  title->SetFont(title->GetFont().Larger().Larger().Bold());
  box->Add(title, 0, wxALL, 16);
  box->Add(new wxStaticText(panel, wxID_ANY, wxString::FromUTF8("Uw browser opent de inlogpagina van DEZI. Na het inloggen komt u hier terug.")), 0,
           wxLEFT | wxRIGHT, 16);
  m_browserButton = new wxButton(panel, wxID_ANY, "&Inloggen via de browser");
  m_browserButton->SetName("login-browser");
  box->Add(m_browserButton, 0, wxALL, 16);
  if (options.demo) {
    box->Add(new wxStaticText(panel, wxID_ANY, wxString::FromUTF8("Zonder browser (sandbox): kies een testpersoon.")), 0, wxLEFT | wxRIGHT, 16);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    m_persona = new wxChoice(panel, wxID_ANY);
    m_persona->SetName("persona");
    for (const char* p : kPersonas) m_persona->Append(p);
    m_persona->SetStringSelection(options.persona.empty() ? "so" : wxString::FromUTF8(options.persona));
    if (m_persona->GetSelection() == wxNOT_FOUND) {
      m_persona->Append(wxString::FromUTF8(options.persona));
      m_persona->SetStringSelection(wxString::FromUTF8(options.persona));
    }
    row->Add(m_persona, 0, wxRIGHT, 8);
    m_personaButton = new wxButton(panel, wxID_ANY, "Inloggen als &testpersoon");
    m_personaButton->SetName("login-persona");
    row->Add(m_personaButton);
    box->Add(row, 0, wxALL, 16);
    m_personaButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Start(true); });
  }
  m_status = new wxStaticText(panel, wxID_ANY, wxString::FromUTF8(m_workstation.keyWarning()));
  m_status->SetName("login-status");
  m_status->Wrap(560);
  box->Add(m_status, 0, wxALL, 16);
  panel->SetSizer(box);
  box->SetSizeHints(this);
  SetMinSize(wxSize(600, -1));
  m_browserButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Start(false); });
  (m_personaButton ? m_personaButton : m_browserButton)->SetFocus();
}

void LoginFrame::Start(bool withPersona) {
  m_browserButton->Disable();
  if (m_personaButton) m_personaButton->Disable();
  m_status->SetLabel(withPersona ? "Bezig met inloggen…" : wxString::FromUTF8("Log in in het browservenster dat nu opent…"));
  std::string persona = withPersona ? m_persona->GetStringSelection().utf8_string() : std::string();
  net::http::ClientOptions trust;
  trust.caFile = m_options.config.caFile;
  auto& ws = m_workstation;
  wxGetApp().RunInBackground([this, alive = m_guard.token(), persona, trust, &ws] {
    std::unique_ptr<net::client::BrowserLauncher> browser;
    if (persona.empty()) browser = std::make_unique<net::client::SystemBrowser>();
    else browser = std::make_unique<net::client::HeadlessBrowser>(persona, trust);
    auto result = ws.LogIn(*browser, kLoginTimeout);
    PostTo<LoginFrame>(alive, this, [result](LoginFrame& frame) { frame.Finished(result); });
  });
}

void LoginFrame::Finished(const domain::Result<workstation::User>& result) {
  if (!result) {
    m_browserButton->Enable();
    if (m_personaButton) m_personaButton->Enable();
    m_status->SetLabel(wxString::FromUTF8("Inloggen is niet gelukt: " + result.error().detail));
    m_status->Wrap(560);
    Layout();
    return;
  }
  wxGetApp().ShowMain(result.value());
  Destroy();
}

}  // namespace zb::gui
