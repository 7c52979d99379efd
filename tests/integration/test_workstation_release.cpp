// SPDX-License-Identifier: GPL-3.0-or-later
// Release on admission through the real chain (prescribing.md A-R3 … A-R9): a prescriber's drafts
// become two transaction Bundles in the outbox, sent through the gateway to the sandbox's pharmacy
// (MP-VOO) and the home's own record (MP-MGO), which check them with the sending TestScripts'
// rules; the hospital receives nothing; a lost answer is looked up before anything is sent again;
// a signal must be decided first and its override lands in the agreement; a secretariat cannot.
#include <catch2/catch.hpp>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>

#include "domain/dose_form.h"
#include "exchange_world.h"
#include "fixtures.h"
#include "present/draft_texts.h"
#include "resident.h"
#include "stored_lookup.h"
#include "workstation/workstation.h"

using namespace zb;
using nlohmann::json;

namespace {

test::ExchangeWorld& World() {
  static test::ExchangeWorld world;
  return world;
}

workstation::Config ReleaseConfig(const std::string& dir) {
  auto c = test::StoreConfig(World(), dir, World().gatewayUrl());
  c.identifierRoot = "2.999.380";  // the example arc (ITU-T X.660): no real organisation's root
  return c;
}

// A prescriber's workstation in `dir` with Jansen registered and looked up (the retrieval stored).
struct Desk {
  std::unique_ptr<workstation::Workstation> w;
  domain::RegisteredPatient jansen;
};
Desk JansenLookedUp(const std::string& dir) {
  auto w = std::move(workstation::Workstation::Open(ReleaseConfig(dir)).value());
  REQUIRE(w->LogIn({"so", World().caFile(), nullptr}, std::chrono::seconds(20)).ok());
  auto jansen =
      w->SavePatient(test::Resident("999991000", "A. Jansen", domain::Date(1938, 3, 12)), domain::Date(2026, 12, 1))
          .value();
  test::LookUpAndStore(*w, jansen);
  return {std::move(w), jansen};
}

domain::MedicationDraft StopDraft(const domain::BlockId& treatment) {
  domain::MedicationDraft d;
  d.action = domain::DraftAction::kStop;
  d.treatment = treatment;
  d.reason = *domain::ChangeOrStopReason("182856006");
  d.additionalInformation.push_back(domain::GdsTimingCode(domain::GdsTiming::kNextRollChange));
  return d;
}

json Received(const std::string& holder) {
  const auto r = World().Send({"GET", World().sandbox()["control"].get<std::string>() + "/received", {}, ""});
  const json all = json::parse(r.body);
  return all.value(holder, json::array());
}

int Counter(const std::string& name) { return World().ControlState()["counters"].value(name, 0); }

std::size_t Count(const std::vector<workstation::AuditEntry>& trail, domain::AuditAction action) {
  return static_cast<std::size_t>(
      std::count_if(trail.begin(), trail.end(), [action](const auto& e) { return e.event.action == action; }));
}

// Whether the resource's AanvullendeInformatie extensions (or codings anywhere in it) hold `code`.
bool HasCode(const json& node, const std::string& code) {
  if (node.is_object()) {
    if (node.value("code", "") == code && node.contains("system")) return true;
    for (const auto& [k, v] : node.items()) {
      if (HasCode(v, code)) return true;
    }
  } else if (node.is_array()) {
    for (const auto& v : node) {
      if (HasCode(v, code)) return true;
    }
  }
  return false;
}

}  // namespace

