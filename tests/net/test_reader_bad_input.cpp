// SPDX-License-Identifier: GPL-3.0-or-later
// Bad input gets a specific error naming the document, entry, resource and element; one bad
// resource never sinks the others; nothing crashes.
#include <catch2/catch.hpp>

#include "net/fhir/reader.h"

using namespace zb::domain;
using namespace zb::net::fhir;

namespace {

Result<Document> ReadJson(const std::string& json, std::size_t maxBytes = std::size_t{1} << 20,
                          std::size_t maxDepth = 96) {
  Reader reader;
  ReadOptions options;
  options.origin = "bad.json";
  options.source = "test";
  options.maxBytes = maxBytes;
  options.maxDepth = maxDepth;
  return reader.Read(json, options);
}

std::string Ma(const std::string& id, const std::string& extra) {
  return R"({"resourceType":"MedicationRequest","id":")" + id + R"(","identifier":[{"system":"urn:x","value":")" + id +
         R"("}],"category":[{"coding":[{"system":"http://snomed.info/sct","code":"33633005"}]}],"intent":"order","status":"unknown","medicationCodeableConcept":{"text":"P"})" +
         extra + "}";
}

std::string Bundle(const std::vector<std::string>& resources) {
  std::string s = R"({"resourceType":"Bundle","type":"searchset","entry":[)";
  for (std::size_t i = 0; i < resources.size(); ++i)
    s += (i ? "," : "") + std::string(R"({"resource":)") + resources[i] + "}";
  return s + "]}";
}

// Issues other than the "no treatment id" and "names no patient" warnings, which every
// hand-written block here triggers.
std::vector<MappingIssue> Relevant(const Document& doc) {
  std::vector<MappingIssue> out;
  for (const auto& i : doc.issues) {
    if (i.message.find("no treatment (MBH)") == std::string::npos &&
        i.message.find("names no patient") == std::string::npos)
      out.push_back(i);
  }
  return out;
}

const MappingIssue& OnlyError(const Document& doc) {
  const MappingIssue* found = nullptr;
  for (const auto& i : doc.issues) {
    if (i.severity == IssueSeverity::kError) {
      REQUIRE(found == nullptr);
      found = &i;
    }
  }
  REQUIRE(found != nullptr);
  return *found;
}

}  // namespace

TEST_CASE("Not JSON, not an object, no resourceType: the document is refused with the reason", "[reader][bad]") {
  auto notJson = ReadJson("{\"resourceType\": \"Bundle\", ");
  REQUIRE_FALSE(notJson.ok());
  CHECK(notJson.error().detail.find("bad.json") != std::string::npos);
  CHECK(notJson.error().detail.find("not valid JSON") != std::string::npos);
  CHECK(ReadJson("[1,2,3]").error().detail.find("not a JSON object") != std::string::npos);
  CHECK(ReadJson(R"({"id":"x"})").error().detail.find("no resourceType") != std::string::npos);
  CHECK(ReadJson("").error().detail.find("not valid JSON") != std::string::npos);
  CHECK_FALSE(ReadJson("\xff\xfe{}").ok());
}

TEST_CASE("Enormous and deeply nested input is refused before it costs memory", "[reader][bad]") {
  const std::string big(2048, ' ');
  auto tooBig = ReadJson(big + "{}", 1024);
  REQUIRE_FALSE(tooBig.ok());
  CHECK(tooBig.error().code == ErrorCode::kOutOfRange);
  std::string deep = R"({"resourceType":"Bundle","x":)" + std::string(5000, '[') + std::string(5000, ']') + "}";
  auto nested = ReadJson(deep);
  REQUIRE_FALSE(nested.ok());
  CHECK(nested.error().detail.find("nested deeper") != std::string::npos);
}

