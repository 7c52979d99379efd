// SPDX-License-Identifier: GPL-3.0-or-later
// The way back of a release (prescribing.md §1, "Sturen voorschriftverwerking"; issue 15): the
// gateway registers its receiving endpoint on Discovery, the sandbox pharmacy posts its TA + MVE
// there with a DPoP-bound token from our node, the gateway checks token and proof at the node and
// keeps the answer sealed; the desktop asks for it and the released line reads "verwerkt door
// apotheek". The endpoint refuses what it must: no token, an inactive one, another scope, a proof
// for another URL, a Bundle that is no processing answer; and it answers only about the pharmacy
// and patient asked for. Official Nictiz processing Bundles (av-mp-va-tst-*) are accepted as sent.
#include <catch2/catch.hpp>
#include <filesystem>
#include <thread>

#include "domain/dose_form.h"
#include "exchange_world.h"
#include "fixtures.h"
#include "net/contract/release_services.h"
#include "net/fhir/processing_answer.h"
#include "net/jose/base64url.h"
#include "net/jose/jws.h"
#include "net/jose/random.h"
#include "present/draft_texts.h"
#include "resident.h"
#include "stored_lookup.h"
#include "workstation/workstation.h"

using namespace zb;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

test::ExchangeWorld& World() {
  static test::ExchangeWorld world;
  return world;
}

std::string Control(const std::string& path) { return World().sandbox()["control"].get<std::string>() + path; }

// How many records of `event` the gateway's audit trail holds.
std::size_t GatewayAuditCount(const std::string& event) {
  const std::string trail = test::ReadTextFile(World().auditFile());
  const std::string quoted = "\"" + event + "\"";
  std::size_t n = 0;
  for (auto at = trail.find(quoted); at != std::string::npos; at = trail.find(quoted, at + 1)) ++n;
  return n;
}

json Processing() { return json::parse(World().Send({"GET", Control("/processing"), {}, ""}).body); }

