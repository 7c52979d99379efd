// SPDX-License-Identifier: GPL-3.0-or-later
// On-call reports between two organisations (docs/waarneem-ig.md §5), with real processes: the
// sandbox node serving both nursing homes, a gateway per organisation, and zorgbrug-cli on a store
// per organisation. The on-call SO of organisation 01 writes, signs and sends; the patient's own SO
// at organisation 02 sees the notification, pulls the report and acknowledges it; the sender's
// outbox then says who read it. A third organisation's token is refused; the notification names no
// patient; both audit trails hold the pull and the acknowledgement.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "exchange_world.h"
#include "net/contract/waarneem_services.h"
#include "net/jose/base64url.h"
#include "net/jose/jws.h"
#include "net/jose/key.h"
#include "net/jose/random.h"
#include "resident.h"
#include "stored_lookup.h"
#include "workstation/workstation.h"

using namespace zb;
using nlohmann::json;

namespace {

test::ExchangeWorld& World() {
  static test::ExchangeWorld world;
  static const std::string started = world.StartSecondGateway();
  if (!started.empty()) FAIL("the second organisation's gateway did not start: " << started);
  return world;
}

struct Cli {
  std::string dir;
  std::string store;
  std::string gateway;
  std::tuple<int, std::string, std::string> Run(std::initializer_list<std::string> pieces) const {
    const std::string out = dir + "/out.txt";
    std::string cmd = ZB_CLI_PATH;
    for (const auto& p : pieces) (cmd += " ") += p;
    cmd += " --store '";
    cmd += store;
    cmd += "' --no-keychain > '";
    cmd += out;
    cmd += "'";
    test::ChildProcess cli({"/bin/sh", "-c", cmd}, dir + "/cli.log",
                           {"ZORGBRUG_GATEWAY=" + gateway, "ZORGBRUG_CA_FILE=" + World().caFile()}, false);
    const int rc = cli.Wait(std::chrono::seconds(60));
    return {rc, test::ReadTextFile(out), test::ReadTextFile(dir + "/cli.log")};
  }
};

// The second organisation's inbox as its gateway gives it to a logged-in desktop (GET /api/v1/inbox).
std::string ReceivedInbox() {
  auto client = net::client::GatewayClient(World().secondGatewayUrl(), World().Trust());
  net::client::HeadlessBrowser browser("andere-ura", World().Trust());
  auto session = net::client::Login(client, browser, std::chrono::seconds(30));
  REQUIRE(session);
  const std::string url = World().secondGatewayUrl() + "/api/v1/inbox";
  const auto inbox =
      World().Send({"GET", url, net::client::GatewayClient::SessionHeaders(session->token, "GET", url), ""});
  REQUIRE(inbox.status == 200);
  return inbox.body;
}

// Inbox item `item` of the second organisation as its gateway keeps it: the notification as it came.
json ReceivedNotification(const std::string& item) {
  for (const auto& i : json::parse(ReceivedInbox()))
    if (i["key"] == item) return i["as_received"];
  FAIL("inbox item " << item << " is not at the receiving gateway");
  return {};
}

std::vector<json> AuditRecords(const std::string& file, const std::string& event) {
  std::vector<json> out;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);) {
    const json r = json::parse(line, nullptr, false);
    if (r.is_object() && r.value("event", "") == event) out.push_back(r);
  }
  return out;
}

}  // namespace