TEST_CASE("a released stop reaches the pharmacy as an order and the home's record as information, never the hospital") {
  const std::string dir = test::MakeTempDir("zb-release");
  auto [w, jansen] = JansenLookedUp(dir);
  CHECK(w->user()->mayRelease);
  const auto now = boost::posix_time::second_clock::universal_time();
  const auto treatment = test::OneAgreementLine(*w, jansen);
  REQUIRE(w->drafts().Save(jansen, StopDraft(treatment), 0, now).ok());
  const int hospitalBefore = Counter("holder.ziekenhuis.requests");
  const std::size_t pharmacyBefore = Received("apotheek").size();

  auto released = w->releases().Release(jansen, {}, now);
  INFO((released ? std::string() : released.error().detail));
  REQUIRE(released.ok());
  REQUIRE(released->queued.size() == 2);
  CHECK(w->drafts().List(jansen).value().empty());  // the drafts became the outbox's Bundles

  auto sent = w->releases().Send(now);
  REQUIRE(sent.ok());
  REQUIRE(sent->size() == 2);
  for (const auto& e : sent.value()) {
    INFO(e.target << ": " << e.answer);
    CHECK(e.state == workstation::DeliveryState::kDelivered);
  }
  const json pharmacy = Received("apotheek");
  REQUIRE(pharmacy.size() == pharmacyBefore + 1);
  const json order = pharmacy.back();
  CHECK(order["identifier"] == released->queued[0].bundleIdentifier);
  CHECK(order["sender"].dump().find("900000047") != std::string::npos);  // the prescriber is in the token
  const json record = Received("ecd").back();
  CHECK(record["identifier"] == released->queued[1].bundleIdentifier);
  // The same stop-MA: an order to the pharmacy, information to the home's record.
  for (const auto& [bundle, actionable] : {std::pair{order["bundle"], true}, std::pair{record["bundle"], false}}) {
    bool sawAgreement = false;
    for (const auto& e : bundle["entry"]) {
      const json& r = e["resource"];
      if (r["resourceType"] != "MedicationRequest") continue;
      sawAgreement = true;
      CHECK(r["identifier"][0]["system"] == "urn:oid:2.999.380.1");
      CHECK(r["priorPrescription"].contains("display"));
      CHECK((r["meta"].dump().find("actionable") != std::string::npos) == actionable);
    }
    CHECK(sawAgreement);
  }
  // What the pharmacy received passes the official stop TestScript's FHIRPath asserts, read from
  // the published file and evaluated with fhirpath.js (as the conformance tests do for the writer).
  if (const auto nictiz = test::NictizDir();
      nictiz && std::filesystem::exists(std::filesystem::path(ZB_TESTS_DIR) / "node_modules" / "fhirpath")) {
    const std::string file = dir + "/received-order.json";
    std::ofstream(file) << order["bundle"].dump();
    const auto script = *nictiz / "Nictiz-testscripts" / "mp9-testscripts-send" / "Step-3" / "MA-VV" / "Sending-VOS" /
                        "mp9-t-sen-vs-03-1b-stoppen.xml";
    test::ChildProcess node(
        {"node", (std::filesystem::path(ZB_TESTS_DIR) / "conformance" / "tools" / "testscript-asserts.mjs").string(),
         script.string(), file},
        dir + "/asserts.log", {}, true);
    const int exit = node.Wait(std::chrono::minutes(1));
    INFO(test::ReadTextFile(dir + "/asserts.log"));
    CHECK(exit == 0);
  } else {
    WARN(
        "../shared/fixtures/nictiz or tests/node_modules is absent: the received Bundle's TestScript asserts are skipped");
  }
  // Never write back: not one request reached the hospital with the release.
  CHECK(Counter("holder.ziekenhuis.requests") == hospitalBefore);
  CHECK(Counter("holder.ziekenhuis.writes") == 0);

  // Sent once: a second run sends nothing (it may only collect the pharmacy's processing answer)
  // and the pharmacy still holds one copy.
  for (const auto& e : w->releases().Send(now).value()) CHECK(e.processedAt);
  CHECK(Received("apotheek").size() == pharmacyBefore + 1);
  const auto outbox = w->releases().Outbox(jansen).value();
  REQUIRE(outbox.size() == 2);
  CHECK(outbox[0].answer.find("MedicationRequest/") != std::string::npos);
  const auto trail = w->AuditTrail(std::nullopt).entries.value();
  CHECK(Count(trail, domain::AuditAction::kReleaseQueued) == 1);
  CHECK(Count(trail, domain::AuditAction::kReleaseSent) == 2);
  // The gateway's own trail names the release by its Bundle identifier.
  CHECK(test::ReadTextFile(World().auditFile()).find(released->queued[0].bundleIdentifier) != std::string::npos);
}

