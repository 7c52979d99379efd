// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs the built zorgbrug-cli with arguments (through the shell) and captures exit code and output.
#include <string>

namespace zb::test {

struct CliRun {
  int exit = -1;
  std::string out;
  std::string err;
};

CliRun RunCli(const std::string& args);

}  // namespace zb::test
