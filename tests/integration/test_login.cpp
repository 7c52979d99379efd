// SPDX-License-Identifier: GPL-3.0-or-later
// DEZI login through the real chain: headless browser -> sandbox DEZI -> loopback listener ->
// gateway (token, id_token, userinfo JWE, verklaring, policy, status) -> session.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <thread>

#include "exchange_world.h"
#include "net/client/loopback_listener.h"
#include "sandbox/pki.h"

using namespace zb;
using net::contract::SessionInfo;
using nlohmann::json;

namespace {

test::ExchangeWorld& World() {
  static test::ExchangeWorld world;
  return world;
}

// The problem code of a failed login or session call, "ok" when it succeeded.
template <class T>
std::string ErrorCode(const domain::Result<T>& r) {
  return r ? "ok" : r.error().problem;
}

// A browser that alters the `state` on its way to DEZI, as a forged cross-site request would.
class TamperingBrowser final : public net::client::BrowserLauncher {
 public:
  explicit TamperingBrowser(net::http::ClientOptions trust) : m_inner("so", std::move(trust)) {}
  domain::Result<bool> Open(const std::string& url) override {
    const auto at = url.find("state=") + 6;
    return m_inner.Open(url.substr(0, at) + "forged" + url.substr(url.find('&', at)));
  }

 private:
  net::client::HeadlessBrowser m_inner;
};

// Before the real browser, a local process sends the listener a wrong path, a guessed state and a
// path that only starts with /callback; it records what it was answered.
class InterferingBrowser final : public net::client::BrowserLauncher {
 public:
  explicit InterferingBrowser(net::http::ClientOptions trust) : m_inner("so", std::move(trust)) {}
  ~InterferingBrowser() override {
    if (m_thread.joinable()) m_thread.join();
  }
  // The listener only answers once the login waits on it: interfere from a thread, then open.
  domain::Result<bool> Open(const std::string& url) override {
    m_thread = std::thread([this, url] {
      const auto at = url.find("redirect_uri=http%3A%2F%2F127.0.0.1%3A") + 38;
      const int port = std::stoi(url.substr(at, url.find('%', at) - at));
      for (const char* target : {"/favicon.ico", "/callback?code=evil&state=guessed", "/callbackx?code=a&state=b"})
        answers.push_back(RawGet(port, target));
      (void)m_inner.Open(url);
    });
    return true;
  }
  // Read after Login returned: the thread has written all three before opening the real browser.
  std::vector<std::string> answers;

 private:
  static std::string RawGet(int port, const std::string& target) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    timeval tv{10, 0};  // never hang the test on a listener that does not answer
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    std::string answer;
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
      const std::string request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
      (void)::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
      char buffer[4096];
      for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;)
        answer.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return answer;
  }
  net::client::HeadlessBrowser m_inner;
  std::thread m_thread;
};

}  // namespace

TEST_CASE("DEZI login succeeds for every allowed persona: whoami and logout work") {
  const std::vector<std::pair<std::string, std::string>> personas{{"so", "01.047"},
                                                                  {"avg", "01.056"},
                                                                  {"huisarts-anw", "01.015"},
                                                                  {"secretariaat", "00.000"},
                                                                  {"so-k07", "01.047"}};
  const auto client = World().Client();
  for (const auto& [persona, role] : personas) {
    INFO("persona " << persona);
    auto result = World().TryLogin(persona);
    REQUIRE(ErrorCode(result) == "ok");
    const auto& session = result.value();
    CHECK(session.user.roleCode == role);
    CHECK(session.user.ura == "90000380");
    CHECK(session.token.size() >= 43);
    auto who = client.WhoAmI(session.token);
    REQUIRE(who.ok());
    CHECK(who->user.deziNumber == session.user.deziNumber);
    CHECK(who->token.empty());  // who-am-I never hands the token out again
  }
  // K07-style claim names (revocatie_controle_uri, rol_bron, "europe", empty voorvoegsel) still
  // give the right person.
  const auto k07 = World().TryLogin("so-k07").value();
  CHECK(k07.user.displayName == "H. Tést");

  const std::string token = World().Session("so");
  REQUIRE(client.Logout(token).ok());
  auto after = client.WhoAmI(token);
  REQUIRE_FALSE(after.ok());
  CHECK(after.error().problem == "session_invalid");
  CHECK(after.error().code == domain::ErrorCode::kRefused);
  auto forged = client.WhoAmI("not-a-session");
  REQUIRE_FALSE(forged.ok());
  CHECK(forged.error().status == 401);
}

