// SPDX-License-Identifier: GPL-3.0-or-later
// A remote FHIR holder (GP, pharmacy or hospital) with the checks its PEP would make (nuts.md §3):
// introspection semantics (unknown, expired or foreign token: 401), the DPoP proof (scheme, typ,
// signature, key thumbprint, htm, htu, ath, fresh iat, single-use jti: 401), a user in the token
// (403) and the exact query parameters of the exchange agreement (anything else: 403).
#include "fhir_holder.h"

#include <functional>
#include <memory>
#include <set>

#include "dpop_check.h"
#include "fhir_receiver.h"
#include "net/contract/query_kinds.h"
#include "net/http/client.h"
#include "net/jose/base64url.h"
#include "net/jose/jws.h"
#include "net/jose/random.h"

namespace zb::sandbox {
namespace {

using nlohmann::json;
namespace jose = net::jose;

constexpr const char* kBsnSystem = "http://fhir.nl/fhir/NamingSystem/bsn";
constexpr const char* kFhirJson = "application/fhir+json";

void Deny(httplib::Response& res, int status, const std::string& code, const std::string& text) {
  res.status = status;
  res.set_content(OperationOutcome("error", code, text).dump(), kFhirJson);
}

void Unauthorized(httplib::Response& res, const std::string& scheme, const std::string& error,
                  const std::string& text) {
  res.set_header("WWW-Authenticate", scheme + " error=\"" + error + "\"");
  Deny(res, 401, "login", text);
}

// Returns the token when the request may proceed; otherwise has filled `res`.
const IssuedToken* CheckAccess(World& world, const HolderInfo& holder, const httplib::Request& req,
                               httplib::Response& res) {
  const std::string auth = req.get_header_value("Authorization");
  const auto space = auth.find(' ');
  const std::string scheme = auth.substr(0, space == std::string::npos ? 0 : space);
  const std::string token = space == std::string::npos ? std::string() : auth.substr(space + 1);
  auto it = world.tokens.find(token);
  if (scheme.empty() || it == world.tokens.end()) {
    Unauthorized(res, "DPoP", "invalid_token", "no valid access token");
    return nullptr;
  }
  const IssuedToken& t = it->second;
  if (t.authServer != holder.authServer || t.expiresAt <= Now() || t.revokedAtHolder) {
    Unauthorized(res, t.type, "invalid_token", "access token is not active at " + holder.name);
    return nullptr;
  }
  if (scheme != t.type) {
    Unauthorized(res, t.type, "invalid_token", "authorization scheme must be " + t.type);
    return nullptr;
  }
  if (t.type == "DPoP") {
    const std::string proof = req.get_header_value("DPoP");
    auto bad = [&](const std::string& why) {
      world.Count("holder.dpop-rejected");
      Unauthorized(res, "DPoP", "invalid_dpop_proof", why);
      return nullptr;
    };
    const auto base = net::http::ParseUrl(holder.fhirBase);
    const std::string problem = DpopProofProblem(
        proof, token, t.jkt, req.method,
        [&](const net::http::UrlParts& htu) {
          return base && htu.host == base->host && htu.port == base->port && htu.path == req.path;
        },
        world.seenDpopJti[holder.id]);
    if (!problem.empty()) return bad(problem);
    auto claims = jose::ClaimsOf(*jose::ParseJws(proof));
    world.capturedDpop.push_back(
        {{"proof", proof}, {"method", req.method}, {"url", claims->value("htu", "")}, {"token", token}});
    if (world.capturedDpop.size() > 20) world.capturedDpop.erase(world.capturedDpop.begin());
  } else if (req.has_header("DPoP")) {
    Unauthorized(res, "Bearer", "invalid_token", "a Bearer token does not take a DPoP proof");
    return nullptr;
  }
  if (t.employee.is_null() || t.employee.empty()) {
    Deny(res, 403, "forbidden", "the token names no user; " + holder.name + " requires the requesting professional");
    return nullptr;
  }
  return &t;
}

struct QueryRule {
  std::string resourceType;
  std::vector<std::string> categories;  // allowed "system|code" values (empty: no category parameter)
  std::set<std::string> includes;       // allowed _include / _include:iterate / _revinclude values
};

// The categories the MP9/CiO agreement allows for a resource type: the one table of query kinds.
std::vector<std::string> Categories(std::string_view resourceType) {
  return net::contract::CategoriesFor(net::contract::Exchange::kMedication, resourceType);
}

const std::vector<QueryRule>& Mp9Rules() {
  static const std::set<std::string> roles{"PractitionerRole:organization", "PractitionerRole:practitioner",
                                           "PractitionerRole:location"};
  auto with = [&](std::set<std::string> s) {
    s.insert(roles.begin(), roles.end());
    return s;
  };
  static const std::vector<QueryRule> rules{
      {"MedicationRequest", Categories("MedicationRequest"),
       with({"MedicationRequest:medication", "MedicationRequest:subject", "MedicationRequest:reason",
             "MedicationRequest:next-practitioner", "MedicationRequest:requester",
             "MedicationRequest:dispense-location"})},
      {"MedicationDispense", Categories("MedicationDispense"),
       with({"MedicationDispense:medication", "MedicationDispense:subject", "MedicationDispense:performer",
             "MedicationDispense:destination"})},
      {"MedicationStatement", Categories("MedicationStatement"),
       with({"MedicationStatement:medication", "MedicationStatement:subject", "MedicationStatement:author",
             "MedicationStatement:prescriber", "MedicationStatement:source"})},
      {"MedicationAdministration", Categories("MedicationAdministration"),
       with({"MedicationAdministration:medication", "MedicationAdministration:subject",
             "MedicationAdministration:performer"})},
      {"Flag", Categories("Flag"), {"Flag:patient", "Provenance:target"}},
  };
  return rules;
}

std::optional<Coding> ParseCategory(const std::string& value) {
  if (value.empty()) return std::nullopt;
  const auto bar = value.find('|');
  if (bar == std::string::npos) return Coding{"", value};
  return Coding{value.substr(0, bar), value.substr(bar + 1)};
}

std::string SelfUrl(const HolderInfo& h, const httplib::Request& req) {
  std::string url = h.fhirBase.substr(0, h.fhirBase.find("/fhir")) + req.path;
  std::string query;
  for (const auto& [k, v] : req.params) query += (query.empty() ? "?" : "&") + k + "=" + net::http::UrlEncode(v);
  return url + query;
}

bool IsPagingParameter(const std::string& name) { return name == "_count" || name == "_getpagesoffset"; }

// The patient's access decision at this holder (docs/consent-signals.md), when it withholds data.
bool Decided(const HolderInfo& h, const std::string& bsn, httplib::Response& res) {
  auto it = h.behaviour.access.find(bsn);
  return it != h.behaviour.access.end() && Refuse(res, it->second, h.name);
}

// The searchset, paged as the holder is set up to page: next links repeat the agreed query (as
// the client sent it) plus the holder's own paging parameters.
// The search and the rendering of its bundle run after the world lock is released (`later`): the
// data is immutable, and under the lock they would serialise every holder of the sandbox on one
// bundle at a time (a few ms each, which the chain's latency then measured as the node's).
using Render = std::function<void()>;
void Answer(const HolderInfo& h, const httplib::Request& req, const std::string& type, std::function<json()> searchset,
            httplib::Response& res, Render& later) {
  std::size_t pageSize = h.behaviour.pageSize;
  std::size_t offset = 0;
  std::string query;
  const auto q = req.target.find('?');
  for (const auto& [name, value] : net::http::ParseForm(q == std::string::npos ? "" : req.target.substr(q + 1))) {
    if (name == "_count")
      pageSize = static_cast<std::size_t>(std::max(0, std::atoi(value.c_str())));
    else if (name == "_getpagesoffset")
      offset = static_cast<std::size_t>(std::max(0, std::atoi(value.c_str())));
    else
      query += (query.empty() ? "" : "&") + net::http::UrlEncode(name) + "=" + net::http::UrlEncode(value);
  }
  const std::string base = h.fhirBase + "/" + type + (query.empty() ? "" : "?" + query);
  later = [&res, searchset = std::move(searchset), pageSize, separate = h.behaviour.separateIncludes, offset, base] {
    res.set_content(Page(searchset(), pageSize, separate, offset, base).dump(), kFhirJson);
  };
}

// CiO hypersensitivities (AllergyIntolerance) by the identifier a surveillance decision names: the
// only AllergyIntolerance search of the CiO CapabilityStatement (mp9.md §d.2).
void HypersensitivitySearch(World& world, const HolderInfo& holder, const HolderData& data, const httplib::Request& req,
                            httplib::Response& res, Render& later) {
  std::string token;
  for (const auto& [name, value] : req.params) {
    if (name == "medication-hypersensitivity-identifier" && token.empty() && !value.empty()) {
      token = value;
    } else if (!IsPagingParameter(name)) {
      return Deny(res, 403, "forbidden",
                  "AllergyIntolerance is searched by medication-hypersensitivity-identifier only (CiO)");
    }
  }
  if (token.empty()) return Deny(res, 403, "forbidden", "medication-hypersensitivity-identifier is required");
  std::vector<std::string> bsns;
  // The patients it names decide access, so this search runs under the lock (it is small).
  auto found = std::make_shared<json>(SearchHypersensitivity(data, token, SelfUrl(holder, req), bsns));
  for (const auto& bsn : bsns) {
    if (Decided(holder, bsn, res)) return;
  }
  world.Count("holder." + holder.id + ".searches");
  Answer(
      holder, req, "AllergyIntolerance", [found] { return std::move(*found); }, res, later);
}

// MP9 3.0 and CiO queries by patient.identifier (mp9.md §b, §d.2): exactly the agreed parameters.
void Mp9Search(World& world, const HolderInfo& holder, const HolderData& data, const std::string& type,
               const httplib::Request& req, httplib::Response& res, Render& later) {
  const QueryRule* rule = nullptr;
  for (const auto& r : Mp9Rules()) {
    if (r.resourceType == type) rule = &r;
  }
  if (!rule) return Deny(res, 403, "forbidden", type + " is not part of the exchange agreement of " + holder.name);
  std::string bsn;
  std::optional<Coding> category;
  bool includes = false;
  for (const auto& [name, value] : req.params) {
    if (name == "patient.identifier") {
      const std::string prefix = std::string(kBsnSystem) + "|";
      if (value.rfind(prefix, 0) != 0)
        return Deny(res, 403, "forbidden", "patient.identifier must be a BSN identifier");
      bsn = value.substr(prefix.size());
    } else if (name == "category") {
      if (std::find(rule->categories.begin(), rule->categories.end(), value) == rule->categories.end()) {
        return Deny(res, 403, "forbidden", "category " + value + " is not allowed for " + type);
      }
      category = ParseCategory(value);
    } else if (name == "_include" || name == "_include:iterate" || name == "_revinclude") {
      if (!rule->includes.count(value)) return Deny(res, 403, "forbidden", name + "=" + value + " is not allowed");
      includes = true;
    } else if (IsPagingParameter(name)) {
      continue;  // the holder's own next links
    } else {
      return Deny(res, 403, "forbidden", "search parameter " + name + " is not part of the exchange agreement");
    }
  }
  if (bsn.empty()) return Deny(res, 403, "forbidden", "patient.identifier is required");
  if (!category) return Deny(res, 403, "forbidden", "category is required");
  if (Decided(holder, bsn, res)) return;
  world.Count("holder." + holder.id + ".searches");
  const PatientRecord* patient = data.ByBsn(bsn);
  // What the source changed since start (copied under the lock; the search runs outside it).
  std::shared_ptr<const PatientRecord> amended;
  if (auto it = world.amendments.find(holder.id + "|" + bsn); patient && it != world.amendments.end()) {
    auto copy = std::make_shared<PatientRecord>(*patient);
    copy->entries.insert(copy->entries.end(), it->second.begin(), it->second.end());
    patient = copy.get();
    amended = std::move(copy);
  }
  Answer(
      holder, req, type,
      [patient, amended, type, category, includes, self = SelfUrl(holder, req)] {
        return Search(patient, type, category, includes, self);
      },
      res, later);
}

// A holder enforcing the published knooppunt policy medicatieoverdracht_gf: only what its PDP
// allows (Patient by BSN, MedicationRequest by patient); a deny is a plain 403, as its PEP answers.
// The Rego rule's enrolment check: the token's PatientEnrollmentCredential names this patient.
bool Enrolled(const IssuedToken& token, const std::string& bsn) {
  return token.claims.is_object() &&
         token.claims.value("patient_enrollment_identifier", "") == std::string(kBsnSystem) + "|" + bsn;
}

void KnooppuntSearch(World& world, const HolderInfo& holder, const HolderData& data, const std::string& type,
                     const IssuedToken& token, const httplib::Request& req, httplib::Response& res, Render& later) {
  if (auto why = world.knooppunt->Deny(type, req.params, {"_getpagesoffset"})) {
    world.Count("holder." + holder.id + ".policy-denied");
    return Deny(res, 403, "forbidden", "medicatieoverdracht_gf: " + *why);
  }
  auto notEnrolled = [&] {
    world.Count("holder." + holder.id + ".not-enrolled");
    Deny(res, 403, "forbidden", "medicatieoverdracht_gf: the requester has not enrolled this patient");
  };
  if (type == "Patient") {
    const std::string bsn = req.get_param_value("identifier").substr(std::string(kBsnSystem).size() + 1);
    if (!Enrolled(token, bsn)) return notEnrolled();
    if (Decided(holder, bsn, res)) return;
    world.Count("holder." + holder.id + ".searches");
    return Answer(
        holder, req, type,
        [patient = data.ByBsn(bsn), self = SelfUrl(holder, req)] {
          return Search(patient, "Patient", std::nullopt, false, self);
        },
        res, later);
  }
  std::string id = req.get_param_value("patient");
  if (id.rfind("Patient/", 0) == 0) id = id.substr(8);
  const PatientRecord* patient = data.ByPatientId(id);
  if (patient && !Enrolled(token, patient->bsn)) return notEnrolled();
  if (patient && Decided(holder, patient->bsn, res)) return;
  const auto category = req.has_param("category") ? ParseCategory(req.get_param_value("category")) : std::nullopt;
  const bool includes = req.get_param_value("_include") == "MedicationRequest:medication";
  world.Count("holder." + holder.id + ".searches");
  Answer(
      holder, req, type,
      [patient, type, category, includes, self = SelfUrl(holder, req)] {
        return Search(patient, type, category, includes, self);
      },
      res, later);
}

// Zorginzage R4 (nuts.md §5.2): resources by the holder's Patient id, after Patient/_search.
void ZorginzageSearch(World& world, const HolderInfo& holder, const HolderData& data, const std::string& type,
                      const httplib::Request& req, httplib::Response& res, Render& later) {
  std::map<std::string, std::string> expected;
  if (type == "MedicationRequest") {
    // Either agreement category of the zorginzage table (the text's 16076005, the profile's 33633005).
    const auto categories = net::contract::CategoriesFor(net::contract::Exchange::kZorginzage, type);
    const auto asked = req.has_param("category") ? req.get_param_value("category") : std::string();
    const auto& allowed = holder.behaviour.categories;
    if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), asked) == allowed.end())
      return Deny(res, 403, "forbidden", "category " + asked + " is not part of this GP's agreement");
    const bool known = std::find(categories.begin(), categories.end(), asked) != categories.end();
    expected = {{"category", known ? asked : categories.front()}, {"_include", "MedicationRequest:medication"}};
  } else if (type == "AllergyIntolerance") {
    expected = {{"category", "medication"}};
  } else if (type != "Flag") {
    return Deny(res, 403, "forbidden", type + " is not part of the zorginzage agreement of " + holder.name);
  }
  std::string patientId;
  std::size_t matched = 0;
  for (const auto& [name, value] : req.params) {
    if (name == "patient") {
      patientId = value;
      continue;
    }
    if (IsPagingParameter(name)) continue;
    auto it = expected.find(name);
    if (it == expected.end() || it->second != value) {
      return Deny(res, 403, "forbidden", "search parameter " + name + "=" + value + " is not part of the agreement");
    }
    ++matched;
  }
  if (patientId.empty() || matched != expected.size()) {
    return Deny(res, 403, "forbidden", "the agreement requires exactly: patient plus the agreed parameters");
  }
  const PatientRecord* patient = data.ByPatientId(patientId);
  if (patient && Decided(holder, patient->bsn, res)) return;
  world.Count("holder." + holder.id + ".searches");
  const std::optional<Coding> category =
      expected.count("category") ? ParseCategory(expected["category"]) : std::nullopt;
  Answer(
      holder, req, type,
      [patient, type, category, includes = expected.count("_include") > 0, self = SelfUrl(holder, req)] {
        return Search(patient, type, category, includes, self);
      },
      res, later);
}

