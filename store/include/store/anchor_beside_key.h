// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The audit trail's head kept beside the store's key: in the keychain when the key is there, else
// in a private file beside the key file. Used by the workstation and by `zorgbrug-cli audit`.
#include <memory>

#include "platform/head_anchor.h"
#include "store/audit_trail.h"

namespace zb::store {

std::shared_ptr<HeadAnchor> AnchorBesideKey(platform::AnchorPlace place);

}  // namespace zb::store
