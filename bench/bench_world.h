// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the retrieval and load benchmarks share: synthetic patients (Jansen's demo record under
// other BSNs at all three holders) and a zorgbrug-gateway process whose threads and memory can be
// read apart from the benchmark's own.
#include <filesystem>
#include <string>
#include <vector>

#include "net/client/retriever.h"

namespace zb::bench {

// GP (zorginzage), pharmacy and hospital (MP9 3.0 + CiO) of the sandbox, as a desktop asks them.
std::vector<net::client::SourceSpec> ThreeHolderSources();

// Valid (11-test) BSNs for synthetic patients, from 999800000 upwards.
std::vector<std::string> Bsns(std::size_t n);
// Writes each patient's GP, pharmacy and hospital records under `root`/<bsn>/.
std::filesystem::path MakeData(const std::filesystem::path& root, const std::vector<std::string>& bsns);

// The gateway binary, started on a configuration; stopped (SIGTERM) when destroyed.
class GatewayProcess {
 public:
  GatewayProcess(const std::string& binary, const std::string& config);
  ~GatewayProcess();
  GatewayProcess(const GatewayProcess&) = delete;
  GatewayProcess& operator=(const GatewayProcess&) = delete;
  const std::string& url() const { return m_url; }  // empty when it did not start
  int Threads() const;                              // now
  long PeakMiB() const;                             // VmHWM
  long MemoryMiB() const;                           // VmRSS
  double CpuMs() const;                             // user + system time so far

 private:
  long StatusField(const char* name) const;
  int m_pid = -1;
  std::string m_url;
};

}  // namespace zb::bench
