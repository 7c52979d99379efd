// SPDX-License-Identifier: GPL-3.0-or-later
// The on-call report as a FHIR document: written and read back without loss, the IG's example is
// exactly what the writer produces (docs/fhir/, validated by @medplum/core and fhirpath in the
// conformance label), and a hostile or broken document is refused naming the element.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>

#include "fixtures.h"
#include "locum_example.h"
#include "net/fhir/locum_codec.h"
#include "net/fhir/locum_report_fhir.h"

using namespace zb;
namespace d = zb::domain;
using nlohmann::json;

namespace {

std::filesystem::path ExampleFile() {
  return test::DataDir().parent_path().parent_path() / "docs" / "fhir" / "Bundle-waarneemverslag-voorbeeld.json";
}

json Written(const d::LocumReport& r) { return json::parse(net::fhir::WriteLocumReport(r).value()); }

d::Result<d::LocumReport> Read(const json& j) { return net::fhir::ReadLocumReport(j.dump(), "verslag.json"); }

std::string ErrorOf(const json& j) {
  auto r = Read(j);
  return r ? std::string("read without error") : r.error().detail;
}

}  // namespace

TEST_CASE("an on-call report is written as a document and read back without loss") {
  const auto original = test::ExampleLocumReport();
  auto text = net::fhir::WriteLocumReport(original);
  REQUIRE(text);
  auto back = net::fhir::ReadLocumReport(text.value(), "verslag.json");
  REQUIRE(back);
  const auto& r = back.value();
  CHECK(r.id == original.id);
  CHECK(r.version == 1);
  CHECK(r.status == d::ReportStatus::kFinal);
  CHECK(r.signedAt == original.signedAt);
  CHECK(r.patient.bsn == original.patient.bsn);
  CHECK(r.patient.name == original.patient.name);
  CHECK(r.patient.birthDate == original.patient.birthDate);
  CHECK(r.contact.start == original.contact.start);
  CHECK(r.contact.end == original.contact.end);
  CHECK(r.contact.kind == original.contact.kind);
  CHECK(r.contact.caller == original.contact.caller);
  CHECK(r.contact.callerDetail == original.contact.callerDetail);
  CHECK(r.contact.urgency == original.contact.urgency);
  CHECK(r.contact.location == original.contact.location);
  CHECK(r.author.name == original.author.name);
  CHECK(r.author.deziNumber == original.author.deziNumber);
  CHECK(r.author.roleCode == original.author.roleCode);
  CHECK(r.author.organisationUra == original.author.organisationUra);
  CHECK(r.replyPhone == original.replyPhone);
  CHECK(r.reason == original.reason);
  CHECK(r.subjective == original.subjective);
  CHECK(r.objective == original.objective);
  CHECK(r.vitals == original.vitals);
  CHECK(r.evaluation == original.evaluation);
  CHECK(r.diagnoses == original.diagnoses);
  CHECK(r.episodeProposal);
  CHECK(r.plan == original.plan);
  CHECK(r.medication == original.medication);
  CHECK(r.requests == original.requests);
  CHECK(r.agreements == original.agreements);
  REQUIRE(r.context);
  CHECK(r.context == original.context);
  CHECK(d::SignProblems(
            [&] {
              auto copy = r;
              copy.status = d::ReportStatus::kDraft;
              return copy;
            }(),
            *original.signedAt)
            .empty());
}