// Waits until the sandbox pharmacy has sent `count` answers back (at most 15 s).
json WaitForAnswers(std::size_t count) {
  for (int i = 0; i < 150; ++i) {
    const json p = Processing();
    if (p["sent"].size() >= count) return p;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  FAIL("the sandbox pharmacy sent no processing answer within 15 s: " << Processing().dump());
  return {};
}

// Another pharmacy system posting to the gateway: its own key, a token our node issued for it.
struct Poster {
  net::jose::Key key = net::jose::Key::GenerateEcP256().value();
  std::string token;

  Poster(const std::string& holder, const std::string& scope) {
    const auto r = World().Send({"POST",
                                 Control("/inbound-token"),
                                 {{"Content-Type", "application/json"}},
                                 json{{"holder", holder}, {"scope", scope}, {"jkt", key.Thumbprint()}}.dump()});
    REQUIRE(r.status == 200);
    token = json::parse(r.body)["token"];
  }
  std::string Proof(const std::string& url) const {
    const json header{{"typ", "dpop+jwt"}, {"alg", "ES256"}, {"jwk", key.PublicJwk()}};
    const json claims{{"htm", "POST"},
                      {"htu", url},
                      {"iat", std::time(nullptr)},
                      {"jti", net::jose::RandomUuid()},
                      {"ath", net::jose::Base64UrlEncode(net::jose::Sha256(token))}};
    return net::jose::SignJws(header, claims.dump(), key).value();
  }
  net::http::Response Post(const std::string& body, const std::string& proofUrl = {}) const {
    const std::string url = World().gatewayUrl() + std::string(net::contract::kInboundBase);
    return World().Send({"POST",
                         url,
                         {{"Content-Type", "application/fhir+json"},
                          {"Authorization", "DPoP " + token},
                          {"DPoP", Proof(proofUrl.empty() ? url : proofUrl)}},
                         body});
  }
};

// A processing answer about `bsn` with one TA for the agreement `system|value`.
json OwnProcessingBundle(const std::string& bsn, const std::string& system, const std::string& value) {
  return {{"resourceType", "Bundle"},
          {"meta", {{"profile", {std::string(net::contract::kProcessingBundleProfile)}}}},
          {"type", "transaction"},
          {"entry",
           {{{"fullUrl", "urn:uuid:" + net::jose::RandomUuid()},
             {"resource",
              {{"resourceType", "Patient"},
               {"identifier", {{{"system", "http://fhir.nl/fhir/NamingSystem/bsn"}, {"value", bsn}}}}}},
             {"request", {{"method", "POST"}, {"url", "Patient"}}}},
            {{"fullUrl", "urn:uuid:" + net::jose::RandomUuid()},
             {"resource",
              {{"resourceType", "MedicationDispense"},
               {"meta", {{"profile", {"http://nictiz.nl/fhir/StructureDefinition/mp-AdministrationAgreement"}}}},
               {"identifier", {{{"system", "urn:oid:2.999.402.422037009.1"}, {"value", net::jose::RandomUuid()}}}},
               {"medicationReference", {{"display", "PARACETAMOL 500MG TABLET"}}},
               {"authorizingPrescription",
                {{{"type", "MedicationRequest"}, {"identifier", {{"system", system}, {"value", value}}}}}}}},
             {"request", {{"method", "POST"}, {"url", "MedicationDispense"}}}}}}};
}

// A prescriber's workstation in `dir`, Jansen looked up, one of her lines stopped (at the next roll
// change) and released into the outbox at `now`; nothing sent yet.
struct Released {
  std::unique_ptr<workstation::Workstation> w;
  domain::RegisteredPatient jansen;
  domain::Instant now;
};
Released StopReleased(const std::string& dir) {
  workstation::Config config = test::StoreConfig(World(), dir, World().gatewayUrl());
  config.identifierRoot = "2.999.380";
  auto w = std::move(workstation::Workstation::Open(config).value());
  REQUIRE(w->LogIn({"so", World().caFile(), nullptr}, std::chrono::seconds(20)).ok());
  auto jansen =
      w->SavePatient(test::Resident("999991000", "A. Jansen", domain::Date(1938, 3, 12)), domain::Date(2026, 12, 1))
          .value();
  test::LookUpAndStore(*w, jansen);
  const auto now = boost::posix_time::second_clock::universal_time();
  domain::MedicationDraft stop;
  stop.action = domain::DraftAction::kStop;
  stop.treatment = test::OneAgreementLine(*w, jansen);
  stop.reason = *domain::ChangeOrStopReason("182856006");
  stop.additionalInformation.push_back(domain::GdsTimingCode(domain::GdsTiming::kNextRollChange));
  REQUIRE(w->drafts().Save(jansen, stop, 0, now).ok());
  REQUIRE(w->releases().Release(jansen, {}, now).ok());
  return {std::move(w), jansen, now};
}

}  // namespace

TEST_CASE("the pharmacy's processing answer comes back through the gateway and shows on the released line") {
  const std::string dir = test::MakeTempDir("zb-processing");
  const json registration = Processing()["registration"];
  // The gateway registered its receiving endpoint on Discovery when it started.
  REQUIRE(registration.contains(std::string(net::contract::kProcessingService)));
  CHECK(registration[std::string(net::contract::kProcessingService)]["fhirBaseURL"] ==
        World().gatewayUrl() + std::string(net::contract::kInboundBase));

  auto [w, jansen, now] = StopReleased(dir);
  auto sent = w->releases().Send(now);
  REQUIRE(sent.ok());
  REQUIRE(sent->size() == 2);

  const json answers = WaitForAnswers(1);
  INFO(answers.dump());
  CHECK(answers["sent"][0]["status"] == 201);
  // Asked right after the delivery (no answer yet), then again 5 s later.
  auto collected = w->releases().Send(now + boost::posix_time::seconds(6));
  REQUIRE(collected.ok());
  REQUIRE(collected->size() == 1);  // only the pharmacy's release has a processing answer
  const auto& processed = collected->front();
  CHECK(processed.target == "pharmacy");
  REQUIRE(processed.processedAt);
  REQUIRE(processed.processing.size() == 1);  // a stop: one stop-MA, no VV: one TA
  const auto& ta = processed.processing.front();
  CHECK(ta.kind == domain::ProcessedBlock::Kind::kAdministrationAgreement);
  CHECK(ta.stop);
  // The TA answers the stop-MA we sent, by its identifier under our root.
  const auto order = w->releases().Outbox(jansen).value();
  REQUIRE(order.size() == 2);
  CHECK(ta.authorising.rfind("urn:oid:2.999.380.1|", 0) == 0);
  CHECK(order[0].processedAt);
  CHECK_FALSE(order[1].processedAt);  // the home's record sends no processing answer
  const auto row = present::DescribeOutbox(order[0].target, order[0].receiverName, order[0].receiverUra,
                                           workstation::ToString(order[0].state), order[0].attempts, order[0].answer,
                                           order[0].processing, order[0].processedAt);
  CHECK(row.state.find("verwerkt door apotheek") != std::string::npos);
  CHECK(row.answer.find("toediening gestopt") != std::string::npos);

  // Answered: no round asks again, and nothing is sent again.
  CHECK(w->releases().Send(now + boost::posix_time::hours(1)).value().empty());
  const auto trail = w->AuditTrail(std::nullopt).entries.value();
  CHECK(std::count_if(trail.begin(), trail.end(),
                      [](const auto& e) { return e.event.action == domain::AuditAction::kReleaseProcessed; }) == 1);
  const std::string gatewayTrail = test::ReadTextFile(World().auditFile());
  CHECK(gatewayTrail.find("\"fhir-processing-received\"") != std::string::npos);
  CHECK(gatewayTrail.find("\"fhir-processing-read\"") != std::string::npos);
  // Kept sealed at the gateway: the BSN is in no file of its inbound folder.
  for (const auto& f : fs::directory_iterator(World().stateDir() + "/inbound"))
    CHECK(test::ReadTextFile(f.path().string()).find("999991000") == std::string::npos);
}

