// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// zorgbrug-cli draft add|list|remove|check, formulary import, release and outbox: the
// pre-admission drafts of the workstation's store for scripts (prescribing.md). Drafts stay in the
// store; only `release` (a prescriber) queues and sends them, and `outbox` sends what is due.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "workstation/workstation.h"

namespace zb::cli {

struct DraftArgs {
  // The store and the login (as the workstation uses them).
  std::string store;
  std::string keyFile;
  bool noKeychain = false;
  std::string gateway;
  std::string caFile;
  std::string persona;
  std::string registerFile;  // patients to register first when the BSN is not in the store
  // The patient and the draft.
  std::string bsn;
  bool lookUp = false;  // look the patient up first (the draft is made against the stored retrieval)
  std::string action;
  std::string treatment;  // MBH value (or system|value)
  std::string against;    // the agreement, when the line has parallel ones
  std::string reason;     // SNOMED code of RedenWijzigenStaken, or OTH
  std::string pauseUntil;
  std::string product;  // PRK/GPK/HPK code or words of the formulary's name
  std::string offFormularyReason;
  std::string amount, amountMax, unit = "stuk", times, condition, maxPerDay, route = "oraal", gds;
  int perDay = 0;
  int everyDays = 1;
  int days = 0;
  bool asNeeded = false;
  std::int64_t id = 0;
  std::string formularyFile;
  std::string rosterFile;
  // Release.
  std::vector<std::string> decisions;  // "signal key=reason"
  std::string pharmacyUra;
  std::int64_t confirmHandDelivery = 0;  // outbox: the item delivered by hand
  std::int64_t paper = 0;                // outbox: the order to print as a paper prescription
  std::string paperPdf;                  // … into this PDF file
  std::string identifierRoot;            // default $ZORGBRUG_IDENTIFIER_ROOT
};

struct DraftCommands {
  CLI::App* add = nullptr;
  CLI::App* list = nullptr;
  CLI::App* remove = nullptr;
  CLI::App* check = nullptr;
  CLI::App* importFormulary = nullptr;
  CLI::App* importRoster = nullptr;
  CLI::App* release = nullptr;  // release the patient's drafts and send them
  CLI::App* outbox = nullptr;   // the patient's outbox; sends what is due
  bool Parsed() const;
};

DraftCommands AddDraftCommands(CLI::App& app, DraftArgs& args);
// Exit codes: 0 done (check: nothing stands in the way of release); 3 check: something must be
// handled first (listed); 1 usage; 2 the store cannot be opened or the input is refused (the reason on
// stderr); 4 login refused; 5 the lookup failed; 6 release/outbox: something is not delivered yet.
int RunDraft(const DraftCommands& commands, const DraftArgs& args);

// Shared with the other commands that work on the store (report_command.h): the store and login
// options, the workstation's configuration from them, the patient of --bsn (registered from
// --register when the store does not know it) and the login (persona or system browser).
void AddSessionOptions(CLI::App* cmd, DraftArgs& args, bool patient, bool login);
workstation::Config ConfigFrom(const DraftArgs& args);
domain::Result<domain::RegisteredPatient> PatientFor(workstation::Workstation& w, const DraftArgs& args);
domain::Result<workstation::User> LogInFor(workstation::Workstation& w, const DraftArgs& args);

}  // namespace zb::cli
