// SPDX-License-Identifier: GPL-3.0-or-later
#include "report_receiver.h"

#include <algorithm>
#include <iostream>

#include "clock.h"
#include "net/contract/waarneem_services.h"
#include "net/jose/base64url.h"
#include "net/jose/random.h"
#include "net/json_member.h"
#include "report_tasks.h"
#include "report_teams.h"

namespace zb::gateway {
namespace {

using net::StringMember;
using nlohmann::json;
namespace contract = net::contract;

json Actor(const Identity& u) { return {{"dezi_number", u.deziNumber}, {"role", u.roleCode}, {"ura", u.ura}}; }

// The Composition id of a workflow Task's focus ("Composition/<id>").
std::string FocusId(const json& task) {
  const json focus = task.value("focus", json());
  const std::string ref = StringMember(focus, "reference");
  const std::string prefix = "Composition/";
  if (ref.rfind(prefix, 0) != 0) return {};
  const std::string id = ref.substr(prefix.size());
  const bool plain = !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.';
  });
  return plain ? id : std::string();
}

// The BSN of the document's Patient ("" when it names none).
std::string DocumentBsn(const json& document) {
  if (!document.is_object()) return {};
  for (const auto& e : document.value("entry", json::array())) {
    const json r = e.is_object() ? e.value("resource", json()) : json();
    if (StringMember(r, "resourceType") != "Patient") continue;
    for (const auto& i : r.value("identifier", json::array()))
      if (StringMember(i, "system") == "http://fhir.nl/fhir/NamingSystem/bsn") return StringMember(i, "value");
  }
  return {};
}

// A request of a kept report as a to-do: which inbox item, whom it is about, from whom.
json TodoOf(const json& record, const json& request) {
  return {{"item", record.value("key", "")},
          {"patient", record.value("bsn", "")},
          {"sender_ura", record.value("sender_ura", "")},
          {"sender_name", record.value("sender_name", "")},
          {"received_at", record.value("received_at", 0)},
          {"team", record.value("team", json())},
          {"request", request}};
}

}  // namespace

InboundAnswer ReportReceiver::Notify(const InboundCall& call) {
  InboundCall checkedCall = call;
  checkedCall.url = m_ownBase + "/Task";
  const CheckedToken checked =
      CheckInboundToken(m_nuts, checkedCall, contract::kReportNotifyScope, "POST", m_config.subject);
  const json sender{{"ura", checked.token ? checked.token->organisationUra : ""},
                    {"name", checked.token ? checked.token->organisationName : ""}};
  auto refuse = [&](const domain::Error& e) {
    if (!AuditEvent("waarneem-notification", sender, json(), call.client, e.status, e.detail))
      return InboundAnswer{500, OperationOutcomeText("exception", "audit unavailable"), {}};
    return Refusal(e);
  };
  if (checked.refusal) return refuse(*checked.refusal);
  const Notification n = ReadNotification(call.body);
  if (!n.problems.empty()) {
    std::string text;
    for (std::size_t i = 0; i < n.problems.size() && i < 5; ++i) text += (i ? "; " : "") + n.problems[i];
    return refuse(Issue(422, "processing", text));
  }
  if (n.ownerUra != m_config.ura)
    return refuse(Issue(422, "processing", "Task.owner is URA " + n.ownerUra + ", not this organisation"));
  if (n.requesterUra != checked.token->organisationUra)
    return refuse(Issue(403, "forbidden", "Task.requester is not the organisation the token names"));
  auto registered = m_peers.Find(n.requesterUra);
  if (!registered) return refuse(Issue(503, "transient", "the sender cannot be found on Discovery now: retry later"));
  // Absolute under the sender's registered base, or relative to it ("Task/<id>", as the knooppunt
  // diagrams write it): either way no notification can steer our pulls to another address.
  const std::string taskId = TaskIdUnder(
      n.basedOn.rfind("Task/", 0) == 0 ? registered->fhirBase + "/" + n.basedOn : n.basedOn, registered->fhirBase);
  if (taskId.empty())
    return refuse(Issue(422, "processing", "Task.basedOn is not a Task under the sender's registered FHIR base"));
  // Addressed to one of our teams, or to the organisation; a team we do not know still arrives —
  // for the whole organisation, marked — because a report is never dropped over its address.
  json team;
  const json received = json::parse(call.body, nullptr, false);  // read once: routing, record, answer
  if (auto routed = RoutedTeam(received)) {
    team = {{"id", routed->id}, {"name", routed->name}, {"known", false}};
    for (const auto& t : m_config.teams)
      if (t.id == routed->id) team = {{"id", t.id}, {"name", t.name}, {"known", true}};
  }
  const std::string key = net::jose::Hex(net::jose::Sha256(n.requesterUra + "|" + taskId)).substr(0, 40);
  std::unique_lock lock(m_mutex);
  const bool known = m_shelf.Get(key).has_value();
  json record = m_shelf.Get(key).value_or(json{{"key", key},
                                               {"notification_id", n.id},
                                               {"sender_ura", n.requesterUra},
                                               {"sender_name", checked.token->organisationName},
                                               {"task_id", taskId},
                                               {"received_at", Now()},
                                               {"period_end", n.periodEnd},
                                               {"state", "new"},
                                               {"team", team},
                                               // As it came: the team can see it holds nothing about the patient.
                                               {"as_received", received}});
  if (!known) {
    if (auto put = m_shelf.Put(key, record); !put) {
      std::clog << "reports: cannot keep a notification: " << put.error().detail << "\n";
      return refuse(Issue(503, "transient", "the notification cannot be kept now: retry later"));
    }
  }
  lock.unlock();
  if (!AuditEvent("waarneem-notification", sender, record, call.client, known ? 200 : 201, ""))
    return {500, OperationOutcomeText("exception", "audit unavailable"), {}};
  json answer = received;
  answer["id"] = key;
  return {known ? 200 : 201, answer.dump(), {}};
}

