// SPDX-License-Identifier: GPL-3.0-or-later
// The production set-up of issue 14: real nginx, configured from installer/nginx's template, in
// front of the real gateway. A desktop's lookup speaks HTTP/2 over one connection, the audit trail
// names the desktop and not nginx, oversized and slow requests end at nginx in the gateway's problem
// format, nothing of a patient reaches nginx's logs, and a stopped gateway is named as unreachable.
// Each test case is its own process with its own sandbox, gateway and nginx.
#include <catch2/catch.hpp>
#include <fstream>
#include <regex>
#include <set>
#include <thread>

#include "exchange_world.h"
#include "net/client/login.h"
#include "net/client/retriever.h"
#include "nginx_front.h"
#include "raw_tls.h"

using namespace zb;
using nlohmann::json;
using namespace std::chrono_literals;

namespace {

constexpr const char* kJansen = "999991000";
// nginx connects to the gateway from this address; the gateway trusts its X-Real-IP.
constexpr const char* kNginxSource = "127.0.0.3";

struct Front {
  test::ExchangeWorld world;
  std::unique_ptr<test::NginxFront> nginx;

  Front() {
    world.StartGateway({{"listen", {{"trusted_proxies", {kNginxSource}}}}});
    test::NginxFrontOptions o;
    o.gatewayUrl = world.gatewayUrl();
    o.caFile = world.caFile();
    o.certFile = world.stateDir() + "/gateway-tls.pem";
    o.keyFile = world.stateDir() + "/gateway-tls-key.pem";
    o.dir = world.stateDir() + "/nginx";
    o.proxyBind = kNginxSource;
    std::string error;
    nginx = test::NginxFront::Start(o, error);
    if (!nginx) FAIL("nginx in front of the gateway did not start: " << error);
  }
  net::client::GatewayClient Client() const { return net::client::GatewayClient(nginx->url(), world.Trust()); }
  std::string Session() const {
    net::client::HeadlessBrowser browser("so", world.Trust());
    auto s = net::client::Login(Client(), browser, 30s);
    if (!s) FAIL("login through nginx failed: " << s.error().problem << ": " << s.error().detail);
    return s->token;
  }
};

std::vector<std::string> Lines(const std::string& file) {
  std::vector<std::string> out;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(line);
  return out;
}

std::vector<json> AuditRecords(const test::ExchangeWorld& world) {
  std::vector<json> out;
  for (const auto& line : Lines(world.auditFile())) out.push_back(json::parse(line));
  return out;
}

std::string StatusLine(const std::string& response) { return response.substr(0, response.find("\r\n")); }

std::vector<net::client::SourceSpec> DemoSources() {
  return {{{"huisarts", domain::SourceKind::kGeneralPractitioner, "huisarts"}, "90000401"},
          {{"apotheek", domain::SourceKind::kPharmacy, "apotheek"}, "90000402"},
          {{"ziekenhuis", domain::SourceKind::kHospital, "ziekenhuis"}, "90000403"}};
}

}  // namespace