TEST_CASE("an on-call report goes from one organisation to the patient's own and comes back as read") {
  const Cli sender{test::MakeTempDir("zb-report-sender"), "", World().gatewayUrl()};
  const Cli receiver{test::MakeTempDir("zb-report-receiver"), "", World().secondGatewayUrl()};
  const_cast<Cli&>(sender).store = sender.dir + "/zorgbrug.db";
  const_cast<Cli&>(receiver).store = receiver.dir + "/zorgbrug.db";
  const std::string patient = " --bsn 999991000 --register '" + std::string(ZB_DEMO_DIR) + "/register.json'";

  std::string id;
  {
    // --with-overview: she is looked up now and the report carries that overview as context.
    const auto [rc, out, err] = sender.Run(
        {"report new", patient,
         " --persona so --with-overview --contact-start 2026-12-02T02:10:00+01:00 --contact-minutes 35 --caller nurse"
         " --urgency 2"
         " --phone 030-0000399 --reason 'Gevallen op de kamer' --subjective 'Pijn linkerheup'"
         " --objective 'Geen exorotatie' --icpc 'A80=Ongeval/letsel' --evaluation 'Val zonder fractuur'"
         " --plan 'Paracetamol zo nodig' --request 'Heup opnieuw beoordelen;03-12-2026;spoed'"
         " --request 'Familie bellen over het beleid;02-12-2026'"});
    INFO(err);
    REQUIRE(rc == 0);
    CHECK_THAT(out, Catch::Contains("  context: opgehaald "));
    id = out.substr(0, out.find(' '));
    const auto [rc2, out2, err2] = sender.Run({"report sign", patient, " --persona so --id ", id});
    INFO(err2);
    REQUIRE(rc2 == 0);
  }
  {  // A draft-free send: signed, to organisation 02 (URA 90000381), notified at once.
    const auto [rc, out, err] = sender.Run({"report send", patient, " --persona so --id ", id, " --to 90000381"});
    INFO(err << World().gatewayLog() << World().secondGatewayLog());
    REQUIRE(rc == 0);
    CHECK_THAT(out, Catch::Contains(id + "  notified  naar Tést Zorginstelling 02"));
    // Sent again: the gateway has it; no second notification.
    const auto [rc2, out2, err2] = sender.Run({"report send", patient, " --persona so --id ", id, " --to 90000381"});
    CHECK(rc2 == 0);
  }

  // The receiving organisation's inbox: exactly one notification, and it names no patient.
  std::string item;
  {
    const auto [rc, out, err] = receiver.Run({"report inbox --persona andere-ura"});
    INFO(err << World().secondGatewayLog());
    REQUIRE(rc == 0);
    CHECK(std::count(out.begin(), out.end(), '\n') == 1);
    CHECK_THAT(out, Catch::Contains("  new  van Tést Zorginstelling 01 (URA 90000380)"));
    item = out.substr(0, out.find(' '));
    REQUIRE(item.size() == 40);

    const json notification = ReceivedNotification(item);
    CHECK(notification["code"]["coding"][0]["code"] == "pull-notification");
    CHECK(notification["owner"]["identifier"]["value"] == "90000381");
    CHECK(notification["requester"]["identifier"]["value"] == "90000380");
    const std::string text = notification.dump();
    CHECK(text.find("999991000") == std::string::npos);
    CHECK(text.find("Jansen") == std::string::npos);
    CHECK(text.find("Gevallen") == std::string::npos);
    CHECK_FALSE(notification.contains("for"));
  }

  {  // Read: pulled live from the sender with the receiving physician's own token.
    const std::string pdf = receiver.dir + "/verslag.pdf";
    const auto [rc, out, err] = receiver.Run({"report read --persona andere-ura --item ", item, " --pdf ", pdf});
    INFO(err << World().gatewayLog());
    REQUIRE(rc == 0);
    CHECK_THAT(out, Catch::Contains("Patiënt: A. Jansen") && Catch::Contains("Reden: Gevallen op de kamer") &&
                        Catch::Contains("Verzoek: Heup opnieuw beoordelen") &&
                        Catch::Contains("Status bij verzender: requested"));
    CHECK(test::ReadTextFile(pdf).rfind("%PDF-", 0) == 0);
    // The sender's overview came along as context, line by line, in the structure and on paper.
    CHECK_THAT(out, Catch::Contains("Context: opgehaald ") && Catch::Contains("Context medicatie: ACTUEEL: ") &&
                        Catch::Contains("Context ICA: "));
    test::ChildProcess text({"pdftotext", "-layout", pdf, receiver.dir + "/verslag.txt"},
                            receiver.dir + "/pdftotext.log");
    REQUIRE(text.Wait(std::chrono::seconds(30)) == 0);
    CHECK_THAT(test::ReadTextFile(receiver.dir + "/verslag.txt"),
               Catch::Contains("Overzicht bij het contact (context)") && Catch::Contains("Context, geen bron"));
    // The document was pulled: the sender's outbox says received (not yet read and taken over).
    const auto [rc2, out2, err2] = sender.Run({"report outbox --persona so"});
    REQUIRE(rc2 == 0);
    CHECK_THAT(out2, Catch::Contains(id + "  received"));
  }

  // The requests became the receiving organisation's to-dos, open, with due date and urgency; the
  // one due yesterday is marked late.
  std::string hip, family;
  {
    const auto [rc, out, err] = receiver.Run({"report todos --persona andere-ura"});
    INFO(out << err << World().secondGatewayLog());
    REQUIRE(rc == 0);
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) {
      if (line.find("Heup opnieuw beoordelen") != std::string::npos) hip = line;
      if (line.find("Familie bellen") != std::string::npos) family = line;
    }
    CHECK(std::count(out.begin(), out.end(), '\n') == 2);
    CHECK_THAT(hip,
               Catch::Contains("  open  vóór 03-12-2026  SPOED") && Catch::Contains("(van Tést Zorginstelling 01)"));
    CHECK_THAT(family, Catch::Contains("  open  vóór 02-12-2026  TE LAAT"));
    CHECK(family.find("SPOED") == std::string::npos);
    hip = hip.substr(0, hip.find(' '));
    family = family.substr(0, family.find(' '));
    REQUIRE(hip.size() == 36);
  }

  {  // A third organisation (the GP practice) with a valid token of its own: 403 on the document.
    const net::jose::Key key = net::jose::Key::GenerateEcP256().value();
    const auto r = World().Send(
        {"POST",
         World().sandbox()["control"].get<std::string>() + "/inbound-token",
         {{"Content-Type", "application/json"}},
         json{{"holder", "huisarts"}, {"scope", net::contract::kReportPullScope}, {"jkt", key.Thumbprint()}}.dump()});
    REQUIRE(r.status == 200);
    const std::string token = json::parse(r.body)["token"];
    const std::string url =
        World().gatewayUrl() + std::string(net::contract::kReportBase) + "/Composition/" + id + "/$document";
    const json claims{{"htm", "GET"},
                      {"htu", url},
                      {"iat", std::time(nullptr)},
                      {"jti", net::jose::RandomUuid()},
                      {"ath", net::jose::Base64UrlEncode(net::jose::Sha256(token))}};
    const std::string proof =
        net::jose::SignJws({{"typ", "dpop+jwt"}, {"alg", "ES256"}, {"jwk", key.PublicJwk()}}, claims.dump(), key)
            .value();
    const auto pulled = World().Send({"GET", url, {{"Authorization", "DPoP " + token}, {"DPoP", proof}}, ""});
    CHECK(pulled.status == 403);
    CHECK(pulled.body.find("Gevallen") == std::string::npos);
    // Nor may it complete a request in the receiver's name.
    const std::string taskUrl = World().gatewayUrl() + std::string(net::contract::kReportBase) + "/Task/" + hip;
    json put = claims;
    put["htm"] = "PUT";
    put["htu"] = taskUrl;
    put["jti"] = net::jose::RandomUuid();
    const std::string putProof =
        net::jose::SignJws({{"typ", "dpop+jwt"}, {"alg", "ES256"}, {"jwk", key.PublicJwk()}}, put.dump(), key).value();
    const json done{{"resourceType", "Task"},
                    {"status", "completed"},
                    {"output",
                     {{{"type", {{"text", "acknowledged-by"}}}, {"valueString", "iemand"}},
                      {{"type", {{"text", "acknowledged-at"}}}, {"valueDateTime", "2026-12-03T08:00:00Z"}}}}};
    const auto completed =
        World().Send({"PUT", taskUrl, {{"Authorization", "DPoP " + token}, {"DPoP", putProof}}, done.dump()});
    CHECK(completed.status == 403);
  }

  {  // The hip request done: completed here and at the sender, with who did it.
    const auto [rc, out, err] = receiver.Run({"report done --persona andere-ura --request ", hip});
    INFO(out << err << World().gatewayLog());
    REQUIRE(rc == 0);
    CHECK_THAT(out, Catch::StartsWith(hip + "  afgerond") && Catch::Contains("door K. Visser (DEZI 900000048)"));
    const auto [rc2, out2, err2] = receiver.Run({"report todos --persona andere-ura"});
    REQUIRE(rc2 == 0);
    // Open ones first: the family request, then the one done.
    CHECK_THAT(out2, Catch::StartsWith(family + "  open"));
    CHECK_THAT(out2, Catch::Contains(hip + "  afgerond"));
    // The inbox list still names no patient and holds no request text, though the report was read.
    {
      const std::string inbox = ReceivedInbox();
      CHECK(inbox.find("999991000") == std::string::npos);
      CHECK(inbox.find("Familie bellen") == std::string::npos);
    }
    const auto [rc4, out4, err4] = receiver.Run({"report todos --open --persona andere-ura"});
    REQUIRE(rc4 == 0);
    CHECK_THAT(out4, Catch::StartsWith(family + "  open"));
    CHECK(out4.find(hip) == std::string::npos);
    const auto [rc3, out3, err3] = sender.Run({"report outbox --persona so"});
    REQUIRE(rc3 == 0);
    CHECK_THAT(out3, Catch::Contains("verzoeken 1/2 afgerond"));
  }

  {  // Gelezen en overgenomen.
    const auto [rc, out, err] = receiver.Run({"report ack --persona andere-ura --item ", item});
    INFO(err << World().gatewayLog());
    REQUIRE(rc == 0);
    CHECK_THAT(out, Catch::Contains("acknowledged") && Catch::Contains("overgenomen door K. Visser (DEZI 900000048)"));
  }
  {
    const auto [rc, out, err] = sender.Run({"report outbox --persona so"});
    INFO(err);
    REQUIRE(rc == 0);
    CHECK_THAT(out, Catch::Contains(id + "  completed") && Catch::Contains("gelezen door K. Visser (DEZI 900000048)"));
    CHECK(out.find("NIET GELEZEN") == std::string::npos);
  }

  // The sender's trail: each read by organisation 02 with the reader's DEZI number, the refused
  // third party, and the acknowledgement.
  const auto reads = AuditRecords(World().auditFile(), "waarneem-read");
  bool documentRead = false, refused = false;
  for (const auto& r : reads) {
    if (r["actor"]["ura"] == "90000381" && r["actor"]["dezi_number"] == "900000048" && r["outcome"]["status"] == 200)
      documentRead = true;
    if (r["actor"]["ura"] == "90000401" && r["outcome"]["status"] == 403) refused = true;
  }
  CHECK(documentRead);
  CHECK(refused);
  const auto acks = AuditRecords(World().auditFile(), "waarneem-acknowledged");
  REQUIRE(acks.size() == 1);
  CHECK(acks[0]["actor"]["dezi_number"] == "900000048");
  CHECK(AuditRecords(World().auditFile(), "waarneem-notified").size() == 1);
  // The receiver's trail: the notification (once), the pull with the patient, the acknowledgement.
  const auto notifications = AuditRecords(World().secondAuditFile(), "waarneem-notification");
  REQUIRE(notifications.size() == 1);
  CHECK(notifications[0]["outcome"]["status"] == 201);
  const auto pulls = AuditRecords(World().secondAuditFile(), "waarneem-pulled");
  REQUIRE(pulls.size() == 1);
  CHECK(pulls[0]["actor"]["dezi_number"] == "900000048");
  CHECK(pulls[0]["patient"].is_string());
  CHECK(AuditRecords(World().secondAuditFile(), "waarneem-acknowledge").size() == 1);
  // The request: completed at the sender by organisation 02's physician, refused for the third party.
  int completedByReceiver = 0, refusedCompletion = 0;
  for (const auto& r : AuditRecords(World().auditFile(), "waarneem-request-completed")) {
    if (r["actor"]["dezi_number"] == "900000048" && r["outcome"]["status"] == 200) ++completedByReceiver;
    if (r["actor"]["ura"] == "90000401" && r["outcome"]["status"] == 403) ++refusedCompletion;
  }
  CHECK(completedByReceiver == 1);
  CHECK(refusedCompletion == 1);
  const auto completions = AuditRecords(World().secondAuditFile(), "waarneem-request-complete");
  REQUIRE(completions.size() == 1);
  CHECK(completions[0]["patient"].is_string());
}

