// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The DEZI login as RFC 8252 wants it for a desktop: the system browser on DEZI's authorize URL,
// PKCE S256 + state + nonce, the loopback listener for the redirect, and the code handed to the
// gateway (which alone can decrypt the userinfo). The browser is an interface so tests and the CLI
// can use a client that follows the redirects and picks a sandbox persona.
#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "net/client/gateway_client.h"

namespace zb::net::client {

// The secrets of one login attempt and the URL the browser opens.
struct AuthorizationRequest {
  std::string codeVerifier;
  std::string state;
  std::string nonce;
  std::string redirectUri;
  std::string url;

  static AuthorizationRequest Create(const contract::LoginConfiguration& configuration, const std::string& redirectUri);
};

class BrowserLauncher {
 public:
  virtual ~BrowserLauncher() = default;
  // Starts showing `url`; returns at once (the user or the headless client continues in parallel).
  virtual domain::Result<bool> Open(const std::string& url) = 0;
};

// xdg-open: the user's own browser, as RFC 8252 requires (never an embedded web view).
class SystemBrowser final : public BrowserLauncher {
 public:
  domain::Result<bool> Open(const std::string& url) override;
};

// Follows DEZI's redirects over verified HTTPS, picks `persona` on the sandbox's persona page and
// delivers the final redirect to the loopback listener, like a browser would.
class HeadlessBrowser final : public BrowserLauncher {
 public:
  HeadlessBrowser(std::string persona, http::ClientOptions options);
  ~HeadlessBrowser() override;
  domain::Result<bool> Open(const std::string& url) override;
  // What went wrong on the browser's side (empty when it reached the redirect).
  std::string error() const;

 private:
  void Walk(std::string url);
  std::string m_persona;
  http::Client m_http;
  std::thread m_thread;
  std::string m_error;
};

// The whole login; `timeout` bounds the wait for the browser. A failure carries its problem code
// (the gateway's, or the flow's own: listener_failed, browser_unavailable, login_timeout,
// state_mismatch, dezi_<error>).
domain::Result<contract::SessionInfo> Login(const GatewayClient& gateway, BrowserLauncher& browser,
                                            std::chrono::milliseconds timeout);

}  // namespace zb::net::client
