// SPDX-License-Identifier: GPL-3.0-or-later
#include <nlohmann/json.hpp>

#include "net/contract/report_api.h"
#include "net/jose/base64url.h"

namespace zb::net::contract {
namespace {

using domain::ErrorCode;
using domain::MakeError;
using nlohmann::json;

domain::Error Invalid(const std::string& problem) { return MakeError(ErrorCode::kInconsistent, problem); }

// Members of one answer object; the first problem is kept and named.
class Fields {
 public:
  explicit Fields(const json& object) : m_object(object) {}
  std::string Text(const char* name) {
    const auto it = m_object.find(name);
    if (it == m_object.end() || it->is_null()) return {};
    if (it->is_string()) return it->get<std::string>();
    Note(name, "a string");
    return {};
  }
  std::int64_t Integer(const char* name) {
    const auto it = m_object.find(name);
    if (it == m_object.end() || it->is_null()) return 0;
    if (it->is_number_integer()) return it->get<std::int64_t>();
    Note(name, "an integer");
    return 0;
  }
  std::string Required(const char* name) {
    std::string s = Text(name);
    if (s.empty()) Note(name, "a non-empty string");
    return s;
  }
  const std::string& problem() const { return m_problem; }

 private:
  void Note(const char* name, const char* what) {
    if (m_problem.empty()) m_problem = std::string("member '") + name + "' must be " + what;
  }
  const json& m_object;
  std::string m_problem;
};

domain::Result<ReportRequest> RequestOf(const json& j) {
  if (!j.is_object()) return Invalid("a request is not an object");
  Fields f(j);
  ReportRequest r{f.Required("id"),     f.Required("text"),     f.Required("due"),     f.Text("priority"),
                  f.Required("status"), f.Text("completed_by"), f.Text("completed_at")};
  if (!f.problem().empty()) return Invalid(f.problem());
  return r;
}

domain::Result<std::vector<ReportRequest>> RequestsOf(const json& j) {
  std::vector<ReportRequest> out;
  if (!j.contains("requests") || j["requests"].is_null()) return out;
  if (!j["requests"].is_array()) return Invalid("member 'requests' must be an array");
  for (const auto& one : j["requests"]) {
    auto r = RequestOf(one);
    if (!r) return Invalid("requests[" + std::to_string(out.size()) + "]: " + r.error().detail);
    out.push_back(std::move(r).value());
  }
  return out;
}

// The team member of an inbox item or to-do: absent or null = the organisation as a whole.
domain::Result<Team> TeamIn(const json& j) {
  const json t = j.value("team", json());
  if (t.is_null()) return Team{};
  if (!t.is_object()) return Invalid("member 'team' must be an object");
  Fields f(t);
  Team team{f.Text("id"), f.Text("name"), f.Text("location"), true};
  if (t.contains("known")) {
    if (!t["known"].is_boolean()) return Invalid("team.known must be true or false");
    team.known = t["known"].get<bool>();
  }
  if (!f.problem().empty()) return Invalid("team: " + f.problem());
  return team;
}

domain::Result<Team> TeamOf(const json& j) {
  if (!j.is_object()) return Invalid("a team is not an object");
  Fields f(j);
  Team team{f.Required("id"), f.Required("name"), f.Text("location"), true};
  if (!f.problem().empty()) return Invalid(f.problem());
  return team;
}

domain::Result<SentReport> SentOf(const json& j) {
  if (!j.is_object()) return Invalid("a sent report is not an object");
  Fields f(j);
  SentReport r{f.Required("task_id"),
               f.Required("report_id"),
               f.Text("patient"),
               f.Required("receiver_ura"),
               f.Text("receiver_name"),
               f.Text("author"),
               f.Integer("published_at"),
               f.Required("state"),
               f.Integer("notify_attempts"),
               f.Text("last_error"),
               f.Integer("next_attempt"),
               f.Integer("notified_at"),
               f.Integer("received_at"),
               f.Text("read_by"),
               f.Text("read_at"),
               {},
               {}};
  if (!f.problem().empty()) return Invalid(f.problem());
  auto requests = RequestsOf(j);
  if (!requests) return requests.error();
  r.requests = std::move(requests).value();
  r.receiverTeam = f.Text("receiver_team");
  if (!f.problem().empty()) return Invalid(f.problem());
  return r;
}

domain::Result<InboxItem> InboxOf(const json& j) {
  if (!j.is_object()) return Invalid("an inbox item is not an object");
  Fields f(j);
  InboxItem i{f.Required("key"),         f.Required("sender_ura"),
              f.Text("sender_name"),     f.Required("task_id"),
              f.Integer("received_at"),  f.Required("state"),
              f.Text("read_by"),         f.Text("acknowledged_by"),
              f.Text("acknowledged_at"), {}};
  if (!f.problem().empty()) return Invalid(f.problem());
  auto team = TeamIn(j);
  if (!team) return team.error();
  i.team = std::move(team).value();
  return i;
}

domain::Result<Todo> TodoOf(const json& j) {
  if (!j.is_object()) return Invalid("a to-do is not an object");
  Fields f(j);
  Todo t{f.Required("item"),
         f.Text("patient"),
         f.Required("sender_ura"),
         f.Text("sender_name"),
         f.Integer("received_at"),
         {},
         {}};
  if (!f.problem().empty()) return Invalid(f.problem());
  auto request = RequestOf(j.value("request", json()));
  if (!request) return Invalid("request: " + request.error().detail);
  t.request = std::move(request).value();
  auto team = TeamIn(j);
  if (!team) return team.error();
  t.team = std::move(team).value();
  return t;
}

template <class T, class Of>
domain::Result<std::vector<T>> ListOf(std::string_view body, Of of) {
  const json parsed = json::parse(body, nullptr, false);
  if (!parsed.is_array()) return Invalid("the answer is not a JSON array");
  std::vector<T> out;
  for (const auto& j : parsed) {
    auto one = of(j);
    if (!one) return Invalid("[" + std::to_string(out.size()) + "]: " + one.error().detail);
    out.push_back(std::move(one).value());
  }
  return out;
}

}  // namespace

domain::Result<SentReport> ReadSentReport(std::string_view body) { return SentOf(json::parse(body, nullptr, false)); }
domain::Result<std::vector<SentReport>> ReadSentReports(std::string_view body) {
  return ListOf<SentReport>(body, SentOf);
}
domain::Result<InboxItem> ReadInboxItem(std::string_view body) { return InboxOf(json::parse(body, nullptr, false)); }
domain::Result<std::vector<InboxItem>> ReadInbox(std::string_view body) { return ListOf<InboxItem>(body, InboxOf); }

domain::Result<PulledReport> ReadPulledReport(std::string_view body) {
  const json j = json::parse(body, nullptr, false);
  if (!j.is_object()) return Invalid("the answer is not a JSON object");
  auto item = InboxOf(j.value("notification", json()));
  if (!item) return Invalid("notification: " + item.error().detail);
  if (!j.value("task", json()).is_object() || !j.value("document", json()).is_object() ||
      !j.value("pdf", json()).is_string())
    return Invalid("members 'task' and 'document' (objects) and 'pdf' (base64url) are required");
  auto pdf = jose::Base64UrlDecode(j["pdf"].get<std::string>());
  if (!pdf) return Invalid("member 'pdf' is not base64url");
  const json status = j["task"].value("status", json());
  return PulledReport{std::move(item).value(), j["task"].dump(), status.is_string() ? status.get<std::string>() : "",
                      j["document"].dump(), std::move(*pdf)};
}

domain::Result<Todo> ReadTodo(std::string_view body) { return TodoOf(json::parse(body, nullptr, false)); }
domain::Result<std::vector<Todo>> ReadTodos(std::string_view body) { return ListOf<Todo>(body, TodoOf); }
domain::Result<std::vector<Team>> ReadTeams(std::string_view body) { return ListOf<Team>(body, TeamOf); }

}  // namespace zb::net::contract
