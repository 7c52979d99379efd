// SPDX-License-Identifier: GPL-3.0-or-later
// The Tasks of the on-call report's notified pull (report_tasks.h; docs/waarneem-ig.md §3, §5), as
// the gateway writes them, checked by what we did not write: @medplum/core (base R4) and fhirpath.js
// with the profile rules (np-*, wv-*-task), and the knooppunt's own example notification from
// ../shared/specs/notified-pull, which our receiver must read in its STU3 shape.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "child_process.h"
#include "fhir_validation.h"
#include "report_tasks.h"
#include "report_teams.h"

using namespace zb;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kTask = "484639e6-e647-464c-8722-6e8a73cda4e0";
const std::string kRequest = "123e4567-e89b-42d3-a456-426614174000";
const gateway::Party kSender{"90000380", "Zorginstelling 01"};
const gateway::Party kReceiver{"90000381", "Zorginstelling 02"};
constexpr std::int64_t kNow = 1764640800;  // 02-12-2026 03:00 Dutch time

json WorkflowWithRequest() {
  json task = gateway::WorkflowTask(kTask, "74eea425-27e0-4cc9-9cb5-31731e9bcf43", "999991000", kSender, kReceiver,
                                    kNow, kNow + 30 * 86400);
  task["input"].push_back({{"type", {{"text", "verzoek"}}}, {"valueReference", {{"reference", "Task/" + kRequest}}}});
  return task;
}

std::optional<fs::path> KnooppuntNotification() {
  const fs::path file = fs::path(ZB_SHARED_DIR) / "specs" / "notified-pull" / "nuts-knooppunt" / "mock-components" /
                        "demo-ehr" / "notification-task.json";
  std::error_code ec;
  return fs::is_regular_file(file, ec) ? std::optional<fs::path>(file) : std::nullopt;
}

// Every file in `dir` (`files` of them) is valid R4 and meets the profile rules, by @medplum/core
// and fhirpath.js; the rules did run (a rule that never applies proves nothing).
void CheckValid(const std::string& dir, int files) {
  const auto v = test::ValidateFhir(dir);
  if (!v) {
    WARN("skipped: tests/node_modules lacks @medplum/core or fhirpath: run `npm ci --prefix tests`");
    return;
  }
  INFO(v->output);
  CHECK(v->exitCode == 0);
  CHECK(v->summary.find(" 0 base-R4 errors, 0 failed of ") != std::string::npos);
  CHECK(v->summary.find("validated " + std::to_string(files) + " files") != std::string::npos);
}

}  // namespace

TEST_CASE("the workflow, request and notification Tasks are valid R4 and meet the notified-pull rules") {
  const std::string dir = test::MakeTempDir("zb-report-tasks");
  const json notification =
      gateway::NotificationTask("6128cfe7-0e89-4d37-ba90-e4ca3b3fcbbe", kTask, "https://gw.example/waarneem/fhir",
                                kSender, "90000381", kNow, kNow + 30 * 86400);
  json request = gateway::RequestTask(kRequest, kTask, {"Heup opnieuw beoordelen", "2026-12-03", true}, "999991000",
                                      kSender, kReceiver, kNow);
  std::ofstream(dir + "/workflow.json") << WorkflowWithRequest().dump(1);
  std::ofstream(dir + "/notification.json") << notification.dump(1);
  std::ofstream(dir + "/request.json") << request.dump(1);
  request["status"] = "completed";
  request["output"] = {{{"type", {{"text", "acknowledged-by"}}}, {"valueString", "K. Visser (DEZI 900000048)"}},
                       {{"type", {{"text", "acknowledged-at"}}}, {"valueDateTime", "2026-12-03T08:00:00Z"}}};
  std::ofstream(dir + "/request-completed.json") << request.dump(1);

  // What our own reader makes of them.
  const auto read = gateway::ReadNotification(notification.dump());
  CHECK(read.problems.empty());
  CHECK(read.requesterUra == "90000380");
  CHECK(read.ownerUra == "90000381");
  CHECK(gateway::TaskIdUnder(read.basedOn, "https://gw.example/waarneem/fhir") == kTask);
  CHECK(notification.dump().find("999991000") == std::string::npos);
  CHECK(gateway::RequestIds(WorkflowWithRequest()) == std::vector<std::string>{kRequest});
  const json summary = gateway::RequestSummary(request);
  CHECK(summary["due"] == "2026-12-03");
  CHECK(summary["priority"] == "urgent");
  CHECK(summary["completed_by"] == "K. Visser (DEZI 900000048)");

  CheckValid(dir, 4);
}

