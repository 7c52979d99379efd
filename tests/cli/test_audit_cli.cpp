// SPDX-License-Identifier: GPL-3.0-or-later
// zorgbrug-cli audit verify / export on a real store file, its key in a key file (no keychain).
#include <catch2/catch.hpp>
#include <filesystem>

#include "child_process.h"
#include "cli_run.h"
#include "platform/key_vault.h"
#include "store/anchor_beside_key.h"
#include "store/local_store.h"

using namespace zb;

namespace {

struct AuditedStore {
  std::string dir = test::MakeTempDir("zb-audit-cli");
  std::string path = dir + "/zorgbrug.db";
  std::string args = "--store " + path + " --no-keychain";
  std::unique_ptr<store::LocalStore> s;
  AuditedStore() {
    auto key = platform::LoadOrCreateKey({path, dir + "/store.key", false});
    REQUIRE(key.ok());
    // As the workstation opens it: the trail's head also kept beside the key file.
    platform::AnchorPlace anchor{path, platform::AnchorFileFor(dir + "/store.key"), false};
    s = std::move(store::LocalStore::Open(path, key->key, store::AnchorBesideKey(anchor)).value());
    Append(3);
  }
  void Append(int n) {
    for (int i = 0; i < n; ++i) {
      domain::AuditEvent e;
      e.at = boost::posix_time::ptime(domain::Date(2026, 11, 23), boost::posix_time::minutes(i));
      e.actor = {"900022159", "A. de Vries", "01.047", "90000380"};
      e.patientBsn = i == 2 ? "999900109" : "999991000";  // with n = 3: two about Jansen, one about Visser
      e.action = domain::AuditAction::kViewOverview;
      e.context = "admission";
      REQUIRE(s->audit().Append(e).ok());
    }
  }
};

}  // namespace

TEST_CASE("audit verify says intact, and exit 7 with the record once one is edited") {
  AuditedStore a;
  auto ok = test::RunCli("audit verify " + a.args);
  CHECK(ok.exit == 0);
  CHECK(ok.out == "audit trail intact: 3 records\n");
  REQUIRE(a.s->database().Execute("UPDATE audit SET context = 'ANW' WHERE seq = 2").ok());
  auto broken = test::RunCli("audit verify " + a.args);
  CHECK(broken.exit == 7);
  CHECK(broken.out.find("record 2 was altered") != std::string::npos);
}

TEST_CASE("audit export writes one line per record, per patient on request") {
  AuditedStore a;
  auto all = test::RunCli("audit export " + a.args);
  REQUIRE(all.exit == 0);
  CHECK(std::count(all.out.begin(), all.out.end(), '\n') == 4);
  auto one = test::RunCli("audit export --bsn 999900109 " + a.args);
  REQUIRE(one.exit == 0);
  CHECK(std::count(one.out.begin(), one.out.end(), '\n') == 2);
  CHECK(one.out.find("999900109") == std::string::npos);
  CHECK(test::RunCli("audit export --bsn 123 " + a.args).exit == 1);
}

TEST_CASE("audit verify without a store, or with a missing key, says what is missing") {
  const std::string dir = test::MakeTempDir("zb-audit-cli");
  auto none = test::RunCli("audit verify --store " + dir + "/absent.db --no-keychain");
  CHECK(none.exit == 2);
  CHECK(none.err.find("no local store at " + dir + "/absent.db") != std::string::npos);
  AuditedStore a;
  REQUIRE(std::remove((a.dir + "/store.key").c_str()) == 0);
  auto nokey = test::RunCli("audit verify " + a.args);
  CHECK(nokey.exit == 2);
  CHECK(nokey.err.find("no key for " + a.path) != std::string::npos);
  CHECK(test::ReadTextFile(a.dir + "/store.key").empty());  // and no new key was made
}

TEST_CASE("audit verify reports an earlier copy of the store put back over a longer trail (exit 7)") {
  AuditedStore a;
  a.s.reset();  // closed: the whole trail is in the file
  std::filesystem::copy_file(a.path, a.dir + "/earlier.db");
  a.s = std::move(store::LocalStore::Open(a.path, platform::LoadOrCreateKey({a.path, a.dir + "/store.key", false})->key,
                                          store::AnchorBesideKey({a.path, a.dir + "/store.key.audit-head", false}))
                      .value());
  a.Append(2);
  CHECK(test::RunCli("audit verify " + a.args).out == "audit trail intact: 5 records\n");
  a.s.reset();
  std::filesystem::copy_file(a.dir + "/earlier.db", a.path, std::filesystem::copy_options::overwrite_existing);
  std::filesystem::remove(a.path + "-wal");
  auto broken = test::RunCli("audit verify " + a.args);
  CHECK(broken.exit == 7);
  CHECK(broken.out.find("NOT intact after 3 good records: records after 3 were removed: the head kept outside the "
                        "store names record 5") != std::string::npos);
}
