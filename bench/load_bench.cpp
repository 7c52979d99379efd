// SPDX-License-Identifier: GPL-3.0-or-later
// The capacity benchmark (issue 14): one gateway process serves N desktops at once, as at morning
// rounds. Each desktop is a thread with its own GatewayClient, Retriever (connections) and DEZI
// session, looking up its patient again and again for a fixed time (after a "gateway druk" it waits
// the Retry-After it was told, as a physician would). Reported: lookups complete,
// refused with a clear "gateway druk" (503 + Retry-After), otherwise incomplete; p50/p95 lookup
// time; the gateway's threads and memory (its own process, apart from this one).
#include "load_bench.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "bench_world.h"
#include "net/client/login.h"
#include "net/client/retriever.h"
#include "sandbox/sandbox.h"

namespace zb::bench {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using nlohmann::json;

struct Tally {
  std::mutex mutex;
  std::vector<double> completeMs;
  std::size_t complete = 0;
  std::size_t busy = 0;        // incomplete, and every failing source said "gateway druk"
  std::size_t incomplete = 0;  // incomplete for another reason
  std::size_t loginFailures = 0;
  std::size_t requests = 0;  // relayed requests the desktops made, retries and pages included
  std::map<std::string, std::size_t> reasons;
};

// Counts one lookup; returns the longest "gateway druk" wait it was told (0: none).
int Count(Tally& tally, const domain::PatientPicture& picture, double ms) {
  std::lock_guard lock(tally.mutex);
  for (const auto& s : picture.sources()) tally.requests += s.requests;
  if (picture.Complete()) {
    ++tally.complete;
    tally.completeMs.push_back(ms);
    return 0;
  }
  bool allBusy = true;
  int wait = 0;
  for (const auto& s : picture.sources()) {
    if (s.status == domain::SourceStatus::kData || s.status == domain::SourceStatus::kNoData) continue;
    const auto busy = domain::GatewayBusyWait(s.reason);
    allBusy = allBusy && busy;
    if (busy) wait = std::max(wait, *busy);
    ++tally.reasons[s.reason];
  }
  ++(allBusy ? tally.busy : tally.incomplete);
  return wait;
}

}  // namespace

