// SPDX-License-Identifier: GPL-3.0-or-later
// zorgbrug-cli: the workstation's use cases without a window (scripts, batch work, benchmarks).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <iostream>

#include "amo_command.h"
#include "audit_command.h"
#include "domain/ica.h"
#include "domain/overview.h"
#include "draft_command.h"
#include "exchange_commands.h"
#include "overview_report.h"
#include "report_command.h"
#include "retrieve_command.h"
#include "source_files.h"

namespace d = zb::domain;
namespace fs = std::filesystem;

namespace {

constexpr int kExitUsage = 1;
constexpr int kExitBadInput = 2;
constexpr int kExitIssuesFound = 3;

struct OverviewArgs {
  std::vector<std::string> files;
  std::string at;
  std::string format = "text";
  std::string testDate;
  bool explain = false;
  bool history = false;
};

int Fail(int code, const std::string& message) {
  std::cerr << "zorgbrug-cli: " << message << "\n";
  return code;
}

d::Result<std::optional<d::Date>> OptionalDate(const std::string& text) {
  if (text.empty()) return std::optional<d::Date>();
  auto date = d::ParseUserDate(text);
  if (!date) return date.error();
  return std::optional<d::Date>(date.value());
}

int RunOverview(const std::vector<zb::cli::SourceFile>& files, const OverviewArgs& args,
                std::optional<d::Date> testDate) {
  d::Instant at = boost::posix_time::second_clock::universal_time();
  if (!args.at.empty()) {
    auto moment = d::ParseReferenceMoment(args.at);
    if (!moment) return Fail(kExitUsage, "--at: " + moment.error().detail);
    at = moment.value();
  }
  auto loaded = zb::cli::LoadSources(files, testDate);
  if (!loaded) return Fail(kExitBadInput, loaded.error().detail);
  d::ConsolidationOptions options;
  for (const auto& s : loaded->sources) options.respondingSources.push_back(s.id);
  const auto overview = d::Consolidate(loaded->medication, at, options);
  const auto ica = d::SummarizeIca(loaded->ica, at);
  zb::cli::ReportInput report{loaded.value(), overview, ica, args.explain, args.history};
  if (args.format == "json") {
    zb::cli::WriteJson(std::cout, report);
  } else {
    zb::cli::WriteText(std::cout, report);
  }
  return 0;
}

d::Result<std::vector<zb::cli::SourceFile>> ParseFiles(const std::vector<std::string>& args) {
  std::vector<zb::cli::SourceFile> files;
  for (const auto& a : args) {
    auto f = zb::cli::ParseSourceArg(a);
    if (!f) return f.error();
    files.push_back(std::move(f).value());
  }
  return files;
}

fs::path DemoDir() {
  if (const char* env = std::getenv("ZORGBRUG_DEMO_DIR")) return env;
  return ZB_DEMO_DIR;
}

// The local subcommands (no gateway): overview of files or by BSN, demo, check.
struct LocalCommands {
  CLI::App* overview = nullptr;
  CLI::App* demo = nullptr;
  CLI::App* check = nullptr;
  OverviewArgs overviewArgs;
  zb::cli::RetrieveArgs retrieveArgs;
  bool jsonOut = false;
  std::string demoPatient = "jansen";
  std::vector<std::string> checkFiles;
  std::string checkTestDate;
};

void AddReportOptions(CLI::App& command, OverviewArgs& args) {
  command.add_option("--at", args.at,
                     "Reference moment: a date dd-mm-jjjj (noon) or an ISO 8601 date-time with offset (default: now)");
  command.add_option("--format", args.format, "Output format")->check(CLI::IsMember({"text", "json"}));
  command.add_flag("--explain", args.explain, "Show per treatment why it has its status");
  command.add_flag("--history", args.history, "List historic treatments instead of counting them");
}

void AddOverview(CLI::App& app, LocalCommands& commands) {
  auto& rt = commands.retrieveArgs;
  commands.overview = app.add_subcommand(
      "overview", "Consolidated medication overview and ICA: looked up at the sources (--bsn) or from FHIR files");
  auto* filesOption = commands.overview->add_option(
      "files", commands.overviewArgs.files,
      "FHIR JSON files: PATH, ID=PATH or KIND:ID=PATH (KIND huisarts|apotheek|ziekenhuis)");
  auto* bsnOption = commands.overview->add_option(
      "--bsn", rt.bsn, "Look the patient up at his GP, pharmacy and hospital through the gateway");
  bsnOption->excludes(filesOption);
  commands.overview->add_option("--birthdate", rt.birthDate,
                                "Date of birth dd-mm-jjjj, checked against every source (default: from the register)");
  commands.overview->add_option("--source", rt.sources,
                                "KIND=URA of a source (repeatable; default: the patient register)");
  commands.overview->add_option("--register", rt.registerFile,
                                "Patient register JSON (default: $ZORGBRUG_REGISTER, else the demo register)");
  commands.overview->add_option("--gateway", rt.gateway,
                                "Gateway URL for a new login (default: the stored session's, $ZORGBRUG_GATEWAY)");
  commands.overview->add_option("--ca", rt.caFile,
                                "CA file for a new login (default: $ZORGBRUG_CA_FILE, else the system store)");
  commands.overview->add_option("--persona", rt.persona, "Sandbox only: log in as this persona without a browser");
  commands.overview->add_option("--deadline", rt.deadlineSeconds, "Seconds each source gets to answer")
      ->check(CLI::Range(1, 120));
  commands.overview
      ->add_option("--every", rt.everySeconds, "With --bsn: seconds between repeated lookups (see --count)")
      ->check(CLI::Range(0, 86400));
  commands.overview
      ->add_option("--count", rt.count,
                   "With --bsn: look up this many times in one process; exit 6 when any lookup was incomplete")
      ->check(CLI::Range(1, 100000));
  commands.overview->add_flag("--json", commands.jsonOut, "Same as --format json");
  AddReportOptions(*commands.overview, commands.overviewArgs);
  commands.overview->add_option("--test-date", commands.overviewArgs.testDate,
                                "Substitute ${DATE, T, ...} placeholders with this day (test data)");
}

void AddDemoAndCheck(CLI::App& app, LocalCommands& c) {
  c.demo = app.add_subcommand("demo", "Overview of a synthetic demo patient (dates relative to today)");
  c.demo->add_option("patient", c.demoPatient, "Demo patient folder under resources/demo");
  AddReportOptions(*c.demo, c.overviewArgs);
  c.check = app.add_subcommand("check", "List mapping problems per file, resource and element");
  c.check->add_option("files", c.checkFiles, "FHIR JSON files")->required();
  c.check->add_option("--test-date", c.checkTestDate, "Substitute ${DATE, T, ...} placeholders with this day");
}

int RunOverviewCommand(LocalCommands& c) {
  auto& ov = c.overviewArgs;
  if (!c.retrieveArgs.bsn.empty()) {
    const zb::cli::ReportOptions report{ov.at, c.jsonOut || ov.format == "json", ov.explain, ov.history};
    return zb::cli::RunRetrieve(c.retrieveArgs, report, DemoDir().string());
  }
  if (ov.files.empty())
    return Fail(kExitUsage, "overview: give FHIR files, or --bsn to look the patient up at the sources");
  if (c.jsonOut) ov.format = "json";
  auto files = ParseFiles(ov.files);
  if (!files) return Fail(kExitUsage, files.error().detail);
  auto testDate = OptionalDate(ov.testDate);
  if (!testDate) return Fail(kExitUsage, "--test-date: " + testDate.error().detail);
  return RunOverview(files.value(), ov, testDate.value());
}

int RunDemo(const LocalCommands& c) {
  const fs::path dir = DemoDir() / c.demoPatient;
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return Fail(kExitUsage, "no demo patient '" + c.demoPatient + "' in " + DemoDir().string());
  std::vector<std::string> paths;
  for (const auto& entry : fs::directory_iterator(dir)) {
    // access.json is the sandbox's consent setting for the patient, not FHIR data.
    if (entry.path().extension() == ".json" && entry.path().filename() != "access.json") {
      paths.push_back(entry.path().string());
    }
  }
  std::sort(paths.begin(), paths.end());
  auto files = ParseFiles(paths);
  if (!files) return Fail(kExitUsage, files.error().detail);
  const auto today = d::NetherlandsDate(boost::posix_time::second_clock::universal_time());
  return RunOverview(files.value(), c.overviewArgs, today);
}

int RunCheck(const LocalCommands& commands) {
  auto files = ParseFiles(commands.checkFiles);
  if (!files) return Fail(kExitUsage, files.error().detail);
  auto testDate = OptionalDate(commands.checkTestDate);
  if (!testDate) return Fail(kExitUsage, "--test-date: " + testDate.error().detail);
  std::size_t errors = 0;
  bool unusable = false;
  for (const auto& file : files.value()) {
    auto loaded = zb::cli::LoadSources({file}, testDate.value());
    if (!loaded) {
      std::cout << "FOUT  " << loaded.error().detail << "\n";
      unusable = true;
      continue;
    }
    for (const auto& issue : loaded->issues) {
      const bool error = issue.severity == zb::net::fhir::IssueSeverity::kError;
      errors += error ? 1 : 0;
      std::cout << (error ? "FOUT  " : "LET OP ") << issue.Describe() << "\n";
    }
    std::cout << file.path << ": " << loaded->resources << " resources, " << loaded->skipped << " overgeslagen\n";
  }
  if (unusable) return kExitBadInput;
  return errors > 0 ? kExitIssuesFound : 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Zorgbrug command line: medication overview and ICA from MP9 / zib FHIR data"};
  app.require_subcommand(1);
  LocalCommands local;
  AddOverview(app, local);
  AddDemoAndCheck(app, local);
  zb::cli::ExchangeArgs exchangeArgs;
  const auto exchange = zb::cli::AddExchangeCommands(app, exchangeArgs);
  zb::cli::AuditArgs auditArgs;
  const auto audit = zb::cli::AddAuditCommands(app, auditArgs);
  zb::cli::DraftArgs draftArgs;
  const auto drafts = zb::cli::AddDraftCommands(app, draftArgs);
  zb::cli::ReportArgs reportArgs;
  const auto reports = zb::cli::AddReportCommands(app, reportArgs);
  zb::cli::AmoArgs amoArgs;
  const auto amo = zb::cli::AddAmoCommands(app, amoArgs);

  CLI11_PARSE(app, argc, argv);

  if (exchange.login->parsed() || exchange.whoami->parsed() || exchange.logout->parsed() || exchange.fetch->parsed()) {
    return zb::cli::RunExchange(exchange, exchangeArgs);
  }
  if (audit.verify->parsed() || audit.exportTsv->parsed()) return zb::cli::RunAudit(audit, auditArgs);
  if (drafts.Parsed()) return zb::cli::RunDraft(drafts, draftArgs);
  if (reports.Parsed()) return zb::cli::RunReport(reports, reportArgs);
  if (amo.Parsed()) return zb::cli::RunAmo(amo, amoArgs, DemoDir().string());
  if (*local.overview) return RunOverviewCommand(local);
  if (*local.demo) return RunDemo(local);
  if (*local.check) return RunCheck(local);
  return 0;
}
