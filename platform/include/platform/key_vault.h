// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where the workstation keeps the master key of its local store: the OS keychain (libsecret's
// Secret Service on Linux), or, where no keychain runs (a kiosk session, a terminal server without
// a keyring, CI), a key file only the user can read, with a warning the app shows. Other OSes get
// their own implementation of this one header (Credential Manager, Keychain).
#include <array>
#include <string>

#include "domain/result.h"

namespace zb::platform {

using Key256 = std::array<unsigned char, 32>;

struct KeyVaultOptions {
  std::string label;         // which store the key belongs to (its file path): one key per store
  std::string fallbackFile;  // used when no keychain answers
  bool useKeychain = true;   // false: go straight to the file (tests, --no-keychain)
  bool create = true;        // false: a missing key is an error (tools that only read a store)
};

struct LoadedKey {
  Key256 key{};
  bool inKeychain = false;
  bool created = false;
  std::string warning;  // non-empty when the key sits in a file: why, and that the file must be protected
};

// Finds the key, or (with `create`) makes and saves a new random one; without `create` a missing
// key is kMissing. Refuses a key file that others can read
// (kRefused, with the file and the chmod to run) rather than use a key that may have leaked.
domain::Result<LoadedKey> LoadOrCreateKey(const KeyVaultOptions& options);

}  // namespace zb::platform
