// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Opslaan / Annuleren at the foot of an editing dialog. Opslaan closes the dialog only when
// `accept` says the input is fine (it shows the problems itself otherwise).
#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/sizer.h>

#include <functional>

#include "i18n.h"

namespace zb::gui {

inline void AddSaveCancel(wxDialog* dialog, wxSizer* box, std::function<bool()> accept) {
  auto* buttons = new wxStdDialogButtonSizer;
  auto* ok = new wxButton(dialog, wxID_OK, T("&Opslaan"));
  buttons->AddButton(ok);
  buttons->AddButton(new wxButton(dialog, wxID_CANCEL, T("Annuleren")));
  buttons->Realize();
  box->Add(buttons, 0, wxEXPAND | wxALL, 12);
  ok->Bind(wxEVT_BUTTON, [dialog, accept = std::move(accept)](wxCommandEvent&) {
    if (accept()) dialog->EndModal(wxID_OK);
  });
}

}  // namespace zb::gui
