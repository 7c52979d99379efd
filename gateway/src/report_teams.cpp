// SPDX-License-Identifier: GPL-3.0-or-later
#include "report_teams.h"

#include "identity.h"
#include "net/json_member.h"

namespace zb::gateway {

using net::StringMember;
using nlohmann::json;

namespace {

constexpr const char* kUraSystem = "http://fhir.nl/fhir/NamingSystem/ura";

// The team's identifier as its organisation assigned it (the TA's "author-assigned identifier").
json TeamIdentifier(const std::string& id, const std::string& ura) {
  return {
      {"system", kTeamSystem}, {"value", id}, {"assigner", {{"identifier", {{"system", kUraSystem}, {"value", ura}}}}}};
}

}  // namespace

json TeamsBundle(const GatewayConfig& config) {
  json entries = json::array();
  for (const auto& t : config.teams) {
    json service{{"resourceType", "HealthcareService"},
                 {"id", t.id},
                 {"identifier", json::array({TeamIdentifier(t.id, config.ura)})},
                 {"active", true},
                 {"providedBy",
                  {{"type", "Organization"},
                   {"identifier", {{"system", kUraSystem}, {"value", config.ura}}},
                   {"display", config.organisationName}}},
                 {"name", t.name}};
    // No national code for an SO team exists (GF binds HealthcareService.type to Wlz care profiles).
    service["type"] = json::array({{{"text", "Specialist ouderengeneeskunde"}}});
    if (!t.location.empty()) service["location"] = json::array({{{"display", t.location}}});
    entries.push_back({{"fullUrl", "HealthcareService/" + t.id}, {"resource", std::move(service)}});
  }
  return {{"resourceType", "Bundle"}, {"type", "searchset"}, {"total", entries.size()}, {"entry", std::move(entries)}};
}

domain::Result<json> ReadTeams(const std::string& body, const std::string& ura) {
  const json bundle = json::parse(body, nullptr, false);
  auto refuse = [&](const std::string& what) -> domain::Result<json> {
    return Failure(502, "teams_invalid", "the teams of URA " + ura + " cannot be read: " + what);
  };
  if (!bundle.is_object() || StringMember(bundle, "resourceType") != "Bundle")
    return refuse("the answer is not a FHIR Bundle");
  const json entries = bundle.value("entry", json::array());
  if (!entries.is_array()) return refuse("Bundle.entry is not a list");
  json out = json::array();
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const std::string at = "Bundle.entry[" + std::to_string(i) + "]";
    const json r = entries[i].is_object() ? entries[i].value("resource", json()) : json();
    if (StringMember(r, "resourceType") != "HealthcareService") return refuse(at + " is not a HealthcareService");
    std::string id;
    for (const auto& identifier : r.value("identifier", json::array()))
      if (StringMember(identifier, "system") == kTeamSystem) id = StringMember(identifier, "value");
    const std::string name = StringMember(r, "name");
    if (id.empty() || id.size() > 64 || name.empty())
      return refuse(at + " has no team identifier (" + kTeamSystem + ") or no name");
    std::string location;
    for (const auto& l : r.value("location", json::array())) location = StringMember(l, "display");
    out.push_back({{"id", id}, {"name", name}, {"location", location}});
  }
  return out;
}

json RoutingExtension(const ConfigTeam& team, const std::string& ura) {
  return {{"url", kRoutingExtension},
          {"valueReference",
           {{"type", "HealthcareService"}, {"identifier", TeamIdentifier(team.id, ura)}, {"display", team.name}}}};
}

std::optional<ConfigTeam> RoutedTeam(const json& task) {
  if (!task.is_object()) return std::nullopt;
  for (const auto& e : task.value("extension", json::array())) {
    if (StringMember(e, "url") != kRoutingExtension) continue;
    const json ref = e.value("valueReference", json());
    const json identifier = ref.is_object() ? ref.value("identifier", json()) : json();
    if (StringMember(identifier, "system") != kTeamSystem) continue;
    ConfigTeam team{StringMember(identifier, "value"), StringMember(ref, "display"), ""};
    if (!team.id.empty() && team.id.size() <= 64) return team;
  }
  return std::nullopt;
}

}  // namespace zb::gateway