TEST_CASE("every negative DEZI persona ends in its own specific error") {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"ingetrokken", "verklaring_revoked"},
      {"andere-ura", "organisation_mismatch"},
      {"mondhygienist", "role_not_allowed"},
      {"verlopen", "verklaring_expired"},
      {"valse-handtekening", "verklaring_signature_invalid"},
      {"onbekende-jku", "verklaring_jku_not_allowed"},
      {"so-acceptatie", "userinfo_not_encrypted"},
      {"tweede-audience", "id_token_invalid"},
  };
  for (const auto& [persona, code] : cases) {
    INFO("persona " << persona);
    CHECK(ErrorCode(World().TryLogin(persona)) == code);
  }
}

TEST_CASE("the acceptance environment's unencrypted userinfo is accepted only when configured") {
  World().StartGateway({{"dezi", {{"accept_unencrypted_userinfo", true}}}});
  auto result = World().TryLogin("so-acceptatie");
  REQUIRE(ErrorCode(result) == "ok");
  CHECK(result->user.deziNumber == "900000054");
  // The other checks stay: a revoked verklaring is still refused in this mode.
  CHECK(ErrorCode(World().TryLogin("ingetrokken")) == "verklaring_revoked");
}

TEST_CASE("a forged state on the login redirect is refused") {
  TamperingBrowser browser(World().Trust());
  // The listener keeps waiting for the right state until the deadline, then says what it saw.
  auto result = net::client::Login(World().Client(), browser, std::chrono::seconds(3));
  CHECK(ErrorCode(result) == "state_mismatch");
}

TEST_CASE("a local process hitting the login listener first neither ends the login nor gets a 'received' page") {
  InterferingBrowser browser(World().Trust());
  auto result = net::client::Login(World().Client(), browser, std::chrono::seconds(30));
  CHECK(ErrorCode(result) == "ok");
  REQUIRE(browser.answers.size() == 3);
  for (const auto& answer : browser.answers) {
    INFO(answer);
    CHECK(answer.rfind("HTTP/1.1 400", 0) == 0);
    CHECK(answer.find("Inloggen ontvangen") == std::string::npos);
  }
}

TEST_CASE("PKCE verifier, nonce, redirect URI and one-time codes are enforced") {
  const auto client = World().Client();
  auto config = client.LoginConfiguration();
  REQUIRE(config.ok());
  auto listener = net::client::LoopbackListener::Open();
  REQUIRE(listener.ok());
  const auto request = net::client::AuthorizationRequest::Create(config.value(), listener->RedirectUri());
  CHECK(request.url.find("code_challenge_method=S256") != std::string::npos);
  CHECK(request.url.find("redirect_uri=http%3A%2F%2F127.0.0.1%3A") != std::string::npos);
  net::client::HeadlessBrowser browser("so", World().Trust());
  REQUIRE(browser.Open(request.url).ok());
  auto callback = listener.value().Await(request.state, std::chrono::seconds(30));
  REQUIRE(callback.ok());
  REQUIRE(callback->state == request.state);
  // The listener took the one callback with its state and is closed now.
  CHECK_FALSE(listener.value().Await(request.state, std::chrono::milliseconds(10)).ok());

  auto code = [&](const domain::Result<SessionInfo>& r) { return ErrorCode(r); };
  SECTION("a different code_verifier") {
    CHECK(code(client.CreateSession({callback->code, std::string(43, 'x'), request.redirectUri, request.nonce})) ==
          "dezi_token_refused");
  }
  SECTION("a different nonce") {
    CHECK(code(client.CreateSession({callback->code, request.codeVerifier, request.redirectUri, "another-nonce"})) ==
          "nonce_mismatch");
  }
  SECTION("an unregistered redirect URI") {
    CHECK(code(client.CreateSession({callback->code, request.codeVerifier, "http://127.0.0.1:1/elders",
                                     request.nonce})) == "redirect_uri_not_registered");
    // The registered URI with a query, a fragment or user information is another URI.
    for (const std::string& suffix : {std::string("?next=x"), std::string("#x"), std::string("/../callback")}) {
      INFO(suffix);
      CHECK(code(client.CreateSession({callback->code, request.codeVerifier, request.redirectUri + suffix,
                                       request.nonce})) == "redirect_uri_not_registered");
    }
    std::string withUser = request.redirectUri;
    withUser.insert(withUser.find("://") + 3, "u@");
    CHECK(code(client.CreateSession({callback->code, request.codeVerifier, withUser, request.nonce})) ==
          "redirect_uri_not_registered");
  }
  SECTION("the code is used twice") {
    CHECK(code(client.CreateSession({callback->code, request.codeVerifier, request.redirectUri, request.nonce})) ==
          "ok");
    CHECK(code(client.CreateSession({callback->code, request.codeVerifier, request.redirectUri, request.nonce})) ==
          "dezi_token_refused");
  }
}

