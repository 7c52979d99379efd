// SPDX-License-Identifier: GPL-3.0-or-later
// The node calls for what comes in from other organisations: registering our receiving endpoint on
// a Discovery Service, and checking a token another organisation's node obtained from ours
// (introspection, then the DPoP proof) before the gateway accepts what it carries.
#include <nlohmann/json.hpp>

#include "identity.h"
#include "net/json_member.h"
#include "nuts_client.h"

namespace zb::gateway {

using nlohmann::json;

domain::Result<bool> NutsClient::Activate(const std::string& service, const std::string& fhirBaseUrl) {
  const json body{{"registrationParameters", {{"fhirBaseURL", fhirBaseUrl}}}};
  auto response =
      m_http.Send(Authenticated("POST",
                                m_config.nodeUrl + "/internal/discovery/v1/" + net::http::UrlEncode(service) + "/" +
                                    net::http::UrlEncode(m_config.subject),
                                body.dump()));
  if (!response) return Failure(503, "node_unreachable", "Nuts node: " + response.error().detail);
  if (response->status != 200 && response->status != 202)
    return Failure(502, "node_error", "activating " + service + ": HTTP " + std::to_string(response->status));
  return true;
}

domain::Result<IntrospectedToken> NutsClient::Introspect(const std::string& token) {
  net::http::Request request = Authenticated("POST", m_config.nodeUrl + "/internal/auth/v2/accesstoken/introspect", "");
  request.headers.push_back({"Content-Type", "application/x-www-form-urlencoded"});
  request.body = "token=" + net::http::UrlEncode(token);
  auto response = m_http.Send(request);
  if (!response) return Failure(503, "node_unreachable", "Nuts node: " + response.error().detail);
  if (response->status != 200)
    return Failure(502, "node_error", "token introspection: HTTP " + std::to_string(response->status));
  const json answer = json::parse(response->body, nullptr, false);
  if (!answer.is_object()) return Failure(502, "node_error", "token introspection did not answer an object");
  IntrospectedToken out;
  out.active = answer.value("active", json()).is_boolean() && answer["active"].get<bool>();
  out.issuer = net::StringMember(answer, "iss");
  out.scope = net::StringMember(answer, "scope");
  out.employeeId = net::StringMember(answer, "employee_identifier");
  out.employeeName = net::StringMember(answer, "employee_name");
  out.employeeRole = net::StringMember(answer, "employee_role");
  out.clientId = net::StringMember(answer, "client_id");
  out.organisationUra = net::StringMember(answer, "organization_ura");
  out.organisationName = net::StringMember(answer, "organization_name");
  if (answer.contains("cnf") && answer["cnf"].is_object()) out.jkt = net::StringMember(answer["cnf"], "jkt");
  return out;
}

domain::Result<std::string> NutsClient::DpopProblem(const std::string& proof, const std::string& method,
                                                    const std::string& url, const std::string& jkt,
                                                    const std::string& token) {
  const json body{{"dpop_proof", proof}, {"method", method}, {"thumbprint", jkt}, {"token", token}, {"url", url}};
  auto response = m_http.Send(Authenticated("POST", m_config.nodeUrl + "/internal/auth/v2/dpop/validate", body.dump()));
  if (!response) return Failure(503, "node_unreachable", "Nuts node: " + response.error().detail);
  if (response->status != 200)
    return Failure(502, "node_error", "DPoP validation: HTTP " + std::to_string(response->status));
  const json answer = json::parse(response->body, nullptr, false);
  if (!answer.is_object() || !answer.value("valid", json()).is_boolean())
    return Failure(502, "node_error", "DPoP validation did not answer valid true/false");
  if (answer["valid"].get<bool>()) return std::string();
  const std::string reason = net::StringMember(answer, "reason");
  return reason.empty() ? std::string("the DPoP proof is not valid") : reason;
}

}  // namespace zb::gateway
