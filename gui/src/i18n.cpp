// SPDX-License-Identifier: GPL-3.0-or-later
#include "i18n.h"

#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/stdpaths.h>
#include <wx/translation.h>

#include "present/tr.h"

namespace zb::gui {

namespace {

std::string g_language = "nl";

std::string FromCatalog(const char* msgid) {
  const wxString id = wxString::FromUTF8(msgid);
  return wxGetTranslation(id).utf8_string();
}

}  // namespace

bool InitLanguage(const std::string& language, std::string* problem) {
  g_language = language == "en" ? "en" : "nl";
  auto* translations = new wxTranslations;
  wxTranslations::Set(translations);
  // The build tree first (tests, the demo from a checkout), then the installed layout
  // (<prefix>/bin/zorgbrug → <prefix>/share/locale).
#ifdef ZB_BUILD_LOCALE_DIR
  wxFileTranslationsLoader::AddCatalogLookupPathPrefix(ZB_BUILD_LOCALE_DIR);
#endif
  wxFileName exe(wxStandardPaths::Get().GetExecutablePath());
  wxFileTranslationsLoader::AddCatalogLookupPathPrefix(exe.GetPath() + "/../share/locale");
  translations->SetLanguage(g_language == "en" ? wxLANGUAGE_ENGLISH : wxLANGUAGE_DUTCH);
  // The message ids are Dutch: Dutch needs no catalog, English does.
  const bool loaded = translations->AddCatalog("zorgbrug", wxLANGUAGE_DUTCH);
  present::SetTranslator(&FromCatalog);
  if (g_language == "en" && !loaded) {
    if (problem)
      *problem =
          "English catalog zorgbrug.mo not found next to the program or in the build; texts stay Dutch";  // not-ui:
                                                                                                          // shown only
                                                                                                          // to ask for
                                                                                                          // English
    return false;
  }
  return true;
}

std::string CurrentLanguage() { return g_language; }

wxString T(const char* msgid) { return wxString::FromUTF8(present::Tr(msgid)); }

wxString TF(const char* pattern, std::initializer_list<std::string> args) {
  return wxString::FromUTF8(present::Fmt(pattern, args));
}

}  // namespace zb::gui