TEST_CASE("TLS is always verified: a wrong CA, the system store or a wrong host name is refused") {
  const std::string otherCa = test::MakeTempDir("zb-other-ca") + "/ca.pem";
  std::ofstream(otherCa) << sandbox::TestCa::Generate("Someone else's CA").value().certificatePem();
  net::http::ClientOptions wrongCa;
  wrongCa.caFile = otherCa;
  auto a = net::client::GatewayClient(World().gatewayUrl(), wrongCa).LoginConfiguration();
  REQUIRE_FALSE(a.ok());
  CHECK(a.error().problem == "gateway_tls_refused");

  auto b = net::client::GatewayClient(World().gatewayUrl(), net::http::ClientOptions{}).LoginConfiguration();
  REQUIRE_FALSE(b.ok());
  CHECK(b.error().problem == "gateway_tls_refused");

  // The certificate names 127.0.0.1 only; "localhost" reaches the same socket but is not the name.
  std::string wrongHost = World().gatewayUrl();
  wrongHost.replace(wrongHost.find("127.0.0.1"), 9, "localhost");
  auto c = net::client::GatewayClient(wrongHost, World().Trust()).LoginConfiguration();
  REQUIRE_FALSE(c.ok());
  CHECK(c.error().problem == "gateway_tls_refused");
  CHECK(c.error().detail.find("localhost") != std::string::npos);

  // And plain http is refused by the client before anything is sent.
  std::string plain = World().gatewayUrl();
  plain.replace(0, 5, "http");
  auto d = net::client::GatewayClient(plain, World().Trust()).LoginConfiguration();
  REQUIRE_FALSE(d.ok());
  CHECK(d.error().problem == "gateway_tls_refused");
}

TEST_CASE("a gateway that goes away during the TLS handshake is unreachable, not untrusted") {
  // A listener that takes the connection and closes it as the ClientHello arrives: what a client
  // meets while a gateway dies or restarts. The words must be "not reachable, try again", never
  // "certificate not trusted, check the settings" (found by killing a gateway under a sending CLI).
  const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(listener >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  socklen_t length = sizeof address;
  REQUIRE(::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length) == 0);
  REQUIRE(::listen(listener, 8) == 0);
  std::thread closer([listener] {
    // The client may try once more on a fresh connection; then nobody comes (poll ends the wait).
    for (int i = 0; i < 2; ++i) {
      pollfd wait{listener, POLLIN, 0};
      if (::poll(&wait, 1, 3000) <= 0) return;
      const int c = ::accept(listener, nullptr, nullptr);
      if (c < 0) return;
      char hello[512];
      (void)::recv(c, hello, sizeof hello, 0);
      ::close(c);
    }
  });
  const std::string url = "https://127.0.0.1:" + std::to_string(ntohs(address.sin_port));
  auto answer = net::client::GatewayClient(url, World().Trust()).LoginConfiguration();
  closer.join();
  ::close(listener);
  REQUIRE_FALSE(answer.ok());
  INFO(answer.error().detail);
  CHECK(answer.error().problem == "gateway_unreachable");
}

