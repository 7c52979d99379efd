// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/client/gateway_client.h"

#include <nlohmann/json.hpp>

#include "net/client/session_proof.h"
#include "net/contract/gateway_api_json.h"
#include "net/jose/base64url.h"

namespace zb::net::client {
namespace {

using contract::Problem;
using domain::ErrorCode;

// A gateway answer other than the expected status: its problem+json, or the status alone.
// An overloaded gateway says when to come back (503 gateway_busy + Retry-After): kept for every call.
domain::Error FromProblem(const http::Response& response) {
  const int status = static_cast<int>(response.status);
  domain::Error e = [&] {
    if (auto problem = contract::ReadProblem(status, response.body)) return contract::ToError(*problem);
    return contract::ToError(Problem{status, "http_" + std::to_string(status), response.body.substr(0, 300)});
  }();
  const std::string wait = response.header("Retry-After");
  if (!wait.empty() && wait.size() < 6 && wait.find_first_not_of("0123456789") == std::string::npos)
    e.retryAfterSeconds = std::stoi(wait);
  return e;
}

// No usable answer from the gateway: named by what the HTTP layer knows (never by its message).
domain::Error TransportError(const domain::Error& e) {
  std::string_view code = contract::kGatewayUnreachable;
  if (e.code == ErrorCode::kRefused) code = contract::kGatewayTlsRefused;
  if (e.code == ErrorCode::kTimeout) code = contract::kGatewayTimeout;
  return contract::ToError(Problem{0, std::string(code), e.detail});
}

// A gateway answer that does not match the contract: named, with what the contract missed.
domain::Error InvalidAnswer(const http::Response& response, const domain::Error& e) {
  return contract::ToError(Problem{static_cast<int>(response.status), std::string(contract::kGatewayAnswerInvalid),
                                   "the gateway's answer does not match its API: " + e.detail});
}

template <class T, class Reader>
domain::Result<T> Expect(domain::Result<http::Response> r, long expected, Reader read) {
  if (!r) return TransportError(r.error());
  if (r->status != expected) return FromProblem(r.value());
  auto value = read(r->body);
  if (!value) return InvalidAnswer(r.value(), value.error());
  return std::move(value).value();
}

}  // namespace

std::vector<http::Header> GatewayClient::SessionHeaders(const std::string& session, std::string_view method,
                                                        const std::string& url) {
  return {{"Authorization", "DPoP " + session}, {"DPoP", SessionProof(method, url, session)}};
}

GatewayClient::GatewayClient(std::string baseUrl, http::ClientOptions options)
    : m_baseUrl(std::move(baseUrl)), m_http(std::move(options)) {
  while (!m_baseUrl.empty() && m_baseUrl.back() == '/') m_baseUrl.pop_back();
}

domain::Result<http::Response> GatewayClient::Call(http::Request request) const {
  request.headers.push_back({"Accept", "application/json"});
  return m_http.Send(request);
}

domain::Result<contract::LoginConfiguration> GatewayClient::LoginConfiguration() const {
  return Expect<contract::LoginConfiguration>(Call({"GET", m_baseUrl + "/api/v1/login-configuration", {}, ""}), 200,
                                              contract::ReadLoginConfiguration);
}

domain::Result<contract::SessionInfo> GatewayClient::CreateSession(const contract::LoginRequest& request) const {
  const std::string body = contract::ToJson(request).dump();
  const std::string url = m_baseUrl + "/api/v1/sessions";
  return Expect<contract::SessionInfo>(
      Call({"POST", url, {{"Content-Type", "application/json"}, {"DPoP", SessionProof("POST", url)}}, body}), 201,
      [](std::string_view text) { return contract::ReadSessionInfo(text, true); });
}

domain::Result<contract::SessionInfo> GatewayClient::WhoAmI(const std::string& session) const {
  return Expect<contract::SessionInfo>(
      Call({"GET", m_baseUrl + "/api/v1/session", SessionHeaders(session, "GET", m_baseUrl + "/api/v1/session"), ""}),
      200, [](std::string_view text) { return contract::ReadSessionInfo(text, false); });
}

domain::Result<bool> GatewayClient::Logout(const std::string& session) const {
  return Expect<bool>(Call({"DELETE", m_baseUrl + "/api/v1/session",
                            SessionHeaders(session, "DELETE", m_baseUrl + "/api/v1/session"), ""}),
                      204, [](std::string_view) { return domain::Result<bool>(true); });
}

http::Request GatewayClient::DirectoryRequest(const std::string& session, const std::string& service,
                                              const std::string& ura, const std::string& name) const {
  std::vector<std::pair<std::string, std::string>> query;
  if (!service.empty()) query.emplace_back("service", service);
  if (!ura.empty()) query.emplace_back("ura", ura);
  if (!name.empty()) query.emplace_back("name", name);
  const std::string url = m_baseUrl + "/api/v1/directory" + (query.empty() ? "" : "?" + http::FormEncode(query));
  auto headers = SessionHeaders(session, "GET", url);
  headers.push_back({"Accept", "application/json"});
  return {"GET", url, std::move(headers), ""};
}

domain::Result<std::vector<contract::DirectoryEntry>> GatewayClient::DirectoryResult(
    domain::Result<http::Response> response) {
  return Expect<std::vector<contract::DirectoryEntry>>(std::move(response), 200, contract::ReadDirectory);
}

domain::Result<std::vector<contract::DirectoryEntry>> GatewayClient::Directory(const std::string& session,
                                                                               const std::string& service,
                                                                               const std::string& ura,
                                                                               const std::string& name) const {
  return DirectoryResult(m_http.Send(DirectoryRequest(session, service, ura, name)));
}

http::Request GatewayClient::RelayRequest(const std::string& session, const std::string& service,
                                          const std::string& ura, const std::string& method,
                                          const std::string& pathAndQuery, const std::string& formBody,
                                          const std::string& patient) const {
  const std::string url =
      m_baseUrl + "/api/v1/relay/" + http::UrlEncode(service) + "/" + http::UrlEncode(ura) + "/" + pathAndQuery;
  http::Request request{method, url, SessionHeaders(session, method, url), formBody};
  if (method == "POST") request.headers.push_back({"Content-Type", "application/x-www-form-urlencoded"});
  request.headers.push_back({"Accept", "application/fhir+json"});
  if (!patient.empty()) request.headers.push_back({std::string(contract::kPatientHeader), patient});
  return request;
}

domain::Result<http::Response> GatewayClient::RelayResult(domain::Result<http::Response> response) {
  if (!response) return TransportError(response.error());
  // Gateway-side failures are problem+json; a holder's own answer (even 4xx) passes through.
  if (response->header("Content-Type").rfind("application/problem+json", 0) == 0) {
    return FromProblem(response.value());
  }
  return std::move(response).value();
}

domain::Result<http::Response> GatewayClient::Relay(const std::string& session, const std::string& service,
                                                    const std::string& ura, const std::string& method,
                                                    const std::string& pathAndQuery,
                                                    const std::string& formBody) const {
  return RelayResult(m_http.Send(RelayRequest(session, service, ura, method, pathAndQuery, formBody)));
}

domain::Result<http::Response> GatewayClient::Release(const std::string& session, const std::string& service,
                                                      const std::string& ura, const std::string& bundle,
                                                      const std::string& patient) const {
  const std::string url = m_baseUrl + "/api/v1/release/" + http::UrlEncode(service) + "/" + http::UrlEncode(ura);
  http::Request request{"POST", url, SessionHeaders(session, "POST", url), bundle};
  request.headers.push_back({"Content-Type", "application/fhir+json"});
  request.headers.push_back({"Accept", "application/fhir+json"});
  request.headers.push_back({std::string(contract::kPatientHeader), patient});
  return RelayResult(m_http.Send(request));
}

domain::Result<http::Response> GatewayClient::Processing(const std::string& session, const std::string& pharmacyUra,
                                                         const std::vector<std::string>& identifiers,
                                                         const std::string& patient) const {
  const std::string url = m_baseUrl + "/api/v1/processing";
  const nlohmann::json body{{"pharmacy_ura", pharmacyUra}, {"identifiers", identifiers}};
  http::Request request{"POST", url, SessionHeaders(session, "POST", url), body.dump()};
  request.headers.push_back({"Content-Type", "application/json"});
  request.headers.push_back({"Accept", "application/fhir+json"});
  request.headers.push_back({std::string(contract::kPatientHeader), patient});
  return RelayResult(m_http.Send(request));
}

domain::Result<contract::SentReport> GatewayClient::SendReport(const std::string& session,
                                                               const std::string& receiverUra,
                                                               const std::string& patient, const std::string& document,
                                                               const std::string& pdf,
                                                               const std::optional<contract::Team>& team) const {
  const std::string url = m_baseUrl + "/api/v1/reports";
  const nlohmann::json parsed = nlohmann::json::parse(document, nullptr, false);
  nlohmann::json body{{"receiver_ura", receiverUra}, {"document", parsed}, {"pdf", jose::Base64UrlEncode(pdf)}};
  if (team) body["team"] = {{"id", team->id}, {"name", team->name}};
  http::Request request{"POST", url, SessionHeaders(session, "POST", url), body.dump()};
  request.headers.push_back({"Content-Type", "application/json"});
  request.headers.push_back({std::string(contract::kPatientHeader), patient});
  auto response = m_http.Send(request);
  // 201: kept and notified now (or queued); 200: this report was kept before.
  const long expected = response && response->status == 200 ? 200 : 201;
  return Expect<contract::SentReport>(std::move(response), expected, contract::ReadSentReport);
}

domain::Result<std::vector<contract::Team>> GatewayClient::Teams(const std::string& session,
                                                                 const std::string& ura) const {
  const std::string url = m_baseUrl + (ura.empty() ? "/api/v1/teams" : "/api/v1/organisations/" + ura + "/teams");
  return Expect<std::vector<contract::Team>>(Call({"GET", url, SessionHeaders(session, "GET", url), ""}), 200,
                                             contract::ReadTeams);
}

domain::Result<std::vector<contract::SentReport>> GatewayClient::SentReports(const std::string& session) const {
  const std::string url = m_baseUrl + "/api/v1/reports";
  return Expect<std::vector<contract::SentReport>>(Call({"GET", url, SessionHeaders(session, "GET", url), ""}), 200,
                                                   contract::ReadSentReports);
}

domain::Result<std::vector<contract::InboxItem>> GatewayClient::Inbox(const std::string& session) const {
  const std::string url = m_baseUrl + "/api/v1/inbox";
  return Expect<std::vector<contract::InboxItem>>(Call({"GET", url, SessionHeaders(session, "GET", url), ""}), 200,
                                                  contract::ReadInbox);
}

domain::Result<contract::PulledReport> GatewayClient::PullReport(const std::string& session, const std::string& id,
                                                                 bool markRead) const {
  const std::string url = m_baseUrl + "/api/v1/inbox/" + http::UrlEncode(id) + "/pull";
  const std::string body = nlohmann::json{{"mark_read", markRead}}.dump();
  http::Request request{"POST", url, SessionHeaders(session, "POST", url), body};
  request.headers.push_back({"Content-Type", "application/json"});
  return Expect<contract::PulledReport>(Call(request), 200, contract::ReadPulledReport);
}

domain::Result<contract::InboxItem> GatewayClient::AcknowledgeReport(const std::string& session,
                                                                     const std::string& id) const {
  const std::string url = m_baseUrl + "/api/v1/inbox/" + http::UrlEncode(id) + "/acknowledge";
  return Expect<contract::InboxItem>(Call({"POST", url, SessionHeaders(session, "POST", url), ""}), 200,
                                     contract::ReadInboxItem);
}

domain::Result<std::vector<contract::Todo>> GatewayClient::Todos(const std::string& session) const {
  const std::string url = m_baseUrl + "/api/v1/todos";
  return Expect<std::vector<contract::Todo>>(Call({"GET", url, SessionHeaders(session, "GET", url), ""}), 200,
                                             contract::ReadTodos);
}

domain::Result<contract::Todo> GatewayClient::CompleteTodo(const std::string& session,
                                                           const std::string& requestId) const {
  const std::string url = m_baseUrl + "/api/v1/todos/" + http::UrlEncode(requestId) + "/complete";
  return Expect<contract::Todo>(Call({"POST", url, SessionHeaders(session, "POST", url), ""}), 200, contract::ReadTodo);
}

}  // namespace zb::net::client
