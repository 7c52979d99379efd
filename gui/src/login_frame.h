// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The login window: DEZI in the system browser (RFC 8252), or — with the sandbox, or where no
// browser is available — a persona picker that completes the same flow through DEZI's pages.
#include <wx/frame.h>

#include <functional>

#include "app.h"
#include "ui_thread.h"

class wxButton;
class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace zb::gui {

class LoginFrame : public wxFrame {
 public:
  using OnLoggedIn = std::function<void(const workstation::User&)>;
  // `onLoggedIn` runs on the UI thread after a successful login; the window then closes itself.
  LoginFrame(const StartOptions& options, workstation::Workstation& workstation, OnLoggedIn onLoggedIn);
  // Tests: the persona login as the button starts it.
  void LogInAsPersona(const std::string& persona);
  wxString statusText() const;
  // No browser could be started: show the login URL to open by hand while the login waits.
  void ShowLoginUrl(const std::string& url);
  wxString loginUrl() const;
  void ShowNotice(const wxString& text);

 private:
  void Start(bool withPersona);
  void Finished(const domain::Result<workstation::User>& result);
  const StartOptions& m_options;
  workstation::Workstation& m_workstation;
  OnLoggedIn m_onLoggedIn;
  wxButton* m_browserButton = nullptr;
  wxButton* m_personaButton = nullptr;
  wxChoice* m_persona = nullptr;
  wxStaticText* m_status = nullptr;
  wxTextCtrl* m_url = nullptr;
  UiGuard m_guard;
};

}  // namespace zb::gui
