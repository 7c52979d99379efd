// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The published Nuts knooppunt access policy for medication exchange, `medicatieoverdracht_gf`
// (../shared/specs/nuts-knooppunt/README.md), as a sandbox holder can enforce it: the PDP's strict
// CapabilityStatement check (component/pdp/capabilities.go), loaded from the published
// fhir_capabilitystatement.json, then the Rego rule's allowed queries. A holder in this mode
// answers only Patient?identifier=<BSN> and MedicationRequest searches by patient; the rest is 403,
// as the knooppunt's PEP answers a deny.
#include <httplib.h>

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>

#include "domain/result.h"

namespace zb::sandbox {

struct KnooppuntPolicy {
  struct Resource {
    std::set<std::string> interactions;
    std::set<std::string> searchParams;
    std::set<std::string> includes;
    std::set<std::string> revIncludes;
  };
  std::map<std::string, Resource> resources;  // by resource type
  std::string source;                         // the file it was read from
  // The access policy of scope medicatieoverdracht-gf (config/policies/medicatieoverdracht-policy.json):
  // the presentation definition a token request must satisfy.
  nlohmann::json presentationDefinition;

  // <knooppuntDir>/component/pdp/policies/medicatieoverdracht_gf/fhir_capabilitystatement.json
  static domain::Result<KnooppuntPolicy> Load(const std::string& knooppuntDir);
  // Why the PDP denies a search of `type` with these parameters (capabilities check, then the Rego
  // query rule), or nullopt when it allows it. `ownPaging` names the holder's own paging parameters,
  // which the sandbox's next links carry.
  std::optional<std::string> Deny(const std::string& type, const httplib::Params& params,
                                  const std::set<std::string>& ownPaging) const;
  // Matches the credentials against every input descriptor of the presentation definition (type
  // const, field paths with const/pattern filters); fills `claims` with the values of fields that
  // carry an id (what introspection returns). The reason when a descriptor finds no credential.
  std::optional<std::string> Evaluate(const nlohmann::json& credentials, nlohmann::json& claims) const;
};

}  // namespace zb::sandbox
