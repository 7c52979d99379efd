// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Settings: gateway address, trusted CA file, language, inactivity lock. Checked field by field
// before saving; "Verbinding testen" asks the gateway for its login configuration with exactly
// these values, so a wrong address or certificate shows here, not at the next login.
#include <wx/dialog.h>

#include "ui_thread.h"
#include "workstation/preferences.h"

class wxChoice;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace zb::gui {

class SettingsDialog : public wxDialog {
 public:
  SettingsDialog(wxWindow* parent, workstation::Preferences current);
  const workstation::Preferences& chosen() const { return m_chosen; }
  // Tests: run the connection test with what the fields hold now.
  void TestConnection();
  wxString testResult() const;
  bool testRunning() const { return m_testing; }

 private:
  workstation::Preferences FromFields() const;
  bool Accept();
  workstation::Preferences m_chosen;
  wxTextCtrl* m_gateway = nullptr;
  wxTextCtrl* m_ca = nullptr;
  wxChoice* m_language = nullptr;
  wxSpinCtrl* m_lock = nullptr;
  wxStaticText* m_result = nullptr;
  bool m_testing = false;
  UiGuard m_guard;
};

}  // namespace zb::gui
