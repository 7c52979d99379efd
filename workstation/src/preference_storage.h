// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The preferences in the local store's settings table (private to the workstation: windows reach
// them through Workstation::LoadPreferences / SavePreferences).
#include "domain/result.h"
#include "store/settings.h"
#include "workstation/preferences.h"

namespace zb::workstation {

// Missing keys keep their defaults; an unreadable lock value too.
domain::Result<Preferences> LoadPreferences(store::Settings& settings);
// Refuses preferences that Check() faults, naming the first field.
domain::Result<bool> SavePreferences(store::Settings& settings, const Preferences& preferences);

}  // namespace zb::workstation
