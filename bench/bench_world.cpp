// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench_world.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "domain/identifiers.h"
#include "thread_cpu.h"

extern char** environ;

namespace zb::bench {

namespace fs = std::filesystem;

namespace {

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

std::vector<std::string> Bsns(std::size_t n) {
  std::vector<std::string> out;
  for (int i = 0; out.size() < n && i < 100000; ++i) {
    char text[16];
    std::snprintf(text, sizeof text, "9998%05d", i);
    if (domain::Bsn::Parse(text)) out.emplace_back(text);
  }
  return out;
}

fs::path MakeData(const fs::path& root, const std::vector<std::string>& bsns) {
  const fs::path demo = fs::path(ZB_DEMO_DIR) / "jansen";
  for (const auto& bsn : bsns) {
    fs::create_directories(root / bsn);
    for (const char* holder : {"huisarts.json", "apotheek.json", "ziekenhuis.json"}) {
      std::string text = Read(demo / holder);
      for (const auto& [from, to] :
           {std::pair<std::string, std::string>{"999991000", bsn}, {"pat-jansen", "pat-" + bsn}}) {
        for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
          text.replace(at, from.size(), to);
      }
      std::ofstream(root / bsn / holder) << text;
    }
  }
  return root;
}

GatewayProcess::GatewayProcess(const std::string& binary, const std::string& config) {
  int out[2];
  if (::pipe(out) != 0) return;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  std::vector<std::string> args{binary, "--config", config};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const int rc = posix_spawn(&m_pid, binary.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out[1]);
  if (rc != 0) {
    m_pid = -1;
    ::close(out[0]);
    return;
  }
  // The one JSON line it prints when ready: {"zorgbrug-gateway":"ready","url":"https://…"}.
  std::string line;
  char c;
  while (::read(out[0], &c, 1) == 1 && c != '\n') line += c;
  ::close(out[0]);
  const auto at = line.find("\"url\":\"");
  if (at != std::string::npos) m_url = line.substr(at + 7, line.find('"', at + 7) - at - 7);
}

GatewayProcess::~GatewayProcess() {
  if (m_pid <= 0) return;
  ::kill(m_pid, SIGTERM);
  int status = 0;
  ::waitpid(m_pid, &status, 0);
}

long GatewayProcess::StatusField(const char* name) const {
  std::ifstream in("/proc/" + std::to_string(m_pid) + "/status");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(name, 0) == 0) return std::atol(line.c_str() + std::string(name).size());
  }
  return -1;
}

int GatewayProcess::Threads() const { return static_cast<int>(StatusField("Threads:")); }
long GatewayProcess::PeakMiB() const { return StatusField("VmHWM:") / 1024; }
long GatewayProcess::MemoryMiB() const { return StatusField("VmRSS:") / 1024; }

double GatewayProcess::CpuMs() const { return ProcessCpu("/proc/" + std::to_string(m_pid) + "/stat").ms; }

std::unique_ptr<test::NginxFront> StartNginxFront(const nlohmann::json& world, const std::string& gatewayUrl,
                                                  const fs::path& dir) {
  const fs::path worldDir = fs::path(world["gateway_config"].get<std::string>()).parent_path();
  test::NginxFrontOptions o;
  o.gatewayUrl = gatewayUrl;
  o.caFile = world["ca"].get<std::string>();
  o.certFile = (worldDir / "gateway-tls.pem").string();
  o.keyFile = (worldDir / "gateway-tls-key.pem").string();
  o.dir = dir.string();
  o.proxyBind = kNginxSource;
  o.workers = 2;  // `worker_processes auto` on this 2-core machine
  std::string error;
  auto front = test::NginxFront::Start(o, error);
  if (!front) std::fprintf(stderr, "nginx: %s\n", error.c_str());
  return front;
}

double NginxCpuMs(const test::NginxFront& front) {
  const std::string master = std::to_string(front.pid());
  double ms = ProcessCpu("/proc/" + master + "/stat").ms;
  std::ifstream children("/proc/" + master + "/task/" + master + "/children");
  for (std::string worker; children >> worker;) ms += ProcessCpu("/proc/" + worker + "/stat").ms;
  return ms;
}

Flags::Flags(int argc, char** argv) : m_args(argv + 1, argv + argc) {}

int Flags::Int(const char* name, int fallback, int min) const {
  for (std::size_t i = 0; i + 1 < m_args.size(); ++i)
    if (m_args[i] == name) return std::max(min, std::atoi(m_args[i + 1].c_str()));
  return fallback;
}

bool Flags::Has(const char* name) const { return std::find(m_args.begin(), m_args.end(), name) != m_args.end(); }

net::client::LookupRequest ThreeHolderLookup(const std::string& session, const std::string& bsn) {
  net::client::LookupRequest request;
  request.session = session;
  request.bsn = bsn;
  request.sources = ThreeHolderSources();
  return request;
}

void SetHolderLatency(const std::string& controlUrl, const std::string& caFile, int serviceMs) {
  net::http::ClientOptions trust;
  trust.caFile = caFile;
  const net::http::Client control(trust);
  for (const char* holder : {"huisarts", "apotheek", "ziekenhuis"}) {
    (void)control.Send({"POST",
                        controlUrl + "/holder/" + holder + "/behaviour",
                        {{"Content-Type", "application/json"}},
                        nlohmann::json{{"latency_ms", serviceMs}}.dump()});
  }
}

double Percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const auto i = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(i, values.size() - 1)];
}

std::vector<net::client::SourceSpec> ThreeHolderSources() {
  return {{{"huisarts", domain::SourceKind::kGeneralPractitioner, "huisarts"}, "90000401"},
          {{"apotheek", domain::SourceKind::kPharmacy, "apotheek"}, "90000402"},
          {{"ziekenhuis", domain::SourceKind::kHospital, "ziekenhuis"}, "90000403"}};
}

}  // namespace zb::bench
