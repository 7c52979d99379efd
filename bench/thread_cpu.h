// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// CPU time of this process split by who spent it, from /proc/self/task (Linux): the gateway's
// server threads (named zb-server-*), the desktop side (the HTTP multi loop, zb-http-multi, and
// the main thread that consolidates), and the rest (the sandbox's servers). Used where the
// benchmarks run the whole chain in one process, to say how much of a lookup's cost is whose.
#include <string>

namespace zb::bench {

struct CpuSplit {
  double gatewayMs = 0;
  double desktopMs = 0;
  double sandboxMs = 0;
};

CpuSplit ThreadCpuNow();

// One /proc/<pid>/stat or /proc/<pid>/task/<tid>/stat file: the name and user + system time.
struct ProcessCpuTime {
  std::string name;
  double ms = 0;
};
ProcessCpuTime ProcessCpu(const std::string& statFile);
CpuSplit operator-(const CpuSplit& a, const CpuSplit& b);

}  // namespace zb::bench
