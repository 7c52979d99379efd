// SPDX-License-Identifier: GPL-3.0-or-later
// FHIR requests relayed by the gateway: Discovery, node tokens for the logged-in user, DPoP proofs
// the holders check, the 401 retry, role policy, node and holder errors, and the audit trail.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "exchange_world.h"
#include "gateway/audit_log.h"
#include "net/jose/random.h"

using namespace zb;
using nlohmann::json;

namespace {

constexpr const char* kBsn = "999991000";
const std::string kBsnParam = "http%3A%2F%2Ffhir.nl%2Ffhir%2FNamingSystem%2Fbsn%7C" + std::string(kBsn);

test::ExchangeWorld& World() {
  static test::ExchangeWorld world;
  return world;
}

// A fresh login each time: some test cases restart the gateway, which ends its sessions.
std::string SoSession() { return World().Session("so"); }

domain::Result<net::http::Response> PatientSearch(const test::ExchangeWorld& world, const std::string& session) {
  return world.Client().Relay(session, "HuisartsVVTInzage", "90000401", "POST", "Patient/_search",
                              "identifier=http%3A%2F%2Ffhir.nl%2Ffhir%2FNamingSystem%2Fbsn%7C" + std::string(kBsn));
}

net::http::Response Ok(const domain::Result<net::http::Response>& r) {
  if (!r) FAIL("relay failed: " << r.error().problem << ": " << r.error().detail);
  return r.value();
}

std::string Code(const domain::Result<net::http::Response>& r) {
  if (!r) return r.error().problem;
  return "HTTP " + std::to_string(r->status);
}

int Counter(const json& state, const std::string& name) { return state["counters"].value(name, 0); }

std::string Hex(const std::string& bytes) {
  std::string out;
  for (char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    out += "0123456789abcdef"[c >> 4];
    out += "0123456789abcdef"[c & 15];
  }
  return out;
}

gateway::AuditFiles AuditFiles(const std::string& trail) {
  return {trail, trail + ".head", World().stateDir() + "/audit-key.bin"};
}

}  // namespace

TEST_CASE("the directory lists the holders registered on the configured Discovery Services") {
  auto all = World().Client().Directory(SoSession(), "", "");
  REQUIRE(all.ok());
  // The three sources on the retrieval services; the pharmacy and the home's own record also on
  // the services that receive a release; and our own gateway on the on-call report service, where
  // it registers its report FHIR base at start.
  CHECK(all->size() == 6);
  CHECK(std::count_if(all->begin(), all->end(),
                      [](const auto& e) { return e.service == "zorgbrug-waarneem" && e.ura == "90000380"; }) == 1);
  CHECK(std::count_if(all->begin(), all->end(), [](const auto& e) {
          return e.service == "HuisartsVVTInzage" || e.service == "medicatieoverdracht-gf";
        }) == 3);
  auto one = World().Client().Directory(SoSession(), "medicatieoverdracht-gf", "90000403");
  REQUIRE(one.ok());
  REQUIRE(one->size() == 1);
  CHECK(one->front().name == "Ziekenhuis Rivierenland");
  auto unknown =
      World().Client().Relay(SoSession(), "medicatieoverdracht-gf", "12345678", "GET", "Flag?patient.identifier=x");
  CHECK(Code(unknown) == "holder_not_in_directory");
}

TEST_CASE("a holder asked for by URA carries its phone number from the organisation's address directory") {
  auto one = World().Client().Directory(SoSession(), "medicatieoverdracht-gf", "90000403");
  REQUIRE(one.ok());
  REQUIRE(one->size() == 1);
  // Organization.telecom (system phone, use work) of the sandbox's mCSD directory.
  CHECK(one->front().phone == "0344-000403");
  const int asked = Counter(World().ControlState(), "directory.organization-search");
  CHECK(asked >= 1);
  // The number is cached: asking again does not ask the directory again.
  auto again = World().Client().Directory(SoSession(), "medicatieoverdracht-gf", "90000403");
  REQUIRE(again.ok());
  CHECK(again->front().phone == "0344-000403");
  CHECK(Counter(World().ControlState(), "directory.organization-search") == asked);
  // A listing without a URA does not cost one directory request per holder.
  auto all = World().Client().Directory(SoSession(), "", "");
  REQUIRE(all.ok());
  CHECK(std::all_of(all->begin(), all->end(), [](const auto& h) { return h.phone.empty(); }));
}

