// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "holder_data.h"
#include "world.h"

namespace zb::sandbox {

void RegisterHolder(httplib::Server& server, World& world, HolderInfo& holder, const HolderData& data);

}  // namespace zb::sandbox
