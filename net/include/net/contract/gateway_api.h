// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The gateway's JSON API (docs/gateway-api.yaml) as typed values: what the gateway writes and the
// desktop reads are the same structs, converted to and from JSON in one place
// (gateway_api_json.h), so neither side reads the other by key. Every refusal is a Problem whose
// code comes from one table (ProblemCodes), with its HTTP status and the error code the desktop
// acts on; the desktop never looks at a problem's detail text to decide anything.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"

namespace zb::net::contract {

// An RFC 9457 problem as the gateway sends it (application/problem+json), or as the desktop
// names a transport failure on its side (status 0).
struct Problem {
  int status = 0;
  std::string code;    // a code of ProblemCodes()
  std::string detail;  // language-neutral, for logs and the "details" line of a screen
};

struct ProblemCode {
  std::string_view code;
  int status;               // the HTTP status the gateway sends it with (0: made by the desktop)
  domain::ErrorCode error;  // what it means for the caller
  std::string_view meaning;
};

std::span<const ProblemCode> ProblemCodes();
std::optional<ProblemCode> FindProblemCode(std::string_view code);
// The one error shape: the table's error code for the problem (kRefused for an unknown 4xx code,
// kUnavailable for an unknown 5xx one), with the problem code and status kept.
domain::Error ToError(const Problem& problem);

// Codes the desktop makes itself when no answer from the gateway could be used.
inline constexpr std::string_view kGatewayUnreachable = "gateway_unreachable";
inline constexpr std::string_view kGatewayTimeout = "gateway_timeout";
inline constexpr std::string_view kGatewayTlsRefused = "gateway_tls_refused";
inline constexpr std::string_view kGatewayAnswerInvalid = "gateway_answer_invalid";

struct OrganisationRef {
  std::string ura;
  std::string name;
};

// GET /api/v1/login-configuration: what the desktop needs to start a DEZI login.
struct LoginConfiguration {
  std::string issuer;
  std::string authorizationEndpoint;
  std::string clientId;
  std::string scope = "openid";
  std::vector<std::string> redirectUris;
  std::string codeChallengeMethod = "S256";
  OrganisationRef organisation;
};

// POST /api/v1/sessions: the authorization code redeemed by the gateway.
struct LoginRequest {
  std::string code;
  std::string codeVerifier;
  std::string redirectUri;
  std::string nonce;
};

// The user as the gateway validated the DEZI verklaring.
struct SessionUser {
  std::string deziNumber;
  std::string displayName;
  std::string initials;
  std::string prefix;
  std::string surname;
  std::string roleCode;
  std::string roleName;
  std::string ura;
  std::string organisation;
};

// What a session may do at this gateway (its configured roles per feature), so the desktop does not
// offer, or ask for, what the gateway would refuse.
inline constexpr std::string_view kPermissionRetrieve = "retrieve";  // relay lookups to other organisations
inline constexpr std::string_view kPermissionRelease = "release";    // send a prescription release

// The answer to POST /api/v1/sessions (token set) and GET /api/v1/session (token empty).
struct SessionInfo {
  std::string token;
  std::int64_t expiresAt = 0;
  SessionUser user;
  std::vector<std::string> permissions;  // e.g. "retrieve"
};

// One registration of GET /api/v1/directory: an organisation in one Discovery Service.
struct DirectoryEntry {
  std::string service;
  std::string ura;
  std::string name;
  std::string city;
  std::string fhirBaseUrl;
  std::string phone;  // the organisation's work number from the address directory; "" when unknown
};

// Headers of a relayed request and answer that carry meaning between desktop and gateway.
inline constexpr std::string_view kTimeoutHeader = "X-Zorgbrug-Timeout-Ms";  // the desktop's time left
inline constexpr std::string_view kTokenRenewedHeader = "X-Zorgbrug-Token-Renewed";
// The BSN of the patient a relayed request is about: the gateway checks the organisation's
// enrolment register with it and presents the patient's enrolment credential (knooppunt policy).
inline constexpr std::string_view kPatientHeader = "X-Zorgbrug-Patient";

}  // namespace zb::net::contract
