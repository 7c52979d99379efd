// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// zorgbrug-cli audit verify|export: checks or exports the workstation's local audit trail.
#include <CLI/CLI.hpp>
#include <optional>
#include <string>

namespace zb::cli {

struct AuditArgs {
  std::string store;    // default: the workstation's store
  std::string keyFile;  // default: next to the store; used when no keychain runs
  bool noKeychain = false;
  std::string bsn;     // export: one patient
  std::string output;  // export: file (default stdout)
};

struct AuditCommands {
  CLI::App* verify = nullptr;
  CLI::App* exportTsv = nullptr;
};

AuditCommands AddAuditCommands(CLI::App& app, AuditArgs& args);
int RunAudit(const AuditCommands& commands, const AuditArgs& args);

}  // namespace zb::cli
