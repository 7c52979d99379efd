// SPDX-License-Identifier: GPL-3.0-or-later
// zorgbrug-gateway --config FILE: runs the gateway until SIGINT/SIGTERM and prints its URL (in words
// on stderr, as one JSON line on stdout). `zorgbrug-gateway audit-verify FILE` checks an audit trail.
#include <CLI/CLI.hpp>
#include <csignal>
#include <iostream>
#include <nlohmann/json.hpp>

#include "gateway/audit_log.h"
#include "gateway/config.h"
#include "gateway/gateway.h"
#include "net/jose/key.h"

int main(int argc, char** argv) {
  CLI::App app{"zorgbrug-gateway: DEZI login, Nuts tokens and DPoP, FHIR relay and audit for Zorgbrug desktops"};
  std::string configFile;
  app.add_option("--config", configFile, "Gateway configuration (JSON); see docs/deployment.md");
  zb::gateway::AuditFiles audit;
  std::string verifyConfig;
  auto* verify = app.add_subcommand("audit-verify", "Check that an audit trail is complete and unaltered");
  verify->add_option("file", audit.trail, "The audit trail (JSON lines)");
  verify->add_option("--key", audit.key, "The audit key file (audit.key of the configuration)");
  verify->add_option("--head", audit.head, "The sealed head (default: the trail's name + .head)");
  verify->add_option("--config", verifyConfig, "Take trail, head and key from this gateway configuration");
  std::string keyFile;
  std::string keyUser = "zorgbrug-gateway";
  auto* authorizedKey =
      app.add_subcommand("authorized-key", "Print the nuts-node authorized_keys line for the token_v2 key");
  authorizedKey->add_option("key", keyFile, "The gateway's token_v2 private key (PEM, EC P-256)")
      ->required()
      ->check(CLI::ExistingFile);
  authorizedKey->add_option("--user", keyUser, "User name in the line (= nuts.token_v2.issuer)");
  CLI11_PARSE(app, argc, argv);

  if (authorizedKey->parsed()) {
    auto key = zb::net::jose::Key::FromPemFile(keyFile);
    if (!key || key->type() != zb::net::jose::Key::Type::kEcP256) {
      std::cerr << "zorgbrug-gateway: " << keyFile << " is not an EC P-256 key (PEM)\n";
      return 2;
    }
    std::cout << key->OpenSshLine(keyUser) << "\n";
    return 0;
  }
  if (verify->parsed()) {
    if (!verifyConfig.empty()) {
      auto c = zb::gateway::LoadConfig(verifyConfig);
      if (!c) {
        std::cerr << "zorgbrug-gateway: configuration error: " << c.error().detail << "\n";
        return 2;
      }
      audit = {c->auditFile, c->auditHeadFile, c->auditKeyFile};
    }
    if (audit.trail.empty() || audit.key.empty()) {
      std::cerr << "zorgbrug-gateway audit-verify: give --config FILE, or the trail and --key KEYFILE\n";
      return 2;
    }
    if (audit.head.empty()) audit.head = audit.trail + ".head";
    auto result = zb::gateway::VerifyAuditTrail(audit);
    if (!result) {
      std::cerr << "audit trail NOT intact: " << result.error().detail << "\n";
      return 1;
    }
    std::cout << "audit trail intact: " << result.value() << " records\n";
    return 0;
  }
  if (configFile.empty()) {
    std::cerr << "zorgbrug-gateway: --config FILE is required\n";
    return 2;
  }
  auto config = zb::gateway::LoadConfig(configFile);
  if (!config) {
    std::cerr << "zorgbrug-gateway: configuration error: " << config.error().detail << "\n";
    return 2;
  }
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  auto gateway = zb::gateway::Gateway::Start(config.value());
  if (!gateway) {
    std::cerr << "zorgbrug-gateway: cannot start: " << gateway.error().detail << "\n";
    return 1;
  }
  std::cerr << "zorgbrug-gateway is running at " << gateway.value()->Url() << " for URA " << config->ura << "\n";
  std::cout << nlohmann::json{{"zorgbrug-gateway", "ready"}, {"url", gateway.value()->Url()}}.dump() << std::endl;
  int received = 0;
  sigwait(&signals, &received);
  gateway.value()->Stop();
  return 0;
}