TEST_CASE("a release whose answer was lost is looked up at the pharmacy and not delivered twice") {
  const std::string dir = test::MakeTempDir("zb-release-lost");
  auto [w, jansen] = JansenLookedUp(dir);
  const auto now = boost::posix_time::second_clock::universal_time();
  REQUIRE(w->drafts().Save(jansen, StopDraft(test::OneAgreementLine(*w, jansen)), 0, now).ok());
  auto released = w->releases().Release(jansen, {}, now);
  REQUIRE(released.ok());
  const std::size_t before = Received("apotheek").size();
  const int repeatedBefore = Counter("holder.apotheek.releases-repeated");

  // The pharmacy takes the Bundle, but its answer breaks off halfway.
  World().Behave("apotheek", {{"fault", {{"kind", "truncated"}, {"times", 1}, {"resource_type", "Bundle"}}}});
  auto first = w->releases().Send(now).value();
  World().Behave("apotheek", {{"fault", {{"kind", "none"}}}});
  REQUIRE(first.size() == 2);
  CHECK(first[0].state == workstation::DeliveryState::kSending);  // arrived or not: unknown
  CHECK(first[1].state == workstation::DeliveryState::kDelivered);
  CHECK(Received("apotheek").size() == before + 1);

  // The next run asks the pharmacy first, finds the agreement, and does not send it again.
  auto second = w->releases().Send(now).value();
  REQUIRE(second.size() == 1);
  CHECK(second[0].state == workstation::DeliveryState::kDelivered);
  CHECK(second[0].answer.find("found at the receiver") != std::string::npos);
  CHECK(Received("apotheek").size() == before + 1);
  CHECK(Counter("holder.apotheek.releases-repeated") == repeatedBefore);
}

TEST_CASE("a pharmacy that is down gets the release later, not before its back-off has passed") {
  const std::string dir = test::MakeTempDir("zb-release-retry");
  auto [w, jansen] = JansenLookedUp(dir);
  const auto now = boost::posix_time::second_clock::universal_time();
  REQUIRE(w->drafts().Save(jansen, StopDraft(test::OneAgreementLine(*w, jansen)), 0, now).ok());
  REQUIRE(w->releases().Release(jansen, {}, now).ok());
  World().Behave("apotheek", {{"fault", {{"kind", "http-503"}, {"times", 1}, {"resource_type", "Bundle"}}}});
  auto first = w->releases().Send(now).value();
  World().Behave("apotheek", {{"fault", {{"kind", "none"}}}});
  REQUIRE(first.size() == 2);
  CHECK(first[0].state == workstation::DeliveryState::kRetry);
  // Not due yet: nothing is sent before the back-off has passed.
  CHECK(w->releases().Send(now + boost::posix_time::seconds(5)).value().empty());
  auto later = w->releases().Send(now + boost::posix_time::seconds(31)).value();
  REQUIRE(later.size() == 1);
  CHECK(later[0].state == workstation::DeliveryState::kDelivered);
  CHECK(later[0].attempts == 2);
}

