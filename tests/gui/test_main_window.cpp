// SPDX-License-Identifier: GPL-3.0-or-later
// The main window against the real chain: log in, open a patient, the tabs fill in as the sources
// answer; a consent refusal shows the incomplete-overview banner naming the pharmacy. Screenshots
// go to ZB_SCREENSHOT_DIR when set.
#include <catch2/catch.hpp>
#include <wx/app.h>
#include <wx/dcclient.h>
#include <wx/dcmemory.h>
#include <wx/image.h>
#include <wx/utils.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "exchange_world.h"
#include "main_frame.h"
#include "workstation/register_file.h"

using namespace zb;

namespace {

test::ExchangeWorld& World() {
  static test::ExchangeWorld world;
  return world;
}

bool WaitFor(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
  const auto until = std::chrono::steady_clock::now() + timeout;
  while (!done()) {
    if (std::chrono::steady_clock::now() > until) return false;
    wxYield();
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

void Screenshot(wxWindow* w, const std::string& name) {
  const char* dir = std::getenv("ZB_SCREENSHOT_DIR");
  if (!dir) return;
  wxYield();
  wxClientDC dc(w);
  const wxSize size = w->GetClientSize();
  wxBitmap bitmap(size);
  wxMemoryDC memory(bitmap);
  memory.Blit(0, 0, size.GetWidth(), size.GetHeight(), &dc, 0, 0);
  memory.SelectObject(wxNullBitmap);
  static const bool handlers = (wxInitAllImageHandlers(), true);
  (void)handlers;
  bitmap.SaveFile(wxString::FromUTF8(std::string(dir) + "/" + name + ".png"), wxBITMAP_TYPE_PNG);
}

std::unique_ptr<workstation::Workstation> LoggedIn(const std::string& dir, workstation::User& user) {
  workstation::Config c;
  c.gateway = World().gatewayUrl();
  c.caFile = World().caFile();
  c.storePath = dir + "/zorgbrug.db";
  c.keyFile = dir + "/store.key";
  c.useKeychain = false;
  auto w = std::move(workstation::Workstation::Open(c).value());
  REQUIRE(workstation::ImportRegisterFile(*w, std::string(ZB_DEMO_DIR) + "/register.json").value() == 3);
  net::client::HeadlessBrowser browser("so", World().Trust());
  auto u = w->LogIn(browser, std::chrono::seconds(20));
  REQUIRE(u.ok());
  user = u.value();
  return w;
}

}  // namespace

TEST_CASE("the overview fills in for a patient with data at all three sources") {
  const std::string dir = test::MakeTempDir("zb-gui");
  workstation::User user;
  auto w = LoggedIn(dir, user);
  auto* frame = new gui::MainFrame(*w, user);
  frame->Show();
  REQUIRE(frame->OpenPatient("999991000"));
  REQUIRE(WaitFor([&] { return !frame->lookupRunning(); }, std::chrono::seconds(20)));
  const auto& v = frame->shownView();
  CHECK(v.banner.empty());
  CHECK(v.medication.size() >= 5);
  CHECK_FALSE(v.ica.empty());
  REQUIRE(v.sources.size() == 3);
  CHECK(frame->GetStatusBar()->GetStatusText().utf8_string() == "Alle bronnen hebben geantwoord.");
  Screenshot(frame, "overview-jansen");
  frame->Destroy();
  wxYield();
}

TEST_CASE("a consent refusal shows the incomplete-overview banner naming the pharmacy") {
  const std::string dir = test::MakeTempDir("zb-gui");
  workstation::User user;
  auto w = LoggedIn(dir, user);
  auto* frame = new gui::MainFrame(*w, user);
  frame->Show();
  REQUIRE(frame->OpenPatient("999900109"));
  REQUIRE(WaitFor([&] { return !frame->lookupRunning(); }, std::chrono::seconds(20)));
  CHECK(frame->shownView().banner.find("ONVOLLEDIG OVERZICHT: geen gegevens van Apotheek Centrum (apotheek): toestemming geweigerd") == 0);
  auto* banner = wxWindow::FindWindowByName("overview-banner", frame);
  REQUIRE(banner);
  CHECK(banner->IsShown());
  Screenshot(frame, "overview-visser-consent-refused");
  frame->Destroy();
  wxYield();
}