TEST_CASE("a relayed request carries a DPoP proof the holder accepts: a replayed or misused proof is refused") {
  const auto response = Ok(PatientSearch(World(), SoSession()));
  REQUIRE(response.status == 200);
  const json bundle = json::parse(response.body);
  CHECK(bundle["total"] == 1);
  CHECK(bundle["entry"][0]["resource"]["resourceType"] == "Patient");

  const json state = World().ControlState();
  REQUIRE_FALSE(state["dpop"].empty());
  const json seen = state["dpop"].back();
  CHECK(seen["method"] == "POST");
  CHECK(seen["url"].get<std::string>().find("/fhir/Patient/_search") != std::string::npos);
  const std::string form = "identifier=http%3A%2F%2Ffhir.nl%2Ffhir%2FNamingSystem%2Fbsn%7C" + std::string(kBsn);
  const std::string token = seen["token"];
  const std::string proof = seen["proof"];

  // Exactly the same request again with the same proof: the jti was used.
  auto replay = World().Send(
      {"POST",
       seen["url"],
       {{"Authorization", "DPoP " + token}, {"DPoP", proof}, {"Content-Type", "application/x-www-form-urlencoded"}},
       form});
  CHECK(replay.status == 401);
  CHECK(replay.header("WWW-Authenticate").find("invalid_dpop_proof") != std::string::npos);
  // The token without any proof, and the DPoP token presented as Bearer.
  auto noProof = World().Send({"POST", seen["url"], {{"Authorization", "DPoP " + token}}, form});
  CHECK(noProof.status == 401);
  auto asBearer = World().Send({"POST", seen["url"], {{"Authorization", "Bearer " + token}}, form});
  CHECK(asBearer.status == 401);
  CHECK(World().ControlState()["counters"].value("holder.dpop-rejected", 0) >= 2);
}

TEST_CASE("the MP9 3.0, CiO and zorginzage queries are answered through the relay, and only those") {
  const std::string include = "&_include=MedicationRequest%3Amedication";
  const std::vector<std::pair<std::string, std::string>> mp9{
      {"MA", "MedicationRequest?patient.identifier=" + kBsnParam +
                 "&category=http%3A%2F%2Fsnomed.info%2Fsct%7C33633005" + include},
      {"VV", "MedicationRequest?patient.identifier=" + kBsnParam +
                 "&category=http%3A%2F%2Fsnomed.info%2Fsct%7C52711000146108" + include},
      {"WDS", "MedicationRequest?patient.identifier=" + kBsnParam +
                  "&category=http%3A%2F%2Fsnomed.info%2Fsct%7C395067002" + include},
      {"TA", "MedicationDispense?patient.identifier=" + kBsnParam +
                 "&category=http%3A%2F%2Fsnomed.info%2Fsct%7C422037009&_include=MedicationDispense%3Amedication"},
      {"MVE", "MedicationDispense?patient.identifier=" + kBsnParam +
                  "&category=http%3A%2F%2Fsnomed.info%2Fsct%7C373784005&_include=MedicationDispense%3Amedication"},
      {"MGB", "MedicationStatement?patient.identifier=" + kBsnParam +
                  "&category=http%3A%2F%2Fsnomed.info%2Fsct%7C422979000&_include=MedicationStatement%3Amedication"},
      {"MTD", "MedicationAdministration?patient.identifier=" + kBsnParam +
                  "&category=http%3A%2F%2Fsnomed.info%2Fsct%7C18629005&_include=MedicationAdministration%3Amedication"},
      {"CI",
       "Flag?patient.identifier=" + kBsnParam +
           "&category=http%3A%2F%2Fsnomed.info%2Fsct%7C350241000146102&_include=Flag%3Apatient&_revinclude=Provenance%3Atarget"},
  };
  int pharmacyMatches = 0;
  for (const char* ura : {"90000402", "90000403"}) {
    for (const auto& [kind, query] : mp9) {
      INFO(kind << " at " << ura);
      const auto r = Ok(World().Client().Relay(SoSession(), "medicatieoverdracht-gf", ura, "GET", query));
      REQUIRE(r.status == 200);
      const json bundle = json::parse(r.body);
      CHECK(bundle["type"] == "searchset");
      if (std::string(ura) == "90000402") pharmacyMatches += bundle["total"].get<int>();
    }
  }
  CHECK(pharmacyMatches > 5);  // the demo pharmacy has TAs, MVEs, MGBs and CiO flags

  // Zorginzage at the GP: resolve the patient, then the agreed queries by holder patient id.
  const json patient = json::parse(Ok(PatientSearch(World(), SoSession())).body);
  const std::string id = patient["entry"][0]["resource"]["id"];
  // Jansen's GP follows the profile (33633005): the Zorginzage text's 16076005 alone finds nothing.
  auto gpAgreements = [&](const std::string& category) {
    const auto gp = Ok(World().Client().Relay(
        SoSession(), "HuisartsVVTInzage", "90000401", "GET",
        "MedicationRequest?patient=" + id + "&category=http%3A%2F%2Fsnomed.info%2Fsct%7C" + category + include));
    REQUIRE(gp.status == 200);
    return json::parse(gp.body)["total"].get<int>();
  };
  CHECK(gpAgreements("33633005") > 0);
  CHECK(gpAgreements("16076005") == 0);

  // One parameter more than agreed: the holder's policy says no, and that answer passes through.
  const auto extra = Ok(World().Client().Relay(SoSession(), "medicatieoverdracht-gf", "90000402", "GET",
                                               mp9[3].second + "&_summary=count"));
  CHECK(extra.status == 403);
  CHECK(json::parse(extra.body)["resourceType"] == "OperationOutcome");
  // Paths that are not FHIR searches or reads never leave the gateway.
  CHECK(Code(World().Client().Relay(SoSession(), "medicatieoverdracht-gf", "90000402", "GET", "..%2F..%2Fadmin")) ==
        "relay_request_invalid");
}

