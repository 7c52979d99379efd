// SPDX-License-Identifier: GPL-3.0-or-later
// Crash consistency of sending on-call reports (issue 16): a report is signed, then the real
// zorgbrug-cli sends it through the real gateway of organisation 01 to organisation 02 and is
// killed (SIGKILL) at a random moment, again and again. After every kill: no report is lost (each
// signed one is still unsent, queued or at the gateway) and no report was notified twice; at the
// end every report has reached organisation 02's inbox exactly once.
// Runs: $ZB_CRASH_RUNS (default 200); the seed is printed so a failure can be replayed ($ZB_CRASH_SEED).
#include <signal.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <iostream>
#include <map>
#include <random>
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

TEST_CASE("sending on-call reports killed at random points loses none and notifies each exactly once") {
  test::ExchangeWorld world;
  // Every run logs in anew, as a restarted workstation does.
  world.StartGateway({{"listen", {{"login_attempts_per_minute", 100000}}}});
  REQUIRE(world.StartSecondGateway().empty());
  const std::string dir = test::MakeTempDir("zb-report-crash");
  auto config = test::StoreConfig(world, dir, world.gatewayUrl());
  auto w = std::move(workstation::Workstation::Open(config).value());
  REQUIRE(w->LogIn({"so", world.caFile(), nullptr}, std::chrono::seconds(20)).ok());
  auto jansen =
      w->SavePatient(test::Resident("999991000", "A. Jansen", domain::Date(1938, 3, 12)), domain::Date(2026, 12, 1))
          .value();
  // The receiving organisation, as its own SO sees it.
  const auto receiver = net::client::GatewayClient(world.secondGatewayUrl(), world.Trust());
  net::client::HeadlessBrowser browser("andere-ura", world.Trust());
  const auto receiverSession = net::client::Login(receiver, browser, std::chrono::seconds(30)).value().token;
  const auto sender = world.Client();
  net::client::HeadlessBrowser senderBrowser("so", world.Trust());
  const auto senderSession = net::client::Login(sender, senderBrowser, std::chrono::seconds(30)).value().token;

  std::vector<std::string> made;  // signed report ids, in order
  auto sign = [&] {
    const auto now = boost::posix_time::second_clock::universal_time();
    auto report = w->reports().New(jansen, now).value();
    report.contact.start = now - boost::posix_time::minutes(30);
    report.contact.urgency = 3;
    report.reason = "Benauwd, run " + std::to_string(made.size());
    report.evaluation = "Geen pneumonie";
    report.plan = "Afwachten";
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
        std::vector<std::string>{"ZORGBRUG_GATEWAY=" + world.gatewayUrl(), "ZORGBRUG_CA_FILE=" + world.caFile()}, true);
  };
  // Per report id: how often the receiver holds a notification for it (through the sender's task id).
  // The inbox is read first: a send still finishing in between then only adds to the sender's list,
  // while the other order saw a notification of a task the list was read too early to hold.
  auto notified = [&] {
    const auto inbox = receiver.Inbox(receiverSession).value();
    std::map<std::string, std::string> reportOfTask;
    for (const auto& s : sender.SentReports(senderSession).value()) reportOfTask[s.taskId] = s.reportId;
    std::map<std::string, int> out;
    for (const auto& item : inbox) {
      REQUIRE(reportOfTask.count(item.taskId) == 1);  // a notification of a report the sender holds
      ++out[reportOfTask[item.taskId]];
    }
    return out;
  };

  const int runs = EnvInt("ZB_CRASH_RUNS", 200);
  const unsigned seed = static_cast<unsigned>(EnvInt("ZB_CRASH_SEED", static_cast<int>(std::random_device{}() >> 1)));
  std::cout << "report send crash loop: " << runs << " runs, seed " << seed << " (ZB_CRASH_SEED)\n";
  test::KillClock clock(seed);
  // One whole run first, so the clock knows roughly how long a run takes.
  sign();
  const auto first = std::chrono::steady_clock::now();
  REQUIRE(cli(made.back())->Wait(std::chrono::seconds(60)) == 0);
  clock.Ended("send", std::chrono::steady_clock::now() - first);

  int killed = 0;
  for (int i = 0; i < runs; ++i) {
    // A new report once the last one is at the gateway; otherwise the physician sends it again.
    const auto last = w->reports().Outbox(boost::posix_time::second_clock::universal_time()).value();
    const bool lastAtGateway = std::any_of(
        last.begin(), last.end(), [&](const auto& s) { return s.reportId == made.back() && s.state != "queued"; });
    if (lastAtGateway) sign();
    const std::string kind = i % 4 == 3 ? "pending" : "send";
    const auto begun = std::chrono::steady_clock::now();
    auto child = cli(kind == "pending" ? std::string() : made.back());
    int rc = child->Wait(clock.Delay(kind));
    if (rc != -1) clock.Ended(kind, std::chrono::steady_clock::now() - begun);
    if (rc == -1) {
      ::kill(child->pid(), SIGKILL);
      ++killed;
      rc = child->Wait(std::chrono::seconds(30));
    }
    CHECK((rc == -1 || rc == 0));
    child.reset();

    INFO("run " << i << ", seed " << seed);
    const auto outbox = w->reports().Outbox(boost::posix_time::second_clock::universal_time()).value();
    std::set<std::string> known;
    for (const auto& s : outbox) known.insert(s.reportId);
    // Nothing lost: every signed report but the one in hand is queued or at the gateway.
    for (std::size_t k = 0; k + 1 < made.size(); ++k) CHECK(known.count(made[k]) == 1);
    for (const auto& [report, times] : notified()) CHECK(times == 1);
  }
  // Left alone, everything arrives, exactly once.
  int rc = -1;
  for (int attempt = 0; attempt < 3 && rc != 0; ++attempt) rc = cli(made.back())->Wait(std::chrono::seconds(60));
  CHECK(rc == 0);
  for (int attempt = 0; attempt < 3; ++attempt) REQUIRE(cli("")->Wait(std::chrono::seconds(60)) == 0);
  // The gateway's retry thread notifies what it kept but could not notify yet (5 s back-off at first).
  std::map<std::string, int> final;
  for (int wait = 0; wait < 100; ++wait) {
    final = notified();
    if (final.size() == made.size()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  CHECK(final.size() == made.size());
  for (const auto& id : made) CHECK(final[id] == 1);
  std::cout << "report send crash loop: " << killed << " of " << runs << " runs killed, " << made.size()
            << " reports, each notified once\n";
  CHECK(killed > runs / 4);  // the loop really interrupted runs
}
