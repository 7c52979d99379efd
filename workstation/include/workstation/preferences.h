// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The workstation's settings as the user sets them: gateway address, the CA file to trust for it,
// language and the inactivity lock. Stored in the local store's settings table (through
// Workstation::SavePreferences); checked before they are saved, each problem naming the field
// (present::DescribePreferenceProblem words it).
#include <string>
#include <vector>

#include "domain/result.h"

namespace zb::workstation {

struct Preferences {
  std::string gateway;          // https URL; empty: the one given on the command line
  std::string caFile;           // empty: the system trust store
  std::string language = "nl";  // "nl" or "en"
  int lockMinutes = 10;         // lock after this much inactivity
  std::string inboxTeam;        // the on-call reports' inbox shows this team's list; empty: every team

  static constexpr int kMinLockMinutes = 1;
  static constexpr int kMaxLockMinutes = 240;
};

struct PreferenceProblem {
  std::string field;  // "gateway", "caFile", "language", "lockMinutes"
  std::string value;  // the offending value
};

std::vector<PreferenceProblem> Check(const Preferences& preferences);

}  // namespace zb::workstation
