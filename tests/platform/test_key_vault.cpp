// SPDX-License-Identifier: GPL-3.0-or-later
// The key of the local store: kept in the keychain when one runs (run by tests/platform/with-keyring.sh,
// which starts a private D-Bus session and GNOME keyring), else in a file only the user can read.
// The audit trail's head anchor is kept in the same place as the key.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "child_process.h"
#include "platform/head_anchor.h"
#include "platform/key_vault.h"

using namespace zb;

TEST_CASE("without a keychain the key lives in a private file, created once and read back") {
  const std::string dir = test::MakeTempDir("zb-key");
  platform::KeyVaultOptions o{dir + "/zorgbrug.db", dir + "/store.key", false};
  auto first = platform::LoadOrCreateKey(o);
  REQUIRE(first.ok());
  CHECK(first->created);
  CHECK_FALSE(first->inKeychain);
  CHECK(first->warning.find("no keychain") != std::string::npos);
  struct stat st {};
  REQUIRE(stat(o.fallbackFile.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  auto second = platform::LoadOrCreateKey(o);
  REQUIRE(second.ok());
  CHECK_FALSE(second->created);
  CHECK(second->key == first->key);
}

TEST_CASE("a key file others can read, or that is not a key, is refused with what to do") {
  const std::string dir = test::MakeTempDir("zb-key");
  platform::KeyVaultOptions o{dir + "/zorgbrug.db", dir + "/store.key", false};
  REQUIRE(platform::LoadOrCreateKey(o).ok());
  REQUIRE(chmod(o.fallbackFile.c_str(), 0644) == 0);
  auto open = platform::LoadOrCreateKey(o);
  REQUIRE_FALSE(open.ok());
  CHECK(open.error().code == domain::ErrorCode::kRefused);
  CHECK(open.error().detail.find("chmod 600 " + o.fallbackFile) != std::string::npos);
  {
    std::ofstream out(o.fallbackFile, std::ios::trunc);
    out << "v1:nothex\n";
  }
  REQUIRE(chmod(o.fallbackFile.c_str(), 0600) == 0);
  auto garbage = platform::LoadOrCreateKey(o);
  REQUIRE_FALSE(garbage.ok());
  CHECK(garbage.error().code == domain::ErrorCode::kInvalidFormat);
}

TEST_CASE("with a keychain the key is stored there, not in a file") {
  if (!std::getenv("ZB_KEYRING_RUNNING"))
    FAIL("run through tests/platform/with-keyring.sh (it starts a private keyring)");
  const std::string dir = test::MakeTempDir("zb-key");
  platform::KeyVaultOptions o{dir + "/zorgbrug.db", dir + "/store.key", true};
  auto first = platform::LoadOrCreateKey(o);
  REQUIRE(first.ok());
  CHECK(first->inKeychain);
  CHECK(first->created);
  CHECK(first->warning.empty());
  struct stat st {};
  CHECK(stat(o.fallbackFile.c_str(), &st) != 0);  // no file written
  auto second = platform::LoadOrCreateKey(o);
  REQUIRE(second.ok());
  CHECK(second->inKeychain);
  CHECK_FALSE(second->created);
  CHECK(second->key == first->key);
  platform::KeyVaultOptions other{dir + "/other.db", dir + "/other.key", true};
  CHECK(platform::LoadOrCreateKey(other).value().key != first->key);  // one key per store
}

TEST_CASE("without a keychain the audit anchor lives in a private file beside the key, replaced whole") {
  const std::string dir = test::MakeTempDir("zb-anchor");
  platform::AnchorPlace place{dir + "/zorgbrug.db", platform::AnchorFileFor(dir + "/store.key"), false};
  CHECK(place.file == dir + "/store.key.audit-head");
  auto none = platform::LoadHeadAnchor(place);
  REQUIRE(none.ok());
  CHECK_FALSE(none.value().has_value());
  REQUIRE(platform::SaveHeadAnchor(place, "v1:1:aa:bb").ok());
  REQUIRE(platform::SaveHeadAnchor(place, "v1:2:cc:dd").ok());
  CHECK(platform::LoadHeadAnchor(place).value() == std::optional<std::string>("v1:2:cc:dd"));
  struct stat st {};
  REQUIRE(stat(place.file.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  const auto files = std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator());
  CHECK(files == 1);  // no temporary file left behind
  REQUIRE(chmod(place.file.c_str(), 0640) == 0);
  auto refused = platform::LoadHeadAnchor(place);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == domain::ErrorCode::kRefused);
  CHECK(refused.error().detail.find("chmod 600 " + place.file) != std::string::npos);
}

TEST_CASE("with a keychain the audit anchor is kept there, one per store") {
  if (!std::getenv("ZB_KEYRING_RUNNING"))
    FAIL("run through tests/platform/with-keyring.sh (it starts a private keyring)");
  const std::string dir = test::MakeTempDir("zb-anchor");
  platform::AnchorPlace place{dir + "/zorgbrug.db", platform::AnchorFileFor(dir + "/store.key"), true};
  CHECK_FALSE(platform::LoadHeadAnchor(place).value().has_value());
  REQUIRE(platform::SaveHeadAnchor(place, "v1:1:aa:bb").ok());
  REQUIRE(platform::SaveHeadAnchor(place, "v1:2:cc:dd").ok());
  CHECK(platform::LoadHeadAnchor(place).value() == std::optional<std::string>("v1:2:cc:dd"));
  struct stat st {};
  CHECK(stat(place.file.c_str(), &st) != 0);  // nothing written beside the key file
  platform::AnchorPlace other{dir + "/other.db", "", true};
  CHECK_FALSE(platform::LoadHeadAnchor(other).value().has_value());
}
