// SPDX-License-Identifier: GPL-3.0-or-later
// GUI tests run inside a live wx event loop (under Xvfb): the app starts Catch from its first idle
// event, wx asserts fail the test, and the exit code is Catch's.
#define CATCH_CONFIG_RUNNER
#include <wx/app.h>
#include <wx/init.h>

#include <catch2/catch.hpp>

#include "background.h"
#include "i18n.h"

namespace {

class TestApp : public wxApp {
 public:
  bool OnInit() override {
    wxSetAssertHandler([](const wxString& file, int line, const wxString&, const wxString& cond, const wxString& msg) {
      FAIL_CHECK("wx assert " << cond.utf8_string() << " " << msg.utf8_string() << " at " << file.utf8_string() << ":"
                              << line);
    });
    zb::gui::InitLanguage("nl", nullptr);
    CallAfter([this] {
      m_exit = Catch::Session().run(argc, static_cast<char**>(argv));
      zb::gui::StopBackground();
      ExitMainLoop();
    });
    return true;
  }
  int OnRun() override {
    wxApp::OnRun();
    return m_exit;
  }
  bool OnExceptionInMainLoop() override { throw; }

 private:
  int m_exit = 1;
};

}  // namespace

wxIMPLEMENT_APP_NO_MAIN(TestApp);

int main(int argc, char** argv) { return wxEntry(argc, argv); }
