// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// zorgbrug-sandbox: the simulated outside world on loopback, over real HTTPS from a test CA
// generated at start: a DEZI OpenID provider, a Nuts node's internal API (v6.2.10 paths and
// shapes) and three FHIR holders (GP, pharmacy, hospital). It also writes everything a gateway
// needs to join this world (keys, TLS certificate, gateway.json) into its state directory.
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "domain/result.h"

namespace zb::sandbox {

struct SandboxOptions {
  std::string stateDir;                  // written: ca.pem, gateway.json, gateway keys and certificate
  std::string dataDir;                   // demo patients: <dataDir>/<patient>/{huisarts,apotheek,ziekenhuis}.json
  std::string nodeVariant = "mainline";  // "mainline" (v6.2.10) or "gf" (project-gf: verklaring as id_token)
  std::string host = "127.0.0.1";
  // The published nuts-knooppunt policy files (../shared/specs/nuts-knooppunt); when set, a holder
  // can be switched to enforce `medicatieoverdracht_gf` (control plane: {"policy": "knooppunt"}).
  std::string knooppuntDir{};
  // With knooppuntDir: the node evaluates the published presentation definition of scope
  // medicatieoverdracht-gf for token requests, and the gateway configuration it writes asks the
  // gateway to present enrolment and delegation credentials (patients of <dataDir>/register.json).
  bool knooppuntPresentation{};
};

class Sandbox {
 public:
  static domain::Result<std::unique_ptr<Sandbox>> Start(const SandboxOptions& options);
  virtual ~Sandbox() = default;
  // URLs, CA path and the gateway configuration path, as printed on start.
  virtual nlohmann::json Describe() const = 0;
  virtual void Stop() = 0;
};

}  // namespace zb::sandbox
