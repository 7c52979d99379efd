// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Language of the workstation: Dutch (the message ids themselves) or English (the gettext catalog
// resources/locale/en/zorgbrug.po, compiled into the build's and the installation's locale folder).
// Also installs the same catalog for the presenters' texts (present::Tr).
#include <wx/string.h>

#include <string>

namespace zb::gui {

// "nl" or "en"; anything else falls back to Dutch. False when the English catalog is missing
// (the texts then stay Dutch, and `problem` says where it was looked for).
bool InitLanguage(const std::string& language, std::string* problem);
std::string CurrentLanguage();

// A user-visible text through the catalog (message ids are UTF-8 Dutch).
wxString T(const char* msgid);
// A pattern with {0}, {1}… through the catalog, filled in with the arguments.
wxString TF(const char* pattern, std::initializer_list<std::string> args);
// UTF-8 std::string to wxString, for values (names, statuses) that are not messages.
inline wxString U(const std::string& s) { return wxString::FromUTF8(s); }

}  // namespace zb::gui