TEST_CASE("the document has every section in its fixed order, each with narrative that holds its content") {
  const json doc = Written(test::ExampleLocumReport());
  CHECK(doc["type"] == "document");
  const json& comp = doc["entry"][0]["resource"];
  REQUIRE(comp["resourceType"] == "Composition");
  const std::vector<std::string> codes{"reden",     "255362007", "260224007", "129265001", "129271007",
                                       "medicatie", "verzoek",   "afspraken", "context"};
  REQUIRE(comp["section"].size() == codes.size());
  for (std::size_t i = 0; i < codes.size(); ++i) {
    INFO("section " << i);
    CHECK(comp["section"][i]["code"]["coding"][0]["code"] == codes[i]);
    CHECK(comp["section"][i]["text"]["div"].get<std::string>().find("<p>") != std::string::npos);
  }
  const std::string requests = comp["section"][6]["text"]["div"];
  CHECK(requests.find("vóór 03-12-2026 (spoed)") != std::string::npos);
  const std::string vitals = comp["section"][2]["text"]["div"];
  CHECK(vitals.find("Temperatuur 37,2 °C") != std::string::npos);
  CHECK(vitals.find("Bloeddruk 132/78 mmHg") != std::string::npos);
  // Times in Dutch civil time with their offset: the contact began at 02:10 local.
  CHECK(comp["date"] == "2026-12-02T03:05:00+01:00");
  // The context: said to be context, with the missing source, and its lines as two snapshot Lists.
  const std::string context = comp["section"][8]["text"]["div"];
  CHECK(context.find("opgehaald 02-12-2026 02:20. Context, geen bron") != std::string::npos);
  CHECK(context.find("ONVOLLEDIG OVERZICHT: geen gegevens van Ziekenhuis Midden") != std::string::npos);
  CHECK(context.find("let op: dosering verschilt") != std::string::npos);
  REQUIRE(comp["section"][8]["entry"].size() == 2);
  std::set<std::string> codesSeen;
  for (const auto& e : doc["entry"]) {
    const json& res = e["resource"];
    if (res["resourceType"] != "List") continue;
    CHECK(res["mode"] == "snapshot");
    CHECK(res["date"] == "2026-12-02T02:20:00+01:00");
    CHECK(res["note"].size() == 3);
    codesSeen.insert(res["code"]["coding"][0]["code"].get<std::string>());
  }
  CHECK(codesSeen == std::set<std::string>{"10160-0", "48765-2"});
}

TEST_CASE("a report written without the overview has no context section, and an empty list says so") {
  auto draft = test::ExampleLocumDraft();
  draft.context.reset();
  const json plain = Written(d::Sign(draft, *test::ExampleLocumReport().signedAt).value());
  CHECK(plain["entry"][0]["resource"]["section"].size() == 8);
  CHECK_FALSE(Read(plain)->context);

  draft = test::ExampleLocumDraft();
  draft.context->ica.clear();
  draft.context->incomplete.clear();
  const json doc = Written(d::Sign(draft, *test::ExampleLocumReport().signedAt).value());
  bool sawIca = false;
  for (const auto& e : doc["entry"]) {
    const json& res = e["resource"];
    if (res["resourceType"] != "List" || res["code"]["coding"][0]["code"] != "48765-2") continue;
    sawIca = true;
    CHECK(res["emptyReason"]["coding"][0]["code"] == "nilknown");
    CHECK_FALSE(res.contains("entry"));
    CHECK_FALSE(res.contains("extension"));
  }
  CHECK(sawIca);
  auto back = Read(doc);
  REQUIRE(back);
  CHECK(back->context->ica.empty());
  CHECK(back->context->incomplete.empty());
  CHECK(back->context->medication.size() == 2);
}

TEST_CASE("a context retrieved after signing is refused, and a foreign List in the context section is named") {
  auto draft = test::ExampleLocumDraft();
  draft.context->retrievedAt = *test::ExampleLocumReport().signedAt + boost::posix_time::minutes(1);
  const auto problems = d::SignProblems(draft, *test::ExampleLocumReport().signedAt);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].field == "context.retrievedAt");

  json j = Written(test::ExampleLocumReport());
  for (auto& e : j["entry"])
    if (e["resource"]["resourceType"] == "List") e["resource"]["code"]["coding"][0]["code"] = "8716-3";
  CHECK(ErrorOf(j).find("Composition.section[8].entry[0] (List.code)") != std::string::npos);
  j = Written(test::ExampleLocumReport());
  j["entry"][0]["resource"]["section"][8]["entry"][1] = j["entry"][0]["resource"]["section"][0]["entry"][0];
  CHECK(ErrorOf(j).find("Composition.section[8].entry[1]") != std::string::npos);
}

