// SPDX-License-Identifier: GPL-3.0-or-later
#include "login_frame.h"

#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "i18n.h"
#include "login_panel.h"
#include "present/login_texts.h"

namespace zb::gui {

LoginFrame::LoginFrame(const StartOptions& options, workstation::Workstation& workstation, OnLoggedIn onLoggedIn)
    : wxFrame(nullptr, wxID_ANY, T("Zorgbrug — inloggen")), m_onLoggedIn(std::move(onLoggedIn)) {
  SetName("login");
  auto* panel = new wxPanel(this);
  auto* box = new wxBoxSizer(wxVERTICAL);
  auto* title = new wxStaticText(panel, wxID_ANY, T("Inloggen met DEZI"));
  title->SetFont(title->GetFont().Larger().Larger().Bold());
  box->Add(title, 0, wxALL, 16);
  LoginPanel::Setup setup{options.config.caFile,
                          options.demo,
                          options.persona,
                          T("Uw browser opent de inlogpagina van DEZI. Na het inloggen komt u hier terug."),
                          T("&Inloggen via de browser"),
                          T("Inloggen als &testpersoon"),
                          true};
  m_login =
      new LoginPanel(panel, workstation, setup, [this](const domain::Result<workstation::User>& r) { Finished(r); });
  box->Add(m_login, 1, wxEXPAND);
  panel->SetSizer(box);
  // Where no keychain runs the store key is in a private file: say so (not for the throw-away
  // demo store), with the technical detail behind the tooltip.
  if (!workstation.keyWarning().empty() && !options.demo) {
    ShowNotice(T(
        "Let op: er draait geen sleutelbos (keychain); de sleutel van de lokale opslag staat in een beveiligd bestand."));
    m_login->SetToolTip(U(workstation.keyWarning()));
  }
  // A sizer on the frame itself, so Fit follows the panel when its text grows.
  auto* outer = new wxBoxSizer(wxVERTICAL);
  outer->Add(panel, 1, wxEXPAND);
  SetSizerAndFit(outer);
  m_login->FocusFirst();
}

void LoginFrame::LogInAsPersona(const std::string& persona) { m_login->LogIn(persona); }
wxString LoginFrame::statusText() const { return m_login->statusText(); }
wxString LoginFrame::loginUrl() const { return m_login->loginUrl(); }

void LoginFrame::ShowNotice(const wxString& text) { m_login->SetStatus(text); }

void LoginFrame::Finished(const domain::Result<workstation::User>& result) {
  if (!result) {
    ShowNotice(TF("Inloggen is niet gelukt: {0}", {present::DescribeLoginFailure(result.error())}));
    return;
  }
  m_onLoggedIn(result.value());
  Destroy();
}

}  // namespace zb::gui