TEST_CASE("a team: published as HealthcareService, named on the Tasks by the routing extension, read back") {
  const std::string dir = test::MakeTempDir("zb-report-teams");
  gateway::GatewayConfig config;
  config.ura = "90000381";
  config.organisationName = "Zorginstelling 02";
  config.teams = {{"so-berk", "SO-team De Berk", "Locatie De Berk"}, {"so-eik", "SO-team De Eik", ""}};
  const json bundle = gateway::TeamsBundle(config);
  json notification =
      gateway::NotificationTask("6128cfe7-0e89-4d37-ba90-e4ca3b3fcbbe", kTask, "https://gw.example/waarneem/fhir",
                                kSender, "90000381", kNow, kNow + 30 * 86400);
  notification["extension"] = json::array({gateway::RoutingExtension(config.teams[1], "90000381")});
  json workflow = WorkflowWithRequest();
  workflow["extension"] = notification["extension"];
  std::ofstream(dir + "/teams.json") << bundle.dump(1);
  std::ofstream(dir + "/notification.json") << notification.dump(1);
  std::ofstream(dir + "/workflow.json") << workflow.dump(1);

  // What a sender reads of the Bundle, and a receiver of the Task; the owner stays the organisation.
  const auto teams = gateway::ReadTeams(bundle.dump(), "90000381");
  REQUIRE(teams);
  CHECK(teams.value() == json::parse(R"([{"id":"so-berk","name":"SO-team De Berk","location":"Locatie De Berk"},
                                         {"id":"so-eik","name":"SO-team De Eik","location":""}])"));
  const auto routed = gateway::RoutedTeam(notification);
  REQUIRE(routed);
  CHECK(routed->id == "so-eik");
  CHECK(routed->name == "SO-team De Eik");
  CHECK(gateway::ReadNotification(notification.dump()).ownerUra == "90000381");
  CHECK_FALSE(gateway::RoutedTeam(WorkflowWithRequest()));
  // A Bundle that is not teams is refused, naming the entry.
  json bad = bundle;
  bad["entry"][1]["resource"]["identifier"] = json::array();
  const auto refused = gateway::ReadTeams(bad.dump(), "90000381");
  REQUIRE_FALSE(refused);
  CHECK(refused.error().detail ==
        "the teams of URA 90000381 cannot be read: Bundle.entry[1] has no team identifier "
        "(https://zorgbrug.nl/fhir/NamingSystem/team) or no name");
  CHECK_FALSE(gateway::ReadTeams("<html>", "90000381"));

  CheckValid(dir, 3);
}

TEST_CASE("the knooppunt's example notification is read in its STU3 shape, and refused only for what it lacks") {
  const auto file = KnooppuntNotification();
  if (!file) {
    WARN("skipped: ../shared/specs/notified-pull is absent (the knooppunt's example notification)");
    return;
  }
  std::ifstream in(*file);
  json example = json::parse(in);
  // As published: dummy organisation identifiers and no basedOn (the demo's BgZ variant); each named.
  auto read = gateway::ReadNotification(example.dump());
  REQUIRE(read.problems.size() == 3);
  CHECK(read.problems[0] == "Task.requester.identifier must be a URA");
  CHECK(read.problems[1] == "Task.owner.identifier must be a URA");
  CHECK_THAT(read.problems[2], Catch::StartsWith("Task.basedOn must hold exactly one reference"));
  CHECK(read.id == "6128cfe7-0e89-4d37-ba90-e4ca3b3fcbbe");

  // With URAs and a workflow Task relative to the sender's base, as the eOverdracht diagram has it:
  // accepted, the sender taken from requester.onBehalfOf.
  example["requester"]["onBehalfOf"]["identifier"] = {{"system", "http://fhir.nl/fhir/NamingSystem/ura"},
                                                      {"value", "90000380"}};
  example["owner"]["identifier"] = {{"system", "http://fhir.nl/fhir/NamingSystem/ura"}, {"value", "90000381"}};
  example["basedOn"] = {{{"reference", "Task/" + kTask}}};
  read = gateway::ReadNotification(example.dump());
  INFO(read.problems.size());
  CHECK(read.problems.empty());
  CHECK(read.requesterUra == "90000380");
  CHECK(read.ownerUra == "90000381");
  CHECK(read.basedOn == "Task/" + kTask);
}
