// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The on-call report editor (waarneem.md; docs/waarneem-ig.md §2): contact, reason, S/O/E/P,
// agreements and requests to the own physician, with the shift's medication changes shown as the
// releases made them (not typed). What is missing for signing is listed under the fields as the
// physician types, so a report is not found incomplete only at the moment of signing. A report
// written from the patient's overview carries it as context; the physician sees what (and whether it
// was complete) and may leave it out.
#include <wx/dialog.h>

#include "domain/locum_report.h"

class wxCheckBox;
class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace zb::gui {

class ReportEditor : public wxDialog {
 public:
  ReportEditor(wxWindow* parent, const domain::LocumReport& report);
  // The report as edited (requests that do not read as "text;dd-mm-jjjj" are kept as text only).
  domain::LocumReport Report() const;
  // Tests: a field by its name (reason, subjective, objective, evaluation, plan, agreements, requests).
  void Set(const std::string& field, const std::string& text);

 private:
  void UpdateProblems();
  domain::LocumReport m_report;
  wxChoice* m_kind = nullptr;
  wxChoice* m_urgency = nullptr;
  wxTextCtrl* m_phone = nullptr;
  wxCheckBox* m_context = nullptr;  // only when the report carries the overview as context
  std::vector<std::pair<std::string, wxTextCtrl*>> m_fields;
  wxStaticText* m_problems = nullptr;
};

}  // namespace zb::gui
