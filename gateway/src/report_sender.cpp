// SPDX-License-Identifier: GPL-3.0-or-later
#include "report_sender.h"

#include <algorithm>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <iostream>

#include "clock.h"
#include "net/contract/waarneem_services.h"
#include "net/fhir/locum_report_fhir.h"
#include "net/jose/base64url.h"
#include "net/jose/random.h"
#include "net/json_member.h"
#include "report_tasks.h"
#include "report_teams.h"

namespace zb::gateway {
namespace {

using net::StringMember;
using net::StringMemberOr;
using nlohmann::json;
namespace contract = net::contract;

constexpr std::int64_t kPullDays = 30;   // how long the receiver may pull (Task.restriction)
constexpr std::int64_t kFirstRetry = 5;  // seconds; doubled per attempt
constexpr std::int64_t kLongestRetry = 1800;

domain::Error Invalid(const std::string& detail) { return Failure(400, "report_invalid", detail); }

json IdentityJson(const Identity& u) {
  return {
      {"dezi_number", u.deziNumber}, {"initials", u.initials},  {"prefix", u.prefix}, {"surname", u.surname},
      {"role", u.roleCode},          {"role_name", u.roleName}, {"ura", u.ura},       {"organisation", u.organisation}};
}

Identity IdentityOf(const json& j) {
  Identity u;
  u.deziNumber = StringMember(j, "dezi_number");
  u.initials = StringMember(j, "initials");
  u.prefix = StringMember(j, "prefix");
  u.surname = StringMember(j, "surname");
  u.roleCode = StringMember(j, "role");
  u.roleName = StringMember(j, "role_name");
  u.ura = StringMember(j, "ura");
  u.organisation = StringMember(j, "organisation");
  return u;
}

std::int64_t Backoff(std::int64_t attempts) {
  std::int64_t wait = kFirstRetry;
  for (std::int64_t i = 1; i < attempts && wait < kLongestRetry; ++i) wait *= 2;
  return std::min(wait, kLongestRetry);
}

std::string State(const json& record) {
  const json& n = record["notification"];
  const std::string taskStatus = StringMember(record["task"], "status");
  if (taskStatus == "completed") return "completed";
  if (taskStatus == "received") return "received";
  const std::string s = StringMember(n, "state");
  if (s == "accepted") return "notified";
  if (s == "no_endpoint") return "no_endpoint";
  return "saved";
}

json Output(const json& task, std::string_view name) {
  if (!task.is_object()) return json();  // also an update that is not JSON at all
  for (const auto& o : task.value("output", json::array())) {
    if (!o.is_object()) continue;
    const json type = o.value("type", json::object());
    if (StringMember(type, "text") == name) return o;
  }
  return json();
}

}  // namespace

json OutboxEntryOf(const json& record) {
  const json& n = record["notification"];
  const json& task = record["task"];
  const json by = Output(task, contract::kAcknowledgedBy), at = Output(task, contract::kAcknowledgedAt);
  json reads = json::array(), requests = json::array();
  for (const auto& r : record.value("reads", json::array())) reads.push_back(r);
  for (const auto& q : record.value("requests", json::array())) requests.push_back(RequestSummary(q));
  return {{"task_id", record.value("key", "")},
          {"report_id", record.value("report_id", "")},
          {"patient", record.value("bsn", "")},
          {"receiver_ura", record["receiver"].value("ura", "")},
          {"receiver_name", record["receiver"].value("name", "")},
          {"receiver_team", record["receiver"].value("team", json::object()).value("name", "")},
          {"author", record["author"].value("dezi_number", "")},
          {"published_at", record.value("published_at", 0)},
          {"state", State(record)},
          {"notify_attempts", n.value("attempts", 0)},
          {"last_error", n.value("last_error", "")},
          {"next_attempt", n.value("next_attempt", 0)},
          {"notified_at", n.value("accepted_at", 0)},
          {"received_at", record.value("received_at", 0)},
          {"read_by", by.is_object() ? StringMember(by, "valueString") : std::string()},
          {"read_at", at.is_object() ? StringMember(at, "valueDateTime") : std::string()},
          {"reads", reads},
          {"requests", requests}};
}

ReportSender::ReportSender(const GatewayConfig& config, SealedShelf& shelf, PeerCaller& peers, NutsClient& nuts,
                           AuditLog& audit, std::string ownBase)
    : m_config(config),
      m_shelf(shelf),
      m_peers(peers),
      m_nuts(nuts),
      m_audit(audit),
      m_ownBase(std::move(ownBase)),
      m_retry([this] { RetryLoop(); }) {}

ReportSender::~ReportSender() {
  {
    std::lock_guard lock(m_wakeMutex);
    m_stop = true;
  }
  m_wake.notify_all();
  m_retry.join();
}

domain::Result<std::pair<json, bool>> ReportSender::Publish(const Identity& user, const ReportSubmission& s) {
  auto refuse = [&](domain::Error e, const json& record = json()) -> domain::Result<std::pair<json, bool>> {
    (void)AuditEvent("waarneem-published", IdentityJson(user), record, s.client, e.status, e.problem);
    return e;
  };
  if (!m_config.RoleAllowed("relay", user.roleCode))
    return refuse(Failure(403, "role_not_allowed", "role " + user.roleCode + " may not send on-call reports"));
  if (s.receiverUra.size() != 8 || s.receiverUra.find_first_not_of("0123456789") != std::string::npos)
    return refuse(Invalid("receiver_ura must be the receiving organisation's URA (8 digits)"));
  auto report = net::fhir::ReadLocumReport(s.document, "the document");
  if (!report) return refuse(Invalid(report.error().detail));
  const domain::LocumReport& r = report.value();
  if (r.status == domain::ReportStatus::kDraft) return refuse(Invalid("only a signed report is sent"));
  if (r.author.deziNumber != user.deziNumber)
    return refuse(Invalid("the report is signed by another physician than the one logged in"));
  const std::string bsn = r.patient.bsn ? r.patient.bsn->digits() : std::string();
  if (bsn.empty() || bsn != s.patient) return refuse(Invalid("the report's patient is not the declared patient"));
  if (s.pdf.size() < 5 || s.pdf.compare(0, 5, "%PDF-") != 0) return refuse(Invalid("the PDF rendering is missing"));

  std::unique_lock lock(m_mutex);
  for (const auto& kept : m_shelf.All()) {
    if (kept.value("report_id", "") != r.id) continue;
    if (kept["receiver"].value("ura", "") != s.receiverUra)
      return refuse(Failure(409, "report_sent_elsewhere",
                            "this report was sent to URA " + kept["receiver"].value("ura", "") + " before"));
    return std::make_pair(OutboxEntryOf(kept), false);
  }
  const std::string taskId = net::jose::RandomUuid();
  const std::int64_t now = Now();
  std::string receiverName;
  if (auto holder = m_peers.Find(s.receiverUra)) receiverName = holder->name;
  const json document = json::parse(s.document, nullptr, false);
  const Party sender{m_config.ura, m_config.organisationName}, receiver{s.receiverUra, receiverName};
  json task = WorkflowTask(taskId, r.id, bsn, sender, receiver, now, now + kPullDays * 86400);
  json receiverEntry{{"ura", s.receiverUra}, {"name", receiverName}};
  if (s.team) {
    // The routing label goes on the workflow Task and on every notification (§5a).
    task["extension"] = json::array({RoutingExtension(*s.team, s.receiverUra)});
    receiverEntry["team"] = {{"id", s.team->id}, {"name", s.team->name}};
  }
  // Each request to the own physician is a sub-Task of its own, completed by the receiver (§3).
  json requests = json::array();
  for (const auto& q : r.requests) {
    const std::string id = net::jose::RandomUuid();
    requests.push_back(RequestTask(
        id, taskId,
        {q.text, boost::gregorian::to_iso_extended_string(q.due), q.priority == domain::RequestPriority::kUrgent}, bsn,
        sender, receiver, now));
    task["input"].push_back(
        {{"type", {{"text", contract::kRequestInput}}}, {"valueReference", {{"reference", "Task/" + id}}}});
  }
  json record{
      {"key", taskId},
      {"report_id", r.id},
      {"bsn", bsn},
      {"receiver", receiverEntry},
      {"author", IdentityJson(user)},
      {"document", document},
      {"pdf", net::jose::Base64UrlEncode(s.pdf)},
      {"task", task},
      {"requests", requests},
      {"published_at", now},
      // The first attempt is made right below; the retry thread's first turn comes after it.
      {"notification",
       {{"id", net::jose::RandomUuid()}, {"state", "pending"}, {"attempts", 0}, {"next_attempt", now + kFirstRetry}}},
      {"reads", json::array()}};
  // Kept (synced) before anyone is told: a crash from here on resends, never loses.
  auto put = m_shelf.Put(taskId, record);
  if (!put) {
    std::clog << "reports: cannot keep a report: " << put.error().detail << "\n";
    return refuse(Failure(503, "report_store_unavailable", "the report cannot be kept now: send again later"));
  }
  if (!AuditEvent("waarneem-published", IdentityJson(user), record, s.client, 201, ""))
    return Failure(500, "audit_unavailable", "the audit trail cannot be written");
  lock.unlock();
  Notify(taskId);
  return std::make_pair(OutboxEntryOf(m_shelf.Get(taskId).value_or(record)), true);
}

void ReportSender::Notify(const std::string& key) {
  json record;
  {
    std::lock_guard lock(m_mutex);
    auto kept = m_shelf.Get(key);
    if (!kept || StringMember((*kept)["notification"], "state") != "pending") return;
    // One attempt at a time per report: the retry thread and a publish never notify it together.
    if (!m_notifying.insert(key).second) return;
    record = *kept;
  }
  json& n = record["notification"];
  const std::string receiver = record["receiver"].value("ura", "");
  const std::int64_t now = Now();
  json notification = NotificationTask(n.value("id", ""), key, m_ownBase, {m_config.ura, m_config.organisationName},
                                       receiver, now, now + kPullDays * 86400);
  if (auto team = RoutedTeam(record["task"]))
    notification["extension"] = json::array({RoutingExtension(*team, receiver)});
  auto answer = m_peers.Call(IdentityOf(record["author"]), receiver, contract::kReportNotifyScope, "POST", "Task",
                             notification.dump());
  const std::int64_t attempts = n.value("attempts", 0) + 1;
  n["attempts"] = attempts;
  int status = 0;
  std::string error;
  if (answer && (answer->status == 200 || answer->status == 201)) {
    status = static_cast<int>(answer->status);
    n["state"] = "accepted";
    n["accepted_at"] = now;
    n["last_error"] = "";
  } else if (!answer && answer.error().problem == "holder_not_in_directory") {
    // No endpoint: the report goes as PDF through secure mail, confirmed by hand at the desktop.
    n["state"] = "no_endpoint";
    error = answer.error().detail;
    n["last_error"] = error;
  } else {
    status = answer ? static_cast<int>(answer->status) : answer.error().status;
    error =
        answer ? "HTTP " + std::to_string(answer->status) + ": " + answer->body.substr(0, 300) : answer.error().detail;
    n["last_error"] = error;
    n["next_attempt"] = now + Backoff(attempts);
  }
  {
    std::lock_guard lock(m_mutex);
    // Keep what a pull changed meanwhile (Task status, reads): only the notification part is ours.
    json latest = m_shelf.Get(key).value_or(record);
    latest["notification"] = n;
    if (auto put = m_shelf.Put(key, latest); !put)
      std::clog << "reports: cannot note the notification of " << key << ": " << put.error().detail << "\n";
    m_notifying.erase(key);
  }
  (void)AuditEvent("waarneem-notified", {{"ura", receiver}}, record, "", status, error);
  std::clog << "reports: notification " << key << " -> " << StringMember(n, "state") << "\n";
}

void ReportSender::RetryLoop() {
  for (;;) {
    {
      std::unique_lock lock(m_wakeMutex);
      if (m_wake.wait_for(lock, std::chrono::seconds(1), [this] { return m_stop; })) return;
    }
    const std::int64_t now = Now();
    for (const auto& record : m_shelf.All()) {
      const json& n = record["notification"];
      if (StringMember(n, "state") == "pending" && n.value("next_attempt", std::int64_t{0}) <= now)
        Notify(record.value("key", ""));
      std::lock_guard lock(m_wakeMutex);
      if (m_stop) return;
    }
  }
}

json ReportSender::Outbox() const {
  json out = json::array();
  auto all = m_shelf.All();
  std::sort(all.begin(), all.end(),
            [](const json& a, const json& b) { return a.value("published_at", 0) > b.value("published_at", 0); });
  for (const auto& r : all) out.push_back(OutboxEntryOf(r));
  return out;
}

InboundAnswer ReportSender::Serve(const InboundCall& call, const std::string& method, const std::string& kind,
                                  const std::string& id) {
  const std::string path = kind + "/" + id + (kind == "Composition" ? "/$document" : "");
  InboundCall checkedCall = call;
  checkedCall.url = m_ownBase + "/" + path;
  const CheckedToken checked =
      CheckInboundToken(m_nuts, checkedCall, contract::kReportPullScope, method, m_config.subject);
  json reader{{"ura", checked.token ? checked.token->organisationUra : ""},
              {"name", checked.token ? checked.token->organisationName : ""},
              {"dezi_number", checked.token ? checked.token->employeeId : ""},
              {"employee_name", checked.token ? checked.token->employeeName : ""}};
  std::string event = method == "PUT" ? "waarneem-acknowledged" : "waarneem-read";
  auto refuse = [&](const domain::Error& e, const json& record) {
    if (!AuditEvent(event, reader, record, call.client, e.status, e.detail))
      return InboundAnswer{500, OperationOutcomeText("exception", "audit unavailable"), {}};
    return Refusal(e);
  };
  if (checked.refusal) return refuse(*checked.refusal, json());

  std::unique_lock lock(m_mutex);
  std::optional<json> found;
  std::size_t request = 0;  // the request sub-Task asked for, if `found` is not the workflow Task
  bool isRequest = false;
  if (kind == "Composition") {
    for (auto& r : m_shelf.All())
      if (r.value("report_id", "") == id) found = std::move(r);
  } else {
    found = m_shelf.Get(id);
  }
  if (!found && kind == "Task") {
    for (auto& r : m_shelf.All()) {
      const json& list = r["requests"];
      for (std::size_t i = 0; list.is_array() && i < list.size() && !found; ++i) {
        if (StringMember(list[i], "id") != id) continue;
        request = i;
        isRequest = true;
        found = std::move(r);
      }
      if (found) break;
    }
  }
  if (isRequest && method == "PUT") event = "waarneem-request-completed";
  if (!found) return refuse(Issue(404, "not-found", path + " is not here"), json());
  json record = std::move(*found);
  const std::string owner = record["receiver"].value("ura", "");
  if (checked.token->organisationUra != owner)
    return refuse(Issue(403, "forbidden", "only the organisation the report is for (Task.owner) may read it"), record);
  InboundAnswer answer{200, {}, {}};
  json& task = isRequest ? record["requests"][request] : record["task"];
  const std::string now = FhirInstant(Now());
  if (method == "PUT") {
    const json update = json::parse(call.body, nullptr, false);
    const std::string status = StringMember(update, "status");
    const json by = Output(update, contract::kAcknowledgedBy), at = Output(update, contract::kAcknowledgedAt);
    if (StringMember(update, "resourceType") != "Task" || status != "completed" || !by.is_object() || !at.is_object() ||
        StringMember(by, "valueString").empty())
      return refuse(
          Issue(422, "processing", "an update sets status completed with outputs acknowledged-by and acknowledged-at"),
          record);
    if (checked.token->employeeId.empty())
      return refuse(Issue(403, "forbidden", "an acknowledgement needs the physician who read it (employee claims)"),
                    record);
    task["status"] = "completed";
    task["lastModified"] = now;
    task["output"] =
        CompletedTask("", StringMember(by, "valueString"), StringMemberOr(at, "valueDateTime", now))["output"];
    answer.body = task.dump();
  } else if (kind == "Task") {
    answer.body = task.dump();
  } else if (kind == "Composition") {
    answer.body = record["document"].dump();
    if (StringMember(task, "status") == "requested") {
      task["status"] = "received";
      task["lastModified"] = now;
      record["received_at"] = Now();
    }
  } else {
    answer.body = net::jose::Base64UrlDecode(record.value("pdf", "")).value_or("");
    answer.contentType = "application/pdf";
  }
  json read = reader;
  read["what"] = path;
  read["at"] = now;
  record["reads"].push_back(read);
  if (auto put = m_shelf.Put(record.value("key", ""), record); !put)
    return Refusal(Issue(503, "transient", "the report's state cannot be kept now: retry later"));
  lock.unlock();
  if (!AuditEvent(event, reader, record, call.client, 200, ""))
    return {500, OperationOutcomeText("exception", "audit unavailable"), {}};
  return answer;
}

bool ReportSender::AuditEvent(const std::string& event, const json& actor, const json& record,
                              const std::string& client, int status, const std::string& error) {
  json entry{
      {"event", event}, {"client", client}, {"actor", actor}, {"outcome", {{"status", status}, {"error", error}}}};
  if (record.is_object()) {
    entry["report"] = {{"task_id", record.value("key", "")},
                       {"report_id", record.value("report_id", "")},
                       {"receiver_ura", record["receiver"].value("ura", "")}};
    entry["patient"] = m_audit.PatientRef(record.value("bsn", ""));
  }
  auto ok = m_audit.Append(entry);
  if (!ok) std::clog << "AUDIT FAILURE: " << ok.error().detail << "\n";
  return ok.ok();
}

}  // namespace zb::gateway
