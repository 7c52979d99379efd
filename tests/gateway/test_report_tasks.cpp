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

  const auto v = test::ValidateFhir(dir);
  if (!v) {
    WARN("skipped: tests/node_modules lacks @medplum/core or fhirpath: run `npm ci --prefix tests`");
    return;
  }
  INFO(v->output);
  CHECK(v->exitCode == 0);
  CHECK(v->summary.find(" 0 base-R4 errors, 0 failed of ") != std::string::npos);
  // The rules of the Tasks did run (a rule that never applies proves nothing).
  CHECK(v->summary.find("validated 4 files") != std::string::npos);
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