TEST_CASE("An entry without resource is reported: the other entries are still read", "[reader][bad]") {
  auto doc = ReadJson(R"({"resourceType":"Bundle","type":"searchset","entry":[{"fullUrl":"urn:uuid:1"},)" +
                      std::string(R"({"resource":)") + Ma("ok", "") + "}]}");
  REQUIRE(doc.ok());
  CHECK(doc->medication.agreements.size() == 1);
  const auto& err = OnlyError(*doc);
  CHECK(err.entry == std::optional<std::size_t>(0));
  CHECK(err.Describe().find("bad.json: entry 0") != std::string::npos);
}

TEST_CASE("An unknown modifier extension makes only that resource unusable, with its path", "[reader][bad][modifier]") {
  auto doc = ReadJson(
      Bundle({Ma("good", ""),
              Ma("bad", R"(,"modifierExtension":[{"url":"http://example.org/ext-NotToday","valueBoolean":true}])")}));
  REQUIRE(doc.ok());
  REQUIRE(doc->medication.agreements.size() == 1);
  CHECK(doc->medication.agreements[0].h.id.value == "good");
  CHECK(doc->skipped == 1);
  const auto& err = OnlyError(*doc);
  CHECK(err.entry == std::optional<std::size_t>(1));
  CHECK(err.resourceId == "bad");
  CHECK(err.path == "MedicationRequest.modifierExtension[0]");
  CHECK(err.message.find("ext-NotToday") != std::string::npos);
}

TEST_CASE("A modifier extension deep inside the resource is found too", "[reader][bad][modifier]") {
  auto doc = ReadJson(Bundle({Ma(
      "bad",
      R"(,"dosageInstruction":[{"text":"x"},{"modifierExtension":[{"url":"http://example.org/m","valueBoolean":true}]}])")}));
  REQUIRE(doc.ok());
  CHECK(doc->medication.agreements.empty());
  CHECK(OnlyError(*doc).path == "MedicationRequest.dosageInstruction.modifierExtension[0]");
}

TEST_CASE("implicitRules and an unknown stop type code are refused", "[reader][bad][modifier]") {
  auto rules = ReadJson(Bundle({Ma("r", R"(,"implicitRules":"http://example.org/rules")")}));
  REQUIRE(rules.ok());
  CHECK(rules->medication.agreements.empty());
  CHECK(OnlyError(*rules).path == "MedicationRequest.implicitRules");
  auto stop = ReadJson(Bundle({Ma(
      "s",
      R"(,"modifierExtension":[{"url":"http://nictiz.nl/fhir/StructureDefinition/ext-StopType","valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"999999"}]}}])")}));
  REQUIRE(stop.ok());
  CHECK(stop->medication.agreements.empty());
  CHECK(OnlyError(*stop).message.find("stop type") != std::string::npos);
}

TEST_CASE("An invalid date is a warning at its path: the rest of the block is kept", "[reader][bad]") {
  auto doc = ReadJson(Bundle({Ma(
      "d",
      R"(,"extension":[{"url":"http://nictiz.nl/fhir/StructureDefinition/ext-TimeInterval.Period","valuePeriod":{"start":"2024-02-30T00:00:00+01:00","end":"2024-03-01T23:59:59+01:00"}}])")}));
  REQUIRE(doc.ok());
  REQUIRE(doc->medication.agreements.size() == 1);
  const auto& ma = doc->medication.agreements[0];
  REQUIRE(ma.h.period.has_value());
  CHECK_FALSE(ma.h.period->start.has_value());
  CHECK(ma.h.period->end.has_value());
  const auto issues = Relevant(*doc);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].severity == IssueSeverity::kWarning);
  CHECK(issues[0].path == "MedicationRequest.extension[0].valuePeriod.start");
  CHECK(issues[0].message.find("2024-02-30") != std::string::npos);
}

TEST_CASE("Wrong JSON types are warnings naming the element", "[reader][bad]") {
  auto doc = ReadJson(
      R"({"resourceType":"MedicationRequest","id":"t","identifier":[{"system":"urn:x","value":"t"}],"category":[{"coding":[{"system":"http://snomed.info/sct","code":"33633005"}]}],"status":5,"medicationCodeableConcept":{"text":"P"},"dosageInstruction":{"text":"not an array"}})");
  REQUIRE(doc.ok());
  REQUIRE(doc->medication.agreements.size() == 1);
  CHECK(doc->medication.agreements[0].h.dosage.size() == 1);
  const auto issues = Relevant(*doc);
  REQUIRE(issues.size() == 2);
  CHECK(issues[0].path == "MedicationRequest.status");
  CHECK(issues[0].message.find("expected a string, found a number") != std::string::npos);
  CHECK(issues[1].path == "MedicationRequest.dosageInstruction");
}

TEST_CASE("Missing identifiers: fall back to the resource id with a warning, or refuse", "[reader][bad]") {
  auto noIdentifier = ReadJson(
      R"({"resourceType":"MedicationRequest","id":"r1","category":[{"coding":[{"system":"http://snomed.info/sct","code":"33633005"}]}]})");
  REQUIRE(noIdentifier.ok());
  REQUIRE(noIdentifier->medication.agreements.size() == 1);
  CHECK(noIdentifier->medication.agreements[0].h.id.value == "r1");
  CHECK(noIdentifier->ErrorCount() == 0);
  auto nothing = ReadJson(
      R"({"resourceType":"MedicationRequest","category":[{"coding":[{"system":"http://snomed.info/sct","code":"33633005"}]}]})");
  REQUIRE(nothing.ok());
  CHECK(nothing->medication.agreements.empty());
  CHECK(nothing->ErrorCount() == 1);
}

TEST_CASE("A MedicationRequest that is no building block is left out with a warning", "[reader][bad]") {
  auto doc = ReadJson(
      R"({"resourceType":"MedicationRequest","id":"x","category":[{"coding":[{"system":"http://snomed.info/sct","code":"1234"}]}]})");
  REQUIRE(doc.ok());
  CHECK(doc->medication.Count() == 0);
  CHECK(doc->skipped == 1);
  CHECK(doc->ErrorCount() == 0);
}

TEST_CASE("A Medication missing from the Bundle: display text used, with a warning", "[reader][bad]") {
  auto doc = ReadJson(Bundle(
      {R"({"resourceType":"MedicationRequest","id":"m","identifier":[{"system":"urn:x","value":"m"}],"category":[{"coding":[{"system":"http://snomed.info/sct","code":"33633005"}]}],"medicationReference":{"reference":"urn:uuid:missing","display":"LOSARTAN 50MG"}})"}));
  REQUIRE(doc.ok());
  REQUIRE(doc->medication.agreements.size() == 1);
  CHECK(doc->medication.agreements[0].h.product->DisplayName() == "LOSARTAN 50MG");
  const auto issues = Relevant(*doc);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].message.find("urn:uuid:missing") != std::string::npos);
}

TEST_CASE("A patient with a BSN failing the 11-test is kept without BSN, with a warning", "[reader][bad]") {
  auto doc = ReadJson(
      R"({"resourceType":"Patient","id":"p","identifier":[{"system":"http://fhir.nl/fhir/NamingSystem/bsn","value":"123456789"}]})");
  REQUIRE(doc.ok());
  REQUIRE(doc->patients.size() == 1);
  CHECK_FALSE(doc->patients[0].bsn.has_value());
  REQUIRE(doc->issues.size() == 1);
  CHECK(doc->issues[0].message.find("11-test") != std::string::npos);
  CHECK(doc->issues[0].message.find("123456789") == std::string::npos);  // never echo a BSN
}

TEST_CASE("Numbers at the edges and odd values never crash the mapper", "[reader][bad]") {
  auto doc = ReadJson(Bundle({Ma(
      "n",
      R"(,"dosageInstruction":[{"sequence":-5,"timing":{"repeat":{"frequency":1e300,"period":-1,"periodUnit":"d","boundsDuration":{"value":1e-320,"code":"d"}}},"doseAndRate":[{"doseQuantity":{"value":1e308}}]}])")}));
  REQUIRE(doc.ok());
  REQUIRE(doc->medication.agreements.size() == 1);
}
