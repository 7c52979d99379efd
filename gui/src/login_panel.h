// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The DEZI login controls, shared by the login window and the lock screen: the system-browser
// button, in demo mode a persona picker that completes the same flow, a status line, and the
// login URL to open by hand where no browser can be started. The owner decides what a result means.
#include <wx/panel.h>

#include <functional>
#include <string>
#include <vector>

#include "domain/result.h"
#include "ui_thread.h"
#include "workstation/workstation.h"

class wxButton;
class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace zb::gui {

class LoginPanel : public wxPanel {
 public:
  struct Setup {
    std::string caFile;      // trust for the gateway (persona login)
    bool demo = false;       // offer the sandbox personas
    std::string persona;     // preselected persona
    wxString intro;          // the sentence above the buttons
    wxString browserButton;  // "&Inloggen via de browser", "&Ontgrendelen via de browser"
    wxString personaButton;
    bool fitWindow = false;  // the window is sized to this panel: refit it when the text grows
  };
  using OnResult = std::function<void(const domain::Result<workstation::User>&)>;
  LoginPanel(wxWindow* parent, workstation::Workstation& workstation, Setup setup, OnResult onResult);

  // Starts the login: `persona` empty is the system browser.
  void LogIn(const std::string& persona);
  void SetStatus(const wxString& text);
  wxString statusText() const;
  wxString loginUrl() const;  // empty unless no browser could be started
  void FocusFirst();

 private:
  void ChoosePersona(const std::string& id);
  void ShowLoginUrl(const std::string& url);
  void Finished(const domain::Result<workstation::User>& result);
  void EnableButtons(bool enable);
  void Relayout();

  workstation::Workstation& m_workstation;
  Setup m_setup;
  OnResult m_onResult;
  wxButton* m_browserButton = nullptr;
  wxButton* m_personaButton = nullptr;
  wxChoice* m_persona = nullptr;
  std::vector<std::string> m_personaIds;  // the persona id behind each choice entry
  wxStaticText* m_status = nullptr;
  wxTextCtrl* m_url = nullptr;
  UiGuard m_guard;
};

}  // namespace zb::gui
