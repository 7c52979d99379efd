// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// zorgbrug-cli amo import FILE [--patient BSN] [--format json|text]: reads a hospital's discharge
// AMO (amo.md) in the limited importer process and prints the lines found, with what is uncertain.
// With --patient the identity gate applies: BSN, birth date and name must be that patient's.
#include <CLI/CLI.hpp>
#include <string>

namespace zb::cli {

struct AmoArgs {
  std::string file;
  std::string patient;       // BSN
  std::string registerFile;  // where the patient's name and birth date come from
  std::string format = "text";
  int timeoutSeconds = 120;
  bool noOcr = false;
};

struct AmoCommands {
  CLI::App* import = nullptr;
  bool Parsed() const { return import && import->parsed(); }
};

AmoCommands AddAmoCommands(CLI::App& app, AmoArgs& args);
int RunAmo(const AmoCommands& commands, const AmoArgs& args, const std::string& demoDir);

}  // namespace zb::cli