TEST_CASE("the gateway refuses to start with a key file that group or others can read, and names it") {
  namespace fs = std::filesystem;
  const json good = json::parse(test::ReadTextFile(World().stateDir() + "/gateway.json"));
  for (const std::string setting : {"tls.key", "dezi.userinfo_decryption_key", "nuts.token_v2.key", "audit.key"}) {
    INFO(setting);
    json config = good;
    json* at = &config;
    std::string rest = setting;
    for (auto dot = rest.find('.'); dot != std::string::npos; dot = rest.find('.')) {
      at = &(*at)[rest.substr(0, dot)];
      rest = rest.substr(dot + 1);
    }
    const std::string original = World().stateDir() + "/" + (*at)[rest].get<std::string>();
    const std::string loose = World().stateDir() + "/loose-" + rest;
    fs::copy_file(original, loose, fs::copy_options::overwrite_existing);
    fs::permissions(loose, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    (*at)[rest] = loose;
    const std::string file = World().stateDir() + "/loose-gateway.json";
    std::ofstream(file) << config.dump();
    test::ChildProcess gateway({ZB_GATEWAY_PATH, "--config", file}, World().stateDir() + "/loose-gateway.log");
    CHECK(gateway.Wait(std::chrono::seconds(20)) == 2);
    const std::string log = test::ReadTextFile(World().stateDir() + "/loose-gateway.log");
    CHECK(log.find("'" + setting + "'") != std::string::npos);
    CHECK(log.find("chmod 600") != std::string::npos);
  }
}

TEST_CASE("the gateway refuses a bad configuration at start and names the setting") {
  const json good = json::parse(test::ReadTextFile(World().stateDir() + "/gateway.json"));
  const std::vector<std::pair<json, std::string>> cases{
      {{{"dezi", {{"client_id", nullptr}}}}, "dezi.client_id"},
      {{{"organisation", {{"ura", "9000038"}}}}, "organisation.ura"},
      {{{"dezi", {{"issuer", "http://dezi.example"}}}}, "dezi.issuer"},
      {{{"nuts", {{"token_v2", {{"key", "missing.pem"}}}}}}, "nuts.token_v2.key"},
      {{{"roles", {{"relay", {"SO"}}}}}, "roles.relay"},
      {{{"dezi", {{"allowed_jku", {"http://127.0.0.1/dezi/jwks.json"}}}}}, "dezi.allowed_jku"},
      // Teams (routing labels for on-call reports): an id senders can carry, a name, no id twice.
      {{{"organisation", {{"teams", {{{"id", "SO Berk"}, {"name", "SO-team De Berk"}}}}}}}, "organisation.teams.0.id"},
      {{{"organisation", {{"teams", {{{"id", "so-berk"}}}}}}}, "organisation.teams.0.name"},
      {{{"organisation",
         {{"teams", {{{"id", "so-berk"}, {"name", "De Berk"}}, {{"id", "so-berk"}, {"name", "De Eik"}}}}}}},
       "organisation.teams.1.id"},
  };
  for (const auto& [patch, setting] : cases) {
    INFO("setting " << setting);
    json config = good;
    config.merge_patch(patch);
    const std::string file = World().stateDir() + "/bad-gateway.json";
    std::ofstream(file) << config.dump();
    test::ChildProcess gateway({ZB_GATEWAY_PATH, "--config", file}, World().stateDir() + "/bad-gateway.log");
    CHECK(gateway.Wait(std::chrono::seconds(20)) == 2);
    const std::string log = test::ReadTextFile(World().stateDir() + "/bad-gateway.log");
    CHECK(log.find("'" + setting + "'") != std::string::npos);
  }
}
