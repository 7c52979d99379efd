// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit_command.h"

#include <unistd.h>

#include <fstream>
#include <iostream>

#include "domain/identifiers.h"
#include "platform/key_vault.h"
#include "platform/paths.h"
#include "platform/private_file.h"
#include "store/anchor_beside_key.h"
#include "store/local_store.h"

namespace zb::cli {
namespace {

constexpr int kExitBroken = 7;
constexpr int kExitCannotOpen = 2;

std::unique_ptr<store::LocalStore> OpenStore(const AuditArgs& args) {
  const std::string path = args.store.empty() ? platform::DefaultStorePath() : args.store;
  if (path.empty()) {
    std::cerr << "zorgbrug-cli: no data folder for the local store; give --store\n";
    return nullptr;
  }
  if (::access(path.c_str(), F_OK) != 0) {
    std::cerr << "zorgbrug-cli: no local store at " << path << " (has the workstation been used on this account?)\n";
    return nullptr;
  }
  const std::string keyFile =
      args.keyFile.empty() ? path.substr(0, path.find_last_of('/') + 1) + "store.key" : args.keyFile;
  // Never create a key here: a new key cannot open an existing store.
  auto key = platform::LoadOrCreateKey({path, keyFile, !args.noKeychain, false});
  if (!key) {
    std::cerr << "zorgbrug-cli: " << key.error().detail << "\n";
    return nullptr;
  }
  platform::AnchorPlace anchor{path, platform::AnchorFileFor(keyFile), key->inKeychain};
  auto s = store::LocalStore::Open(path, key->key, store::AnchorBesideKey(anchor));
  if (!s) {
    std::cerr << "zorgbrug-cli: " << s.error().detail << "\n";
    return nullptr;
  }
  return std::move(s.value());
}

}  // namespace

AuditCommands AddAuditCommands(CLI::App& app, AuditArgs& args) {
  auto* audit = app.add_subcommand("audit", "The workstation's local audit trail (NEN 7513)");
  audit->require_subcommand(1);
  AuditCommands c;
  c.verify =
      audit->add_subcommand("verify", "Check that no record was edited, removed or reordered (exit 7 when one was)");
  c.exportTsv = audit->add_subcommand("export", "Write the records as tab-separated lines");
  for (auto* cmd : {c.verify, c.exportTsv}) {
    cmd->add_option("--store", args.store,
                    "Local store file (default: the workstation's, in $ZORGBRUG_DATA_DIR or ~/.local/share/zorgbrug)");
    cmd->add_option("--key-file", args.keyFile,
                    "Key file used where no keychain runs (default: store.key beside the store)");
    cmd->add_flag("--no-keychain", args.noKeychain, "Do not ask the OS keychain for the key");
  }
  c.exportTsv->add_option("--bsn", args.bsn, "Only the records about this patient");
  c.exportTsv->add_option("-o,--output", args.output, "Output file (default: standard output)");
  return c;
}

int RunAudit(const AuditCommands& commands, const AuditArgs& args) {
  auto s = OpenStore(args);
  if (!s) return kExitCannotOpen;
  if (commands.verify->parsed()) {
    const auto check = s->audit().Verify();
    if (!check.intact) {
      std::cout << "audit trail NOT intact after " << check.records << " good records: " << check.problem << "\n";
      return kExitBroken;
    }
    std::cout << "audit trail intact: " << check.records << " records\n";
    return 0;
  }
  std::optional<domain::Bsn> bsn;
  if (!args.bsn.empty()) {
    auto parsed = domain::Bsn::Parse(args.bsn);
    if (!parsed) {
      std::cerr << "zorgbrug-cli: --bsn: not a valid BSN (" << parsed.error().detail << ")\n";
      return 1;
    }
    bsn = parsed.value();
  }
  auto tsv = s->audit().ExportTsv(bsn);
  if (!tsv) {
    std::cerr << "zorgbrug-cli: " << tsv.error().detail << "\n";
    return kExitCannotOpen;
  }
  if (args.output.empty()) {
    std::cout << tsv.value();
  } else {
    if (!platform::WritePrivateFile(args.output, tsv.value())) {
      std::cerr << "zorgbrug-cli: cannot write " << args.output << "\n";
      return kExitCannotOpen;
    }
  }
  return 0;
}

}  // namespace zb::cli
