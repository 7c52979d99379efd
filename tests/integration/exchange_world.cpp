// SPDX-License-Identifier: GPL-3.0-or-later
#include "exchange_world.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

namespace zb::test {

using nlohmann::json;

std::string ExchangeWorld::KnooppuntDir() { return std::string(ZB_SHARED_DIR) + "/specs/nuts-knooppunt"; }

ExchangeWorld::ExchangeWorld(const std::string& nodeVariant, bool knooppuntPresentation) {
  m_stateDir = MakeTempDir("zb-world");
  std::vector<std::string> argv{ZB_SANDBOX_PATH, "--state-dir", m_stateDir, "--node-variant", nodeVariant};
  // The published knooppunt policy, so tests can switch a holder to it (knooppuntAvailable()).
  if (std::filesystem::exists(KnooppuntDir())) {
    argv.push_back("--knooppunt-dir");
    argv.push_back(KnooppuntDir());
    if (knooppuntPresentation) argv.push_back("--knooppunt-presentation");
  }
  m_sandboxProcess = std::make_unique<ChildProcess>(argv, m_stateDir + "/sandbox.log");
  const auto line = m_sandboxProcess->WaitForLine("\"zorgbrug-sandbox\"", std::chrono::seconds(60));
  if (!line) FAIL("zorgbrug-sandbox did not start: " << ReadTextFile(m_stateDir + "/sandbox.log"));
  m_sandbox = json::parse(*line);
  m_caFile = m_sandbox["ca"];
  StartGateway();
}

void ExchangeWorld::StartGateway(const json& patch) {
  const std::string failure = TryStartGateway(patch);
  if (!failure.empty()) FAIL("zorgbrug-gateway did not start: " << failure);
}

std::string ExchangeWorld::TryStartGateway(const json& patch) {
  m_gateway.reset();
  json config = json::parse(ReadTextFile(m_stateDir + "/gateway.json"));
  config.merge_patch(patch);
  const std::string file = m_stateDir + "/gateway-test.json";
  std::ofstream(file) << config.dump(2);
  m_gateway = std::make_unique<ChildProcess>(std::vector<std::string>{ZB_GATEWAY_PATH, "--config", file},
                                             m_stateDir + "/gateway.log");
  const auto line = m_gateway->WaitForLine("\"zorgbrug-gateway\"", std::chrono::seconds(30));
  if (!line) return ReadTextFile(m_stateDir + "/gateway.log");
  m_gatewayUrl = json::parse(*line)["url"];
  return {};
}

std::string ExchangeWorld::StartSecondGateway() {
  m_gatewayB.reset();
  m_gatewayB = std::make_unique<ChildProcess>(
      std::vector<std::string>{ZB_GATEWAY_PATH, "--config", m_stateDir + "/gateway-b.json"},
      m_stateDir + "/gateway-b.log");
  const auto line = m_gatewayB->WaitForLine("\"zorgbrug-gateway\"", std::chrono::seconds(30));
  if (!line) return ReadTextFile(m_stateDir + "/gateway-b.log");
  m_gatewayBUrl = json::parse(*line)["url"];
  return {};
}

net::http::ClientOptions ExchangeWorld::Trust() const {
  net::http::ClientOptions options;
  options.caFile = m_caFile;
  return options;
}

net::client::GatewayClient ExchangeWorld::Client() const { return net::client::GatewayClient(m_gatewayUrl, Trust()); }

domain::Result<net::contract::SessionInfo> ExchangeWorld::TryLogin(const std::string& persona) const {
  net::client::HeadlessBrowser browser(persona, Trust());
  return net::client::Login(Client(), browser, std::chrono::seconds(30));
}

std::string ExchangeWorld::Session(const std::string& persona) const {
  auto result = TryLogin(persona);
  if (!result) FAIL("login as " << persona << " failed: " << result.error().problem << ": " << result.error().detail);
  return result->token;
}

net::http::Response ExchangeWorld::Send(const net::http::Request& request) const {
  net::http::Client http(Trust());
  auto response = http.Send(request);
  if (!response) FAIL("request to " << request.url << " failed: " << response.error().detail);
  return response.value();
}

json ExchangeWorld::ControlState() const {
  return json::parse(Send({"GET", m_sandbox["control"].get<std::string>() + "/state", {}, ""}).body);
}

void ExchangeWorld::ControlPost(const std::string& path) const {
  const auto r = Send({"POST", m_sandbox["control"].get<std::string>() + path, {}, ""});
  REQUIRE(r.status == 204);
}

void ExchangeWorld::Behave(const std::string& holder, const json& patch) const {
  const auto r = Send({"POST",
                       m_sandbox["control"].get<std::string>() + "/holder/" + holder + "/behaviour",
                       {{"Content-Type", "application/json"}},
                       patch.dump()});
  INFO(r.body);
  REQUIRE(r.status == 200);
}

long ExchangeWorld::GatewayPeakMiB() const {
  std::ifstream status("/proc/" + std::to_string(m_gateway->pid()) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6)) / 1024;
  }
  return -1;
}

}  // namespace zb::test
