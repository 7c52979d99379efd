// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// zorgbrug-cli report new|sign|correct|list|export|send|outbox|inbox|read|ack: the on-call
// reports of the workstation's store for scripts (waarneem.md, docs/waarneem-ig.md). A report is
// written as a draft, signed by the logged-in physician, exported as its frozen FHIR document or
// as PDF, and sent to the patient's own organisation through the gateway; the receiving side lists
// its inbox, reads a report (pulled live) and acknowledges it.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "domain/result.h"
#include "draft_command.h"

namespace zb::cli {

struct ReportArgs {
  DraftArgs session;         // store, login, --bsn, --register
  std::string id;            // sign / correct / export: the report version; new: replace this draft
  std::string contactStart;  // ISO 8601 with offset; default: now
  int contactMinutes = 0;
  std::string kind = "visit", caller = "nurse", callerDetail, location, phone;
  int urgency = 0;
  std::string reason, subjective, objective, evaluation, plan, agreements;
  std::vector<std::string> vitals;  // bp=132/78, pulse=88, temp=37.2, spo2=96, resp=16, glucose=6.4
  std::vector<std::string> icpc;    // CODE=display
  std::vector<std::string> snomed;  // CODE=display
  bool episode = false;
  bool withOverview = false;            // new: attach the last retrieved overview as context
  std::vector<std::string> medication;  // system|value=text of an agreement released in the shift
  std::vector<std::string> requests;    // text;dd-mm-jjjj[;spoed]
  std::string fhirFile, pdfFile;
  std::string to;                // send: the receiving organisation's URA
  bool pending = false;          // send: every queued report again
  std::vector<std::string> ids;  // send: several patients' reports in one action (B-R10)
  std::string item;              // read / ack: the inbox item
  std::string request;           // done: the to-do (request) to complete
  bool openOnly = false;         // todos: only the requests not done yet
  std::string team;              // send: the receiver's team; inbox/todos: only this team's (and the organisation's)
  std::string teamsOf;           // teams: another organisation's (URA); empty: our own
};

struct ReportCommands {
  CLI::App* create = nullptr;
  CLI::App* sign = nullptr;
  CLI::App* correct = nullptr;
  CLI::App* list = nullptr;
  CLI::App* exportFiles = nullptr;
  CLI::App* send = nullptr;
  CLI::App* outbox = nullptr;
  CLI::App* inbox = nullptr;
  CLI::App* read = nullptr;
  CLI::App* ack = nullptr;
  CLI::App* delivered = nullptr;
  CLI::App* todos = nullptr;
  CLI::App* done = nullptr;
  CLI::App* teams = nullptr;
  bool Parsed() const;
};

ReportCommands AddReportCommands(CLI::App& app, ReportArgs& args);
// Exit codes: 0 done; 1 usage (a value that does not parse, named); 2 refused (the reason on
// stderr: not signable, not found, store); 3 the gateway cannot be reached at login (nothing was
// written; try again later); 4 login refused.
int RunReport(const ReportCommands& commands, const ReportArgs& args);
// send, outbox, inbox, read, ack, todos, done (report_exchange_command.cpp); exit 3: the gateway cannot be
// reached (also at login): nothing was lost, send again later.
void AddReportExchangeCommands(CLI::App* report, ReportCommands& commands, ReportArgs& args);
bool ExchangeParsed(const ReportCommands& commands);
// No answer from the gateway at all (as opposed to a refusal): exit 3, try again later.
bool GatewayUnreachable(const domain::Error& error);
int RunReportExchange(const ReportCommands& commands, const ReportArgs& args);

}  // namespace zb::cli