int RunLoad(int argc, char** argv) {
  const Flags flags(argc, argv);
  const int desktops = flags.Int("--desktops", 50, 1);
  const int seconds = flags.Int("--seconds", 30, 1);
  const int serviceMs = flags.Int("--service-ms", 100, 0);
  const int workers = flags.Int("--workers", 0, 1);  // 0: the gateway's default
  const bool viaNginx = flags.Has("--via-nginx");
  const fs::path work = fs::temp_directory_path() / ("zorgbrug-load-" + std::to_string(::getpid()));
  const auto bsns = Bsns(static_cast<std::size_t>(desktops));
  MakeData(work / "data", bsns);
  std::ofstream devnull("/dev/null");
  auto* oldLog = std::clog.rdbuf(devnull.rdbuf());
  auto sandbox =
      sandbox::Sandbox::Start({(work / "world").string(), (work / "data").string(), "mainline", "127.0.0.1"});
  if (!sandbox) return std::fprintf(stderr, "sandbox: %s\n", sandbox.error().detail.c_str()), 1;
  const json world = sandbox.value()->Describe();
  // Every desktop logs in from this one address: lift the per-address login limit for the run.
  json config = json::parse(std::ifstream(world["gateway_config"].get<std::string>()));
  config["listen"]["login_attempts_per_minute"] = 100000;
  if (workers > 0) config["listen"]["workers"] = workers;
  if (viaNginx) config["listen"]["trusted_proxies"] = {kNginxSource};
  const std::string configFile = (work / "world" / "gateway-load.json").string();
  std::ofstream(configFile) << config.dump();
  GatewayProcess gateway(ZB_GATEWAY_PATH, configFile);
  if (gateway.url().empty()) return std::fprintf(stderr, "zorgbrug-gateway did not start\n"), 1;
  std::unique_ptr<test::NginxFront> nginx;
  if (viaNginx && !(nginx = StartNginxFront(world, gateway.url(), work / "nginx"))) return 1;
  const std::string desktopsGateway = nginx ? nginx->url() : gateway.url();

  net::http::ClientOptions trust;
  trust.caFile = world["ca"];
  SetHolderLatency(world["control"], world["ca"], serviceMs);
  std::printf("zorgbrug-bench load: %d desktops, %d s, holders answer after %d ms; desktops -> %s\n", desktops, seconds,
              serviceMs, nginx ? "nginx (HTTP/2) -> gateway" : "gateway");
  const int threadsBefore = gateway.Threads();
  const double cpuBefore = gateway.CpuMs();
  const double nginxBefore = nginx ? NginxCpuMs(*nginx) : 0;
  Tally tally;
  std::atomic<int> peakThreads{0};
  std::atomic<bool> stop{false};
  std::thread sampler([&] {
    while (!stop) {
      peakThreads = std::max(peakThreads.load(), gateway.Threads());
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
  });
  const auto end = Clock::now() + std::chrono::seconds(seconds);
  std::vector<std::thread> threads;
  for (int d = 0; d < desktops; ++d) {
    threads.emplace_back([&, d] {
      net::client::GatewayClient client(desktopsGateway, trust);
      net::client::HeadlessBrowser browser("so", trust);
      auto session = net::client::Login(client, browser, std::chrono::seconds(60));
      if (!session) {
        std::lock_guard lock(tally.mutex);
        ++tally.loginFailures;
        ++tally.reasons["login: " + session.error().problem];
        return;
      }
      net::client::Retriever retriever(client);
      while (Clock::now() < end) {
        const auto request = ThreeHolderLookup(session->token, bsns[static_cast<std::size_t>(d)]);
        const auto started = Clock::now();
        const auto picture = net::client::LookUp(retriever, request);
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
        const int wait = Count(tally, picture, ms);
        // The physician reads "gateway druk, probeer over n s" and tries again after that wait,
        // rather than at once (which would only feed the overload).
        if (wait > 0) std::this_thread::sleep_for(std::chrono::seconds(wait));
      }
    });
  }
  for (auto& t : threads) t.join();
  stop = true;
  sampler.join();
  const std::size_t lookups = tally.complete + tally.busy + tally.incomplete;
  std::printf(
      "lookups: %zu; complete %zu; refused as 'gateway druk, probeer over n s' %zu; otherwise incomplete %zu; "
      "login failures %zu\n",
      lookups, tally.complete, tally.busy, tally.incomplete, tally.loginFailures);
  std::printf("complete lookups: p50 %.0f ms, p95 %.0f ms, max %.0f ms\n", Percentile(tally.completeMs, 0.5),
              Percentile(tally.completeMs, 0.95),
              tally.completeMs.empty() ? 0.0 : *std::max_element(tally.completeMs.begin(), tally.completeMs.end()));
  std::printf("gateway process: threads %d idle, %d at most; memory now %ld MiB, peak %ld MiB\n", threadsBefore,
              peakThreads.load(), gateway.MemoryMiB(), gateway.PeakMiB());
  // The gateway's own cost, apart from the sandbox and the desktops that share this machine: the
  // sizing rule in docs/deployment.md divides a core's second by it.
  const double gatewayCpu = gateway.CpuMs() - cpuBefore;
  const double perRequest = tally.requests ? gatewayCpu / static_cast<double>(tally.requests) : 0;
  std::printf(
      "gateway CPU: %.0f ms for %zu relayed requests = %.2f ms per request, %.1f ms per lookup; one core at 70%% "
      "relays ~%.0f requests/s\n",
      gatewayCpu, tally.requests, perRequest, lookups ? gatewayCpu / static_cast<double>(lookups) : 0.0,
      perRequest > 0 ? 700.0 / perRequest : 0.0);
  if (nginx) {
    const double nginxCpu = NginxCpuMs(*nginx) - nginxBefore;
    std::printf("nginx CPU: %.0f ms = %.2f ms per request\n", nginxCpu,
                tally.requests ? nginxCpu / static_cast<double>(tally.requests) : 0.0);
  }
  for (const auto& [reason, n] : tally.reasons) std::printf("  source reason %-40s %zu\n", reason.c_str(), n);
  nginx.reset();
  sandbox.value()->Stop();
  std::clog.rdbuf(oldLog);
  std::error_code ec;
  fs::remove_all(work, ec);
  return 0;
}

}  // namespace zb::bench