TEST_CASE("a release nobody could take electronically stays a problem until a user confirms delivery by hand") {
  const std::string dir = test::MakeTempDir("zb-release-by-hand");
  auto [w, jansen] = JansenLookedUp(dir);
  const auto now = boost::posix_time::second_clock::universal_time();
  REQUIRE(w->drafts().Save(jansen, StopDraft(test::OneAgreementLine(*w, jansen)), 0, now).ok());
  // Aimed at an organisation that is no pharmacy on the prescription service: refused (4xx).
  workstation::ReleaseRequest request;
  request.pharmacyUra = "90000403";
  REQUIRE(w->releases().Release(jansen, request, now).ok());
  auto sent = w->releases().Send(now).value();
  REQUIRE(sent.size() == 2);
  CHECK(sent[0].state == workstation::DeliveryState::kRefused);
  CHECK(sent[1].state == workstation::DeliveryState::kDelivered);
  CHECK(present::DescribeOutbox(sent[0].target, sent[0].receiverName, sent[0].receiverUra,
                                workstation::ToString(sent[0].state), sent[0].attempts, sent[0].answer)
            .problem);
  // The refused order becomes a paper prescription, read back from the Bundle as queued, with the
  // prescriber as the DEZI login identified them; the home's record and a delivered order do not.
  auto paper = w->releases().Prescription(jansen, sent[0].id);
  REQUIRE(paper.ok());
  REQUIRE(paper->agreements.size() == 1);
  CHECK(paper->agreements[0].h.stop.type == domain::StopType::kStopped);
  CHECK(paper->agreements[0].h.reason.codings.front().code == "182856006");
  CHECK(paper->deziNumber == w->user()->audit.userId);
  CHECK(paper->roleCode == "01.047");
  CHECK(paper->roleName == w->user()->roleName);
  CHECK(paper->organisationName == w->user()->organisation);
  CHECK(paper->bsn == "999991000");
  CHECK(paper->state == "refused");
  CHECK(paper->sha256.size() == 64);
  CHECK(paper->bundleIdentifier == sent[0].bundleIdentifier);
  CHECK(w->releases().Prescription(jansen, sent[1].id).error().problem == "no_paper");
  // Only a refused (or receiver-less) item can be confirmed, and only the patient's own.
  CHECK(w->releases().ConfirmHandDelivery(jansen, sent[1].id, now).error().problem == "not_confirmable");
  auto other =
      w->SavePatient(test::Resident("999990019", "C. Visser", domain::Date(1941, 11, 5)), domain::Date(2026, 12, 1))
          .value();
  CHECK(w->releases().ConfirmHandDelivery(other, sent[0].id, now).error().problem == "not_found");
  // Phoned through to the pharmacy: confirmed, audited with who.
  auto confirmed = w->releases().ConfirmHandDelivery(jansen, sent[0].id, now);
  REQUIRE(confirmed.ok());
  CHECK(confirmed->state == workstation::DeliveryState::kHandDelivered);
  CHECK(confirmed->answer.find("confirmed delivered by hand by") != std::string::npos);
  CHECK(w->releases().Outbox(jansen).value()[0].state == workstation::DeliveryState::kHandDelivered);
  CHECK(w->releases().Send(now).value().empty());  // not sent, not asked for a processing answer
  bool audited = false;
  for (const auto& e : w->AuditTrail(std::nullopt).entries.value())
    audited = audited || (e.event.action == domain::AuditAction::kReleaseSent && e.event.outcome == "hand-delivered");
  CHECK(audited);
}

TEST_CASE("Jansen's amoxicillin is released only with a decision on her penicillin allergy, carrying code 10") {
  const std::string dir = test::MakeTempDir("zb-release-signal");
  auto [w, jansen] = JansenLookedUp(dir);
  const auto now = boost::posix_time::second_clock::universal_time();
  domain::DoseForm dose;
  dose.amount = "1";
  dose.unit = "stuk";
  dose.timesPerDay = 3;
  dose.route = *domain::FindDoseRoute("oraal");
  domain::MedicationDraft start;
  start.action = domain::DraftAction::kStart;
  start.dosage = domain::ToDosage(dose).value();
  start.renderedDosage = domain::RenderDose(dose);
  domain::Product amoxicillin;
  amoxicillin.codes.push_back(
      {domain::ProductCodeLevel::kPrk,
       {std::string(domain::systems::kPrk), "900106", "AMOXICILLINE/CLAVULAANZUUR TABLET 500/125MG"},
       true});
  amoxicillin.text = "AMOXICILLINE/CLAVULAANZUUR TABLET 500/125MG";
  start.product = amoxicillin;
  start.additionalInformation.push_back(domain::GdsTimingCode(domain::GdsTiming::kNextRollChange));
  REQUIRE(w->drafts().Save(jansen, start, 0, now).ok());

  auto refused = w->releases().Release(jansen, {}, now);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().detail.find("PENICILLINES") != std::string::npos);
  CHECK(w->drafts().List(jansen).value().size() == 1);  // nothing released, the draft kept
  CHECK(w->releases().Outbox(jansen).value().empty());

  workstation::ReleaseRequest request;
  const auto checked = w->drafts().Check(jansen, now);
  REQUIRE(checked.ok());
  for (const auto& s : checked.value().check.signals) {
    if (s.MustHandle()) request.decisions.push_back({s.Key(), "eerder verdragen, allergie onwaarschijnlijk"});
  }
  REQUIRE_FALSE(request.decisions.empty());
  auto released = w->releases().Release(jansen, request, now);
  INFO((released ? std::string() : released.error().detail));
  REQUIRE(released.ok());
  auto sent = w->releases().Send(now).value();
  REQUIRE(sent.size() == 2);
  CHECK(sent[0].state == workstation::DeliveryState::kDelivered);
  const json order = Received("apotheek").back()["bundle"];
  bool code10 = false;
  for (const auto& e : order["entry"]) {
    if (e["resource"]["resourceType"] == "MedicationRequest") code10 = code10 || HasCode(e["resource"], "10");
  }
  CHECK(code10);
  // The reason of each decision is kept with the release, sealed.
  CHECK(w->releases().Outbox(jansen).value().front().summary.find("eerder verdragen, allergie onwaarschijnlijk") !=
        std::string::npos);
  const auto trail = w->AuditTrail(std::nullopt).entries.value();
  CHECK(Count(trail, domain::AuditAction::kReleaseQueued) ==
        request.decisions.size() + 1);  // each decision, the release
}

