// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The patients on the left: tabs for expected admissions, admitted (own) patients, temporary (ANW)
// patients, and a search by BSN (11-test) plus date of birth. Enter or a double click opens one.
#include <wx/panel.h>

#include <functional>
#include <vector>

#include "domain/patient_register.h"
#include "workstation/workstation.h"

class wxButton;
class wxListCtrl;
class wxNotebook;
class wxStaticText;
class wxTextCtrl;

namespace zb::gui {

class PatientsPanel : public wxPanel {
 public:
  using OnOpen = std::function<void(const domain::RegisteredPatient&)>;
  PatientsPanel(wxWindow* parent, workstation::Workstation& workstation, OnOpen onOpen);

  void Reload();            // after a register or edit
  void ShowTab(int index);  // 0 expected, 1 admitted, 2 temporary, 3 search
  void FocusSearch();
  // For tests and keyboard: the search as typed in the Search tab.
  void Search(const std::string& bsn, const std::string& birthDate);
  std::optional<domain::RegisteredPatient> Selected() const;
  bool Select(const std::string& bsn);  // selects the patient in his category's tab
  const std::vector<domain::RegisteredPatient>& all() const { return m_all; }
  wxString searchMessage() const;
  // "Niemand gevonden" → the offered button: register a temporary patient with this BSN and date.
  std::function<void(const domain::Bsn& bsn, domain::Date birthDate)> onRegisterTemporary;

 private:
  struct Tab {
    wxListCtrl* list = nullptr;
    wxStaticText* hint = nullptr;  // what to do when the list is empty
    std::vector<domain::RegisteredPatient> rows;
  };
  void Fill(Tab& tab, std::vector<domain::RegisteredPatient> rows);
  void RunSearch();

  workstation::Workstation& m_workstation;
  OnOpen m_onOpen;
  wxNotebook* m_tabs = nullptr;
  Tab m_tabsData[4];
  wxButton* m_register = nullptr;
  bool m_showingErrors = false;  // the message shows field errors (cleared as the fields are fixed)
  wxTextCtrl* m_bsn = nullptr;
  wxTextCtrl* m_birth = nullptr;
  wxStaticText* m_message = nullptr;
  std::vector<domain::RegisteredPatient> m_all;
};

}  // namespace zb::gui
