// SPDX-License-Identifier: GPL-3.0-or-later
#include "app.h"

#include <wx/cmdline.h>
#include <wx/msgdlg.h>

#include <exception>

#include "login_frame.h"
#include "main_frame.h"
#include "platform/paths.h"
#include "workstation/register_file.h"

namespace zb::gui {

void App::OnInitCmdLine(wxCmdLineParser& parser) {
  wxApp::OnInitCmdLine(parser);
  parser.AddOption("", "gateway", "URL of the organisation's gateway");
  parser.AddOption("", "ca", "CA file to trust for the gateway (default: the system store)");
  parser.AddOption("", "store", "local store file (default: in the per-user data folder)");
  parser.AddSwitch("", "no-keychain", "keep the store key in a key file instead of the OS keychain");
  parser.AddSwitch("", "demo", "sandbox: offer test personas next to the system browser");
  parser.AddOption("", "persona", "sandbox: the persona preselected in the login window");
  parser.AddOption("", "import-register", "add the patients of this register file that the store does not have yet");
}

bool App::OnCmdLineParsed(wxCmdLineParser& parser) {
  if (!wxApp::OnCmdLineParsed(parser)) return false;
  wxString value;
  auto& c = m_options.config;
  if (parser.Found("gateway", &value)) c.gateway = value.utf8_string();
  if (parser.Found("ca", &value)) c.caFile = value.utf8_string();
  c.storePath = parser.Found("store", &value) ? value.utf8_string() : platform::DefaultStorePath();
  c.keyFile = c.storePath.substr(0, c.storePath.find_last_of('/') + 1) + "store.key";
  c.useKeychain = !parser.Found("no-keychain");
  m_options.demo = parser.Found("demo");
  if (parser.Found("persona", &value)) m_options.persona = value.utf8_string();
  if (parser.Found("import-register", &value)) m_options.importRegister = value.utf8_string();
  return true;
}

bool App::OnInit() {
  if (!wxApp::OnInit()) return false;
  SetAppName("zorgbrug");
  SetAppDisplayName("Zorgbrug");
  if (m_options.config.gateway.empty()) {
    wxMessageBox("Er is geen gateway ingesteld. Start Zorgbrug met --gateway URL (of via scripts/zorgbrug-demo.sh).", "Zorgbrug",
                 wxOK | wxICON_ERROR);
    return false;
  }
  auto opened = workstation::Workstation::Open(m_options.config);
  if (!opened) {
    wxMessageBox(wxString::FromUTF8("De lokale opslag kan niet worden geopend: " + opened.error().detail), "Zorgbrug", wxOK | wxICON_ERROR);
    return false;
  }
  m_workstation = std::move(opened.value());
  if (!m_options.importRegister.empty()) {
    auto added = workstation::ImportRegisterFile(*m_workstation, m_options.importRegister);
    if (!added) wxMessageBox(wxString::FromUTF8("Patiëntenlijst niet ingelezen: " + added.error().detail), "Zorgbrug", wxOK | wxICON_WARNING);
  }
  auto* login = new LoginFrame(m_options, *m_workstation);
  login->Show();
  SetTopWindow(login);
  return true;
}

void App::ShowMain(const workstation::User& user) {
  auto* main = new MainFrame(*m_workstation, user);
  main->Show();
  SetTopWindow(main);
}

void App::RunInBackground(std::function<void()> work) {
  if (m_background.joinable()) m_background.join();
  m_background = std::thread(std::move(work));
}

int App::OnExit() {
  // A login still waiting for the browser ends at its timeout; the workstation must outlive it.
  if (m_background.joinable()) m_background.join();
  if (m_workstation) m_workstation->LogOut();
  m_workstation.reset();
  return wxApp::OnExit();
}

bool App::OnExceptionInMainLoop() {
  // A bug reached the event loop: say so once, keep the process (saved work is in the store).
  try {
    throw;
  } catch (const std::exception& e) {
    wxMessageBox(wxString::FromUTF8(std::string("Interne fout: ") + e.what()), "Zorgbrug", wxOK | wxICON_ERROR);
  } catch (...) {
    wxMessageBox("Interne fout.", "Zorgbrug", wxOK | wxICON_ERROR);
  }
  return true;
}

}  // namespace zb::gui

