// SPDX-License-Identifier: GPL-3.0-or-later
// zorgbrug-sandbox: starts the simulated outside world and runs until SIGINT/SIGTERM. Prints the
// URLs and the CA path in words on stderr and as one JSON line on stdout (for scripts and tests).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "sandbox/sandbox.h"

int main(int argc, char** argv) {
  CLI::App app{"zorgbrug-sandbox: DEZI, a Nuts node and FHIR holders on loopback, for the demo and the tests"};
  zb::sandbox::SandboxOptions options;
  std::string configFile;
  options.stateDir = std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") + "/zorgbrug-sandbox-" +
                     std::to_string(::getpid());
  options.dataDir = ZB_DEMO_DIR;
  app.add_option("--config", configFile, "JSON file with state_dir, data_dir, node_variant (flags override it)")
      ->check(CLI::ExistingFile);
  auto* stateOpt =
      app.add_option("--state-dir", options.stateDir, "Where the CA, the gateway's keys and gateway.json are written");
  auto* dataOpt = app.add_option("--data-dir", options.dataDir,
                                 "Demo patients: one folder per patient with huisarts/apotheek/ziekenhuis.json")
                      ->check(CLI::ExistingDirectory);
  auto* variantOpt = app.add_option("--node-variant", options.nodeVariant,
                                    "mainline (nuts-node v6.2.10) or gf (project-gf: verklaring as id_token)")
                         ->check(CLI::IsMember({"mainline", "gf"}));
  app.add_option("--knooppunt-dir", options.knooppuntDir,
                 "The published nuts-knooppunt policy files (../shared/specs/nuts-knooppunt): lets a holder "
                 "enforce medicatieoverdracht_gf");
  app.add_flag("--knooppunt-presentation", options.knooppuntPresentation,
               "With --knooppunt-dir: tokens for medicatieoverdracht-gf need the knooppunt's three credentials");
  CLI11_PARSE(app, argc, argv);
  if (!configFile.empty()) {
    std::ifstream in(configFile);
    const auto config = nlohmann::json::parse(in, nullptr, false);
    if (!config.is_object()) {
      std::cerr << "zorgbrug-sandbox: " << configFile << " is not a JSON object\n";
      return 2;
    }
    if (stateOpt->count() == 0 && config.contains("state_dir")) options.stateDir = config["state_dir"];
    if (dataOpt->count() == 0 && config.contains("data_dir")) options.dataDir = config["data_dir"];
    if (variantOpt->count() == 0 && config.contains("node_variant")) options.nodeVariant = config["node_variant"];
  }

  // Block the stop signals before any server thread starts, so only sigwait below receives them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto sandbox = zb::sandbox::Sandbox::Start(options);
  if (!sandbox) {
    std::cerr << "zorgbrug-sandbox: " << sandbox.error().detail << "\n";
    return 1;
  }
  const auto d = sandbox.value()->Describe();
  std::cerr << "zorgbrug-sandbox is running (" << d["node_variant"].get<std::string>() << " node)\n"
            << "  test CA:        " << d["ca"].get<std::string>() << "\n"
            << "  DEZI:           " << d["dezi"].get<std::string>() << "\n"
            << "  Nuts node:      " << d["node"].get<std::string>() << "\n";
  for (const auto& [id, h] : d["holders"].items()) {
    std::cerr << "  " << h["name"].get<std::string>() << ": " << h["fhir_base"].get<std::string>() << "\n";
  }
  std::cerr << "  gateway config: " << d["gateway_config"].get<std::string>() << "\n";
  std::cout << d.dump() << std::endl;
  int received = 0;
  sigwait(&signals, &received);
  sandbox.value()->Stop();
  return 0;
}
