// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Files that hold patient data or secrets are the user's alone (0600) from their first byte, and
// appear under their final name only when complete: a temporary file with an unpredictable name
// in the target folder (so another local user can neither guess nor pre-create it), renamed over.
#include <string>
#include <string_view>

#include "domain/result.h"

namespace zb::platform {

// Writes `content` to `path` as described above.
domain::Result<bool> WritePrivateFile(const std::string& path, std::string_view content);

// Creates an empty 0600 file with an unpredictable name next to `target`, for a writer that opens
// files by name (cairo); the caller renames it over `target` or removes it.
domain::Result<std::string> CreatePrivateTemporary(const std::string& target);

// Creates `path` 0600 if it does not exist yet, and takes group and other access away if it
// does: for SQLite, which gives its -wal and -shm files the database file's mode.
domain::Result<bool> MakePrivate(const std::string& path);

}  // namespace zb::platform
