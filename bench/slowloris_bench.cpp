// SPDX-License-Identifier: GPL-3.0-or-later
// The slow-client benchmark of issue 14: "under a slowloris run of 200 connections for 20 s, a
// normal relayed lookup succeeds within its usual time plus 10 %", directly and behind nginx. The
// gateway runs as its own process with its production head deadline (10 s), so the attack must
// keep reconnecting, as a real one does; how often it had to is reported too.
#include "slowloris_bench.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <thread>

#include "bench_world.h"
#include "net/client/login.h"
#include "net/client/retriever.h"
#include "raw_tls.h"
#include "sandbox/sandbox.h"

namespace zb::bench {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using nlohmann::json;

struct Lookup {
  double ms = 0;
  bool complete = false;
};

Lookup LookUpOnce(net::client::Retriever& retriever, const std::string& session, const std::string& bsn) {
  const auto started = Clock::now();
  const auto picture = net::client::LookUp(retriever, ThreeHolderLookup(session, bsn));
  return {std::chrono::duration<double, std::milli>(Clock::now() - started).count(), picture.Complete()};
}

// N connections that each keep a request head open: a header line every 3 s, and a new
// connection (with a new head) whenever the server has closed one.
class Attack {
 public:
  Attack(std::string url, std::string caFile, int connections)
      : m_url(std::move(url)), m_ca(std::move(caFile)), m_target(connections) {}
  void Run(Clock::time_point end) {
    std::vector<std::unique_ptr<test::RawTls>> open;
    auto next = Clock::now();
    while (Clock::now() < end) {
      for (auto& c : open) {
        if (c && !c->Send("X-Slow: 1\r\n")) c.reset();  // cut off by the server
      }
      std::erase_if(open, [](const auto& c) { return !c; });
      while (static_cast<int>(open.size()) < m_target && Clock::now() < end) {
        auto c = test::RawTls::Connect(m_url, m_ca);
        if (!c || !c->Send("GET /health HTTP/1.1\r\nHost: gw\r\n")) {
          ++m_failedConnects;
          break;
        }
        ++m_opened;
        open.push_back(std::move(c));
      }
      m_peakOpen = std::max(m_peakOpen.load(), static_cast<int>(open.size()));
      next += std::chrono::seconds(3);
      while (Clock::now() < std::min(next, end)) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  int opened() const { return m_opened; }
  int peakOpen() const { return m_peakOpen; }
  int failedConnects() const { return m_failedConnects; }

 private:
  std::string m_url, m_ca;
  int m_target;
  std::atomic<int> m_opened{0}, m_peakOpen{0}, m_failedConnects{0};
};

}  // namespace

int RunSlowloris(int argc, char** argv) {
  const Flags flags(argc, argv);
  const int connections = flags.Int("--connections", 200, 1);
  const int seconds = flags.Int("--seconds", 20, 1);
  const int serviceMs = flags.Int("--service-ms", 100, 0);
  const bool viaNginx = flags.Has("--via-nginx");
  const fs::path work = fs::temp_directory_path() / ("zorgbrug-slowloris-" + std::to_string(::getpid()));
  const auto bsns = Bsns(1);
  MakeData(work / "data", bsns);
  std::ofstream devnull("/dev/null");
  auto* oldLog = std::clog.rdbuf(devnull.rdbuf());
  auto sandbox =
      sandbox::Sandbox::Start({(work / "world").string(), (work / "data").string(), "mainline", "127.0.0.1"});
  if (!sandbox) return std::fprintf(stderr, "sandbox: %s\n", sandbox.error().detail.c_str()), 1;
  const json world = sandbox.value()->Describe();
  json config = json::parse(std::ifstream(world["gateway_config"].get<std::string>()));
  if (viaNginx) config["listen"]["trusted_proxies"] = {kNginxSource};
  const std::string configFile = (work / "world" / "gateway-slowloris.json").string();
  std::ofstream(configFile) << config.dump();
  std::unique_ptr<test::NginxFront> nginx;
  {
    GatewayProcess gateway(ZB_GATEWAY_PATH, configFile);
    if (gateway.url().empty()) return std::fprintf(stderr, "zorgbrug-gateway did not start\n"), 1;
    if (viaNginx && !(nginx = StartNginxFront(world, gateway.url(), work / "nginx"))) return 1;
    const std::string target = nginx ? nginx->url() : gateway.url();

    net::http::ClientOptions trust;
    trust.caFile = world["ca"];
    SetHolderLatency(world["control"], world["ca"], serviceMs);
    net::client::GatewayClient client(target, trust);
    net::client::HeadlessBrowser browser("so", trust);
    const auto session = net::client::Login(client, browser, std::chrono::seconds(30));
    if (!session) return std::fprintf(stderr, "login: %s\n", session.error().problem.c_str()), 1;
    net::client::Retriever retriever(client);
    std::printf("zorgbrug-bench slowloris: %d slow connections for %d s, holders answer after %d ms; desktop -> %s\n",
                connections, seconds, serviceMs, nginx ? "nginx (HTTP/2) -> gateway" : "gateway");

    for (int i = 0; i < 3; ++i) (void)LookUpOnce(retriever, session->token, bsns[0]);  // warm
    std::vector<double> usual;
    for (int i = 0; i < 15; ++i) usual.push_back(LookUpOnce(retriever, session->token, bsns[0]).ms);
    const double usualP50 = Percentile(usual, 0.5);

    Attack attack(target, world["ca"], connections);
    const auto end = Clock::now() + std::chrono::seconds(seconds);
    std::thread attacker([&] { attack.Run(end); });
    std::this_thread::sleep_for(std::chrono::seconds(2));  // the connections are open
    std::vector<double> during;
    int incomplete = 0;
    while (Clock::now() + std::chrono::milliseconds(500) < end) {
      const Lookup l = LookUpOnce(retriever, session->token, bsns[0]);
      during.push_back(l.ms);
      incomplete += l.complete ? 0 : 1;
    }
    attacker.join();
    const double limit = usualP50 * 1.10;
    const auto within = std::count_if(during.begin(), during.end(), [&](double ms) { return ms <= limit; });
    std::printf("usual lookup (no attack, %zu runs): p50 %.1f ms, max %.1f ms\n", usual.size(), usualP50,
                *std::max_element(usual.begin(), usual.end()));
    std::printf("during the attack (%zu lookups, %d incomplete): p50 %.1f ms, p95 %.1f ms, max %.1f ms\n",
                during.size(), incomplete, Percentile(during, 0.5), Percentile(during, 0.95),
                during.empty() ? 0.0 : *std::max_element(during.begin(), during.end()));
    std::printf(
        "slow connections: %d open at most, %d opened in all (the server cut the others off at its head deadline), "
        "%d connects failed\n",
        attack.peakOpen(), attack.opened(), attack.failedConnects());
    const bool met = incomplete == 0 && !during.empty() && Percentile(during, 0.5) <= limit;
    std::printf("target (p50 during the attack <= usual p50 + 10%% = %.1f ms, all complete): %s; %ld of %zu within\n",
                limit, met ? "met" : "NOT met", static_cast<long>(within), during.size());
    nginx.reset();
  }
  sandbox.value()->Stop();
  std::clog.rdbuf(oldLog);
  std::error_code ec;
  fs::remove_all(work, ec);
  return 0;
}

}  // namespace zb::bench
