// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// zorgbrug-cli login / whoami / logout / fetch: the DEZI login and relayed FHIR requests through
// the organisation gateway, without a window.
#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "net/client/gateway_client.h"

namespace zb::cli {

struct ExchangeArgs {
  std::string gateway;
  std::string caFile;
  std::string persona;
  int timeoutSeconds = 120;
  std::string holder;
  std::string query;
  std::string form;
};

struct ExchangeCommands {
  CLI::App* login;
  CLI::App* whoami;
  CLI::App* logout;
  CLI::App* fetch;
};

ExchangeCommands AddExchangeCommands(CLI::App& app, ExchangeArgs& args);

// The session kept between runs (see SessionFile in the implementation).
struct StoredSession {
  std::string gateway;
  std::string caFile;
  std::string token;
  std::int64_t expiresAt = 0;
};
std::optional<StoredSession> LoadStoredSession();
// DEZI login through the gateway (browser, or a sandbox persona headless); stores the session.
// `quiet` prints the greeting on stderr (stdout carries a report). Returns the exit code.
int LogIn(const std::string& gateway, const std::string& caFile, const std::string& persona, int timeoutSeconds,
          bool quiet);
// Prints the error and returns the exit code for it (4 refused, 5 unavailable).
int ExitCodeFor(const domain::Error& error);
// Runs whichever exchange command was parsed; returns the exit code.
int RunExchange(const ExchangeCommands& commands, const ExchangeArgs& args);

}  // namespace zb::cli
