// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/client/login.h"

#include <spawn.h>
#include <sys/wait.h>

#include <regex>

#include "net/client/loopback_listener.h"
#include "net/jose/base64url.h"
#include "net/jose/random.h"

extern char** environ;

namespace zb::net::client {
namespace {

using domain::ErrorCode;
using domain::MakeError;

}  // namespace

AuthorizationRequest AuthorizationRequest::Create(const contract::LoginConfiguration& config,
                                                  const std::string& redirectUri) {
  AuthorizationRequest r;
  r.codeVerifier = jose::RandomToken(32);  // 43 characters, the RFC 7636 minimum, 256 bits
  r.state = jose::RandomToken(16);
  r.nonce = jose::RandomToken(16);
  r.redirectUri = redirectUri;
  const std::string challenge = jose::Base64UrlEncode(jose::Sha256(r.codeVerifier));
  r.url = config.authorizationEndpoint + "?" +
          http::FormEncode({{"response_type", "code"},
                            {"client_id", config.clientId},
                            {"redirect_uri", redirectUri},
                            {"scope", "openid"},
                            {"state", r.state},
                            {"code_challenge", challenge},
                            {"code_challenge_method", "S256"},
                            {"display", "page"},
                            {"prompt", "login"},
                            {"nonce", r.nonce}});
  return r;
}

domain::Result<bool> SystemBrowser::Open(const std::string& url) {
  pid_t pid = 0;
  const char* argv[] = {"xdg-open", url.c_str(), nullptr};
  if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, const_cast<char* const*>(argv), environ) != 0) {
    return MakeError(ErrorCode::kUnavailable, "no system browser (xdg-open) available; open the login URL yourself");
  }
  int status = 0;
  waitpid(pid, &status, 0);
  // xdg-open exits non-zero when it found no browser to hand the URL to (e.g. a server session).
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return MakeError(ErrorCode::kUnavailable, "xdg-open could not start a browser (exit status " +
                                                  std::to_string(WEXITSTATUS(status)) +
                                                  "); open the login URL yourself");
  }
  return true;
}

HeadlessBrowser::HeadlessBrowser(std::string persona, http::ClientOptions options)
    : m_persona(std::move(persona)), m_http([&] {
        options.allowLoopbackHttp = true;  // the last hop is the app's own http://127.0.0.1 listener
        return options;
      }()) {}

HeadlessBrowser::~HeadlessBrowser() {
  if (m_thread.joinable()) m_thread.join();
}

std::string HeadlessBrowser::error() const { return m_error; }

domain::Result<bool> HeadlessBrowser::Open(const std::string& url) {
  static const std::regex personaName("^[a-z0-9-]{1,40}$");
  if (!std::regex_match(m_persona, personaName))
    return MakeError(ErrorCode::kInvalidFormat, "persona names are lower-case letters, digits and '-'");
  if (m_thread.joinable()) m_thread.join();
  m_error.clear();
  m_thread = std::thread([this, url] { Walk(url); });
  return true;
}

void HeadlessBrowser::Walk(std::string url) {
  for (int hop = 0; hop < 10; ++hop) {
    auto response = m_http.Send({"GET", url, {{"Accept", "text/html"}}, ""});
    if (!response) {
      m_error = response.error().detail;
      return;
    }
    if (response->status == 302 || response->status == 303) {
      const std::string location = response->header("Location");
      if (location.empty()) break;
      url = location.rfind("http", 0) == 0 ? location : url.substr(0, url.find('/', url.find("://") + 3)) + location;
      continue;
    }
    if (response->status != 200) {
      m_error = "HTTP " + std::to_string(response->status) + " from " + url.substr(0, url.find('?'));
      return;
    }
    if (url.rfind("http://127.0.0.1", 0) == 0) return;  // the listener answered: done
    // The persona page: follow the link marked with the wanted persona.
    const std::regex link("data-persona=\"" + m_persona + "\" href=\"([^\"]+)\"");
    std::smatch match;
    if (!std::regex_search(response->body, match, link)) {
      m_error = "persona '" + m_persona + "' is not offered on the login page";
      return;
    }
    url = url.substr(0, url.find('/', url.find("://") + 3)) + match[1].str();
  }
  m_error = "too many redirects";
}

domain::Result<contract::SessionInfo> Login(const GatewayClient& gateway, BrowserLauncher& browser,
                                            std::chrono::milliseconds timeout) {
  // The flow's own failures, in the same shape as the gateway's (status 0: no gateway answer).
  auto fail = [](std::string code, std::string detail) {
    return contract::ToError(contract::Problem{0, std::move(code), std::move(detail)});
  };
  auto config = gateway.LoginConfiguration();
  if (!config) return config.error();
  auto listener = LoopbackListener::Open();
  if (!listener) return fail("listener_failed", listener.error().detail);
  const auto request = AuthorizationRequest::Create(config.value(), listener->RedirectUri());
  if (auto opened = browser.Open(request.url); !opened) {
    return fail("browser_unavailable", opened.error().detail + ": " + request.url);
  }
  auto callback = listener.value().Await(request.state, timeout);
  if (!callback) {
    return fail(callback.error().code == domain::ErrorCode::kRefused ? "state_mismatch" : "login_timeout",
                callback.error().detail);
  }
  if (!callback->error.empty()) return fail("dezi_" + callback->error, callback->errorDescription);
  return gateway.CreateSession({callback->code, request.codeVerifier, request.redirectUri, request.nonce});
}

}  // namespace zb::net::client
