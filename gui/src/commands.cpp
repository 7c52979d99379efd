// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

#include <wx/frame.h>
#include <wx/menu.h>

#include "i18n.h"

namespace zb::gui {
namespace {

const char* MenuTitle(MenuName menu) {
  switch (menu) {
    case MenuName::kFile:
      return N_("&Bestand");
    case MenuName::kPatient:
      return N_("&Patiënt");
    case MenuName::kView:
      return N_("B&eeld");
    case MenuName::kHelp:
      return N_("&Help");
    case MenuName::kNone:
      break;
  }
  return "";
}

// "&Afdrukken…" → "Afdrukken": the label as a sentence part, without mnemonic or ellipsis.
wxString Plain(const wxString& label) {
  wxString out = wxStripMenuCodes(label);
  out.Replace(wxString::FromUTF8("…"), "");
  return out;
}

}  // namespace

void InstallMenus(wxFrame& frame, const std::vector<Command>& commands) {
  auto* bar = new wxMenuBar;
  for (MenuName menu : {MenuName::kFile, MenuName::kPatient, MenuName::kView, MenuName::kHelp}) {
    auto* items = new wxMenu;
    for (const auto& c : commands) {
      if (c.menu != menu) continue;
      const wxString text = T(c.label) + "\t" + c.shortcut;
      if (c.check)
        items->AppendCheckItem(c.id, text);
      else
        items->Append(c.id, text);
      if (c.separatorAfter) items->AppendSeparator();
    }
    bar->Append(items, T(MenuTitle(menu)));
  }
  frame.SetMenuBar(bar);
  for (const auto& c : commands) {
    if (c.menu == MenuName::kNone || !c.run) continue;
    frame.Bind(
        wxEVT_MENU, [run = c.run](wxCommandEvent& e) { run(e.IsChecked()); }, c.id);
  }
}

std::vector<std::pair<wxString, wxString>> ShortcutRows(const std::vector<Command>& commands) {
  std::vector<std::pair<wxString, wxString>> rows;
  for (MenuName menu : {MenuName::kPatient, MenuName::kView, MenuName::kFile, MenuName::kHelp, MenuName::kNone}) {
    for (const auto& c : commands) {
      if (c.menu != menu) continue;
      rows.emplace_back(c.menu == MenuName::kNone ? T(c.shortcut) : wxString::FromUTF8(c.shortcut), Plain(T(c.label)));
    }
  }
  return rows;
}

wxString ShortcutList(const std::vector<Command>& commands) {
  wxString out;
  for (const auto& [key, label] : ShortcutRows(commands)) out += key + wxString::FromUTF8(" — ") + label + "\n";
  return out;
}

}  // namespace zb::gui
