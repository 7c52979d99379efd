// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Register or edit a patient: name, BSN (11-test), date of birth, category (expected, admitted,
// temporary), expected admission date, location, and his GP, pharmacy and hospital, each found
// in the directory by URA or name so a typo cannot point the lookup at the wrong organisation.
#include <wx/dialog.h>

#include <optional>
#include <vector>

#include "domain/patient_register.h"
#include "ui_thread.h"
#include "workstation/workstation.h"

class wxButton;
class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace zb::gui {

class PatientDialog : public wxDialog {
 public:
  // `existing` empty: a new patient.
  PatientDialog(wxWindow* parent, workstation::Workstation& workstation,
                std::optional<domain::RegisteredPatient> existing);
  // The saved patient after wxID_OK.
  const domain::RegisteredPatient& saved() const { return *m_saved; }
  // Tests: fill a source row's search field and run the directory look-up.
  void LookUpSource(int row, const std::string& uraOrName);
  wxString sourceLabel(int row) const;
  // Checks every field and saves; false with the problems shown in the dialog (what OK runs).
  bool Save();
  wxString errorText() const;

 private:
  void ShowErrors(const std::vector<std::string>& errors);
  struct SourceRow {
    domain::SourceKind kind;
    wxTextCtrl* query = nullptr;
    wxButton* find = nullptr;
    wxStaticText* found = nullptr;
    std::optional<workstation::Organisation> chosen;
  };
  void Find(int row);
  void Found(int row, const domain::Result<std::vector<workstation::Organisation>>& r);
  // The directory's name for a stored URA; keeps the URA chosen when the directory cannot say.
  void Named(int row, const domain::Result<std::vector<workstation::Organisation>>& r);
  std::vector<int> m_nameLookups;  // rows with a stored source, named from the directory on opening

  workstation::Workstation& m_workstation;
  std::optional<domain::RegisteredPatient> m_existing;
  std::optional<domain::RegisteredPatient> m_saved;
  wxTextCtrl* m_name = nullptr;
  wxTextCtrl* m_bsn = nullptr;
  wxTextCtrl* m_birth = nullptr;
  wxChoice* m_category = nullptr;
  wxTextCtrl* m_expected = nullptr;
  wxTextCtrl* m_location = nullptr;
  wxStaticText* m_errors = nullptr;
  SourceRow m_sources[3];
  UiGuard m_guard;
};

}  // namespace zb::gui
