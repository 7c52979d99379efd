// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Opslaan / Annuleren at the foot of an editing dialog. Opslaan closes the dialog only when
// `accept` says the input is fine (it shows the problems itself otherwise). And the modeless
// read-only window (F1 table, an ICA line): one content control and Sluiten.
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

// A modeless window around `content` (made with the returned dialog as parent by `make`), with
// Sluiten in the UI language (GTK's stock label follows the system locale) and Escape; it
// destroys itself when closed. Shown; returned for tests.
inline wxDialog* ShowReadOnlyWindow(wxWindow* parent, const wxString& title, const char* name, wxSize size,
                                    const std::function<wxWindow*(wxDialog*)>& make) {
  auto* dialog =
      new wxDialog(parent, wxID_ANY, title, wxDefaultPosition, size, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);
  dialog->SetName(name);
  auto* box = new wxBoxSizer(wxVERTICAL);
  box->Add(make(dialog), 1, wxEXPAND | wxALL, 8);
  box->Add(new wxButton(dialog, wxID_CLOSE, T("&Sluiten")), 0, wxALIGN_RIGHT | wxALL, 8);
  dialog->SetSizer(box);
  dialog->SetEscapeId(wxID_CLOSE);
  dialog->Bind(
      wxEVT_BUTTON, [dialog](wxCommandEvent&) { dialog->Destroy(); }, wxID_CLOSE);
  dialog->Bind(wxEVT_CLOSE_WINDOW, [dialog](wxCloseEvent&) { dialog->Destroy(); });
  dialog->Show();
  return dialog;
}

}  // namespace zb::gui
