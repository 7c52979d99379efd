// SPDX-License-Identifier: GPL-3.0-or-later
#include "app.h"

#include <wx/cmdline.h>
#include <wx/msgdlg.h>

#include <boost/date_time/posix_time/posix_time.hpp>
#include <cstdlib>
#include <exception>

#include "background.h"
#include "benchmark.h"
#include "i18n.h"
#include "login_frame.h"
#include "main_frame.h"
#include "present/tr.h"
#include "workstation/preferences.h"

namespace zb::gui {

void App::OnInitCmdLine(wxCmdLineParser& parser) {
  wxApp::OnInitCmdLine(parser);
  parser.AddOption("", "gateway", "URL of the organisation's gateway (default: the one in the settings)");
  parser.AddOption("", "ca", "CA file to trust for the gateway (default: the settings, else the system store)");
  parser.AddOption("", "store", "local store file (default: in the per-user data folder)");
  parser.AddSwitch("", "no-keychain", "keep the store key in a key file instead of the OS keychain");
  parser.AddSwitch("", "demo", "sandbox: offer test personas next to the system browser");
  parser.AddOption("", "persona", "sandbox: the persona preselected in the login window");
  parser.AddOption("", "import-register", "add the patients of this register file that the store does not have yet");
  parser.AddOption("", "import-formulary", "replace the home's formulary with this CSV or FHIR file");
  parser.AddOption("", "import-roster", "replace the pharmacy roster with this CSV or FHIR file");
  parser.AddOption("", "identifier-root", "organisation OID root for released blocks ($ZORGBRUG_IDENTIFIER_ROOT)");
  parser.AddOption("", "lang", "nl or en (default: the settings, else nl)");
  parser.AddOption("", "benchmark-input", "zorgbrug-bench gui: folder with synthetic sources", wxCMD_LINE_VAL_STRING,
                   wxCMD_LINE_HIDDEN);
  parser.AddOption("", "benchmark-report", "zorgbrug-bench gui: report file", wxCMD_LINE_VAL_STRING, wxCMD_LINE_HIDDEN);
  parser.AddOption("", "benchmark-start", "zorgbrug-bench gui: steady clock at spawn (ns)", wxCMD_LINE_VAL_STRING,
                   wxCMD_LINE_HIDDEN);
}

bool App::OnCmdLineParsed(wxCmdLineParser& parser) {
  if (!wxApp::OnCmdLineParsed(parser)) return false;
  wxString value;
  auto& c = m_options.config;
  if (parser.Found("gateway", &value)) c.gateway = value.utf8_string();
  if (parser.Found("ca", &value)) c.caFile = value.utf8_string();
  if (parser.Found("identifier-root", &value)) {
    c.identifierRoot = value.utf8_string();
  } else if (const char* root = std::getenv("ZORGBRUG_IDENTIFIER_ROOT")) {
    c.identifierRoot = root;
  }
  c.storePath = parser.Found("store", &value) ? value.utf8_string() : workstation::DefaultStorePath();
  c.keyFile = c.storePath.substr(0, c.storePath.find_last_of('/') + 1) + "store.key";
  c.useKeychain = !parser.Found("no-keychain");
  m_options.demo = parser.Found("demo");
  if (parser.Found("persona", &value)) m_options.persona = value.utf8_string();
  if (parser.Found("import-register", &value)) m_options.importRegister = value.utf8_string();
  if (parser.Found("import-formulary", &value)) m_options.importFormulary = value.utf8_string();
  if (parser.Found("import-roster", &value)) m_options.importRoster = value.utf8_string();
  if (parser.Found("lang", &value)) m_options.language = value.utf8_string();
  if (parser.Found("benchmark-input", &value)) m_options.benchmarkInput = value.utf8_string();
  if (parser.Found("benchmark-report", &value)) m_options.benchmarkReport = value.utf8_string();
  if (parser.Found("benchmark-start", &value)) m_options.benchmarkStartNs = std::stoll(value.utf8_string());
  return true;
}

bool App::OnInit() {
  if (!wxApp::OnInit()) return false;
  SetAppName("zorgbrug");
  SetAppDisplayName("Zorgbrug");
  auto opened = workstation::Workstation::Open(m_options.config);
  if (!opened) {
    InitLanguage(m_options.language, nullptr);
    wxMessageBox(TF("De lokale opslag kan niet worden geopend: {0}", {opened.error().detail}), "Zorgbrug",
                 wxOK | wxICON_ERROR);
    return false;
  }
  m_workstation = std::move(opened.value());
  // Settings from the store, the command line over them.
  auto prefs = m_workstation->LoadPreferences();
  workstation::Preferences p = prefs ? prefs.value() : workstation::Preferences{};
  std::string languageProblem;
  InitLanguage(m_options.language.empty() ? p.language : m_options.language, &languageProblem);
  m_lockMinutes = p.lockMinutes;
  if (m_options.config.gateway.empty() && !p.gateway.empty()) {
    m_options.config.gateway = p.gateway;
    if (m_options.config.caFile.empty()) m_options.config.caFile = p.caFile;
    m_workstation.reset();
    auto reopened = workstation::Workstation::Open(m_options.config);
    if (!reopened) {
      wxMessageBox(TF("De lokale opslag kan niet worden geopend: {0}", {reopened.error().detail}), "Zorgbrug",
                   wxOK | wxICON_ERROR);
      return false;
    }
    m_workstation = std::move(reopened.value());
  }
  if (m_options.config.gateway.empty() && m_options.benchmarkInput.empty()) {
    wxMessageBox(
        T("Er is geen gateway ingesteld. Start Zorgbrug met --gateway URL, of stel het adres in (Bestand > Instellingen) na een start met --gateway."),
        "Zorgbrug", wxOK | wxICON_ERROR);
    return false;
  }
  if (!m_options.importRegister.empty()) {
    auto added = m_workstation->ImportRegister(m_options.importRegister);
    if (!added)
      wxMessageBox(TF("Patiëntenlijst niet ingelezen: {0}", {added.error().detail}), "Zorgbrug", wxOK | wxICON_WARNING);
  }
  const auto today = domain::NetherlandsDate(boost::posix_time::second_clock::universal_time());
  if (!m_options.importFormulary.empty()) {
    auto n = m_workstation->drafts().ImportFormulary(m_options.importFormulary, today);
    if (!n) wxMessageBox(TF("Formularium niet ingelezen: {0}", {n.error().detail}), "Zorgbrug", wxOK | wxICON_WARNING);
  }
  if (!m_options.importRoster.empty()) {
    auto n = m_workstation->drafts().ImportRoster(m_options.importRoster, today);
    if (!n)
      wxMessageBox(TF("Apotheekrooster niet ingelezen: {0}", {n.error().detail}), "Zorgbrug", wxOK | wxICON_WARNING);
  }
  auto* login = new LoginFrame(m_options, *m_workstation, [this](const workstation::User& u) { ShowMain(u); });
  login->Show();
  SetTopWindow(login);
  if (!languageProblem.empty()) login->ShowNotice(U(languageProblem));
  if (!m_options.benchmarkInput.empty()) {
    login->Update();
    CallAfter([this, login] {
      RunGuiBenchmark(m_options, login);
      ExitMainLoop();
    });
  }
  return true;
}

void App::ShowMain(const workstation::User& user) {
  SessionOptions s;
  s.demo = m_options.demo;
  s.persona = m_options.persona;
  s.caFile = m_options.config.caFile;
  s.lockMinutes = m_lockMinutes;
  auto* main = new MainFrame(*m_workstation, user, s);
  main->Show();
  SetTopWindow(main);
}

int App::OnExit() {
  // A login still waiting for the browser ends at its timeout; the workstation must outlive it.
  StopBackground();
  if (m_workstation) m_workstation->LogOut();
  m_workstation.reset();
  return wxApp::OnExit();
}

bool App::OnExceptionInMainLoop() {
  // A bug reached the event loop: say so once, keep the process (saved work is in the store).
  try {
    throw;
  } catch (const std::exception& e) {
    wxMessageBox(TF("Interne fout: {0}", {e.what()}), "Zorgbrug", wxOK | wxICON_ERROR);
  } catch (...) {
    wxMessageBox(T("Interne fout."), "Zorgbrug", wxOK | wxICON_ERROR);
  }
  return true;
}

}  // namespace zb::gui