InboundAnswer ReportReceiver::Teams(const InboundCall& call) {
  InboundCall checkedCall = call;
  checkedCall.url = m_ownBase + "/HealthcareService";
  // Who may notify us may see whom to address: the same token scope as the notification.
  const CheckedToken checked =
      CheckInboundToken(m_nuts, checkedCall, contract::kReportNotifyScope, "GET", m_config.subject);
  if (checked.refusal) return Refusal(*checked.refusal);
  return {200, TeamsBundle(m_config).dump(), {}};
}

json ReportReceiver::Inbox() const {
  auto all = m_shelf.All();
  std::sort(all.begin(), all.end(),
            [](const json& a, const json& b) { return a.value("received_at", 0) > b.value("received_at", 0); });
  json out = json::array();
  for (auto& r : all) {
    // The list says who sent what when; whom it is about and the requests come with a pull (and
    // the to-do list), so the inbox holds no patient data even after a report was read.
    r.erase("bsn");
    r.erase("requests");
    out.push_back(std::move(r));
  }
  return out;
}

domain::Result<json> ReportReceiver::Pull(const Identity& user, const std::string& id, const std::string& client,
                                          bool markRead) {
  auto fail = [&](domain::Error e, const json& record) -> domain::Result<json> {
    (void)AuditEvent("waarneem-pulled", Actor(user), record, client, e.status, e.problem);
    return e;
  };
  if (!m_config.RoleAllowed("relay", user.roleCode))
    return fail(Failure(403, "role_not_allowed", "role " + user.roleCode + " may not read on-call reports"), json());
  auto kept = m_shelf.Get(id);
  if (!kept) return fail(Failure(404, "report_not_found", "no notification " + id + " in the inbox"), json());
  json record = *kept;
  const std::string sender = record.value("sender_ura", ""), taskId = record.value("task_id", "");
  auto get = [&](const std::string& path) -> domain::Result<PeerAnswer> {
    auto answer = m_peers.Call(user, sender, contract::kReportPullScope, "GET", path);
    if (!answer) return answer.error();
    if (answer->status != 200)
      return Failure(
          502, "report_sender_error",
          path + " at URA " + sender + ": HTTP " + std::to_string(answer->status) + " " + answer->body.substr(0, 300));
    return answer;
  };
  auto task = get("Task/" + taskId);
  if (!task) return fail(task.error(), record);
  const json taskJson = json::parse(task->body, nullptr, false);
  const std::string compositionId = FocusId(taskJson);
  if (compositionId.empty())
    return fail(Failure(502, "report_sender_error", "the sender's Task has no Composition as focus"), record);
  auto document = get("Composition/" + compositionId + "/$document");
  if (!document) return fail(document.error(), record);
  auto pdf = get("Binary/" + taskId);
  if (!pdf) return fail(pdf.error(), record);
  // The requests to the own physician, each a sub-Task at the sender: they become our to-dos.
  json requests = json::array();
  for (const auto& requestId : RequestIds(taskJson)) {
    auto sub = get("Task/" + requestId);
    if (!sub) return fail(sub.error(), record);
    json summary = RequestSummary(json::parse(sub->body, nullptr, false));
    if (StringMember(summary, "id") != requestId || StringMember(summary, "text").empty())
      return fail(Failure(502, "report_sender_error",
                          "request Task/" + requestId + " at URA " + sender + " has no id or description"),
                  record);
    requests.push_back(std::move(summary));
  }
  const json documentJson = json::parse(document->body, nullptr, false);
  {
    std::lock_guard lock(m_mutex);
    json latest = m_shelf.Get(id).value_or(record);
    if (markRead && latest.value("state", "") == "new") {
      latest["state"] = "read";
      latest["read_by"] = user.DisplayName();
      latest["read_at"] = Now();
    }
    // Whom it is about, for the to-do list (the notification did not say; the shelf is sealed).
    latest["bsn"] = DocumentBsn(documentJson);
    latest["requests"] = requests;
    if (auto put = m_shelf.Put(id, latest); !put)
      std::clog << "reports: cannot note the read of " << id << ": " << put.error().detail << "\n";
    record = latest;
  }
  // The audit names the patient the pulled document is about.
  if (!AuditEvent("waarneem-pulled", Actor(user), record, client, 200, ""))
    return Failure(500, "audit_unavailable", "the audit trail cannot be written; the report is withheld");
  return json{{"notification", record},
              {"task", taskJson},
              {"document", documentJson},
              {"pdf", net::jose::Base64UrlEncode(pdf->body)}};
}

