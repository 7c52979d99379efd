// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the retrieval and load benchmarks share: synthetic patients (Jansen's demo record under
// other BSNs at all three holders) and a zorgbrug-gateway process whose threads and memory can be
// read apart from the benchmark's own.
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "net/client/retriever.h"
#include "nginx_front.h"

namespace zb::bench {

// GP (zorginzage), pharmacy and hospital (MP9 3.0 + CiO) of the sandbox, as a desktop asks them.
std::vector<net::client::SourceSpec> ThreeHolderSources();
// A lookup of `bsn` at those three sources.
net::client::LookupRequest ThreeHolderLookup(const std::string& session, const std::string& bsn);
// Every holder of the sandbox at `controlUrl` answers after `serviceMs`.
void SetHolderLatency(const std::string& controlUrl, const std::string& caFile, int serviceMs);
// The p-quantile (0..1) of `values`, nearest rank; 0 for none.
double Percentile(std::vector<double> values, double p);

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

// nginx from the project's production template (installer/nginx) in front of the gateway at
// `gatewayUrl`, with the sandbox world's certificate and CA (`world`: Sandbox::Describe()). It
// connects to the gateway from kNginxSource, which the gateway's trusted_proxies must name.
inline constexpr const char* kNginxSource = "127.0.0.3";
std::unique_ptr<test::NginxFront> StartNginxFront(const nlohmann::json& world, const std::string& gatewayUrl,
                                                  const std::filesystem::path& dir);
// CPU time of nginx's master and worker processes so far.
double NginxCpuMs(const test::NginxFront& front);

// A benchmark's command line: `--name value` pairs and lone `--switch`es.
class Flags {
 public:
  Flags(int argc, char** argv);
  int Int(const char* name, int fallback, int min) const;
  bool Has(const char* name) const;

 private:
  std::vector<std::string> m_args;
};

}  // namespace zb::bench
