// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// zorgbrug-cli overview --bsn: looks the patient up at his GP, pharmacy and hospital through the
// gateway (all queries at once), prints which source answered what and why data is missing, then
// the consolidated overview.
#include <string>
#include <vector>

namespace zb::cli {

struct RetrieveArgs {
  std::string bsn;
  std::string birthDate;             // dd-mm-jjjj; default from the patient register
  std::vector<std::string> sources;  // KIND=URA; default from the patient register
  std::string registerFile;          // default $ZORGBRUG_REGISTER, else the demo register
  std::string gateway;               // for a new login (default: the stored session's, $ZORGBRUG_GATEWAY)
  std::string caFile;
  std::string persona;  // sandbox only: headless login
  int deadlineSeconds = 15;
  int everySeconds = 0;  // --every: seconds between repeated lookups
  int count = 1;         // --count: how many lookups in this process
};

struct ReportOptions {
  std::string at;
  bool json = false;
  bool explain = false;
  bool history = false;
};

// Exit codes: 0 complete overview; 6 overview printed but incomplete; 1 usage; 4 refused; 5 unreachable.
int RunRetrieve(const RetrieveArgs& args, const ReportOptions& report, const std::string& demoDir);

}  // namespace zb::cli