TEST_CASE("a secretariat prepares but cannot release, and the gateway refuses its release too") {
  const std::string dir = test::MakeTempDir("zb-release-secretariat");
  auto w = std::move(workstation::Workstation::Open(ReleaseConfig(dir)).value());
  REQUIRE(w->LogIn({"secretariaat", World().caFile(), nullptr}, std::chrono::seconds(20)).ok());
  CHECK_FALSE(w->user()->mayRelease);
  auto jansen =
      w->SavePatient(test::Resident("999991000", "A. Jansen", domain::Date(1938, 3, 12)), domain::Date(2026, 12, 1))
          .value();
  auto refused = w->releases().Release(jansen, {}, boost::posix_time::second_clock::universal_time());
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().problem == "role_not_allowed");
  // At the gateway itself: a secretariat session's release is refused before anything is sent.
  const std::string session = World().Session("secretariaat");
  const int writes = Counter("holder.apotheek.writes");
  auto direct = World().Client().Release(session, "zorgbrug-voorschrift", "90000402",
                                         R"({"resourceType":"Bundle","type":"transaction","entry":[]})", "999991000");
  REQUIRE_FALSE(direct.ok());
  CHECK(direct.error().status == 403);
  CHECK(direct.error().problem == "role_not_allowed");
  CHECK(Counter("holder.apotheek.writes") == writes);
}

TEST_CASE("a hospital change between draft and release blocks that line until the physician confirms again") {
  const std::string dir = test::MakeTempDir("zb-release-stale");
  auto [w, jansen] = JansenLookedUp(dir);
  // A line the hospital's agreement governs.
  const auto now = boost::posix_time::second_clock::universal_time();
  domain::BlockId treatment;
  {
    const auto offline = w->OpenOffline(jansen).value();
    REQUIRE(offline);
    const auto overview = offline->picture->Consolidate(now);
    for (const auto& line : overview.lines) {
      if (line.status == domain::TreatmentStatus::kCurrent && line.agreements.size() == 1 && !line.endedBy &&
          line.agreements.front()->h.source == "ziekenhuis")
        treatment = line.treatment;
    }
  }
  REQUIRE_FALSE(treatment.empty());
  auto draft = w->drafts().Save(jansen, StopDraft(treatment), 0, now);
  REQUIRE(draft.ok());

  // The hospital registers a new agreement for that treatment; the physician looks the patient up again.
  const auto amended =
      World().Send({"POST",
                    World().sandbox()["control"].get<std::string>() + "/holder/ziekenhuis/amend-agreement",
                    {{"Content-Type", "application/json"}},
                    json{{"bsn", "999991000"}, {"treatment", treatment.value}}.dump()});
  REQUIRE(amended.status == 200);
  test::LookUpAndStore(*w, jansen);
  const auto listed = w->drafts().List(jansen).value();
  REQUIRE(listed.size() == 1);
  CHECK(listed[0].freshness.Blocks());

  const std::size_t before = Received("apotheek").size();
  auto refused = w->releases().Release(jansen, {}, now);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().detail.find("the source changed this line since") != std::string::npos);
  CHECK(w->releases().Outbox(jansen).value().empty());
  CHECK(Received("apotheek").size() == before);

  // Confirmed again, against the hospital's new agreement that the list now names: released.
  CHECK(listed[0].freshness.nowAgreement.value.ends_with("-gewijzigd"));
  CHECK(w->drafts().Confirm(jansen, listed[0].id + 100, now).error().problem == "not_found");
  auto confirmed = w->drafts().Confirm(jansen, listed[0].id, now);
  INFO((confirmed ? std::string() : confirmed.error().detail));
  REQUIRE(confirmed.ok());
  CHECK(confirmed->draft.against == listed[0].freshness.nowAgreement);
  CHECK_FALSE(w->drafts().List(jansen).value()[0].freshness.Blocks());
  auto released = w->releases().Release(jansen, {}, now);
  INFO((released ? std::string() : released.error().detail));
  REQUIRE(released.ok());
  // The stop refers to the hospital's new agreement, not the one the draft was first made against.
  const auto sent = w->releases().Send(now).value();
  REQUIRE(sent.size() == 2);
  const json order = Received("apotheek").back()["bundle"];
  CHECK(order.dump().find("-gewijzigd") != std::string::npos);
}

