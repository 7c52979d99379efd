// SPDX-License-Identifier: GPL-3.0-or-later
// Settings: checked per field before saving, stored in the local store through the workstation's
// façade, defaults where missing; each problem worded by the presenter with the offending value.
#include <catch2/catch.hpp>

#include "child_process.h"
#include "present/workstation_texts.h"
#include "workstation/preferences.h"
#include "workstation/workstation.h"

using namespace zb;

namespace {

workstation::Config StoreIn(const std::string& dir) {
  workstation::Config c;
  c.gateway = "https://127.0.0.1:9";
  c.storePath = dir + "/z.db";
  c.keyFile = dir + "/store.key";
  c.useKeychain = false;
  return c;
}

}  // namespace

TEST_CASE("settings are checked per field and survive a reopen of the store") {
  const std::string dir = test::MakeTempDir("zb-prefs");
  auto opened = workstation::Workstation::Open(StoreIn(dir));
  REQUIRE(opened.ok());
  auto defaults = opened.value()->LoadPreferences();
  REQUIRE(defaults.ok());
  CHECK(defaults.value().language == "nl");
  CHECK(defaults.value().lockMinutes == 10);

  workstation::Preferences bad;
  bad.gateway = "http://gateway.example";
  bad.caFile = dir + "/missing.pem";
  bad.language = "de";
  bad.lockMinutes = 0;
  const auto problems = workstation::Check(bad);
  REQUIRE(problems.size() == 4);
  CHECK(problems[0].field == "gateway");
  CHECK(problems[1].field == "caFile");
  CHECK(present::DescribePreferenceProblem(problems[1].field, problems[1].value).find(dir + "/missing.pem") !=
        std::string::npos);
  CHECK(problems[2].field == "language");
  CHECK(problems[3].field == "lockMinutes");
  CHECK(present::DescribePreferenceProblem(problems[3].field, problems[3].value) ==
        "Vergrendelen na: kies 1 tot 240 minuten");
  const auto refused = opened.value()->SavePreferences(bad);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().detail.find("gateway") != std::string::npos);

  workstation::Preferences good;
  good.gateway = "https://gateway.example.nl";
  good.language = "en";
  good.lockMinutes = 3;
  REQUIRE(opened.value()->SavePreferences(good).ok());
  opened.value().reset();
  auto again = workstation::Workstation::Open(StoreIn(dir));
  REQUIRE(again.ok());
  auto loaded = again.value()->LoadPreferences();
  REQUIRE(loaded.ok());
  CHECK(loaded.value().gateway == "https://gateway.example.nl");
  CHECK(loaded.value().language == "en");
  CHECK(loaded.value().lockMinutes == 3);
}