TEST_CASE("a report for an organisation without an endpoint waits for the PDF by secure mail and its confirmation") {
  Cli sender{test::MakeTempDir("zb-report-no-endpoint"), "", World().gatewayUrl()};
  sender.store = sender.dir + "/zorgbrug.db";
  const std::string patient = " --bsn 999991000 --register '" + std::string(ZB_DEMO_DIR) + "/register.json'";
  std::string id;
  {
    const auto [rc, out, err] = sender.Run(
        {"report new", patient,
         " --persona so --contact-start 2026-12-02T03:10:00+01:00 --caller nurse --urgency 3"
         " --reason 'Koorts' --evaluation 'Urineweginfectie waarschijnlijk' --plan 'Nitrofurantoine gestart'"});
    INFO(err);
    REQUIRE(rc == 0);
    id = out.substr(0, out.find(' '));
    REQUIRE(std::get<0>(sender.Run({"report sign", patient, " --persona so --id ", id})) == 0);
  }
  {  // Not sent yet: nothing to confirm.
    const auto [rc, out, err] = sender.Run({"report delivered", patient, " --persona so --id ", id});
    CHECK(rc == 2);
    CHECK_THAT(err, Catch::Contains("never sent"));
  }
  {  // URA 90000999 is on no Discovery Service: kept at the gateway, no endpoint to notify.
    const auto [rc, out, err] = sender.Run({"report send", patient, " --persona so --id ", id, " --to 90000999"});
    INFO(err);
    REQUIRE(rc == 0);
    CHECK_THAT(out, Catch::Contains(id + "  no_endpoint"));
  }
  {
    const auto [rc, out, err] = sender.Run({"report delivered", patient, " --persona so --id ", id});
    INFO(err);
    REQUIRE(rc == 0);
    CHECK_THAT(out, Catch::Contains(id + "  delivered_by_hand"));
    const auto [rc2, out2, err2] = sender.Run({"report outbox --persona so"});
    REQUIRE(rc2 == 0);
    CHECK_THAT(out2, Catch::Contains(id + "  delivered_by_hand"));
  }
}

