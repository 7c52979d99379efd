// SPDX-License-Identifier: GPL-3.0-or-later
// The gateway's keeping of pharmacies' processing answers (processing_inbox.h): sealed on disk
// under a key of its own, found again after a restart, each answer kept once, found only for the
// pharmacy that sent it and the patient it is about; a file that does not open stops the start.
// And the check of a posted processing Bundle, against our own and the official Nictiz Bundles.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "child_process.h"
#include "fixtures.h"
#include "processing_inbound.h"
#include "processing_inbox.h"

using namespace zb;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string KeyFile(const std::string& dir, const std::string& name, char fill) {
  const std::string path = dir + "/" + name;
  std::ofstream(path, std::ios::binary) << std::string(40, fill);
  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write);
  return path;
}

gateway::ProcessingAnswer Answer(const std::string& key, const std::string& ura, const std::string& bsn,
                                 const std::string& authorising) {
  return {
      key, 1800000000, ura, "Apotheek", bsn, {authorising}, json::array({{{"resourceType", "MedicationDispense"}}})};
}

}  // namespace

TEST_CASE("processing answers are kept sealed, once, and found only for their pharmacy and patient") {
  const std::string dir = test::MakeTempDir("zb-inbox");
  const std::string key = KeyFile(dir, "inbound.key", 'k');
  {
    auto inbox = gateway::ProcessingInbox::Open(dir + "/inbound", key);
    REQUIRE(inbox.ok());
    CHECK(inbox.value()->Keep(Answer("a1", "90000402", "999991000", "urn:oid:2.999.380.1|ma")).value());
    CHECK_FALSE(inbox.value()->Keep(Answer("a1", "90000402", "999991000", "urn:oid:2.999.380.1|ma")).value());
    CHECK(inbox.value()->Keep(Answer("a2", "90000401", "999991000", "urn:oid:2.999.380.1|ma")).value());
  }
  auto again = gateway::ProcessingInbox::Open(dir + "/inbound", key);
  REQUIRE(again.ok());
  const std::set<std::string> asked{"urn:oid:2.999.380.1|ma"};
  CHECK(again.value()->Find("90000402", "999991000", asked).size() == 1);
  CHECK(again.value()->Find("90000401", "999991000", asked).size() == 1);
  CHECK(again.value()->Find("90000403", "999991000", asked).empty());
  CHECK(again.value()->Find("90000402", "999990019", asked).empty());
  CHECK(again.value()->Find("90000402", "999991000", {"urn:oid:2.999.380.1|other"}).empty());
  for (const auto& f : fs::directory_iterator(dir + "/inbound")) {
    CHECK((fs::status(f).permissions() & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);
    CHECK(test::ReadText(f.path()).find("999991000") == std::string::npos);
  }
  // Another key does not open them: the gateway does not start on an inbox it cannot read.
  auto foreign = gateway::ProcessingInbox::Open(dir + "/inbound", KeyFile(dir, "other.key", 'o'));
  REQUIRE_FALSE(foreign.ok());
  CHECK(foreign.error().detail.find("does not open with the inbound key") != std::string::npos);
  // A file renamed to another answer's name does not open either (the name is in the seal).
  fs::copy_file(dir + "/inbound/a1.sealed", dir + "/inbound/a3.sealed");
  CHECK_FALSE(gateway::ProcessingInbox::Open(dir + "/inbound", key).ok());
  // A key file that is too short is named.
  std::ofstream(dir + "/short.key") << "short";
  auto shortKey = gateway::ProcessingInbox::Open(dir + "/other", dir + "/short.key");
  REQUIRE_FALSE(shortKey.ok());
  CHECK(shortKey.error().detail.find("short.key") != std::string::npos);
}

TEST_CASE("a posted processing Bundle is read with what each TA and MVE answers, or refused naming the element") {
  const json good{
      {"resourceType", "Bundle"},
      {"type", "transaction"},
      {"meta", {{"profile", {"http://nictiz.nl/fhir/StructureDefinition/mp-MedicationPrescriptionProcessing-Bundle"}}}},
      {"entry",
       {{{"fullUrl", "urn:uuid:p"},
         {"resource",
          {{"resourceType", "Patient"},
           {"identifier", {{{"system", "http://fhir.nl/fhir/NamingSystem/bsn"}, {"value", "999991000"}}}}}},
         {"request", {{"method", "POST"}, {"url", "Patient"}}}},
        {{"fullUrl", "urn:uuid:m"},
         {"resource", {{"resourceType", "Medication"}, {"code", {{"text", "PARACETAMOL 500MG"}}}}},
         {"request", {{"method", "POST"}, {"url", "Medication"}}}},
        {{"fullUrl", "urn:uuid:t"},
         {"resource",
          {{"resourceType", "MedicationDispense"},
           {"id", "local"},
           {"meta", {{"profile", {"http://nictiz.nl/fhir/StructureDefinition/mp-AdministrationAgreement"}}}},
           {"identifier", {{{"system", "urn:oid:2.999.402.1"}, {"value", "ta"}}}},
           {"medicationReference", {{"reference", "urn:uuid:m"}}},
           {"authorizingPrescription", {{{"identifier", {{"system", "urn:oid:2.999.380.1"}, {"value", "ma"}}}}}}}},
         {"request", {{"method", "POST"}, {"url", "MedicationDispense"}}}}}}};
  const auto read = gateway::ReadProcessingBundle(good.dump());
  CHECK(read.problems.empty());
  CHECK(read.bsn == "999991000");
  CHECK(read.authorising == std::vector<std::string>{"urn:oid:2.999.380.1|ma"});
  REQUIRE(read.resources.size() == 1);
  // The product's text travels with the kept TA; the sender's local id and reference do not.
  CHECK(read.resources[0]["medicationReference"] == json{{"display", "PARACETAMOL 500MG"}});
  CHECK_FALSE(read.resources[0].contains("id"));

  json noAuth = good;
  noAuth["entry"][2]["resource"].erase("authorizingPrescription");
  const auto a = gateway::ReadProcessingBundle(noAuth.dump());
  REQUIRE_FALSE(a.problems.empty());
  CHECK(a.problems[0] == "Bundle.entry[2].resource.authorizingPrescription[0].identifier is missing");
  json collection = good;
  collection["type"] = "collection";
  collection["meta"].erase("profile");
  const auto c = gateway::ReadProcessingBundle(collection.dump());
  CHECK(c.problems.size() == 2);
  CHECK(gateway::ReadProcessingBundle("[]").problems ==
        std::vector<std::string>{"the body is not a FHIR Bundle (JSON)"});

  if (const auto nictiz = test::NictizDir()) {
    int files = 0;
    for (const auto& f : fs::directory_iterator(*nictiz / "Nictiz-testscripts" / "mp9-fixtures-json")) {
      if (f.path().filename().string().rfind("av-mp-va-tst-", 0) != 0) continue;
      ++files;
      const auto nictizRead = gateway::ReadProcessingBundle(test::ReadText(f.path()));
      INFO(f.path().filename().string());
      CHECK(nictizRead.problems.empty());
      CHECK_FALSE(nictizRead.resources.empty());
    }
    CHECK(files >= 20);
  } else {
    WARN("../shared/fixtures/nictiz is absent: the Nictiz processing Bundles are not checked");
  }
}
