// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A received on-call report as the patient's own physician reads it: pulled live from the sending
// organisation, shown with the same content and order as its PDF, with the sender's Task state;
// "Gelezen en overgenomen" (OK) completes the sender's Task. Nothing is taken over unread: the
// button is the dialog's only way to acknowledge.
#include <wx/dialog.h>

#include "workstation/report_book.h"

namespace zb::gui {

class ReportReader : public wxDialog {
 public:
  ReportReader(wxWindow* parent, const workstation::PulledLocumReport& pulled);
  const std::string& text() const { return m_text; }

 private:
  std::string m_text;
};

}  // namespace zb::gui