json ReportReceiver::Todos() const {
  json out = json::array();
  for (const auto& r : m_shelf.All()) {
    for (const auto& q : r.value("requests", json::array())) {
      out.push_back(TodoOf(r, q));
    }
  }
  // Open before done, then the earliest due date first: the morning list.
  std::stable_sort(out.begin(), out.end(), [](const json& a, const json& b) {
    const bool aDone = a["request"].value("status", "") == "completed",
               bDone = b["request"].value("status", "") == "completed";
    if (aDone != bDone) return !aDone;
    return a["request"].value("due", "") < b["request"].value("due", "");
  });
  return out;
}

domain::Result<json> ReportReceiver::CompleteRequest(const Identity& user, const std::string& requestId,
                                                     const std::string& client) {
  auto fail = [&](domain::Error e, const json& record) -> domain::Result<json> {
    (void)AuditEvent("waarneem-request-complete", Actor(user), record, client, e.status, e.problem);
    return e;
  };
  if (!m_config.RoleAllowed("relay", user.roleCode))
    return fail(Failure(403, "role_not_allowed", "role " + user.roleCode + " may not complete requests"), json());
  std::optional<json> found;
  for (auto& r : m_shelf.All()) {
    for (const auto& q : r.value("requests", json::array()))
      if (q.value("id", "") == requestId) found = r;
    if (found) break;
  }
  if (!found) return fail(Failure(404, "report_not_found", "no request " + requestId + " in the inbox"), json());
  const json record = *found;
  const std::string who = user.DisplayName() + " (DEZI " + user.deziNumber + ")";
  const std::string at = FhirInstant(Now());
  const json update = CompletedTask(requestId, who, at);
  auto answer = m_peers.Call(user, record.value("sender_ura", ""), contract::kReportPullScope, "PUT",
                             "Task/" + requestId, update.dump());
  if (!answer) return fail(answer.error(), record);
  if (answer->status != 200)
    return fail(Failure(502, "report_sender_error",
                        "the sender refused the completion: HTTP " + std::to_string(answer->status) + " " +
                            answer->body.substr(0, 300)),
                record);
  json done = RequestSummary(json::parse(answer->body, nullptr, false));
  if (StringMember(done, "id") != requestId) done = {{"id", requestId}};
  done["status"] = "completed";
  done["completed_by"] = who;
  done["completed_at"] = at;
  json kept;
  {
    std::lock_guard lock(m_mutex);
    json latest = m_shelf.Get(record.value("key", "")).value_or(record);
    for (auto& q : latest["requests"]) {
      if (q.value("id", "") != requestId) continue;
      for (const auto& [name, value] : done.items()) q[name] = value;
      kept = q;
    }
    if (auto put = m_shelf.Put(latest.value("key", ""), latest); !put)
      std::clog << "reports: cannot note the completion of " << requestId << ": " << put.error().detail << "\n";
  }
  if (!AuditEvent("waarneem-request-complete", Actor(user), record, client, 200, ""))
    return Failure(500, "audit_unavailable", "the audit trail cannot be written");
  return TodoOf(record, kept);
}

