// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The application object: reads the command line, opens the workstation (store and key), shows the
// login window, and funnels any exception that reaches the event loop into one message.
#include <wx/app.h>

#include <functional>
#include <memory>
#include <string>

#include "workstation/workstation.h"

namespace zb::gui {

struct StartOptions {
  workstation::Config config;
  std::string persona;          // sandbox persona offered in the login window (demo mode)
  bool demo = false;            // sandbox: offer the persona picker next to the system browser
  std::string importRegister;   // patients to add to the store at start (demo register)
  std::string importFormulary;  // the home's formulary to import at start (demo), CSV or FHIR
  std::string importRoster;     // the pharmacy roster to import at start (demo), CSV or FHIR
  std::string language;         // command line wins over the stored setting
  // zorgbrug-bench gui: measure start-up, painting of a large overview and memory, then exit.
  std::string benchmarkInput;      // folder with the synthetic sources (one searchset per file)
  std::string benchmarkReport;     // where the figures go
  long long benchmarkStartNs = 0;  // the bench's steady clock when it started this process
};

class App : public wxApp {
 public:
  bool OnInit() override;
  int OnExit() override;
  bool OnExceptionInMainLoop() override;
  void OnInitCmdLine(wxCmdLineParser& parser) override;
  bool OnCmdLineParsed(wxCmdLineParser& parser) override;

  workstation::Workstation& workstation() { return *m_workstation; }
  const StartOptions& options() const { return m_options; }
  // After login: replaces the login window by the main window.
  void ShowMain(const workstation::User& user);

 private:
  StartOptions m_options;
  std::unique_ptr<workstation::Workstation> m_workstation;
  int m_lockMinutes = 10;
};

}  // namespace zb::gui

wxDECLARE_APP(zb::gui::App);
