// SPDX-License-Identifier: GPL-3.0-or-later
#include "thread_cpu.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace zb::bench {

ProcessCpuTime ProcessCpu(const std::string& statFile) {
  std::ifstream in(statFile);
  std::string line;
  if (!std::getline(in, line)) return {};  // the thread or process ended meanwhile
  // "pid (comm) state ...": comm may hold spaces, so split at the last ')'.
  const auto open = line.find('('), close = line.rfind(')');
  if (open == std::string::npos || close == std::string::npos) return {};
  std::istringstream rest(line.substr(close + 2));
  std::string field;
  double ticks = 0;
  for (int i = 3; i <= 15 && rest >> field; ++i) {  // fields 14 and 15: utime, stime
    if (i >= 14) ticks += std::stod(field);
  }
  return {line.substr(open + 1, close - open - 1), ticks * 1000.0 / static_cast<double>(::sysconf(_SC_CLK_TCK))};
}

CpuSplit ThreadCpuNow() {
  CpuSplit split;
#if defined(__linux__)
  const std::string self = std::to_string(::getpid());
  std::error_code ec;
  for (const auto& task : std::filesystem::directory_iterator("/proc/self/task", ec)) {
    const auto [comm, ms] = ProcessCpu((task.path() / "stat").string());
    if (comm.rfind("zb-server-", 0) == 0)
      split.gatewayMs += ms;
    else if (comm == "zb-http-multi" || task.path().filename() == self)
      split.desktopMs += ms;
    else
      split.sandboxMs += ms;
  }
#endif
  return split;
}

CpuSplit operator-(const CpuSplit& a, const CpuSplit& b) {
  return {a.gatewayMs - b.gatewayMs, a.desktopMs - b.desktopMs, a.sandboxMs - b.sandboxMs};
}

}  // namespace zb::bench
