// SPDX-License-Identifier: GPL-3.0-or-later
#include "thread_cpu.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace zb::bench {

CpuSplit ThreadCpuNow() {
  CpuSplit split;
#if defined(__linux__)
  const double msPerTick = 1000.0 / static_cast<double>(::sysconf(_SC_CLK_TCK));
  const std::string self = std::to_string(::getpid());
  std::error_code ec;
  for (const auto& task : std::filesystem::directory_iterator("/proc/self/task", ec)) {
    std::ifstream in(task.path() / "stat");
    std::string line;
    if (!std::getline(in, line)) continue;  // the thread ended meanwhile
    // "tid (comm) state ..." : comm may hold spaces, so split at the last ')'.
    const auto open = line.find('('), close = line.rfind(')');
    if (open == std::string::npos || close == std::string::npos) continue;
    const std::string comm = line.substr(open + 1, close - open - 1);
    std::istringstream rest(line.substr(close + 2));
    std::string field;
    double utime = 0, stime = 0;
    for (int i = 3; i <= 15 && rest >> field; ++i) {  // fields 14 and 15: utime, stime (ticks)
      if (i == 14) utime = std::stod(field);
      if (i == 15) stime = std::stod(field);
    }
    const double ms = (utime + stime) * msPerTick;
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
