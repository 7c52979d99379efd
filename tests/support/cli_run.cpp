// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_run.h"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace zb::test {

CliRun RunCli(const std::string& args) {
  const auto dir = std::filesystem::temp_directory_path();
  const auto errFile = dir / ("zb-cli-err-" + std::to_string(::getpid()));
  // Appended piece by piece: GCC 12 reports a false -Warray-bounds on the chained operator+ here.
  std::string cmd = ZB_CLI_PATH;
  cmd.append(" ").append(args).append(" 2>").append(errFile.string());
  CliRun r;
  FILE* pipe = ::popen(cmd.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("cannot start " + cmd);
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
  const int status = ::pclose(pipe);
  r.exit = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream in(errFile);
  r.err.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  std::filesystem::remove(errFile);
  return r;
}

}  // namespace zb::test