TEST_CASE("a pharmacy that does not answer is asked less and less often, not at every round") {
  const std::string dir = test::MakeTempDir("zb-processing-quiet");
  const auto hold = [](int ms) {
    return World()
        .Send({"POST", Control("/processing"), {{"Content-Type", "application/json"}}, json{{"delay_ms", ms}}.dump()})
        .status;
  };
  REQUIRE(hold(-1) == 204);
  auto [w, jansen, now] = StopReleased(dir);
  // Each question is an audit record at the gateway: count them.
  const auto reads = [] { return GatewayAuditCount("fhir-processing-read"); };
  const std::size_t before = reads();
  using boost::posix_time::hours;
  using boost::posix_time::seconds;
  REQUIRE(w->releases().Send(now).value().size() == 2);  // delivered, and asked once
  CHECK(reads() == before + 1);
  CHECK(w->releases().Send(now + seconds(2)).value().empty());  // not due yet: not asked
  CHECK(reads() == before + 1);
  CHECK(w->releases().Send(now + seconds(6)).value().empty());  // due: asked, no answer
  CHECK(reads() == before + 2);
  // A day on: once a day.
  CHECK(w->releases().Send(now + hours(25)).value().empty());
  CHECK(reads() == before + 3);
  CHECK(w->releases().Send(now + hours(30)).value().empty());
  CHECK(reads() == before + 3);
  CHECK(hold(300) == 204);
}

