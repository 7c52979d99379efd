// SPDX-License-Identifier: GPL-3.0-or-later
#include "retrieve_command.h"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "domain/identifiers.h"
#include "exchange_commands.h"
#include "net/client/gateway_client.h"
#include "net/json_member.h"
#include "overview_report.h"
#include "present/texts.h"
#include "present/workstation_texts.h"
#include "workstation/call_queue.h"
#include "workstation/gateway_lookups.h"
#include "workstation/patient_session.h"
#include "workstation/register_file.h"

namespace zb::cli {
namespace {
using net::StringMember;

namespace d = zb::domain;
using nlohmann::json;

constexpr int kExitUsage = 1;
constexpr int kExitIncomplete = 6;

int Fail(const std::string& message) {
  std::cerr << "zorgbrug-cli: " << message << "\n";
  return kExitUsage;
}

// The register's entry for this BSN, if any (the same reader the workstation imports with).
d::Result<std::optional<d::RegisteredPatient>> FindInRegister(const std::string& file, const d::Bsn& bsn) {
  auto all = workstation::ReadRegisterFile(file);
  if (!all) return all.error();
  for (auto& p : all.value()) {
    if (p.bsn == bsn) return std::optional<d::RegisteredPatient>(std::move(p));
  }
  return std::optional<d::RegisteredPatient>();
}

d::Result<std::vector<d::KnownSource>> ParseSources(const std::vector<std::string>& args) {
  std::vector<d::KnownSource> out;
  for (const auto& a : args) {
    const auto eq = a.find('=');
    d::KnownSource spec;
    const std::string kind = a.substr(0, eq == std::string::npos ? 0 : eq);
    spec.source.kind = d::SourceKindFromString(kind);
    spec.ura = eq == std::string::npos ? "" : a.substr(eq + 1);
    if (spec.source.kind == d::SourceKind::kUnknown || !d::Ura::Parse(spec.ura)) {
      return d::MakeError(
          d::ErrorCode::kInvalidFormat,
          "--source '" + a + "': use KIND=URA with KIND huisarts, apotheek or ziekenhuis and an 8-digit URA");
    }
    spec.source.id = kind;
    int n = 1;
    for (const auto& other : out) n += other.source.id.rfind(kind, 0) == 0 ? 1 : 0;
    if (n > 1) spec.source.id += "-" + std::to_string(n);
    spec.source.name = spec.source.id;
    out.push_back(std::move(spec));
  }
  return out;
}

// The stored CLI session while the gateway still knows it; otherwise a new login.
d::Result<StoredSession> ReuseOrLogIn(const RetrieveArgs& a, int& exitCode) {
  auto stored = LoadStoredSession();
  bool valid = stored && (a.gateway.empty() || a.gateway == stored->gateway);
  if (valid) {
    net::http::ClientOptions options;
    options.caFile = stored->caFile;
    valid = net::client::GatewayClient(stored->gateway, options).WhoAmI(stored->token).ok();
  }
  if (valid) return *stored;
  exitCode = LogIn(a.gateway.empty() && stored ? stored->gateway : a.gateway,
                   a.caFile.empty() && stored ? stored->caFile : a.caFile, a.persona, 120, true);
  if (exitCode != 0) return d::MakeError(d::ErrorCode::kRefused, "login failed");
  stored = LoadStoredSession();
  if (!stored) {
    exitCode = Fail("the new session could not be read back");
    return d::MakeError(d::ErrorCode::kIo, "session not stored");
  }
  return *stored;
}

// One lookup of `patient` through the session, its report on stdout; whether it was complete.
d::Result<bool> LookUpOnce(workstation::PatientSession& session, workstation::CallQueue& queue,
                           const workstation::PatientLookups& lookups, const d::RegisteredPatient& patient,
                           d::Instant at, const ReportOptions& options) {
  std::cerr << "Opvragen bij " << patient.sources.size() << " bronnen tegelijk ...\n";
  session.Open(patient);
  // Every transfer ends by its deadline; the margin only guards against a bug hanging the caller.
  if (!queue.RunUntil([&session] { return !session.running(); }, lookups.deadline() + std::chrono::seconds(5))) {
    session.Stop(d::SourceStatus::kUnreachable, "deadline");
  }
  if (session.progress().phase == present::LookupProgress::Phase::kNotStarted) {
    return d::MakeError(d::ErrorCode::kMissing, present::DescribeLookup(session.progress()));
  }
  const d::PatientPicture& picture = *session.picture();
  const auto screen = session.Screen(at, {options.history, nullptr, nullptr});
  LoadedData data;
  for (const auto& s : picture.sources()) {
    if (d::Answered(s.status)) data.sources.push_back(s.source);
  }
  data.medication = picture.medication();
  data.ica = picture.ica();
  data.patients = picture.patients();
  ReportInput report{data, *screen.overview, screen.ica, options.explain, options.history, &picture};
  if (options.json)
    WriteJson(std::cout, report);
  else
    WriteText(std::cout, report);
  std::cout.flush();
  return picture.Complete();
}

}  // namespace

int RunRetrieve(const RetrieveArgs& args, const ReportOptions& options, const std::string& demoDir) {
  auto bsn = d::Bsn::Parse(args.bsn);
  if (!bsn) return Fail("--bsn: " + bsn.error().detail);
  d::Instant at = boost::posix_time::second_clock::universal_time();
  if (!options.at.empty()) {
    auto moment = d::ParseReferenceMoment(options.at);
    if (!moment) return Fail("--at: " + moment.error().detail);
    at = moment.value();
  }
  // The patient as the session opens him: from --source (and --birthdate), or from the register.
  d::RegisteredPatient patient{0, bsn.value(), "", std::nullopt, d::PatientCategory::kAdmitted, std::nullopt, "", {}};
  if (!args.birthDate.empty()) {
    auto date = d::ParseUserDate(args.birthDate);
    if (!date) return Fail("--birthdate: " + date.error().detail);
    patient.birthDate = date.value();
  }
  if (!args.sources.empty()) {
    auto sources = ParseSources(args.sources);
    if (!sources) return Fail(sources.error().detail);
    patient.sources = std::move(sources).value();
  } else {
    std::string file = args.registerFile;
    const char* env = std::getenv("ZORGBRUG_REGISTER");
    if (file.empty()) file = env && *env ? env : demoDir + "/register.json";
    auto found = FindInRegister(file, *bsn);
    if (!found) return Fail(found.error().detail);
    if (!found.value()) {
      return Fail("BSN " + bsn->Masked() + " is not in the patient register " + file +
                  ": name the sources with --source huisarts=URA --source apotheek=URA ...");
    }
    patient.sources = found.value()->sources;
    if (!patient.birthDate) patient.birthDate = found.value()->birthDate;
  }

  int loginExit = 0;
  auto stored = ReuseOrLogIn(args, loginExit);
  if (!stored) return loginExit;

  // The same patient session the workstation window uses, on this thread: deliveries wait in the
  // queue until drained here.
  workstation::GatewayLookups lookups(
      {stored->gateway, stored->caFile, stored->token, std::chrono::seconds(args.deadlineSeconds)});
  workstation::CallQueue queue;
  workstation::PatientSession session(
      lookups, [&queue](std::function<void()> call) { queue.Post(std::move(call)); },
      [](const workstation::SessionChange& change) {
        if (change.kind != workstation::SessionChange::Kind::kSourceAnswered || !change.source) return;
        const auto& o = *change.source;
        std::cerr << "  " << o.source.name << ": " << present::DescribeSource(o) << " (" << o.elapsed.count() << " ms, "
                  << o.requests << " verzoeken)\n";
      });
  // --every/--count: the same session asks again, as a ward monitor or script would; each lookup
  // prints its own report (JSON: one document per lookup).
  int complete = 0;
  for (int round = 0; round < args.count; ++round) {
    if (round > 0) std::this_thread::sleep_for(std::chrono::seconds(args.everySeconds));
    const d::Instant now = options.at.empty() ? boost::posix_time::second_clock::universal_time() : at;
    auto outcome = LookUpOnce(session, queue, lookups, patient, now, options);
    if (!outcome) return Fail(outcome.error().detail);
    complete += outcome.value() ? 1 : 0;
  }
  if (args.count > 1) std::cerr << complete << " van " << args.count << " opvragingen volledig\n";
  return complete == args.count ? 0 : kExitIncomplete;
}

}  // namespace zb::cli
