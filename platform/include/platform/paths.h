// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where the workstation keeps its files for this user.
#include <string>

namespace zb::platform {

// $ZORGBRUG_DATA_DIR, else $XDG_DATA_HOME/zorgbrug, else ~/.local/share/zorgbrug; created (0700)
// on first use. Empty when no folder can be made (the caller reports it).
std::string DataDir();
// The local store file and its fallback key file in DataDir().
std::string DefaultStorePath();
std::string DefaultKeyFile();

}  // namespace zb::platform
