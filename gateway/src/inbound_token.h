// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The check every call from another organisation passes (processing answers, on-call report
// notifications and pulls): an access token our node issued (introspection: active, issued by our
// own subject's authorization server, for the expected scope, naming an organisation by URA) and,
// for a DPoP-bound token, a valid proof for exactly this method and URL.
#include <optional>
#include <string>
#include <string_view>

#include "domain/result.h"
#include "nuts_client.h"

namespace zb::gateway {

struct InboundCall {
  std::string authorization;  // "DPoP <token>" or "Bearer <token>"
  std::string dpop;           // the DPoP header
  std::string url;            // the URL the caller called, as our endpoint is registered
  std::string body;
  std::string client;  // peer address, for the audit trail
};

struct InboundAnswer {
  int status = 0;
  std::string body;             // a FHIR resource or OperationOutcome
  std::string wwwAuthenticate;  // set on 401
  std::string contentType = "application/fhir+json";
};

struct CheckedToken {
  std::optional<IntrospectedToken> token;  // set once introspection named an active token
  std::optional<domain::Error> refusal;    // status + FHIR IssueType code (`problem`) + text
};
// `method`: of the call, for the DPoP proof. `ownSubject`: the token's issuer must be this
// subject's authorization server (a node may serve several organisations).
CheckedToken CheckInboundToken(NutsClient& nuts, const InboundCall& call, std::string_view scope,
                               const std::string& method, const std::string& ownSubject);

// The endpoint's error answer: a FHIR OperationOutcome with one issue (`code` from FHIR's IssueType).
std::string OperationOutcomeText(const std::string& code, const std::string& text);
InboundAnswer Refusal(const domain::Error& e);
// A refusal of the FHIR endpoints other organisations call: `code` is a FHIR IssueType (login,
// forbidden, processing, not-found, transient), not one of the desktop API's problem codes.
domain::Error Issue(int status, std::string code, std::string text);

}  // namespace zb::gateway
