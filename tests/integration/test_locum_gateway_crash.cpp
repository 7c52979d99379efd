// SPDX-License-Identifier: GPL-3.0-or-later
// Crash consistency of sending on-call reports when the sending organisation's *gateway* dies
// (B-R2; the CLI's own crash loop is test_locum_send_crash.cpp). The real zorgbrug-cli sends a
// freshly signed report; while it waits, the gateway is killed (SIGKILL) at a random moment —
// before it kept the report, between keeping and notifying, or while answering — and restarted on
// the same port. The CLI then says "try again" (exit 3) and the physician sends again. Nothing may
// be lost and nothing notified twice: at the end every report is at the gateway under one workflow
// Task, and the receiver holds exactly one notification for each.
// Runs: $ZB_CRASH_RUNS / 8 (25 by default; each restarts a gateway); the seed is printed.
#include <signal.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <iostream>
#include <map>
#include <set>

#include "exchange_world.h"
#include "kill_clock.h"
#include "resident.h"
#include "workstation/workstation.h"

using namespace zb;

namespace {

int EnvInt(const char* name, int fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::atoi(v) : fallback;
}

}  // namespace

TEST_CASE("a sending gateway killed between keeping and notifying loses no report and notifies each once") {
  test::ExchangeWorld world;
  world.StartGateway({{"listen", {{"login_attempts_per_minute", 100000}}}});
  // Restarted on the same port, so the workstation and the node's registration stay right.
  const std::string url = world.gatewayUrl();
  const int port = std::atoi(url.substr(url.rfind(':') + 1).c_str());
  const nlohmann::json patch{{"listen", {{"login_attempts_per_minute", 100000}, {"port", port}}}};
  REQUIRE(world.StartSecondGateway().empty());
  const std::string dir = test::MakeTempDir("zb-report-gateway-crash");
  auto config = test::StoreConfig(world, dir, url);
  auto w = std::move(workstation::Workstation::Open(config).value());
  REQUIRE(w->LogIn({"so", world.caFile(), nullptr}, std::chrono::seconds(20)).ok());
  auto jansen =
      w->SavePatient(test::Resident("999991000", "A. Jansen", domain::Date(1938, 3, 12)), domain::Date(2026, 12, 1))
          .value();
  const auto receiver = net::client::GatewayClient(world.secondGatewayUrl(), world.Trust());
  net::client::HeadlessBrowser browser("andere-ura", world.Trust());
  const auto receiverSession = net::client::Login(receiver, browser, std::chrono::seconds(30)).value().token;

  std::vector<std::string> made;
  auto sign = [&] {
    const auto now = boost::posix_time::second_clock::universal_time();
    auto report = w->reports().New(jansen, now).value();
    report.contact.start = now - boost::posix_time::minutes(30);
    report.contact.urgency = 3;
    report.reason = "Koorts, run " + std::to_string(made.size());
    report.evaluation = "Urineweginfectie waarschijnlijk";
    report.plan = "Urine nakijken";
    REQUIRE(w->reports().Save(jansen, report, now).ok());
    REQUIRE(w->reports().Sign(jansen, report.id, now).ok());
    made.push_back(report.id);
  };
  auto cli = [&](const std::string& id) {
    std::vector<std::string> argv{ZB_CLI_PATH, "report",  "send",           "--persona",
                                  "so",        "--store", config.storePath, "--no-keychain"};
    if (id.empty())
      argv.push_back("--pending");
    else
      argv.insert(argv.end(), {"--bsn", "999991000", "--id", id, "--to", "90000381"});
    return std::make_unique<test::ChildProcess>(
        argv, dir + "/cli.log",
        std::vector<std::string>{"ZORGBRUG_GATEWAY=" + url, "ZORGBRUG_CA_FILE=" + world.caFile()}, true);
  };

  const int runs = std::max(4, EnvInt("ZB_CRASH_RUNS", 200) / 8);
  const unsigned seed = static_cast<unsigned>(EnvInt("ZB_CRASH_SEED", static_cast<int>(std::random_device{}() >> 1)));
  std::cout << "gateway crash loop: " << runs << " runs, seed " << seed << " (ZB_CRASH_SEED)\n";
  test::KillClock clock(seed);
  sign();
  const auto first = std::chrono::steady_clock::now();
  REQUIRE(cli(made.back())->Wait(std::chrono::seconds(60)) == 0);
  clock.Ended("send", std::chrono::steady_clock::now() - first);

  int killed = 0;
  for (int i = 0; i < runs; ++i) {
    INFO("run " << i << ", seed " << seed);
    sign();
    const auto begun = std::chrono::steady_clock::now();
    auto child = cli(made.back());
    int rc = child->Wait(clock.Delay("send"));
    if (rc != -1) {
      clock.Ended("send", std::chrono::steady_clock::now() - begun);
    } else {
      ::kill(world.gatewayPid(), SIGKILL);
      ++killed;
      rc = child->Wait(std::chrono::seconds(60));
      world.StartGateway(patch);
    }
    // Delivered (0), or queued because the gateway went away (3): never a refusal, never a hang.
    INFO("the CLI said: " << test::ReadTextFile(dir + "/cli.log"));
    CHECK((rc == 0 || rc == 3));
    // Exit 3 tells the physician to send again: a report that died with the gateway before it was
    // queued (at the login) goes now; one that was queued or kept must not go twice.
    if (rc == 3) CHECK(cli(made.back())->Wait(std::chrono::seconds(60)) == 0);
    // Nothing twice so far: at most one notification per report made.
    const auto inbox = receiver.Inbox(receiverSession);
    REQUIRE(inbox);
    CHECK(inbox->size() <= made.size());
  }

  // Left alone with the gateway up: the queue is sent, the kept notifications go out (retry thread).
  int rc = -1;
  for (int attempt = 0; attempt < 3 && rc != 0; ++attempt) rc = cli("")->Wait(std::chrono::seconds(60));
  CHECK(rc == 0);
  std::vector<net::contract::InboxItem> inbox;
  for (int wait = 0; wait < 200; ++wait) {
    inbox = receiver.Inbox(receiverSession).value();
    if (inbox.size() >= made.size()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  const auto sender = world.Client();
  net::client::HeadlessBrowser senderBrowser("so", world.Trust());
  const auto senderSession = net::client::Login(sender, senderBrowser, std::chrono::seconds(30)).value().token;
  const auto sent = sender.SentReports(senderSession).value();
  // Every report at the gateway under exactly one workflow Task ...
  std::map<std::string, std::string> reportOfTask;
  std::map<std::string, int> tasksOfReport;
  for (const auto& s : sent) {
    reportOfTask[s.taskId] = s.reportId;
    ++tasksOfReport[s.reportId];
  }
  for (const auto& id : made) CHECK(tasksOfReport[id] == 1);
  CHECK(sent.size() == made.size());
  // ... and notified exactly once.
  std::map<std::string, int> notified;
  for (const auto& item : inbox) {
    REQUIRE(reportOfTask.count(item.taskId) == 1);
    ++notified[reportOfTask[item.taskId]];
  }
  for (const auto& id : made) CHECK(notified[id] == 1);
  std::cout << "gateway crash loop: " << killed << " of " << runs << " runs killed the gateway, " << made.size()
            << " reports, each kept and notified once\n";
  CHECK(killed > runs / 4);  // the loop really interrupted the gateway
}
