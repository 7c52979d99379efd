// SPDX-License-Identifier: GPL-3.0-or-later
// Settings: checked per field before saving, stored in the local store, defaults where missing.
#include <catch2/catch.hpp>

#include "child_process.h"
#include "store/local_store.h"
#include "workstation/preferences.h"

using namespace zb;

TEST_CASE("settings are checked per field and survive a reopen of the store") {
  const std::string dir = test::MakeTempDir("zb-prefs");
  store::MasterKey key{};
  key.fill(7);
  auto opened = store::LocalStore::Open(dir + "/z.db", key);
  REQUIRE(opened.ok());
  auto& s = opened.value()->settings();
  auto defaults = workstation::LoadPreferences(s);
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
  CHECK(problems[1].text.find(dir + "/missing.pem") != std::string::npos);
  CHECK(problems[2].field == "language");
  CHECK(problems[3].field == "lockMinutes");
  CHECK_FALSE(workstation::SavePreferences(s, bad).ok());

  workstation::Preferences good;
  good.gateway = "https://gateway.example.nl";
  good.language = "en";
  good.lockMinutes = 3;
  REQUIRE(workstation::SavePreferences(s, good).ok());
  opened.value().reset();
  auto again = store::LocalStore::Open(dir + "/z.db", key);
  REQUIRE(again.ok());
  auto loaded = workstation::LoadPreferences(again.value()->settings());
  REQUIRE(loaded.ok());
  CHECK(loaded.value().gateway == "https://gateway.example.nl");
  CHECK(loaded.value().language == "en");
  CHECK(loaded.value().lockMinutes == 3);
}