TEST_CASE("tokens are kept per identical request: after a holder forgets them the gateway retries once fresh") {
  const std::string session = World().Session("avg");
  const json before = World().ControlState();
  REQUIRE(Ok(PatientSearch(World(), session)).status == 200);
  REQUIRE(Ok(PatientSearch(World(), session)).status == 200);
  const json cached = World().ControlState();
  CHECK(Counter(cached, "node.tokens-issued") == Counter(before, "node.tokens-issued") + 1);
  // The second relay used the gateway's kept token: one token request reached the node, two proofs.
  CHECK(Counter(cached, "node.token-requests") == Counter(before, "node.token-requests") + 1);
  CHECK(Counter(cached, "node.dpop-proofs") == Counter(before, "node.dpop-proofs") + 2);

  World().ControlPost("/expire-tokens");
  const auto renewed = Ok(PatientSearch(World(), session));
  CHECK(renewed.status == 200);
  CHECK(renewed.header("X-Zorgbrug-Token-Renewed") == "true");
  const json after = World().ControlState();
  CHECK(Counter(after, "node.tokens-issued") == Counter(cached, "node.tokens-issued") + 1);
}

TEST_CASE("role policy per feature, and node and holder refusals give specific errors") {
  const std::string secretariat = World().Session("secretariaat");
  auto refused = PatientSearch(World(), secretariat);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().problem == "role_not_allowed");
  CHECK(refused.error().status == 403);
  CHECK(refused.error().code == domain::ErrorCode::kRefused);

  World().ControlPost("/holder/apotheek/refuse-tokens?on=1");
  auto holderRefuses = World().Client().Relay(
      SoSession(), "medicatieoverdracht-gf", "90000402", "GET",
      "Flag?patient.identifier=" + kBsnParam + "&category=http%3A%2F%2Fsnomed.info%2Fsct%7C225419007");
  CHECK(Code(holderRefuses) == "holder_authorization_error");
  World().ControlPost("/holder/apotheek/refuse-tokens?on=0");

  // A mainline v6.2 node ignores id_token: without a user credential the holder's policy fails (412).
  World().StartGateway({{"nuts", {{"user_identity", "dezi-id-token"}}}});
  CHECK(Code(PatientSearch(World(), World().Session("so"))) == "credentials_insufficient");
  World().StartGateway();
}

TEST_CASE("a project-gf node takes the verklaring itself as id_token") {
  test::ExchangeWorld gf("gf");
  const std::string session = gf.Session("so");
  const auto r = Ok(PatientSearch(gf, session));
  CHECK(r.status == 200);
  CHECK(json::parse(r.body)["total"] == 1);
}

