// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The whole chain for one test process: zorgbrug-sandbox and zorgbrug-gateway started as real
// processes on ephemeral ports (HTTPS from the sandbox's fresh test CA), plus helpers to log in as
// a persona and to read or steer the sandbox's control plane.
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "child_process.h"
#include "net/client/gateway_client.h"
#include "net/client/login.h"

namespace zb::test {

class ExchangeWorld {
 public:
  // knooppuntPresentation: the node evaluates the published presentation definition of
  // medicatieoverdracht-gf and the gateway presents enrolment credentials (needs ../shared).
  explicit ExchangeWorld(const std::string& nodeVariant = "mainline", bool knooppuntPresentation = false);
  // ../shared/specs/nuts-knooppunt (the published policy files); absent without ../shared.
  static std::string KnooppuntDir();

  // (Re)starts the gateway with `patch` merged into the sandbox-written gateway.json (RFC 7386).
  void StartGateway(const nlohmann::json& patch = nlohmann::json::object());
  // The same, returning the gateway's log when it does not start ("" when it does).
  std::string TryStartGateway(const nlohmann::json& patch = nlohmann::json::object());
  // Stops the gateway process (SIGTERM); gatewayUrl() then names a closed port.
  void StopGateway() { m_gateway.reset(); }
  // The gateway's process id, for tests that kill it (-1 when it is not running).
  pid_t gatewayPid() const { return m_gateway ? m_gateway->pid() : -1; }
  // The second organisation's gateway (the sandbox's gateway-b.json: URA 90000381, its own subject,
  // keys and trail), for on-call reports between two organisations. Empty string: it started.
  std::string StartSecondGateway();
  void StopSecondGateway() { m_gatewayB.reset(); }
  const std::string& secondGatewayUrl() const { return m_gatewayBUrl; }
  std::string secondAuditFile() const { return m_stateDir + "/audit-b.jsonl"; }
  std::string secondGatewayLog() const { return ReadTextFile(m_stateDir + "/gateway-b.log"); }
  net::client::GatewayClient Client() const;
  net::http::ClientOptions Trust() const;
  domain::Result<net::contract::SessionInfo> TryLogin(const std::string& persona) const;
  // Logs in and fails the test (with the error) if that does not work.
  std::string Session(const std::string& persona) const;

  nlohmann::json ControlState() const;
  void ControlPost(const std::string& path) const;
  // Sets a holder's behaviour in the sandbox (latency, paging, access decisions, faults).
  void Behave(const std::string& holder, const nlohmann::json& patch) const;
  // Peak resident memory of the gateway process, in MiB (VmHWM).
  long GatewayPeakMiB() const;
  net::http::Response Send(const net::http::Request& request) const;

  const nlohmann::json& sandbox() const { return m_sandbox; }
  const std::string& stateDir() const { return m_stateDir; }
  const std::string& caFile() const { return m_caFile; }
  const std::string& gatewayUrl() const { return m_gatewayUrl; }
  std::string gatewayLog() const { return ReadTextFile(m_gateway->stderrFile()); }
  std::string auditFile() const { return m_stateDir + "/audit.jsonl"; }

 private:
  std::string m_stateDir;
  std::string m_caFile;
  std::string m_gatewayUrl;
  nlohmann::json m_sandbox;
  std::unique_ptr<ChildProcess> m_sandboxProcess;
  std::unique_ptr<ChildProcess> m_gateway;
  std::string m_gatewayBUrl;
  std::unique_ptr<ChildProcess> m_gatewayB;
};

}  // namespace zb::test