TEST_CASE(
    "behind nginx a lookup is complete, multiplexed over one HTTP/2 connection, audited with the desktop's address",
    "[nginx]") {
  Front f;
  net::client::LookupRequest request;
  request.session = f.Session();
  request.bsn = kJansen;
  request.sources = DemoSources();
  request.deadline = 15s;
  const auto gateway = f.Client();
  net::client::Retriever retriever(gateway);
  const auto picture = net::client::LookUp(retriever, request);
  for (const auto& s : picture.sources()) {
    INFO(s.source.id << ": " << s.detail);
    CHECK(s.status == domain::SourceStatus::kData);
  }
  CHECK(picture.Complete());

  // nginx's access log: every relayed request of the lookup came over HTTP/2, on one connection.
  const std::regex relayLine(R"(conn=(\d+) req=\d+ (\S+) (GET|POST) /api/v1/relay/)");
  std::set<std::string> connections;
  int relays = 0;
  for (const auto& line : Lines(f.nginx->accessLog())) {
    std::smatch m;
    if (!std::regex_search(line, m, relayLine)) continue;
    ++relays;
    CHECK(m[2] == "HTTP/2.0");
    connections.insert(m[1]);
  }
  CHECK(relays >= 25);
  CHECK(connections.size() == 1);
  // Neither of nginx's logs holds a BSN (queries and bodies carry them; the format leaves them out).
  for (const auto& file : {f.nginx->accessLog(), f.nginx->errorLog()}) {
    INFO(file);
    CHECK(test::ReadTextFile(file).find(kJansen) == std::string::npos);
  }

  // The gateway trail names the desktop (X-Real-IP from nginx), not nginx's own address.
  int relayRecords = 0;
  for (const auto& r : AuditRecords(f.world)) {
    if (r.value("event", "") != "fhir-relay") continue;
    ++relayRecords;
    CHECK(r["client"] == "127.0.0.1");
  }
  CHECK(relayRecords >= 25);
  // An X-Real-IP sent by the client is replaced by nginx: a desktop cannot name another address.
  const net::http::Client http(f.world.Trust());
  const auto forged = http.Send({"POST",
                                 f.nginx->url() + "/api/v1/sessions",
                                 {{"Content-Type", "application/json"}, {"X-Real-IP", "10.9.8.7"}},
                                 "{}"});
  REQUIRE(forged);
  CHECK(forged->status == 401);  // no session proof: refused before DEZI is asked, and audited
  const auto last = AuditRecords(f.world).back();
  CHECK(last["client"] == "127.0.0.1");
}

TEST_CASE("nginx refuses oversized bodies, heads and URIs itself, in the gateway's problem format", "[nginx]") {
  Front f;
  const auto connect = [&] {
    auto c = test::RawTls::Connect(f.nginx->url(), f.world.caFile());
    REQUIRE(c);
    return c;
  };
  auto body = connect();
  REQUIRE(
      body->Send("POST /api/v1/sessions HTTP/1.1\r\nHost: gw\r\nContent-Type: application/json\r\n"
                 "Content-Length: 536870912\r\n\r\n"));
  const std::string tooLarge = body->Read(3s);
  CHECK(StatusLine(tooLarge) == "HTTP/1.1 413 Request Entity Too Large");
  CHECK(tooLarge.find("\"code\":\"request_too_large\"") != std::string::npos);

  auto uri = connect();
  REQUIRE(uri->Send("GET /health?x=" + std::string(9000, 'a') + " HTTP/1.1\r\nHost: gw\r\n\r\n"));
  const std::string tooLong = uri->Read(3s);
  CHECK(StatusLine(tooLong) == "HTTP/1.1 414 Request-URI Too Large");
  CHECK(tooLong.find("\"code\":\"request_uri_too_long\"") != std::string::npos);

  auto head = connect();
  std::string large = "GET /health HTTP/1.1\r\nHost: gw\r\n";
  for (int i = 0; i < 8; ++i) large += "X-Large-" + std::to_string(i) + ": " + std::string(5000, 'a') + "\r\n";
  head->Send(large + "\r\n");
  const std::string headTooLarge = head->Read(3s);
  CHECK(StatusLine(headTooLarge).rfind("HTTP/1.1 431", 0) == 0);
  CHECK(headTooLarge.find("\"code\":\"request_header_too_large\"") != std::string::npos);

  // A body under nginx's memory guard but over the endpoint's own limit: the gateway's 413 reaches
  // the desktop through HTTP/2, named.
  const std::string session = f.Session();
  const auto search = f.Client().Relay(session, "HuisartsVVTInzage", "90000401", "POST", "Patient/_search",
                                       "identifier=" + std::string(20000, '9'));
  if (search) FAIL("HTTP " << search->status << " " << search->header("Content-Type") << ": " << search->body);
  CHECK(search.error().problem == "request_too_large");
  // None of these was relayed to a holder.
  for (const auto& r : AuditRecords(f.world)) CHECK(r.value("event", "") != "fhir-relay");
}

