// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where the head of the workstation's audit trail is kept apart from the store: beside the store's
// key, in the keychain when the key is there, or else in a private file beside the key file. The
// store's own sealed head cannot tell an earlier copy of the whole store (or of its head row),
// put back after records were deleted, from the real thing; an anchor kept elsewhere can.
#include <optional>
#include <string>

#include "domain/result.h"

namespace zb::platform {

struct AnchorPlace {
  std::string label;        // which store (its file path), as for the key
  std::string file;         // used when the key is not in the keychain
  bool inKeychain = false;  // where the store's key was found
};

// The file beside a key file: "<key file>.audit-head".
std::string AnchorFileFor(const std::string& keyFile);

// nullopt: no anchor was ever saved for this store. A file others can read or that belongs to
// someone else is refused (kRefused) rather than trusted.
domain::Result<std::optional<std::string>> LoadHeadAnchor(const AnchorPlace& place);
// Replaces the anchor; a file is replaced whole (written, synced, renamed), never half-written.
domain::Result<bool> SaveHeadAnchor(const AnchorPlace& place, const std::string& text);

}  // namespace zb::platform