TEST_CASE("a stop released in the shift is in the overview of the patient's own SO at the other organisation") {
  // Organisation 01's on-call SO stops a line of mevrouw Jansen, released to her pharmacy.
  const std::string dir = test::MakeTempDir("zb-shift-stop");
  auto config = test::StoreConfig(World(), dir, World().gatewayUrl());
  config.identifierRoot = "2.999.380";
  auto w = std::move(workstation::Workstation::Open(config).value());
  REQUIRE(w->LogIn({"so", World().caFile(), nullptr}, std::chrono::seconds(20)).ok());
  const auto resident = test::Resident("999991000", "A. Jansen", domain::Date(1938, 3, 12));
  auto jansen = w->SavePatient(resident, domain::Date(2026, 12, 1)).value();
  test::LookUpAndStore(*w, jansen);
  domain::MedicationDraft stop;
  stop.action = domain::DraftAction::kStop;
  stop.treatment = test::OneAgreementLine(*w, jansen);
  stop.reason = *domain::ChangeOrStopReason("182856006");
  stop.additionalInformation.push_back(domain::GdsTimingCode(domain::GdsTiming::kNextRollChange));
  REQUIRE(w->drafts().Save(jansen, stop, 0, boost::posix_time::second_clock::universal_time()).ok());
  test::ChildProcess cli({ZB_CLI_PATH, "release", "--bsn", "999991000", "--persona", "so", "--store", config.storePath,
                          "--no-keychain", "--identifier-root", "2.999.380"},
                         dir + "/cli.log",
                         {"ZORGBRUG_GATEWAY=" + World().gatewayUrl(), "ZORGBRUG_CA_FILE=" + World().caFile()}, true);
  REQUIRE(cli.Wait(std::chrono::seconds(60)) == 0);
  std::set<std::string> released;  // the released MAs by identifier, as the pharmacy took them
  const auto received =
      json::parse(World().Send({"GET", World().sandbox()["control"].get<std::string>() + "/received", {}, ""}).body);
  for (const auto& r : received["apotheek"])
    for (const auto& e : r["bundle"]["entry"])
      if (e["resource"]["resourceType"] == "MedicationRequest")
        for (const auto& id : e["resource"]["identifier"])
          released.insert(id["system"].get<std::string>() + "|" + id["value"].get<std::string>());
  REQUIRE_FALSE(released.empty());

  // Her own SO at organisation 02 looks her up through the other gateway: the stop is in the line.
  const std::string dirB = test::MakeTempDir("zb-shift-stop-b");
  auto b =
      std::move(workstation::Workstation::Open(test::StoreConfig(World(), dirB, World().secondGatewayUrl())).value());
  REQUIRE(b->LogIn({"andere-ura", World().caFile(), nullptr}, std::chrono::seconds(20)).ok());
  auto own = b->SavePatient(resident, domain::Date(2026, 12, 1)).value();
  test::LookUpAndStore(*b, own);
  auto offline = b->OpenOffline(own).value();
  REQUIRE(offline);
  const auto overview = offline->picture->Consolidate(boost::posix_time::second_clock::universal_time());
  bool seen = false;
  for (const auto& line : overview.lines) {
    if (!(line.treatment == stop.treatment)) continue;
    if (line.endedBy && released.count(line.endedBy->h.id.Key())) seen = true;
    for (const auto& a : line.agreements)
      if (a && released.count(a->h.id.Key())) seen = true;
  }
  CHECK(seen);
  // Left as found for the other tests of this world.
  World().Send({"DELETE", World().sandbox()["control"].get<std::string>() + "/holder/apotheek/amendments", {}, ""});
}

