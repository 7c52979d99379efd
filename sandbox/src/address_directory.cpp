// SPDX-License-Identifier: GPL-3.0-or-later
// The organisation's mCSD Query Directory (GF Adressering, nuts.md §5.4) as the knooppunt serves
// it next to its node: the holders as FHIR R4 Organization resources with URA, name, city and the
// phone number a physician calls when a source does not answer. Only the one search the gateway
// makes: Organization?identifier=<URA system>|<URA>.
#include "domain/codes.h"
#include "world.h"

namespace zb::sandbox {
namespace {

using nlohmann::json;

const std::string kUraSystem(domain::systems::kUra);  // the one URA system constant

json OrganizationResource(const HolderInfo& h) {
  json org{{"resourceType", "Organization"},
           {"id", "org-" + h.id},
           {"identifier", {{{"system", kUraSystem}, {"value", h.ura}}}},
           {"active", true},
           {"name", h.name},
           {"address", {{{"use", "work"}, {"city", h.city}, {"country", "NL"}}}}};
  if (!h.phone.empty()) org["telecom"] = {{{"system", "phone"}, {"value", h.phone}, {"use", "work"}}};
  return org;
}

void ServeOrganizationSearch(World& world, const httplib::Request& req, httplib::Response& res) {
  world.Count("directory.organization-search");
  const std::string identifier = req.get_param_value("identifier");
  const std::string prefix = kUraSystem + "|";
  if (!identifier.empty() && identifier.rfind(prefix, 0) != 0) {
    json outcome{{"resourceType", "OperationOutcome"},
                 {"issue",
                  {{{"severity", "error"},
                    {"code", "not-supported"},
                    {"diagnostics", "this directory searches Organization by URA identifier only"}}}}};
    res.status = 400;
    res.set_content(outcome.dump(), "application/fhir+json");
    return;
  }
  const std::string ura = identifier.empty() ? std::string() : identifier.substr(prefix.size());
  json bundle{{"resourceType", "Bundle"}, {"type", "searchset"}, {"entry", json::array()}};
  std::lock_guard lock(world.mutex);
  for (const auto& h : world.holders) {
    if (!ura.empty() && h.ura != ura) continue;
    bundle["entry"].push_back({{"fullUrl", world.nodeUrl + "/mcsd/Organization/org-" + h.id},
                               {"resource", OrganizationResource(h)},
                               {"search", {{"mode", "match"}}}});
  }
  bundle["total"] = bundle["entry"].size();
  res.set_content(bundle.dump(), "application/fhir+json");
}

}  // namespace

void RegisterAddressDirectory(httplib::Server& server, World& world) {
  server.Get("/mcsd/Organization", [&world](const httplib::Request& req, httplib::Response& res) {
    ServeOrganizationSearch(world, req, res);
  });
}

}  // namespace zb::sandbox
