// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads one holder answer (or a gateway refusal) into what it means for the source: data, nothing,
// a consent or access decision (docs/consent-signals.md), or a failure with its detail; plus the
// entries to map and the next page.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/retrieval.h"
#include "net/client/gateway_client.h"
#include "net/http/client.h"

namespace zb::net::client {

// The code system holders use in OperationOutcome.issue.details to say why they withhold data.
inline constexpr const char* kAccessOutcomeSystem = "https://zorgbrug.nl/fhir/CodeSystem/access-outcome";

struct Answer {
  domain::QueryOutcome outcome;
  std::vector<nlohmann::json> entries;  // Bundle entries: matches and includes
  std::size_t matches = 0;
  std::optional<std::string> next;       // absolute URL of the next page
  std::optional<int> retryAfterSeconds;  // 503 with Retry-After
};

Answer ReadAnswer(const std::string& kind, const http::Response& response);
// A gateway refusal or a transport failure (an Error with its problem code) for this query kind.
domain::QueryOutcome ReadGatewayRefusal(const std::string& kind, const domain::Error& error);
// The access decision an OperationOutcome carries, if it carries one of ours.
std::optional<domain::QueryOutcome> AccessDecision(const std::string& kind, const nlohmann::json& operationOutcome);

}  // namespace zb::net::client