TEST_CASE("several patients' reports go in one action, each its own document, Task and notification") {
  const Cli sender{test::MakeTempDir("zb-report-several"), "", World().gatewayUrl()};
  const Cli receiver{test::MakeTempDir("zb-report-several-b"), "", World().secondGatewayUrl()};
  const_cast<Cli&>(sender).store = sender.dir + "/zorgbrug.db";
  const_cast<Cli&>(receiver).store = receiver.dir + "/zorgbrug.db";
  const std::string registerFile = " --register '" + std::string(ZB_DEMO_DIR) + "/register.json'";
  auto write = [&](const std::string& bsn, const std::string& reason) {
    const auto [rc, out, err] =
        sender.Run({"report new --bsn " + bsn + registerFile +
                    " --persona so --contact-start 2026-12-02T03:00:00+01:00 --caller nurse --urgency 3 --reason '" +
                    reason + "' --evaluation 'Beoordeeld' --plan 'Afwachten'"});
    INFO(err);
    REQUIRE(rc == 0);
    const std::string id = out.substr(0, out.find(' '));
    const auto [rc2, out2, err2] = sender.Run({"report sign --bsn ", bsn, " --persona so --id ", id});
    INFO(err2);
    REQUIRE(rc2 == 0);
    return id;
  };
  const std::string jansen = write("999991000", "Benauwd in de nacht");
  const std::string deBoer = write("999990019", "Onrustig, roept");
  std::size_t before = 0;
  {
    const auto [rc, out, err] = receiver.Run({"report inbox --persona andere-ura"});
    REQUIRE(rc == 0);
    if (out.find("no reports received") == std::string::npos)
      before = static_cast<std::size_t>(std::count(out.begin(), out.end(), '\n'));
  }
  {
    const auto [rc, out, err] =
        sender.Run({"report send --persona so --to 90000381 --ids " + jansen + "," + deBoer + ",not-a-report"});
    INFO(out << err);
    // The unknown id is named and refused; the two reports went each on their own.
    CHECK(rc == 2);
    CHECK_THAT(err, Catch::Contains("not-a-report: report not-a-report does not exist"));
    CHECK_THAT(out, Catch::Contains(jansen + "  notified") && Catch::Contains(deBoer + "  notified"));
  }
  const auto [rc, out, err] = receiver.Run({"report inbox --persona andere-ura"});
  REQUIRE(rc == 0);
  REQUIRE(static_cast<std::size_t>(std::count(out.begin(), out.end(), '\n')) == before + 2);
  // Each notification leads to one document about one patient.
  std::set<std::string> patients;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    const std::string item = line.substr(0, line.find(' '));
    const auto [rc2, out2, err2] = receiver.Run({"report read --persona andere-ura --item ", item});
    INFO(err2);
    REQUIRE(rc2 == 0);
    if (out2.find("Reden: Benauwd in de nacht") != std::string::npos)
      patients.insert(out2.substr(0, out2.find("Reden")));
    if (out2.find("Reden: Onrustig, roept") != std::string::npos) patients.insert(out2.substr(0, out2.find("Reden")));
  }
  REQUIRE(patients.size() == 2);
  CHECK_THAT(*patients.begin() + *patients.rbegin(),
             Catch::Contains("Patiënt: A. Jansen") && Catch::Contains("Patiënt: B. de Boer"));
}

