// SPDX-License-Identifier: GPL-3.0-or-later
// Crash consistency of a release (prescribing.md A-R5; issue 15): the real zorgbrug-cli releases a
// draft and sends it through the real gateway to the sandbox's receivers, and is killed (SIGKILL)
// at a random moment, again and again. After every kill: no Bundle has reached a receiver twice,
// no draft is lost (each is still a draft or queued in the outbox), and nothing is marked
// delivered that the receiver did not take with a 2xx. At the end everything arrives exactly once.
// Runs: $ZB_CRASH_RUNS (default 200); the seed is printed so a failure can be replayed ($ZB_CRASH_SEED).
#include <signal.h>

#include <catch2/catch.hpp>
#include <condition_variable>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <set>

#include "exchange_world.h"
#include "kill_clock.h"
#include "resident.h"
#include "stored_lookup.h"
#include "workstation/workstation.h"

using namespace zb;
using nlohmann::json;

namespace {

int EnvInt(const char* name, int fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::atoi(v) : fallback;
}

// Every Bundle identifier the receivers took, with how often.
std::map<std::string, int> Received(const test::ExchangeWorld& world) {
  const auto r = world.Send({"GET", world.sandbox()["control"].get<std::string>() + "/received", {}, ""});
  std::map<std::string, int> out;
  const json all = json::parse(r.body);
  for (const auto& [holder, list] : all.items()) {
    for (const auto& item : list) ++out[item["identifier"].get<std::string>()];
  }
  return out;
}

int Repeated(const test::ExchangeWorld& world) {
  const auto counters = world.ControlState()["counters"];
  return counters.value("holder.apotheek.releases-repeated", 0) + counters.value("holder.ecd.releases-repeated", 0);
}

}  // namespace

TEST_CASE("a release killed at random points never arrives twice, loses no draft, claims no delivery without a 2xx") {
  test::ExchangeWorld world;
  // Every run logs in anew, as a restarted workstation does.
  world.StartGateway({{"listen", {{"login_attempts_per_minute", 100000}}}});
  const std::string dir = test::MakeTempDir("zb-release-crash");
  auto config = test::StoreConfig(world, dir, world.gatewayUrl());
  config.identifierRoot = "2.999.380";
  auto w = std::move(workstation::Workstation::Open(config).value());
  REQUIRE(w->LogIn({"so", world.caFile(), nullptr}, std::chrono::seconds(20)).ok());
  auto jansen =
      w->SavePatient(test::Resident("999991000", "A. Jansen", domain::Date(1938, 3, 12)), domain::Date(2026, 12, 1))
          .value();
  test::LookUpAndStore(*w, jansen);
  domain::MedicationDraft stop;
  stop.action = domain::DraftAction::kStop;
  stop.treatment = test::OneAgreementLine(*w, jansen);
  stop.reason = *domain::ChangeOrStopReason("182856006");
  stop.additionalInformation.push_back(domain::GdsTimingCode(domain::GdsTiming::kNextRollChange));

  const int runs = EnvInt("ZB_CRASH_RUNS", 200);
  const unsigned seed = static_cast<unsigned>(EnvInt("ZB_CRASH_SEED", static_cast<int>(std::random_device{}() >> 1)));
  std::cout << "release crash loop: " << runs << " runs, seed " << seed << " (ZB_CRASH_SEED)\n";
  test::KillClock clock(seed);
  auto cli = [&](const std::string& command) {
    std::vector<std::string> argv{ZB_CLI_PATH, command,   "--bsn",          "999991000",    "--persona",
                                  "so",        "--store", config.storePath, "--no-keychain"};
    if (command == "release") argv.insert(argv.end(), {"--identifier-root", "2.999.380"});
    return std::make_unique<test::ChildProcess>(
        argv, dir + "/cli.log",
        std::vector<std::string>{"ZORGBRUG_GATEWAY=" + world.gatewayUrl(), "ZORGBRUG_CA_FILE=" + world.caFile()}, true);
  };
  // One whole run first, so the clock knows roughly how long a run takes.
  int made = 0;
  REQUIRE(w->drafts().Save(jansen, stop, 0, boost::posix_time::second_clock::universal_time()).ok());
  ++made;
  const auto first = std::chrono::steady_clock::now();
  REQUIRE(cli("release")->Wait(std::chrono::seconds(60)) == 0);
  clock.Ended("release", std::chrono::steady_clock::now() - first);

  int killed = 0;
  for (int i = 0; i < runs; ++i) {
    const auto now = boost::posix_time::second_clock::universal_time();
    auto drafts = w->drafts().List(jansen).value();
    if (drafts.empty()) {
      REQUIRE(w->drafts().Save(jansen, stop, 0, now).ok());
      ++made;
    }
    const std::string kind = drafts.empty() || i % 3 ? "release" : "outbox";
    const auto begun = std::chrono::steady_clock::now();
    auto child = cli(kind);
    int rc = child->Wait(clock.Delay(kind));
    if (rc != -1) clock.Ended(kind, std::chrono::steady_clock::now() - begun);
    if (rc == -1) {
      ::kill(child->pid(), SIGKILL);
      ++killed;
      rc = child->Wait(std::chrono::seconds(30));
    }
    // A run that ended by itself delivered everything (0) or left something for later (6).
    CHECK((rc == -1 || rc == 0 || rc == 6));
    child.reset();

    // After every run, killed or not:
    const auto received = Received(world);
    const auto outbox = w->releases().Outbox(jansen).value();
    INFO("run " << i << ", seed " << seed);
    CHECK(Repeated(world) == 0);  // no Bundle reached a receiver twice
    std::set<std::string> releases;
    for (const auto& e : outbox) {
      releases.insert(e.release);
      if (e.state == workstation::DeliveryState::kDelivered) CHECK(received.count(e.bundleIdentifier) == 1);
    }
    for (const auto& [identifier, times] : received) CHECK(times == 1);
    // No draft lost: each one made is still a draft or one release in the outbox.
    REQUIRE(w->drafts().List(jansen).value().size() + releases.size() == static_cast<std::size_t>(made));
  }
  // Left alone, everything queued arrives, exactly once.
  int rc = -1;
  for (int attempt = 0; attempt < 3 && rc != 0; ++attempt) rc = cli("outbox")->Wait(std::chrono::seconds(60));
  CHECK(rc == 0);
  const auto received = Received(world);
  const auto outbox = w->releases().Outbox(jansen).value();
  for (const auto& e : outbox) {
    CHECK(e.state == workstation::DeliveryState::kDelivered);
    CHECK(received.count(e.bundleIdentifier) == 1);
  }
  CHECK(received.size() == outbox.size());
  CHECK(Repeated(world) == 0);
  const auto lookedUp = std::count_if(outbox.begin(), outbox.end(), [](const auto& e) {
    return e.answer.find("found at the receiver") != std::string::npos;
  });
  std::cout << "release crash loop: " << killed << " of " << runs << " runs killed, " << made << " drafts, "
            << outbox.size() << " Bundles delivered once each (" << lookedUp
            << " found at the receiver after a lost answer)\n";
  CHECK(killed > runs / 4);  // the loop really interrupted runs
}
