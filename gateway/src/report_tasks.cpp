// SPDX-License-Identifier: GPL-3.0-or-later
#include "report_tasks.h"

#include <algorithm>
#include <ctime>

#include "net/contract/waarneem_services.h"
#include "net/json_member.h"

namespace zb::gateway {
namespace {

using net::StringMember;
using nlohmann::json;
namespace contract = net::contract;

constexpr const char* kUraSystem = "http://fhir.nl/fhir/NamingSystem/ura";
constexpr const char* kBsnSystem = "http://fhir.nl/fhir/NamingSystem/bsn";
constexpr const char* kUrnSystem = "urn:ietf:rfc:3986";

json Organisation(const Party& p) {
  json r{{"type", "Organization"}, {"identifier", {{"system", kUraSystem}, {"value", p.ura}}}};
  if (!p.name.empty()) r["display"] = p.name;
  return r;
}

bool IsUuid(const std::string& s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash != (s[i] == '-') || (!dash && !std::isxdigit(static_cast<unsigned char>(s[i])))) return false;
  }
  return true;
}

}  // namespace

std::string FhirInstant(std::int64_t seconds) {
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char out[32];
  std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return out;
}

json WorkflowTask(const std::string& taskId, const std::string& compositionId, const std::string& bsn,
                  const Party& sender, const Party& receiver, std::int64_t now, std::int64_t pullUntil) {
  return {{"resourceType", "Task"},
          {"id", taskId},
          {"identifier", {{{"system", kUrnSystem}, {"value", "urn:uuid:" + taskId}}}},
          {"status", "requested"},
          {"intent", "order"},
          {"code",
           {{"coding",
             {{{"system", contract::kZbTaskCodeSystem},
               {"code", contract::kOfferReportCode},
               {"display", "Waarneemverslag aanbieden"}}}}}},
          {"focus", {{"reference", "Composition/" + compositionId}}},
          {"for", {{"identifier", {{"system", kBsnSystem}, {"value", bsn}}}}},
          {"authoredOn", FhirInstant(now)},
          {"lastModified", FhirInstant(now)},
          {"requester", Organisation(sender)},
          {"owner", Organisation(receiver)},
          {"restriction", {{"period", {{"end", FhirInstant(pullUntil)}}}}},
          {"input",
           {{{"type", {{"text", "document"}}}, {"valueReference", {{"reference", "Composition/" + compositionId}}}},
            {{"type", {{"text", "pdf"}}}, {"valueReference", {{"reference", "Binary/" + taskId}}}}}}};
}

json RequestTask(const std::string& id, const std::string& taskId, const RequestLine& request, const std::string& bsn,
                 const Party& sender, const Party& receiver, std::int64_t now) {
  return {{"resourceType", "Task"},
          {"id", id},
          {"identifier", {{{"system", kUrnSystem}, {"value", "urn:uuid:" + id}}}},
          {"partOf", {{{"reference", "Task/" + taskId}}}},
          {"status", "requested"},
          {"intent", "order"},
          {"priority", request.urgent ? "urgent" : "routine"},
          {"code",
           {{"coding",
             {{{"system", contract::kZbTaskCodeSystem},
               {"code", contract::kRequestCode},
               {"display", "Verzoek aan eigen arts"}}}}}},
          {"description", request.text},
          {"for", {{"identifier", {{"system", kBsnSystem}, {"value", bsn}}}}},
          {"authoredOn", FhirInstant(now)},
          {"lastModified", FhirInstant(now)},
          {"requester", Organisation(sender)},
          {"owner", Organisation(receiver)},
          {"restriction", {{"period", {{"end", request.due}}}}}};
}

json CompletedTask(const std::string& id, const std::string& who, const std::string& at) {
  return {{"resourceType", "Task"},
          {"id", id},
          {"status", "completed"},
          {"output",
           {{{"type", {{"text", contract::kAcknowledgedBy}}}, {"valueString", who}},
            {{"type", {{"text", contract::kAcknowledgedAt}}}, {"valueDateTime", at}}}}};
}

json RequestSummary(const json& task) {
  if (!task.is_object()) return json::object();
  const json restriction = task.value("restriction", json::object());
  const json period = restriction.is_object() ? restriction.value("period", json::object()) : json::object();
  std::string by, at;
  for (const auto& o : task.value("output", json::array())) {
    if (!o.is_object()) continue;
    const std::string name = StringMember(o.value("type", json::object()), "text");
    if (name == contract::kAcknowledgedBy) by = StringMember(o, "valueString");
    if (name == contract::kAcknowledgedAt) at = StringMember(o, "valueDateTime");
  }
  return {{"id", StringMember(task, "id")},
          {"text", StringMember(task, "description")},
          {"due", period.is_object() ? StringMember(period, "end") : std::string()},
          {"priority", StringMember(task, "priority")},
          {"status", StringMember(task, "status")},
          {"completed_by", by},
          {"completed_at", at}};
}