TEST_CASE("a report addressed to a team of the receiver: listed, labelled on the Tasks, on that team's list") {
  const Cli sender{test::MakeTempDir("zb-report-team"), "", World().gatewayUrl()};
  const Cli receiver{test::MakeTempDir("zb-report-team-b"), "", World().secondGatewayUrl()};
  const_cast<Cli&>(sender).store = sender.dir + "/zorgbrug.db";
  const_cast<Cli&>(receiver).store = receiver.dir + "/zorgbrug.db";
  // The receiver's teams, as it publishes them and as the sender reads them through its gateway.
  {
    const auto [rc, out, err] = receiver.Run({"report teams --persona andere-ura"});
    INFO(err);
    REQUIRE(rc == 0);
    CHECK(out == "so-berk  SO-team De Berk  (Locatie De Berk)\nso-eik  SO-team De Eik  (Locatie De Eik)\n");
    const auto [rc2, out2, err2] = sender.Run({"report teams --persona so --ura 90000381"});
    INFO(err2 << World().secondGatewayLog());
    REQUIRE(rc2 == 0);
    CHECK(out2 == out);
    const auto [rc3, out3, err3] = sender.Run({"report teams --persona so"});
    CHECK(rc3 == 0);
    CHECK(out3 == "no teams: reports go to the organisation as a whole\n");
  }
  const std::string patient = " --bsn 999990019 --register '" + std::string(ZB_DEMO_DIR) + "/register.json'";
  std::string id;
  {
    const auto [rc, out, err] =
        sender.Run({"report new", patient,
                    " --persona so --contact-start 2026-12-02T04:00:00+01:00 --caller nurse --urgency 3"
                    " --reason 'Koorts' --evaluation 'Urineweginfectie waarschijnlijk' --plan 'Nitrofurantoine'"});
    INFO(err);
    REQUIRE(rc == 0);
    id = out.substr(0, out.find(' '));
    REQUIRE(std::get<0>(sender.Run({"report sign", patient, " --persona so --id ", id})) == 0);
  }
  {  // A team the receiver does not publish is refused before anything is sent.
    const auto [rc, out, err] =
        sender.Run({"report send", patient, " --persona so --id ", id, " --to 90000381 --team nope"});
    CHECK(rc == 2);
    CHECK_THAT(err, Catch::Contains("URA 90000381 has no team 'nope'"));
  }
  {
    const auto [rc, out, err] =
        sender.Run({"report send", patient, " --persona so --id ", id, " --to 90000381 --team so-eik"});
    INFO(err << World().gatewayLog());
    REQUIRE(rc == 0);
    CHECK_THAT(out,
               Catch::Contains(id + "  notified  naar Tést Zorginstelling 02 (URA 90000381)  team SO-team De Eik"));
  }
  // The receiver's lists: on De Eik's, not on De Berk's; the notification carries the label, no patient.
  std::string item;
  {
    const auto [rc, out, err] = receiver.Run({"report inbox --persona andere-ura --team so-eik"});
    REQUIRE(rc == 0);
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);)
      if (line.find("team SO-team De Eik") != std::string::npos) item = line.substr(0, line.find(' '));
    REQUIRE(item.size() == 40);
    const auto [rc2, out2, err2] = receiver.Run({"report inbox --persona andere-ura --team so-berk"});
    REQUIRE(rc2 == 0);
    CHECK(out2.find(item) == std::string::npos);
    const auto [rc3, out3, err3] = receiver.Run({"report read --persona andere-ura --item ", item});
    INFO(err3);
    REQUIRE(rc3 == 0);
    CHECK_THAT(out3, Catch::Contains("Patiënt: B. de Boer") && Catch::Contains("Reden: Koorts"));
  }
  {
    const json notification = ReceivedNotification(item);
    CHECK(notification["owner"]["identifier"]["value"] == "90000381");  // still the organisation (access rule)
    const json& routing = notification["extension"][0];
    CHECK(routing["url"] ==
          "http://nuts-foundation.github.io/nl-generic-functions-ig/StructureDefinition/task-stu3-healthcareservice");
    CHECK(routing["valueReference"]["identifier"]["value"] == "so-eik");
    CHECK(routing["valueReference"]["identifier"]["assigner"]["identifier"]["value"] == "90000381");
    CHECK(routing["valueReference"]["display"] == "SO-team De Eik");
    CHECK(notification.dump().find("999990019") == std::string::npos);
  }

  // A team the receiver no longer knows (addressed from an older list): it still arrives, for the
  // whole organisation, marked — a report is never out of sight because of its address.
  auto w =
      std::move(workstation::Workstation::Open(test::StoreConfig(World(), sender.dir, World().gatewayUrl())).value());
  REQUIRE(w->LogIn({"so", World().caFile(), nullptr}, std::chrono::seconds(20)).ok());
  const auto deBoer = w->FindPatient(domain::Bsn::Parse("999990019").value()).value().value();
  auto next = w->reports().Correct(deBoer, id, boost::posix_time::second_clock::universal_time());
  REQUIRE(next);
  auto signedNext = w->reports().Sign(deBoer, next->report.id, boost::posix_time::second_clock::universal_time());
  REQUIRE(signedNext);
  auto pdf = [](const domain::LocumReport&) { return domain::Result<std::string>(std::string("%PDF-1.4\n%%EOF\n")); };
  auto sent = w->reports().Send(deBoer, signedNext->report.id, "90000381", pdf,
                                boost::posix_time::second_clock::universal_time(),
                                workstation::ReportTeam{"so-linde", "SO-team De Linde", "", true});
  INFO((sent ? sent->lastError : sent.error().detail) << World().gatewayLog());
  REQUIRE(sent);
  CHECK(sent->state == "notified");
  CHECK(sent->receiverTeam == "SO-team De Linde");
  const auto [rc, out, err] = receiver.Run({"report inbox --persona andere-ura --team so-berk"});
  REQUIRE(rc == 0);
  CHECK_THAT(out, Catch::Contains("team SO-team De Linde (onbekend team so-linde: voor de hele organisatie)"));
}
