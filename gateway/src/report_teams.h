// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Routing an on-call report to a team of the receiving organisation (docs/waarneem-ig.md §5a,
// Twiin TA "Routering"): the receiver publishes its teams as HealthcareService resources at its
// report base; the sender names the chosen one on the workflow and notification Tasks with the
// NL Generic Functions routing extension (an identifier the receiver assigned, and its name),
// while Task.owner stays the organisation (the access rule and the knooppunt's shape).
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/result.h"
#include "gateway/config.h"

namespace zb::gateway {

inline constexpr const char* kTeamSystem = "https://zorgbrug.nl/fhir/NamingSystem/team";
inline constexpr const char* kRoutingExtension =
    "http://nuts-foundation.github.io/nl-generic-functions-ig/StructureDefinition/task-stu3-healthcareservice";

// The organisation's teams as a searchset Bundle of HealthcareService (what a sender reads).
nlohmann::json TeamsBundle(const GatewayConfig& config);
// A receiver's answer to GET HealthcareService as [{id, name, location}]; refused naming the
// entry when it is not a Bundle of HealthcareService with our team identifier and a name.
domain::Result<nlohmann::json> ReadTeams(const std::string& body, const std::string& ura);
// The routing extension naming team {id, name} of organisation `ura`.
nlohmann::json RoutingExtension(const ConfigTeam& team, const std::string& ura);
// The team a Task names in its routing extension; nullopt when it names none (the organisation).
std::optional<ConfigTeam> RoutedTeam(const nlohmann::json& task);

}  // namespace zb::gateway