TEST_CASE("every relayed request and login is audited in an intact keyed chain: logs hold no BSN or token") {
  const std::string session = SoSession();
  REQUIRE(Ok(PatientSearch(World(), session)).status == 200);
  REQUIRE(Ok(PatientSearch(World(), session)).status == 200);
  const gateway::AuditFiles files = AuditFiles(World().auditFile());
  auto verified = gateway::VerifyAuditTrail(files);
  REQUIRE(verified.ok());
  CHECK(verified.value() >= 4);  // created/started, login, two relays
  const std::string trail = test::ReadTextFile(files.trail);
  CHECK(trail.find("\"event\":\"fhir-relay\"") != std::string::npos);
  CHECK(trail.find("\"dezi_number\":\"900000047\"") != std::string::npos);
  CHECK(trail.find("\"query_kind\":\"patient-search\"") != std::string::npos);
  CHECK(trail.find("bsn-hmac:") != std::string::npos);
  CHECK(trail.find(kBsn) == std::string::npos);

  const std::string log = World().gatewayLog();
  CHECK(log.find("relay POST Huisartsenpraktijk De Linde patient-search -> 200") != std::string::npos);
  CHECK(log.find(kBsn) == std::string::npos);
  CHECK(log.find(session) == std::string::npos);
  const json state = World().ControlState();  // kept alive: the loop iterates into it
  for (const auto& seen : state["dpop"]) CHECK(log.find(seen["token"].get<std::string>()) == std::string::npos);
}

TEST_CASE("a trail edited, reordered, cut at the end, rechained without the key, emptied or missing is broken") {
  const std::string session = SoSession();
  REQUIRE(Ok(PatientSearch(World(), session)).status == 200);
  REQUIRE(Ok(PatientSearch(World(), session)).status == 200);
  const gateway::AuditFiles original = AuditFiles(World().auditFile());
  std::vector<std::string> lines;
  std::istringstream in(test::ReadTextFile(original.trail));
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  REQUIRE(lines.size() >= 4);
  const std::string copy = World().stateDir() + "/audit-edited.jsonl";
  auto check = [&](const std::vector<std::string>* edited, const std::string& expected) {
    std::filesystem::remove(copy);
    if (edited) {
      std::ofstream out(copy);
      for (const auto& l : *edited) out << l << "\n";
    }
    std::filesystem::copy_file(original.head, copy + ".head", std::filesystem::copy_options::overwrite_existing);
    auto result = gateway::VerifyAuditTrail({copy, copy + ".head", original.key});
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().detail.find(expected) != std::string::npos);
    test::ChildProcess cli({ZB_GATEWAY_PATH, "audit-verify", copy, "--key", original.key},
                           World().stateDir() + "/audit-verify.log");
    CHECK(cli.Wait(std::chrono::seconds(10)) == 1);
  };
  auto edited = lines;
  edited[1].replace(edited[1].find("\"seq\""), 5, "\"Seq\"");
  check(&edited, "line 2");
  auto removed = lines;
  removed.erase(removed.begin() + 1);
  check(&removed, "line 2");
  auto swapped = lines;
  std::swap(swapped[1], swapped[2]);
  check(&swapped, "line 2");
  // The last records removed: every remaining record is intact, only the sealed head knows.
  auto cut = lines;
  cut.resize(lines.size() - 2);
  check(&cut, "records were removed from the end");
  // A record rewritten and the chain recomputed as a plain hash chain (no key): the MACs are wrong.
  auto rechained = lines;
  std::string prev = "genesis";
  for (auto& l : rechained) {
    json r = json::parse(l);
    if (r["seq"] == 2) r["actor"]["dezi_number"] = "000000000";
    r["prev"] = prev;
    r.erase("mac");
    r["mac"] = Hex(net::jose::Sha256(r.dump()));
    prev = r["mac"];
    l = r.dump();
  }
  check(&rechained, "line 1 was altered, or the chain was recomputed without the audit key");
  const std::vector<std::string> empty;
  check(&empty, "is empty");
  check(nullptr, "is missing");

  // The gateway itself refuses to start on a cut trail, and names the problem.
  {
    std::ofstream out(original.trail, std::ios::trunc);
    for (const auto& l : cut) out << l << "\n";
  }
  CHECK_THAT(World().TryStartGateway(), Catch::Contains("records were removed from the end"));
}