TEST_CASE("the gateway relays a release only as creates, about the declared patient, to a receiving service") {
  const std::string session = World().Session("so");
  const auto client = World().Client();
  const int writes = Counter("holder.apotheek.writes") + Counter("holder.ziekenhuis.writes");
  auto code = [&](const std::string& service, const std::string& ura, const std::string& body) {
    auto r = client.Release(session, service, ura, body, "999991000");
    return r ? "status " + std::to_string(r->status) : r.error().problem + " " + std::to_string(r.error().status);
  };
  const std::string patient =
      R"({"fullUrl":"urn:uuid:p","request":{"method":"POST","url":"Patient"},"resource":{"resourceType":"Patient",)"
      R"("identifier":[{"system":"http://fhir.nl/fhir/NamingSystem/bsn","value":"999991000"}]}})";
  auto bundle = [&](const std::string& method, const std::string& bsnEntry) {
    return R"({"resourceType":"Bundle","type":"transaction","identifier":{"system":"urn:oid:2.999.4","value":"t"},)"
           R"("entry":[)" +
           bsnEntry + R"(,{"fullUrl":"urn:uuid:m","request":{"method":")" + method +
           R"(","url":"MedicationRequest"},"resource":{"resourceType":"MedicationRequest"}}]})";
  };
  CHECK(code("zorgbrug-voorschrift", "90000402", R"({"resourceType":5,"type":[]})") == "release_invalid 400");
  CHECK(code("zorgbrug-voorschrift", "90000402", "not json") == "release_invalid 400");
  CHECK(code("zorgbrug-voorschrift", "90000402", bundle("PUT", patient)) == "release_invalid 400");
  CHECK(code("zorgbrug-voorschrift", "90000402", bundle("DELETE", patient)) == "release_invalid 400");
  std::string other = patient;
  other.replace(other.find("999991000"), 9, "999990019");
  CHECK(code("zorgbrug-voorschrift", "90000402", bundle("POST", other)) == "release_invalid 400");
  // The hospital's retrieval service takes no release, whatever the Bundle.
  CHECK(code("medicatieoverdracht-gf", "90000403", bundle("POST", patient)) == "release_invalid 400");
  CHECK(Counter("holder.apotheek.writes") + Counter("holder.ziekenhuis.writes") == writes);
  // A well-formed one reaches the pharmacy, which refuses it with its reasons (no profile, no agreement).
  const auto refused =
      client.Release(session, "zorgbrug-voorschrift", "90000402", bundle("POST", patient), "999991000");
  REQUIRE(refused.ok());
  CHECK(refused->status == 422);
  CHECK(refused->body.find("mp-MedicationPrescription-Bundle") != std::string::npos);
}