TEST_CASE(
    "the gateway's receiving endpoint refuses bad tokens, proofs and Bundles, and answers only about the pharmacy asked") {
  const std::string url = World().gatewayUrl() + std::string(net::contract::kInboundBase);
  const std::string system = "urn:oid:2.999.380.1";
  const std::string value = net::jose::RandomUuid();
  const std::string body = OwnProcessingBundle("999991000", system, value).dump();
  const Poster pharmacy("apotheek", std::string(net::contract::kProcessingService));

  SECTION("no token, or one our node does not know: 401") {
    auto none = World().Send({"POST", url, {{"Content-Type", "application/fhir+json"}}, body});
    CHECK(none.status == 401);
    CHECK_FALSE(none.header("WWW-Authenticate").empty());
    auto unknown = World().Send(
        {"POST", url, {{"Authorization", "DPoP " + net::jose::RandomToken(24)}, {"DPoP", pharmacy.Proof(url)}}, body});
    CHECK(unknown.status == 401);
  }
  SECTION("a token for another scope: 403") {
    const Poster other("apotheek", "medicatieoverdracht-gf");
    const auto r = other.Post(body);
    CHECK(r.status == 403);
    CHECK(r.body.find(std::string(net::contract::kProcessingService)) != std::string::npos);
  }
  SECTION("a proof for another URL, or used twice: 401") {
    CHECK(pharmacy.Post(body, World().gatewayUrl() + "/elders").status == 401);
    const std::string proof = pharmacy.Proof(url);
    const net::http::Request again{"POST", url, {{"Authorization", "DPoP " + pharmacy.token}, {"DPoP", proof}}, body};
    CHECK(World().Send(again).status / 100 == 2);
    CHECK(World().Send(again).status == 401);  // the same jti
  }
  SECTION("a Bundle that is no processing answer: 422 naming what is wrong") {
    json noPatient = json::parse(body);
    noPatient["entry"].erase(0);
    const auto r = pharmacy.Post(noPatient.dump());
    CHECK(r.status == 422);
    CHECK(r.body.find("exactly one Patient") != std::string::npos);
    json update = json::parse(body);
    update["entry"][1]["request"]["method"] = "PUT";
    CHECK(pharmacy.Post(update.dump()).status == 422);
    CHECK(pharmacy.Post("not json").status == 422);
  }
  SECTION("kept once, and read back only for that pharmacy and that patient") {
    CHECK(pharmacy.Post(body).status == 201);
    CHECK(pharmacy.Post(body).status == 200);  // the same answer again
    const auto client = World().Client();
    const std::string session = World().Session("so");
    const std::string asked = system + "|" + value;
    auto mine = client.Processing(session, "90000402", {asked}, "999991000");
    REQUIRE(mine.ok());
    const auto read = net::fhir::ReadProcessingSearch(mine->body);
    REQUIRE(read.blocks.size() == 1);
    CHECK(read.blocks[0].authorising == asked);
    CHECK(read.blocks[0].product == "PARACETAMOL 500MG TABLET");
    // Another pharmacy's URA, another patient, another identifier: nothing.
    for (const auto& [ura, bsn, id] : {std::tuple{std::string("90000401"), std::string("999991000"), asked},
                                       std::tuple{std::string("90000402"), std::string("999990019"), asked},
                                       std::tuple{std::string("90000402"), std::string("999991000"), asked + "x"}}) {
      auto other = client.Processing(session, ura, {id}, bsn);
      REQUIRE(other.ok());
      CHECK(net::fhir::ReadProcessingSearch(other->body).blocks.empty());
    }
    auto incomplete = client.Processing(session, "90000402", {}, "999991000");
    REQUIRE_FALSE(incomplete.ok());
    CHECK(incomplete.error().problem == "processing_query_invalid");
  }
}

TEST_CASE("the official Nictiz processing Bundles (av-mp-va-tst-*) are accepted at the receiving endpoint") {
  const auto nictiz = test::NictizDir();
  if (!nictiz) {
    WARN("../shared/fixtures/nictiz is absent: the Nictiz processing Bundles are not posted");
    return;
  }
  const Poster pharmacy("apotheek", std::string(net::contract::kProcessingService));
  int posted = 0;
  for (const auto& f : fs::directory_iterator(*nictiz / "Nictiz-testscripts" / "mp9-fixtures-json")) {
    const std::string name = f.path().filename().string();
    if (name.rfind("av-mp-va-tst-", 0) != 0) continue;
    const auto r = pharmacy.Post(test::ReadTextFile(f.path().string()));
    INFO(name << ": " << r.status << " " << r.body);
    CHECK(r.status / 100 == 2);
    ++posted;
  }
  CHECK(posted >= 20);
}

TEST_CASE("calls to the receiving endpoint are bounded per address: beyond the limit 429 with Retry-After, unaudited") {
  World().StartGateway({{"listen", {{"inbound_calls_per_minute", 3}}}});
  const std::string url = World().gatewayUrl() + std::string(net::contract::kInboundBase);
  const auto received = [] { return GatewayAuditCount("fhir-processing-received"); };
  const std::size_t before = received();
  for (int i = 0; i < 3; ++i)
    CHECK(World().Send({"POST", url, {{"Content-Type", "application/fhir+json"}}, "{}"}).status == 401);
  const auto throttled = World().Send({"POST", url, {{"Content-Type", "application/fhir+json"}}, "{}"});
  CHECK(throttled.status == 429);
  CHECK_FALSE(throttled.header("Retry-After").empty());
  CHECK(throttled.body.find("OperationOutcome") != std::string::npos);
  // The three refusals are on the trail; the throttled call costs neither a record nor the node.
  CHECK(received() == before + 3);
  World().StartGateway();
}