TEST_CASE("an empty section says so, and a correction names the version it replaces") {
  auto draft = test::ExampleLocumDraft();
  draft.medication.clear();
  draft.agreements.clear();
  auto first = d::Sign(draft, *test::ExampleLocumReport().signedAt).value();
  auto second = d::Correct(first, "0f3a8e44-1c55-4a2b-9d1e-7b6c5a4f3e21").value();
  second.plan += " Dochter komt morgen langs.";
  const auto amended = d::Sign(second, *first.signedAt + boost::posix_time::hours(2)).value();
  const json doc = Written(amended);
  const json& comp = doc["entry"][0]["resource"];
  CHECK(comp["status"] == "amended");
  CHECK(comp["relatesTo"][0]["code"] == "replaces");
  CHECK(comp["relatesTo"][0]["targetIdentifier"]["value"] == "urn:uuid:" + first.id);
  CHECK(comp["section"][5]["emptyReason"]["coding"][0]["code"] == "nilknown");
  CHECK(comp["section"][5]["text"]["div"].get<std::string>().find("Geen medicatie gewijzigd.") != std::string::npos);
  auto back = Read(doc);
  REQUIRE(back);
  CHECK(back->replaces == first.id);
  CHECK(back->version == 2);
  CHECK(back->status == d::ReportStatus::kAmended);
  CHECK(back->agreements.empty());
  CHECK(back->medication.empty());
}

TEST_CASE("every code of ours in the document is defined in the IG's code systems") {
  const json systems = json::parse(test::ReadText(ExampleFile().parent_path() / "Bundle-zb-waarneem-codesystems.json"));
  std::set<std::string> defined;
  for (const auto& e : systems["entry"]) {
    for (const auto& c : e["resource"]["concept"])
      defined.insert(e["resource"]["url"].get<std::string>() + "|" + c["code"].get<std::string>());
  }
  auto draft = test::ExampleLocumDraft();
  draft.contact.kind = d::ContactKind::kPhone;  // the other contact form and caller codes too
  draft.contact.caller = d::Caller::kFamily;
  std::size_t ours = 0;
  std::function<void(const json&)> walk = [&](const json& j) {
    if (j.is_object() && j.contains("system") && j.contains("code") && j["system"].is_string() &&
        j["system"].get<std::string>().rfind("https://zorgbrug.nl/fhir/CodeSystem/", 0) == 0) {
      ++ours;
      INFO(j.dump());
      CHECK(defined.count(j["system"].get<std::string>() + "|" + j["code"].get<std::string>()) == 1);
    }
    if (j.is_structured())
      for (const auto& v : j) walk(v);
  };
  walk(Written(test::ExampleLocumReport()));
  walk(Written(d::Sign(draft, *test::ExampleLocumReport().signedAt).value()));
  CHECK(ours >= 20);
}

TEST_CASE("a draft is no document") {
  auto draft = net::fhir::WriteLocumReport(test::ExampleLocumDraft());
  REQUIRE_FALSE(draft);
  CHECK(draft.error().code == d::ErrorCode::kInconsistent);
}

TEST_CASE("the IG's example is exactly what the writer produces") {
  const std::string written = net::fhir::WriteLocumReport(test::ExampleLocumReport(), {.pretty = true}).value() + "\n";
  if (const char* update = std::getenv("ZB_UPDATE_GOLDEN"); update && std::string(update) == "1") {
    std::ofstream(ExampleFile(), std::ios::binary) << written;
  }
  CHECK(test::ReadText(ExampleFile()) == written);
}

