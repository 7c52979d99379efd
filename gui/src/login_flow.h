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

// The system browser; where none can be started, the login URL is handed to the window to show
// (to open in a browser on this computer: DEZI redirects to a loopback address) and the login
// keeps waiting for the redirect instead of failing.
class BrowserOrUrl final : public net::client::BrowserLauncher {
 public:
  explicit BrowserOrUrl(std::function<void(const std::string&)> showUrl) : m_showUrl(std::move(showUrl)) {}
  domain::Result<bool> Open(const std::string& url) override {
    net::client::SystemBrowser system;
    auto opened = system.Open(url);
    if (opened || !m_showUrl) return opened;
    m_showUrl(url);
    return true;
  }

 private:
  std::function<void(const std::string&)> m_showUrl;
};

template <class Window>
void StartLogin(workstation::Workstation& ws, const std::string& persona, const std::string& caFile,
                std::shared_ptr<const bool> alive, Window* window,
                std::function<void(Window&, domain::Result<workstation::User>)> done,
                std::function<void(Window&, std::string)> showUrl = {}) {
  net::http::ClientOptions trust;
  trust.caFile = caFile;
  RunInBackground(
      [&ws, persona, trust, alive = std::move(alive), window, done = std::move(done), showUrl = std::move(showUrl)] {
        std::unique_ptr<net::client::BrowserLauncher> browser;
        if (persona.empty()) {
          std::function<void(const std::string&)> show;
          if (showUrl)
            show = [alive, window, showUrl](const std::string& url) {
              PostTo<Window>(alive, window, [showUrl, url](Window& w) { showUrl(w, url); });
            };
          browser = std::make_unique<BrowserOrUrl>(show);
        } else {
          browser = std::make_unique<net::client::HeadlessBrowser>(persona, trust);
        }
        auto result = ws.LogIn(*browser, kLoginTimeout);
        PostTo<Window>(alive, window, [done, result](Window& w) { done(w, result); });
      });
}

}  // namespace zb::gui
