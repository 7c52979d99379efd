// SPDX-License-Identifier: GPL-3.0-or-later
#include "answer.h"

#include <map>

#include "net/json_member.h"

namespace zb::net::client {
namespace {

using domain::QueryOutcome;
using domain::SourceStatus;
using nlohmann::json;

std::string Text(const json& outcome) {
  std::string text;
  for (const auto& issue : outcome.value("issue", json::array())) {
    if (!issue.is_object()) continue;
    std::string t = StringMember(issue, "diagnostics");
    if (t.empty() && issue.contains("details") && issue["details"].is_object())
      t = StringMember(issue["details"], "text");
    if (!t.empty()) text += (text.empty() ? "" : "; ") + t;
  }
  return text;
}

std::optional<int> RetryAfter(const http::Response& r) {
  const std::string v = r.header("Retry-After");
  if (v.empty() || v.find_first_not_of("0123456789") != std::string::npos || v.size() > 6) return std::nullopt;
  return std::stoi(v);
}

}  // namespace

std::optional<QueryOutcome> AccessDecision(const std::string& kind, const json& outcome) {
  static const std::map<std::string, SourceStatus> kCodes{{"consent-refused", SourceStatus::kConsentRefused},
                                                          {"consent-not-registered", SourceStatus::kNoConsent},
                                                          {"no-treatment-relation", SourceStatus::kAccessDenied},
                                                          {"access-denied", SourceStatus::kAccessDenied},
                                                          {"patient-unknown", SourceStatus::kPatientUnknown}};
  if (!outcome.is_object() || StringMember(outcome, "resourceType") != "OperationOutcome") return std::nullopt;
  for (const auto& issue : outcome.value("issue", json::array())) {
    if (!issue.is_object() || !issue.contains("details") || !issue["details"].is_object()) continue;
    for (const auto& c : issue["details"].value("coding", json::array())) {
      if (!c.is_object() || StringMember(c, "system") != kAccessOutcomeSystem) continue;
      auto it = kCodes.find(StringMember(c, "code"));
      if (it != kCodes.end()) return QueryOutcome{kind, it->second, it->first, Text(outcome)};
    }
  }
  return std::nullopt;
}

Answer ReadAnswer(const std::string& kind, const http::Response& response) {
  Answer a;
  a.outcome.query = kind;
  auto fail = [&](SourceStatus status, std::string reason, std::string detail) {
    a.outcome.status = status;
    a.outcome.reason = std::move(reason);
    a.outcome.detail = std::move(detail);
    a.entries.clear();
    return a;
  };
  json body;
  std::string parseError;
  if (!response.body.empty()) {
    try {
      body = json::parse(response.body);
    } catch (const json::parse_error& e) {  // the only way nlohmann reports where the JSON broke
      parseError = "byte " + std::to_string(e.byte) + " of " + std::to_string(response.body.size());
    } catch (
        const json::exception&) {  // e.g. a number beyond double range (out_of_range 406): still not JSON we can read
      parseError = "a number out of range in " + std::to_string(response.body.size()) + " bytes";
    }
  }
  const bool isOutcome = body.is_object() && StringMember(body, "resourceType") == "OperationOutcome";
  if (response.status == 401)
    return fail(SourceStatus::kAccessDenied, "token-refused",
                "the holder refused the access token (HTTP 401) after a renewal");
  if (response.status == 403 || response.status == 404 || response.status == 451) {
    if (auto decision = AccessDecision(kind, body)) {
      a.outcome = *decision;
      return a;
    }
    if (response.status == 404)
      return fail(SourceStatus::kFailed, "http-404", "HTTP 404" + (isOutcome ? ": " + Text(body) : std::string()));
    // A refusal that does not say why: still a refusal, not an empty record.
    return fail(SourceStatus::kAccessDenied, isOutcome && !Text(body).empty() ? "other" : "not-given",
                "HTTP " + std::to_string(response.status) + (isOutcome ? ": " + Text(body) : std::string()));
  }
  if (response.status == 503) {
    a.retryAfterSeconds = RetryAfter(response);
    return fail(
        SourceStatus::kFailed, "http-503",
        "HTTP 503 (temporarily unavailable" +
            (a.retryAfterSeconds ? ", retry after " + std::to_string(*a.retryAfterSeconds) + " s" : std::string()) +
            ")" + (isOutcome ? ": " + Text(body) : std::string()));
  }
  if (response.status < 200 || response.status >= 300) {
    return fail(SourceStatus::kFailed, "http-" + std::to_string(response.status),
                "HTTP " + std::to_string(response.status) + (isOutcome ? ": " + Text(body) : std::string()));
  }
  if (!parseError.empty())
    return fail(SourceStatus::kFailed, "malformed", "the answer is not valid JSON (" + parseError + ")");
  if (isOutcome) {
    if (auto decision = AccessDecision(kind, body)) {
      a.outcome = *decision;
      return a;
    }
    return fail(SourceStatus::kFailed, "unexpected", "an OperationOutcome instead of a searchset: " + Text(body));
  }
  if (!body.is_object() || StringMember(body, "resourceType") != "Bundle") {
    return fail(SourceStatus::kFailed, "unexpected", "the answer is not a FHIR Bundle");
  }
  const json entries = body.value("entry", json::array());
  if (!entries.is_array()) return fail(SourceStatus::kFailed, "malformed", "Bundle.entry is not an array");
  for (const auto& e : entries) {
    if (!e.is_object() || !e.contains("resource") || !e["resource"].is_object()) continue;
    const json& res = e["resource"];
    const std::string mode = e.contains("search") && e["search"].is_object() ? StringMember(e["search"], "mode") : "";
    if (mode == "outcome" || StringMember(res, "resourceType") == "OperationOutcome") {
      if (auto decision = AccessDecision(kind, res)) {
        a.outcome = *decision;
        a.entries.clear();
        return a;
      }
      continue;  // informational outcomes carry no data
    }
    if (mode != "include") ++a.matches;
    a.entries.push_back(e);
  }
  for (const auto& link : body.value("link", json::array())) {
    if (link.is_object() && StringMember(link, "relation") == "next" && StringMember(link, "url") != "")
      a.next = StringMember(link, "url");
  }
  a.outcome.status = a.matches > 0 ? SourceStatus::kData : SourceStatus::kNoData;
  return a;
}

QueryOutcome ReadGatewayRefusal(const std::string& kind, const domain::Error& e) {
  static const std::map<std::string, SourceStatus> kCodes{{"holder_not_in_directory", SourceStatus::kNotConnected},
                                                          {"holder_unreachable", SourceStatus::kUnreachable},
                                                          {"holder_timeout", SourceStatus::kUnreachable},
                                                          {"holder_tls_refused", SourceStatus::kUnreachable},
                                                          {"gateway_unreachable", SourceStatus::kUnreachable},
                                                          {"gateway_timeout", SourceStatus::kUnreachable},
                                                          {"gateway_tls_refused", SourceStatus::kUnreachable},
                                                          {"holder_authorization_error", SourceStatus::kAccessDenied},
                                                          {"credentials_insufficient", SourceStatus::kAccessDenied},
                                                          {"role_not_allowed", SourceStatus::kAccessDenied},
                                                          {"patient_not_enrolled", SourceStatus::kAccessDenied}};
  if (e.problem == "gateway_busy") {
    // The wait goes into the reason, which the screen turns into "gateway druk, probeer over n s".
    return QueryOutcome{kind, SourceStatus::kFailed, domain::GatewayBusyReason(e.retryAfterSeconds),
                        "the organisation's gateway is busy (HTTP 503): " + e.detail};
  }
  auto it = kCodes.find(e.problem);
  return QueryOutcome{kind, it == kCodes.end() ? SourceStatus::kFailed : it->second, e.problem, e.detail};
}

}  // namespace zb::net::client
