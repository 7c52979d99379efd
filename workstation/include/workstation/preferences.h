// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The workstation's settings as the user sets them: gateway address, the CA file to trust for it,
// language and the inactivity lock. Stored in the local store's settings table; checked before
// they are saved, each problem naming the field.
#include <string>
#include <vector>

#include "domain/result.h"
#include "store/settings.h"

namespace zb::workstation {

struct Preferences {
  std::string gateway;          // https URL; empty: the one given on the command line
  std::string caFile;           // empty: the system trust store
  std::string language = "nl";  // "nl" or "en"
  int lockMinutes = 10;         // lock after this much inactivity

  static constexpr int kMinLockMinutes = 1;
  static constexpr int kMaxLockMinutes = 240;
};

struct PreferenceProblem {
  std::string field;  // "gateway", "caFile", "language", "lockMinutes"
  std::string text;
};

std::vector<PreferenceProblem> Check(const Preferences& p);
// Missing keys keep their defaults; an unreadable lock value too.
domain::Result<Preferences> LoadPreferences(store::Settings& settings);
domain::Result<bool> SavePreferences(store::Settings& settings, const Preferences& p);

}  // namespace zb::workstation
