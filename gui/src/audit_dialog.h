// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The audit trail of one patient (or of everything): who looked at what, when, in which role and
// context; whether the chain is intact; export to a tab-separated file for the privacy officer.
#include <wx/dialog.h>

#include <optional>

#include "domain/identifiers.h"
#include "workstation/workstation.h"

class wxListCtrl;
class wxStaticText;

namespace zb::gui {

class AuditDialog : public wxDialog {
 public:
  AuditDialog(wxWindow* parent, workstation::Workstation& workstation, std::optional<domain::Bsn> patient,
              const std::string& patientName);
  int rows() const;
  wxString chainText() const;
  // Writes the export to `path`; the error text or empty.
  std::string ExportTo(const std::string& path);

 private:
  workstation::Workstation& m_workstation;
  std::optional<domain::Bsn> m_patient;
  wxListCtrl* m_list = nullptr;
  wxStaticText* m_chain = nullptr;
};

}  // namespace zb::gui
