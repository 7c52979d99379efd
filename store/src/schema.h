// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The local database's schema, versioned in PRAGMA user_version and brought up to date on open.
#include "domain/result.h"
#include "store/database.h"

namespace zb::store::detail {

inline constexpr int kSchemaVersion = 10;

// Applies every migration the file has not seen, each in its own transaction. A file written by a
// newer Zorgbrug (higher version) is refused rather than guessed at.
domain::Result<int> Migrate(Database& db);

}  // namespace zb::store::detail