TEST_CASE("a broken or hostile on-call report is refused, naming the element") {
  const json good = Written(test::ExampleLocumReport());
  REQUIRE(Read(good));
  auto notJson = net::fhir::ReadLocumReport("[1,2", "verslag.json");
  REQUIRE_FALSE(notJson);
  CHECK(notJson.error().detail == "verslag.json: the on-call report is not valid JSON");
  json j = good;
  j["type"] = "collection";
  CHECK(ErrorOf(j).find("Bundle.type") != std::string::npos);
  j = good;
  std::swap(j["entry"][0], j["entry"][1]);
  CHECK(ErrorOf(j).find("Bundle.entry[0]: the first entry must be the Composition") != std::string::npos);
  j = good;
  j["entry"][0]["resource"]["subject"]["reference"] = "https://elders.example/Patient/1";
  CHECK(ErrorOf(j).find("Composition.subject: the reference 'https://elders.example/Patient/1' does not point at") !=
        std::string::npos);
  j = good;
  j["entry"][0]["resource"]["custodian"] = j["entry"][0]["resource"]["subject"];
  CHECK(ErrorOf(j).find("Composition.custodian") != std::string::npos);
  j = good;
  j["entry"][1]["resource"]["identifier"][0]["value"] = "999991001";
  CHECK(ErrorOf(j).find("11-test") != std::string::npos);
  j = good;
  j["entry"][0]["resource"]["status"] = "preliminary";
  CHECK(ErrorOf(j).find("Composition.status") != std::string::npos);
  j = good;
  j["entry"][0]["resource"]["attester"][0]["time"] = "2026-12-02";
  CHECK(ErrorOf(j).find("Composition.attester.time") != std::string::npos);
  j = good;
  j["entry"][0]["resource"]["section"][6]["entry"][0]["reference"] = j["entry"][1]["fullUrl"];
  CHECK(ErrorOf(j).find("Composition.section[6].entry[0]") != std::string::npos);
  j = good;
  j["entry"][0]["resource"]["section"][0]["entry"] = 7;  // wrong type: the contact is then missing
  CHECK(ErrorOf(j).find("does not name the contact") != std::string::npos);
  j = good;
  j["entry"][0]["resource"]["extension"][0]["valueInteger"] = 1e300;  // a float: never cast to int
  CHECK(ErrorOf(j).find("report version") != std::string::npos);
  j = good;
  j["entry"][0]["resource"]["section"][7]["text"]["div"] =
      "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>\nDochter &amp; zoon</p></div>";
  CHECK(Read(j)->agreements == "Dochter & zoon");  // blank lines at the ends carry nothing
  j = good;
  j["entry"][0]["resource"]["section"] = "x";
  CHECK(ErrorOf(j).find("does not name the contact") != std::string::npos);
}

TEST_CASE(
    "a stored on-call report, draft or signed, reads back exactly and a damaged one is refused naming the element") {
  auto draft = test::ExampleLocumDraft();
  draft.requests.push_back(
      {"nog in te vullen", d::Date(), d::RequestPriority::kRoutine});  // a draft may lack a due date
  draft.contact.end.reset();
  for (const auto& r : {draft, test::ExampleLocumReport()}) {
    const std::string text = net::fhir::EncodeLocumReport(r);
    auto back = net::fhir::DecodeLocumReport(text, "report 3");
    REQUIRE(back);
    CHECK(net::fhir::EncodeLocumReport(back.value()) == text);
    CHECK(back->status == r.status);
    CHECK(back->signedAt == r.signedAt);
    CHECK(back->contact.end == r.contact.end);
    CHECK(back->requests == r.requests);
    CHECK(back->vitals == r.vitals);
    CHECK(back->patient.bsn == r.patient.bsn);
  }
  json j = json::parse(net::fhir::EncodeLocumReport(draft));
  j["vitals"][0]["kind"] = "heart-sound";
  auto bad = net::fhir::DecodeLocumReport(j.dump(), "report 3");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().detail == "report 3: kind 'heart-sound' is unknown");
  j = json::parse(net::fhir::EncodeLocumReport(draft));
  j["patient"]["bsn"] = "123456789";
  CHECK(net::fhir::DecodeLocumReport(j.dump(), "report 3").error().detail ==
        "report 3: patient.bsn does not pass the 11-test");
  j = json::parse(net::fhir::EncodeLocumReport(draft));
  j["plan"] = 7;
  CHECK_THAT(net::fhir::DecodeLocumReport(j.dump(), "report 3").error().detail,
             Catch::StartsWith("report 3: an element is missing or of the wrong type"));
  j = json::parse(net::fhir::EncodeLocumReport(draft));
  j["contact"]["urgency"] = 1e300;
  CHECK(net::fhir::DecodeLocumReport(j.dump(), "report 3").error().detail == "report 3: urgency is not a whole number");
  j = json::parse(net::fhir::EncodeLocumReport(draft));
  j["format"] = 2;
  CHECK(net::fhir::DecodeLocumReport(j.dump(), "report 3").error().detail == "report 3: format is not 1");
}
