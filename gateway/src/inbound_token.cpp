// SPDX-License-Identifier: GPL-3.0-or-later
#include "inbound_token.h"

#include <nlohmann/json.hpp>

#include "identity.h"

namespace zb::gateway {

using nlohmann::json;

std::string OperationOutcomeText(const std::string& code, const std::string& text) {
  return json{{"resourceType", "OperationOutcome"},
              {"issue", json::array({{{"severity", "error"}, {"code", code}, {"diagnostics", text}}})}}
      .dump();
}

InboundAnswer Refusal(const domain::Error& e) {
  InboundAnswer a{e.status, OperationOutcomeText(e.problem, e.detail), {}};
  if (e.status == 401) a.wwwAuthenticate = "DPoP error=\"invalid_token\"";
  return a;
}

domain::Error Issue(int status, std::string code, std::string text) {
  return Failure(status, std::move(code), std::move(text));
}

CheckedToken CheckInboundToken(NutsClient& nuts, const InboundCall& call, std::string_view scope,
                               const std::string& method, const std::string& ownSubject) {
  CheckedToken out;
  auto refuse = [&](int status, const char* code, const std::string& text) {
    out.refusal = Issue(status, code, text);
    return out;
  };
  const auto space = call.authorization.find(' ');
  const std::string scheme = call.authorization.substr(0, space == std::string::npos ? 0 : space);
  const std::string token = space == std::string::npos ? std::string() : call.authorization.substr(space + 1);
  if ((scheme != "DPoP" && scheme != "Bearer") || token.empty())
    return refuse(401, "login", "an access token (DPoP or Bearer) is required");
  auto introspected = nuts.Introspect(token);
  if (!introspected) return refuse(503, "transient", "the token cannot be checked now: retry later");
  if (!introspected->active) return refuse(401, "login", "the access token is not active");
  out.token = introspected.value();
  const IntrospectedToken& t = *out.token;
  const std::string issuerSuffix = "/oauth2/" + ownSubject;
  if (t.issuer.size() < issuerSuffix.size() ||
      t.issuer.compare(t.issuer.size() - issuerSuffix.size(), std::string::npos, issuerSuffix) != 0)
    return refuse(401, "login", "the access token was issued for another organisation");
  const std::string scopeList = " " + t.scope + " ";
  if (scopeList.find(" " + std::string(scope) + " ") == std::string::npos)
    return refuse(403, "forbidden", "the token's scope does not cover " + std::string(scope));
  if (t.organisationUra.empty()) return refuse(403, "forbidden", "the token names no organisation (URA)");
  if (!t.jkt.empty() || scheme == "DPoP") {
    if (scheme != "DPoP" || t.jkt.empty())
      return refuse(401, "login", "the token and its authorization scheme do not match");
    auto problem = nuts.DpopProblem(call.dpop, method, call.url, t.jkt, token);
    if (!problem) return refuse(503, "transient", "the DPoP proof cannot be checked now: retry later");
    if (!problem.value().empty()) return refuse(401, "login", "DPoP: " + problem.value());
  }
  return out;
}

}  // namespace zb::gateway