domain::Result<json> ReportReceiver::Acknowledge(const Identity& user, const std::string& id,
                                                 const std::string& client) {
  auto fail = [&](domain::Error e, const json& record) -> domain::Result<json> {
    (void)AuditEvent("waarneem-acknowledge", Actor(user), record, client, e.status, e.problem);
    return e;
  };
  if (!m_config.RoleAllowed("relay", user.roleCode))
    return fail(Failure(403, "role_not_allowed", "role " + user.roleCode + " may not acknowledge on-call reports"),
                json());
  auto kept = m_shelf.Get(id);
  if (!kept) return fail(Failure(404, "report_not_found", "no notification " + id + " in the inbox"), json());
  json record = *kept;
  const std::string taskId = record.value("task_id", "");
  const std::string who = user.DisplayName() + " (DEZI " + user.deziNumber + ")";
  const std::string at = FhirInstant(Now());
  const json update = CompletedTask(taskId, who, at);
  auto answer = m_peers.Call(user, record.value("sender_ura", ""), contract::kReportPullScope, "PUT", "Task/" + taskId,
                             update.dump());
  if (!answer) return fail(answer.error(), record);
  if (answer->status != 200)
    return fail(Failure(502, "report_sender_error",
                        "the sender refused the acknowledgement: HTTP " + std::to_string(answer->status) + " " +
                            answer->body.substr(0, 300)),
                record);
  {
    std::lock_guard lock(m_mutex);
    json latest = m_shelf.Get(id).value_or(record);
    latest["state"] = "acknowledged";
    latest["acknowledged_by"] = who;
    latest["acknowledged_at"] = at;
    if (auto put = m_shelf.Put(id, latest); !put)
      std::clog << "reports: cannot note the acknowledgement of " << id << ": " << put.error().detail << "\n";
    record = latest;
  }
  if (!AuditEvent("waarneem-acknowledge", Actor(user), record, client, 200, ""))
    return Failure(500, "audit_unavailable", "the audit trail cannot be written");
  return record;
}

bool ReportReceiver::AuditEvent(const std::string& event, const json& actor, const json& record,
                                const std::string& client, int status, const std::string& error) {
  json entry{
      {"event", event}, {"client", client}, {"actor", actor}, {"outcome", {{"status", status}, {"error", error}}}};
  if (record.is_object())
    entry["report"] = {{"notification", record.value("key", "")},
                       {"sender_ura", record.value("sender_ura", "")},
                       {"task_id", record.value("task_id", "")}};
  if (record.is_object() && !record.value("bsn", "").empty()) entry["patient"] = m_audit.PatientRef(record["bsn"]);
  auto ok = m_audit.Append(entry);
  if (!ok) std::clog << "AUDIT FAILURE: " << ok.error().detail << "\n";
  return ok.ok();
}

}  // namespace zb::gateway
