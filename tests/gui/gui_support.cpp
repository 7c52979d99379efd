// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui_support.h"

#include <wx/app.h>
#include <wx/dcclient.h>
#include <wx/dcmemory.h>
#include <wx/frame.h>
#include <wx/image.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <thread>

namespace zb::test {

ExchangeWorld& World() {
  static ExchangeWorld world;
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
  // ZB_SCREENSHOT_SIZE=1024x700 (scripts/update-screenshots.sh): main windows are shown at that
  // size and the file names say so; dialogs keep their own size.
  std::string file = name;
  if (const char* size = std::getenv("ZB_SCREENSHOT_SIZE")) {
    int width = 0, height = 0;
    if (std::sscanf(size, "%dx%d", &width, &height) == 2 && width > 0 && height > 0) {
      if (dynamic_cast<wxFrame*>(w)) w->SetSize(width, height);
      file += "-" + std::string(size);
    }
  }
  w->Raise();
  w->Update();
  for (int i = 0; i < 20; ++i) {
    wxYield();
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  // The client area (a display without a window manager stacks and places top-level windows
  // unreliably, so a screen grab could show another window).
  wxClientDC dc(w);
  const wxSize size = w->GetClientSize();
  wxBitmap bitmap(size);
  wxMemoryDC memory(bitmap);
  memory.Blit(0, 0, size.GetWidth(), size.GetHeight(), &dc, 0, 0);
  memory.SelectObject(wxNullBitmap);
  static const bool handlers = (wxInitAllImageHandlers(), true);
  (void)handlers;
  bitmap.SaveFile(wxString::FromUTF8(std::string(dir) + "/" + file + ".png"), wxBITMAP_TYPE_PNG);
}

void Close(wxWindow* w) {
  w->Destroy();
  wxTheApp->ProcessIdle();
  wxYield();
}

ReleasesForgottenAtEnd::~ReleasesForgottenAtEnd() {
  World().Send({"DELETE", World().sandbox()["control"].get<std::string>() + "/holder/apotheek/amendments", {}, ""});
}

workstation::Config ConfigIn(const std::string& dir) {
  workstation::Config c;
  c.gateway = World().gatewayUrl();
  c.caFile = World().caFile();
  c.storePath = dir + "/zorgbrug.db";
  c.keyFile = dir + "/store.key";
  c.useKeychain = false;
  c.identifierRoot = "2.999.380";  // the example arc (ITU-T X.660): no real organisation's root
  return c;
}

std::unique_ptr<workstation::Workstation> LoggedIn(const std::string& dir, workstation::User& user,
                                                   const std::string& persona) {
  auto w = std::move(workstation::Workstation::Open(ConfigIn(dir)).value());
  auto added = w->ImportRegister(std::string(ZB_DEMO_DIR) + "/register.json");
  REQUIRE(added.ok());
  auto u = w->LogIn({persona, World().caFile(), nullptr}, std::chrono::seconds(20));
  REQUIRE(u.ok());
  user = u.value();
  return w;
}

}  // namespace zb::test
