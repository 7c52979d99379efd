// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The DEZI login as the login window and the lock screen run it: off the UI thread, in the system
// browser (where none starts, the URL is handed to the window to show), or through a sandbox
// persona that completes the same flow. The browser handling itself lives in the workstation.
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "background.h"
#include "ui_thread.h"
#include "workstation/workstation.h"

namespace zb::gui {

inline constexpr auto kLoginTimeout = std::chrono::minutes(3);

template <class Window>
void StartLogin(workstation::Workstation& ws, const std::string& persona, const std::string& caFile,
                std::shared_ptr<const bool> alive, Window* window,
                std::function<void(Window&, domain::Result<workstation::User>)> done,
                std::function<void(Window&, std::string)> showUrl = {}) {
  workstation::LoginMethod method{persona, caFile, nullptr};
  if (persona.empty() && showUrl) {
    method.showUrl = [alive, window, showUrl](const std::string& url) {
      PostTo<Window>(alive, window, [showUrl, url](Window& w) { showUrl(w, url); });
    };
  }
  RunInBackground([&ws, method = std::move(method), alive = std::move(alive), window, done = std::move(done)] {
    auto result = ws.LogIn(method, kLoginTimeout);
    PostTo<Window>(alive, window, [done, result](Window& w) { done(w, result); });
  });
}

}  // namespace zb::gui