TEST_CASE(
    "slow heads cannot occupy nginx: an honest desktop is served meanwhile, and each slow head ends at its deadline",
    "[nginx]") {
  Front f;
  std::vector<std::unique_ptr<test::RawTls>> slow;
  for (int i = 0; i < 200; ++i) {
    auto c = test::RawTls::Connect(f.nginx->url(), f.world.caFile());
    REQUIRE(c);
    REQUIRE(c->Send("GET /health HTTP/1.1\r\nHost: gw\r\n"));
    slow.push_back(std::move(c));
  }
  const auto start = std::chrono::steady_clock::now();
  std::atomic<bool> stop{false};
  std::thread trickle([&] {
    // One header line per connection every second, for up to 13 s: past nginx's 10 s head deadline,
    // which a trickle must not restart.
    while (!stop && std::chrono::steady_clock::now() - start < 13s) {
      for (auto& c : slow) c->Send("X-Slow: 1\r\n");
      std::this_thread::sleep_for(1s);
    }
  });
  const std::string session = f.Session();
  const auto search = f.Client().Relay(session, "HuisartsVVTInzage", "90000401", "POST", "Patient/_search",
                                       "identifier=http%3A%2F%2Ffhir.nl%2Ffhir%2FNamingSystem%2Fbsn%7C999991000");
  CHECK(search);
  int closed = 0;
  for (auto& c : slow) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(start + 12s - std::chrono::steady_clock::now());
    closed += c->ClosedWithin(std::max(left, std::chrono::milliseconds(50))) ? 1 : 0;
  }
  stop = true;
  trickle.join();
  CHECK(closed == 200);
}

TEST_CASE("a release and a pharmacy's processing answer pass nginx up to the gateway's 2 MB, not more", "[nginx]") {
  Front f;
  // A processing answer of 600 kB, without a token: it reaches the gateway (401 from /inbound),
  // so nginx's 64 kB guard for other endpoints does not cut it off.
  const std::string large = "{\"resourceType\":\"Bundle\",\"padding\":\"" + std::string(600 * 1024, 'x') + "\"}";
  const net::http::Client http(f.world.Trust());
  auto inbound = http.Send({"POST", f.nginx->url() + "/inbound", {{"Content-Type", "application/fhir+json"}}, large});
  REQUIRE(inbound.ok());
  CHECK(inbound->status == 401);
  // A release of that size reaches the gateway's own checks (not a Bundle it can send: 400).
  const auto release = f.Client().Release(f.Session(), "zorgbrug-voorschrift", "90000402", large, kJansen);
  REQUIRE_FALSE(release.ok());
  CHECK(release.error().problem == "release_invalid");
  // Beyond 2 MB nginx refuses it itself (over HTTP/2 in its own HTML: see the template).
  auto huge = http.Send({"POST",
                         f.nginx->url() + "/inbound",
                         {{"Content-Type", "application/fhir+json"}},
                         std::string(3 * 1024 * 1024, 'x')});
  REQUIRE(huge.ok());
  CHECK(huge->status == 413);
}

TEST_CASE("with the gateway stopped, nginx answers that the gateway is unreachable and the desktop says so",
          "[nginx]") {
  Front f;
  f.world.StopGateway();
  const auto configuration = f.Client().LoginConfiguration();
  REQUIRE_FALSE(configuration);
  CHECK(configuration.error().problem == "gateway_unreachable");
  CHECK(configuration.error().status == 502);
  // A relay names its patient in the query; nginx's error messages quote the request line, so its
  // error log must not keep them.
  const auto relay = f.Client().Relay("no-session", "medicatieoverdracht-gf", "90000402", "GET",
                                      "MedicationRequest?patient.identifier=http%3A%2F%2Ffhir.nl%2Ffhir%2FNamingSystem%"
                                      "2Fbsn%7C999991000");
  REQUIRE_FALSE(relay);
  CHECK(relay.error().problem == "gateway_unreachable");
  for (const auto& file : {f.nginx->accessLog(), f.nginx->errorLog()}) {
    INFO(file);
    CHECK(test::ReadTextFile(file).find(kJansen) == std::string::npos);
  }
  CHECK(test::ReadTextFile(f.nginx->accessLog()).find(" 502 ") != std::string::npos);
}
