// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The DEZI login as the login window and the lock screen run it: off the UI thread, in the system
// browser, or (sandbox, or no browser) through a test persona that completes the same flow.
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "background.h"
#include "net/client/login.h"
#include "ui_thread.h"
#include "workstation/workstation.h"

namespace zb::gui {

inline constexpr auto kLoginTimeout = std::chrono::minutes(3);

template <class Window>
void StartLogin(workstation::Workstation& ws, const std::string& persona, const std::string& caFile, std::shared_ptr<const bool> alive,
                Window* window, std::function<void(Window&, domain::Result<workstation::User>)> done) {
  net::http::ClientOptions trust;
  trust.caFile = caFile;
  RunInBackground([&ws, persona, trust, alive = std::move(alive), window, done = std::move(done)] {
    std::unique_ptr<net::client::BrowserLauncher> browser;
    if (persona.empty()) browser = std::make_unique<net::client::SystemBrowser>();
    else browser = std::make_unique<net::client::HeadlessBrowser>(persona, trust);
    auto result = ws.LogIn(*browser, kLoginTimeout);
    PostTo<Window>(alive, window, [done, result](Window& w) { done(w, result); });
  });
}

}  // namespace zb::gui
