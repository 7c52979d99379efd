// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A window's commands, declared once each: menu, label, shortcut and action. The menu bar and the
// F1 list are both built from the same table, so a shortcut cannot be listed in one place and
// bound differently in the other.
#include <wx/string.h>

#include <functional>
#include <vector>

class wxFrame;

namespace zb::gui {

enum class MenuName { kFile, kPatient, kView, kHelp, kNone };  // kNone: a key outside the menus (F1 only)

struct Command {
  int id;  // wx id (a stock id where wx has one, for platform conventions)
  MenuName menu;
  const char* label;     // message id with its mnemonic ("&Vernieuwen")
  const char* shortcut;  // accelerator as wx writes it ("Ctrl+Shift+P"); for kNone the key as shown
  std::function<void(bool checked)> run;
  bool check = false;  // a check item (Historie tonen)
  bool separatorAfter = false;
};

// Puts the commands' menus on `frame` (titles in MenuName order) and binds each id to its action.
void InstallMenus(wxFrame& frame, const std::vector<Command>& commands);
// The F1 list: one line per command, "shortcut — label", menu order.
wxString ShortcutList(const std::vector<Command>& commands);
// The same as rows of (key, action), for the F1 table.
std::vector<std::pair<wxString, wxString>> ShortcutRows(const std::vector<Command>& commands);

}  // namespace zb::gui
