// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The browser a login uses: the system browser; where none can be started, the login URL handed
// to the caller to show (to be opened on this computer: DEZI redirects to a loopback address), and
// the login keeps waiting for the redirect instead of failing.
#include <functional>
#include <memory>
#include <string>

#include "net/client/login.h"
#include "workstation/workstation.h"

namespace zb::workstation {

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

// The browser for `method`: a sandbox persona walked headless, or the system browser.
inline std::unique_ptr<net::client::BrowserLauncher> BrowserFor(const LoginMethod& method,
                                                                const std::string& gatewayCaFile) {
  if (method.persona.empty()) return std::make_unique<BrowserOrUrl>(method.showUrl);
  net::http::ClientOptions trust;
  trust.caFile = method.caFile.empty() ? gatewayCaFile : method.caFile;
  return std::make_unique<net::client::HeadlessBrowser>(method.persona, trust);
}

}  // namespace zb::workstation