// Checks the request under the world lock, then — outside it, so a slow holder does not hold up
// the others — searches, renders, applies the service time and the injected fault.
template <class F>
void Serve(World& world, HolderInfo& holder, const std::string& resourceType, httplib::Response& res, F&& prepare) {
  std::optional<HolderFault> fault;
  int latency = 0;
  std::uint64_t epoch = 0;
  Render later;
  {
    std::lock_guard lock(world.mutex);
    world.Count("holder." + holder.id + ".requests");
    fault = TakeFault(holder.behaviour, resourceType);
    if (fault && fault->kind == "expire-tokens") {
      // The holder's node forgets the tokens it issued: the next request with one gets 401.
      for (auto& [token, issued] : world.tokens) {
        if (issued.authServer == holder.authServer) issued.revokedAtHolder = true;
      }
      fault.reset();
    }
    prepare(later);
    latency = holder.behaviour.latencyMs;
    epoch = holder.behaviour.epoch;
  }
  if (later) later();
  Shape(res, latency, fault, [&world, &holder, epoch] {
    std::lock_guard lock(world.mutex);
    return !world.stopping && holder.behaviour.epoch == epoch;
  });
}

}  // namespace

void RegisterHolder(httplib::Server& server, World& world, HolderInfo& holder, const HolderData& data) {
  server.Get(R"(/fhir/metadata)", [&holder](const httplib::Request&, httplib::Response& res) {
    res.set_content(json{{"resourceType", "CapabilityStatement"},
                         {"status", "active"},
                         {"kind", "instance"},
                         {"fhirVersion", "4.0.1"},
                         {"format", {"json"}},
                         {"software", {{"name", "zorgbrug-sandbox " + holder.id}}}}
                        .dump(),
                    kFhirJson);
  });
  server.Post(
      R"(/fhir/Patient/_search)", [&world, &holder, &data](const httplib::Request& req, httplib::Response& res) {
        Serve(world, holder, "Patient", res, [&](Render& later) {
          if (!CheckAccess(world, holder, req, res)) return;
          if (holder.behaviour.policy == "knooppunt")
            return Deny(res, 403, "forbidden", "medicatieoverdracht_gf: Patient/_search is not an allowed interaction");
          std::string bsn;
          for (const auto& [name, value] : net::http::ParseForm(req.body)) {
            const std::string prefix = std::string(kBsnSystem) + "|";
            if (name == "identifier" && value.rfind(prefix, 0) == 0) {
              bsn = value.substr(prefix.size());
            } else if (!(name == "_include" && value == "Patient:general-practitioner")) {
              return Deny(res, 403, "forbidden", "Patient/_search takes identifier=" + prefix + "<BSN> only");
            }
          }
          if (bsn.empty())
            return Deny(res, 403, "forbidden", "Patient/_search needs a BSN identifier in the form body");
          if (Decided(holder, bsn, res)) return;
          later = [&res, patient = data.ByBsn(bsn), self = holder.fhirBase + "/Patient/_search"] {
            res.set_content(Search(patient, "Patient", std::nullopt, false, self).dump(), kFhirJson);
          };
        });
      });
  // A transaction to the base: a release at a receiver (fhir_receiver.h). Every holder counts it,
  // so a test can show that a release never reaches the hospital.
  server.Post(R"(/fhir/?)", [&world, &holder](const httplib::Request& req, httplib::Response& res) {
    Serve(world, holder, "Bundle", res, [&](Render&) {
      world.Count("holder." + holder.id + ".writes");
      const IssuedToken* token = CheckAccess(world, holder, req, res);
      if (token) Receive(world, holder, *token, req.body, res);
    });
  });
  server.Get(R"(/fhir/([A-Za-z]+))", [&world, &holder, &data](const httplib::Request& req, httplib::Response& res) {
    const std::string type = req.matches[1].str();
    Serve(world, holder, type, res, [&](Render& later) {
      const IssuedToken* token = CheckAccess(world, holder, req, res);
      if (!token) return;
      if (ReceiverFor(token->scope)) {
        // A sender asking whether a release arrived: by the identifier of one of its blocks only.
        if (type != "MedicationRequest" || req.params.size() != 1 || !req.has_param("identifier"))
          return Deny(res, 403, "forbidden", "a release receiver answers only MedicationRequest?identifier=");
        res.set_content(
            ReceivedSearch(world, holder, req.get_param_value("identifier"), holder.fhirBase + "/" + type).dump(),
            kFhirJson);
        return;
      }
      if (holder.kind == "gp") return ZorginzageSearch(world, holder, data, type, req, res, later);
      if (holder.behaviour.policy == "knooppunt")
        return KnooppuntSearch(world, holder, data, type, *token, req, res, later);
      if (type == "AllergyIntolerance") return HypersensitivitySearch(world, holder, data, req, res, later);
      Mp9Search(world, holder, data, type, req, res, later);
    });
  });
}

}  // namespace zb::sandbox
