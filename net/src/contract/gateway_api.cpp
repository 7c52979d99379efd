// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/contract/gateway_api.h"

#include <algorithm>
#include <array>

namespace zb::net::contract {
namespace {

using domain::ErrorCode;

// The one table of problem codes (docs/gateway-api.yaml lists the same). userinfo_invalid is also
// sent with 502 when DEZI's userinfo endpoint answers nonsense; the status here is its usual one.
constexpr std::array kCodes{
    ProblemCode{"login_request_invalid", 400, ErrorCode::kInvalidFormat, "the login request is not well formed"},
    ProblemCode{"redirect_uri_not_registered", 400, ErrorCode::kRefused, "redirect URI not registered at DEZI"},
    ProblemCode{"relay_request_invalid", 400, ErrorCode::kInvalidFormat, "the relayed request is not allowed"},
    ProblemCode{"release_invalid", 400, ErrorCode::kInvalidFormat, "the release is not a sendable transaction"},
    ProblemCode{"report_invalid", 400, ErrorCode::kInvalidFormat, "the on-call report cannot be sent as it is"},
    ProblemCode{"processing_query_invalid", 400, ErrorCode::kInvalidFormat,
                "a question for pharmacy answers must name the patient, the pharmacy and identifiers"},
    ProblemCode{"patient_required", 400, ErrorCode::kInvalidFormat, "the request names no patient (BSN)"},
    ProblemCode{"request_malformed", 400, ErrorCode::kInvalidFormat, "the request is not well-formed HTTP"},
    ProblemCode{"request_target_invalid", 400, ErrorCode::kInvalidFormat,
                "the request path or query is not valid percent-encoded UTF-8"},
    ProblemCode{"session_invalid", 401, ErrorCode::kRefused, "no valid session: log in again"},
    ProblemCode{"session_proof_invalid", 401, ErrorCode::kRefused,
                "the request's proof of possession (DPoP) is missing, stale, replayed or made with another key"},
    ProblemCode{"dezi_token_refused", 401, ErrorCode::kRefused, "DEZI refused the authorization code"},
    ProblemCode{"id_token_expired", 401, ErrorCode::kRefused, "the id_token has expired"},
    ProblemCode{"id_token_invalid", 401, ErrorCode::kRefused, "the id_token failed validation"},
    ProblemCode{"loa_insufficient", 401, ErrorCode::kRefused, "level of assurance too low"},
    ProblemCode{"nonce_mismatch", 401, ErrorCode::kRefused, "nonce does not match the login"},
    ProblemCode{"userinfo_expired", 401, ErrorCode::kRefused, "the userinfo envelope has expired"},
    ProblemCode{"userinfo_invalid", 401, ErrorCode::kRefused, "the userinfo failed validation"},
    ProblemCode{"userinfo_not_encrypted", 401, ErrorCode::kRefused, "userinfo was not a JWE"},
    ProblemCode{"userinfo_refused", 401, ErrorCode::kRefused, "DEZI refused the userinfo request"},
    ProblemCode{"userinfo_undecryptable", 401, ErrorCode::kRefused, "userinfo not encrypted to this gateway"},
    ProblemCode{"verklaring_expired", 401, ErrorCode::kRefused, "the DEZI verklaring has expired"},
    ProblemCode{"verklaring_invalid", 401, ErrorCode::kRefused, "the DEZI verklaring failed validation"},
    ProblemCode{"verklaring_jku_not_allowed", 401, ErrorCode::kRefused, "the verklaring's key URL is not allowed"},
    ProblemCode{"verklaring_not_yet_valid", 401, ErrorCode::kRefused, "the verklaring is not valid yet"},
    ProblemCode{"verklaring_signature_invalid", 401, ErrorCode::kRefused, "the verklaring's signature is wrong"},
    ProblemCode{"credentials_insufficient", 403, ErrorCode::kRefused, "the node has no credential for this"},
    ProblemCode{"organisation_mismatch", 403, ErrorCode::kRefused, "the verklaring is for another organisation"},
    ProblemCode{"role_not_allowed", 403, ErrorCode::kRefused, "the user's role may not use Zorgbrug here"},
    ProblemCode{"patient_not_enrolled", 403, ErrorCode::kRefused,
                "the patient is not in the organisation's register (expected, admitted or temporary)"},
    ProblemCode{"verklaring_revoked", 403, ErrorCode::kRefused, "the DEZI verklaring is revoked"},
    ProblemCode{"not_found", 404, ErrorCode::kMissing, "no such gateway endpoint"},
    ProblemCode{"method_not_allowed", 405, ErrorCode::kInvalidFormat, "the endpoint does not take this method"},
    ProblemCode{"report_sent_elsewhere", 409, ErrorCode::kRefused, "the report was sent to another organisation"},
    ProblemCode{"request_too_large", 413, ErrorCode::kOutOfRange, "the request body exceeds the endpoint's limit"},
    ProblemCode{"request_uri_too_long", 414, ErrorCode::kOutOfRange, "the request target is too long"},
    ProblemCode{"too_many_requests", 429, ErrorCode::kUnavailable, "too many requests from this address; wait"},
    ProblemCode{"request_header_too_large", 431, ErrorCode::kOutOfRange, "the request head is too large"},
    ProblemCode{"report_not_found", 404, ErrorCode::kMissing, "no such on-call report in the inbox"},
    ProblemCode{"holder_not_in_directory", 404, ErrorCode::kMissing, "the organisation is in no Discovery Service"},
    ProblemCode{"service_unknown", 404, ErrorCode::kMissing, "the Discovery Service is not configured"},
    ProblemCode{"internal_error", 500, ErrorCode::kIo, "the gateway could not handle the request"},
    ProblemCode{"audit_unavailable", 500, ErrorCode::kIo, "the audit trail cannot be written"},
    ProblemCode{"teams_invalid", 502, ErrorCode::kUnavailable,
                "the receiving organisation's list of teams is not a Bundle of HealthcareService"},
    ProblemCode{"teams_unavailable", 502, ErrorCode::kUnavailable,
                "the receiving organisation's gateway did not give its teams"},
    ProblemCode{"dezi_discovery_invalid", 502, ErrorCode::kUnavailable, "DEZI's discovery document is unusable"},
    ProblemCode{"dezi_token_invalid", 502, ErrorCode::kUnavailable, "DEZI's token answer is unusable"},
    ProblemCode{"holder_answer_incomplete", 502, ErrorCode::kIo, "the holder's answer was cut off"},
    ProblemCode{"holder_answer_too_large", 502, ErrorCode::kOutOfRange, "the holder's answer is too large"},
    ProblemCode{"holder_authorization_error", 502, ErrorCode::kRefused, "the holder's authorization server refused"},
    ProblemCode{"holder_tls_refused", 502, ErrorCode::kRefused, "the holder's certificate is not trusted"},
    ProblemCode{"node_authentication_failed", 502, ErrorCode::kRefused, "the node refused the gateway's key"},
    ProblemCode{"node_error", 502, ErrorCode::kUnavailable, "the Nuts node answered with an error"},
    ProblemCode{"report_sender_error", 502, ErrorCode::kUnavailable, "the report's sender answered with an error"},
    ProblemCode{"token_request_invalid", 502, ErrorCode::kRefused, "the access-token request was refused"},
    ProblemCode{"gateway_busy", 503, ErrorCode::kUnavailable, "the gateway is busy; retry after the given seconds"},
    ProblemCode{"dezi_unreachable", 503, ErrorCode::kUnavailable, "DEZI cannot be reached"},
    ProblemCode{"holder_authorization_unreachable", 503, ErrorCode::kUnavailable, "authorization server unreachable"},
    ProblemCode{"report_store_unavailable", 503, ErrorCode::kIo, "the gateway cannot keep the report now"},
    ProblemCode{"node_unreachable", 503, ErrorCode::kUnavailable, "the Nuts node cannot be reached"},
    ProblemCode{"verklaring_status_unavailable", 503, ErrorCode::kUnavailable, "revocation status unknown"},
    ProblemCode{"holder_timeout", 504, ErrorCode::kTimeout, "the holder did not answer in time"},
    ProblemCode{"holder_unreachable", 504, ErrorCode::kUnavailable, "the holder cannot be reached"},
    ProblemCode{"receiver_no_answer", 504, ErrorCode::kTimeout,
                "no answer to a release: whether it arrived is unknown"},
    ProblemCode{"gateway_unreachable", 0, ErrorCode::kUnavailable, "the desktop cannot reach the gateway"},
    ProblemCode{"gateway_timeout", 0, ErrorCode::kTimeout, "the gateway did not answer in time"},
    ProblemCode{"gateway_tls_refused", 0, ErrorCode::kRefused, "the gateway's certificate is not trusted"},
    ProblemCode{"gateway_answer_invalid", 0, ErrorCode::kInconsistent, "the gateway's answer is unusable"},
    ProblemCode{"listener_failed", 0, ErrorCode::kIo, "the login's loopback listener could not start"},
    ProblemCode{"browser_unavailable", 0, ErrorCode::kUnavailable, "no browser could be started for the login"},
    ProblemCode{"login_timeout", 0, ErrorCode::kTimeout, "the login was not completed in time"},
    ProblemCode{"state_mismatch", 0, ErrorCode::kRefused, "the login redirect belongs to another attempt"},
};

}  // namespace

std::span<const ProblemCode> ProblemCodes() { return kCodes; }

std::optional<ProblemCode> FindProblemCode(std::string_view code) {
  const auto it = std::find_if(kCodes.begin(), kCodes.end(), [code](const ProblemCode& c) { return c.code == code; });
  if (it == kCodes.end()) return std::nullopt;
  return *it;
}

domain::Error ToError(const Problem& problem) {
  ErrorCode code = problem.status >= 500 ? ErrorCode::kUnavailable : ErrorCode::kRefused;
  if (auto known = FindProblemCode(problem.code)) code = known->error;
  return domain::Error{code, problem.detail, problem.code, problem.status};
}

}  // namespace zb::net::contract
