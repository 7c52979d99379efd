// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The login window: DEZI in the system browser (RFC 8252), or — with the sandbox, or where no
// browser is available — a persona picker that completes the same flow through DEZI's pages.
#include <wx/frame.h>

#include <functional>

#include "app.h"

namespace zb::gui {

class LoginPanel;

class LoginFrame : public wxFrame {
 public:
  using OnLoggedIn = std::function<void(const workstation::User&)>;
  // `onLoggedIn` runs on the UI thread after a successful login; the window then closes itself.
  LoginFrame(const StartOptions& options, workstation::Workstation& workstation, OnLoggedIn onLoggedIn);
  // Tests: the persona login as the button starts it.
  void LogInAsPersona(const std::string& persona);
  wxString statusText() const;
  wxString loginUrl() const;
  void ShowNotice(const wxString& text);

 private:
  void Finished(const domain::Result<workstation::User>& result);
  OnLoggedIn m_onLoggedIn;
  LoginPanel* m_login = nullptr;
};

}  // namespace zb::gui
