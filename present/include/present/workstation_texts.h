// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Words for what the workstation's use cases report: a lookup's progress (the status line), a
// connection test, a directory search, settings that cannot be saved. The workstation reports codes
// and language-neutral details; the sentences a user reads are made here, in the UI language.
#include <cstddef>
#include <string>

#include "domain/result.h"

namespace zb::present {

struct LookupProgress {
  enum class Phase {
    kIdle,        // nothing asked yet
    kNotStarted,  // the lookup could not start (not logged in, no sources): see `problem`
    kRunning,     // sources are being asked
    kEnded,       // every source answered or failed
    kStopped,     // the user (or the lock) stopped it
  };
  Phase phase = Phase::kIdle;
  std::size_t sources = 0;
  bool complete = false;    // kEnded: every source answered with data or nothing
  bool saved = true;        // kEnded: the retrieval was stored for offline use
  std::string problem;      // kNotStarted: why; kEnded and not saved: why not
  std::string problemCode;  // kNotStarted: the problem code, when there is one ("role_not_allowed")
};

// The status line: "Gegevens worden opgehaald bij 3 bronnen…", "Alle bronnen hebben geantwoord.", …
std::string DescribeLookup(const LookupProgress& progress);

// The settings' connection test: "Verbinding in orde: gateway van Org (URA 90000380)." or why not.
std::string DescribeConnectionOk(const std::string& organisation, const std::string& ura);
std::string DescribeConnectionProblem(const domain::Error& error);
// A directory search that failed: "niet ingelogd: …", "adresboek niet te raadplegen: …".
std::string DescribeDirectoryProblem(const domain::Error& error);

// A setting that cannot be saved, by field ("gateway", "caFile", "language", "lockMinutes");
// `value` is the offending value where the sentence names it.
std::string DescribePreferenceProblem(const std::string& field, const std::string& value);

}  // namespace zb::present
