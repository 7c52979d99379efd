// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/client/gateway_client.h"

#include "net/json_member.h"

namespace zb::net::client {
namespace {

using nlohmann::json;

ApiError FromProblem(const http::Response& r) {
  const json problem = json::parse(r.body, nullptr, false);
  ApiError e{static_cast<int>(r.status), "http_" + std::to_string(r.status), r.body.substr(0, 300)};
  if (problem.is_object()) {
    e.code = StringMemberOr(problem, "code", e.code);
    e.detail = StringMemberOr(problem, "detail", e.detail);
  }
  return e;
}

template <class T>
ApiResult<T> JsonBody(const ApiResult<http::Response>& r, int expected) {
  if (auto* e = std::get_if<ApiError>(&r)) return *e;
  const auto& response = std::get<http::Response>(r);
  if (response.status != expected) return FromProblem(response);
  json body = json::parse(response.body, nullptr, false);
  if (!body.is_object())
    return ApiError{static_cast<int>(response.status), "gateway_answer_invalid",
                    "the gateway's answer is not a JSON object"};
  return body;
}

ApiError TransportError(const domain::Error& e) {
  return ApiError{0, e.code == domain::ErrorCode::kRefused ? "gateway_tls_refused" : "gateway_unreachable", e.detail};
}

}  // namespace

GatewayClient::GatewayClient(std::string baseUrl, http::ClientOptions options)
    : m_baseUrl(std::move(baseUrl)), m_http(std::move(options)) {
  while (!m_baseUrl.empty() && m_baseUrl.back() == '/') m_baseUrl.pop_back();
}

ApiResult<http::Response> GatewayClient::Call(http::Request request) const {
  request.headers.push_back({"Accept", "application/json"});
  auto response = m_http.Send(request);
  if (!response) return TransportError(response.error());
  return std::move(response).value();
}

ApiResult<json> GatewayClient::LoginConfiguration() const {
  return JsonBody<json>(Call({"GET", m_baseUrl + "/api/v1/login-configuration", {}, ""}), 200);
}

ApiResult<SessionInfo> GatewayClient::CreateSession(const std::string& code, const std::string& codeVerifier,
                                                    const std::string& redirectUri, const std::string& nonce) const {
  const json body{{"code", code}, {"code_verifier", codeVerifier}, {"redirect_uri", redirectUri}, {"nonce", nonce}};
  auto result = JsonBody<json>(
      Call({"POST", m_baseUrl + "/api/v1/sessions", {{"Content-Type", "application/json"}}, body.dump()}), 201);
  if (auto* e = std::get_if<ApiError>(&result)) return *e;
  const json& j = std::get<json>(result);
  if (!j.value("session_token", json()).is_string()) return ApiError{201, "gateway_answer_invalid", "no session_token"};
  return SessionInfo{j["session_token"], j.value("expires_at", std::int64_t{0}), j.value("user", json::object())};
}

ApiResult<json> GatewayClient::WhoAmI(const std::string& session) const {
  return JsonBody<json>(Call({"GET", m_baseUrl + "/api/v1/session", {{"Authorization", "Bearer " + session}}, ""}),
                        200);
}

ApiResult<bool> GatewayClient::Logout(const std::string& session) const {
  auto r = Call({"DELETE", m_baseUrl + "/api/v1/session", {{"Authorization", "Bearer " + session}}, ""});
  if (auto* e = std::get_if<ApiError>(&r)) return *e;
  const auto& response = std::get<http::Response>(r);
  if (response.status != 204) return FromProblem(response);
  return true;
}

http::Request GatewayClient::DirectoryRequest(const std::string& session, const std::string& service,
                                              const std::string& ura, const std::string& name) const {
  std::vector<std::pair<std::string, std::string>> query;
  if (!service.empty()) query.emplace_back("service", service);
  if (!ura.empty()) query.emplace_back("ura", ura);
  if (!name.empty()) query.emplace_back("name", name);
  return {"GET",
          m_baseUrl + "/api/v1/directory" + (query.empty() ? "" : "?" + http::FormEncode(query)),
          {{"Authorization", "Bearer " + session}, {"Accept", "application/json"}},
          ""};
}

ApiResult<json> GatewayClient::DirectoryResult(domain::Result<http::Response> r) {
  if (!r) return TransportError(r.error());
  return JsonBody<json>(std::move(r).value(), 200);
}

ApiResult<json> GatewayClient::Directory(const std::string& session, const std::string& service, const std::string& ura,
                                         const std::string& name) const {
  return DirectoryResult(m_http.Send(DirectoryRequest(session, service, ura, name)));
}

http::Request GatewayClient::RelayRequest(const std::string& session, const std::string& service,
                                          const std::string& ura, const std::string& method,
                                          const std::string& pathAndQuery, const std::string& formBody) const {
  http::Request request{
      method,
      m_baseUrl + "/api/v1/relay/" + http::UrlEncode(service) + "/" + http::UrlEncode(ura) + "/" + pathAndQuery,
      {{"Authorization", "Bearer " + session}},
      formBody};
  if (method == "POST") request.headers.push_back({"Content-Type", "application/x-www-form-urlencoded"});
  request.headers.push_back({"Accept", "application/fhir+json"});
  return request;
}

ApiResult<http::Response> GatewayClient::RelayResult(domain::Result<http::Response> r) {
  if (!r) return TransportError(r.error());
  // Gateway-side failures are problem+json; a holder's own answer (even 4xx) passes through.
  if (r->header("Content-Type").rfind("application/problem+json", 0) == 0) return FromProblem(r.value());
  return std::move(r).value();
}

ApiResult<http::Response> GatewayClient::Relay(const std::string& session, const std::string& service,
                                               const std::string& ura, const std::string& method,
                                               const std::string& pathAndQuery, const std::string& formBody) const {
  return RelayResult(m_http.Send(RelayRequest(session, service, ura, method, pathAndQuery, formBody)));
}

}  // namespace zb::net::client