std::vector<std::string> RequestIds(const json& workflowTask) {
  std::vector<std::string> out;
  if (!workflowTask.is_object()) return out;
  for (const auto& in : workflowTask.value("input", json::array())) {
    if (!in.is_object() || StringMember(in.value("type", json::object()), "text") != contract::kRequestInput) continue;
    const std::string ref = StringMember(in.value("valueReference", json::object()), "reference");
    if (ref.rfind("Task/", 0) == 0 && IsUuid(ref.substr(5))) out.push_back(ref.substr(5));
  }
  return out;
}

json NotificationTask(const std::string& notificationId, const std::string& taskId, const std::string& senderBase,
                      const Party& sender, const std::string& receiverUra, std::int64_t now, std::int64_t pullUntil) {
  return {{"resourceType", "Task"},
          {"identifier", {{{"system", kUrnSystem}, {"value", "urn:uuid:" + notificationId}}}},
          {"groupIdentifier", {{"system", kUrnSystem}, {"value", "urn:uuid:" + taskId}}},
          {"basedOn", {{{"reference", senderBase + "/Task/" + taskId}}}},
          {"status", "requested"},
          {"intent", "proposal"},
          {"code", {{"coding", {{{"system", contract::kTaskCodeSystem}, {"code", contract::kPullNotificationCode}}}}}},
          {"authoredOn", FhirInstant(now)},
          {"requester", Organisation({sender.ura, ""})},
          {"owner", Organisation({receiverUra, ""})},
          {"restriction", {{"period", {{"end", FhirInstant(pullUntil)}}}}},
          {"input",
           {{{"type",
              {{"coding",
                {{{"system", "http://fhir.nl/fhir/NamingSystem/TaskParameter"}, {"code", "get-workflow-task"}}}}}},
             {"valueBoolean", true}}}}};
}

Notification ReadNotification(const std::string& body) {
  Notification out;
  const json task = json::parse(body, nullptr, false);
  if (!task.is_object() || StringMember(task, "resourceType") != "Task") {
    out.problems.push_back("the body is not a FHIR Task (JSON)");
    return out;
  }
  bool coded = false;
  const json code = task.value("code", json());
  if (code.is_object() && code.value("coding", json()).is_array()) {
    for (const auto& c : code["coding"])
      coded = coded || (StringMember(c, "system") == contract::kTaskCodeSystem &&
                        StringMember(c, "code") == contract::kPullNotificationCode);
  }
  if (!coded) out.problems.push_back("Task.code must be " + std::string(contract::kPullNotificationCode));
  if (StringMember(task, "status") != "requested") out.problems.push_back("Task.status must be requested");
  const json ids = task.value("identifier", json());
  const std::string id = ids.is_array() && !ids.empty() ? StringMember(ids[0], "value") : std::string();
  if (id.rfind("urn:uuid:", 0) != 0 || !IsUuid(id.substr(9)))
    out.problems.push_back("Task.identifier[0].value must be a urn:uuid");
  else
    out.id = id.substr(9);
  auto ura = [&](const char* member) {
    json r = task.value(member, json());
    // STU3 (the knooppunt's and Twiin's shape) names the organisation in requester.onBehalfOf.
    if (r.is_object() && !r.contains("identifier") && r.value("onBehalfOf", json()).is_object()) r = r["onBehalfOf"];
    const json i = r.is_object() ? r.value("identifier", json()) : json();
    if (StringMember(i, "system") != kUraSystem || StringMember(i, "value").empty()) {
      out.problems.push_back(std::string("Task.") + member + ".identifier must be a URA");
      return std::string();
    }
    return StringMember(i, "value");
  };
  out.requesterUra = ura("requester");
  out.ownerUra = ura("owner");
  const json based = task.value("basedOn", json());
  if (!based.is_array() || based.size() != 1 || StringMember(based[0], "reference").empty())
    out.problems.push_back("Task.basedOn must hold exactly one reference (the workflow Task)");
  else
    out.basedOn = StringMember(based[0], "reference");
  const json restriction = task.value("restriction", json());
  const json period = restriction.is_object() ? restriction.value("period", json()) : json();
  out.periodEnd = period.is_object() ? StringMember(period, "end") : std::string();
  return out;
}

std::string TaskIdUnder(const std::string& url, const std::string& base) {
  const std::string prefix = base + "/Task/";
  if (url.size() <= prefix.size() || url.compare(0, prefix.size(), prefix) != 0) return {};
  const std::string id = url.substr(prefix.size());
  return IsUuid(id) ? id : std::string();
}

}  // namespace zb::gateway
