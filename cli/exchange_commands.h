// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// zorgbrug-cli login / whoami / logout / fetch: the DEZI login and relayed FHIR requests through
// the organisation gateway, without a window.
#include <CLI/CLI.hpp>
#include <string>

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
// Runs whichever exchange command was parsed; returns the exit code.
int RunExchange(const ExchangeCommands& commands, const ExchangeArgs& args);

}  // namespace zb::cli
