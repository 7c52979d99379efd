// SPDX-License-Identifier: GPL-3.0-or-later
// The structured AMO (amo.md C-R9): a hospital's MP9 3.0 Bundle imported without OCR into the same
// lines, identity gate and uncertainty as a PDF — through `zorgbrug-cli amo import`.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "child_process.h"
#include "cli_run.h"
#include "net/fhir/date_placeholders.h"

using nlohmann::json;

namespace {

std::string HospitalBundle(const std::string& dir) {
  std::ifstream in(std::string(ZB_DEMO_DIR) + "/jansen/ziekenhuis.json");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string path = dir + "/ontslag-mp9.json";
  std::ofstream(path) << zb::net::fhir::SubstituteDatePlaceholders(text, zb::domain::Date(2026, 12, 3));
  return path;
}

const json* LineWith(const json& lines, const std::string& product) {
  for (const auto& l : lines)
    if (l.at("product").get<std::string>().find(product) != std::string::npos) return &l;
  return nullptr;
}

}  // namespace

TEST_CASE("an MP9 bundle from the hospital is imported without OCR, its statuses from the blocks", "[amo]") {
  const std::string dir = zb::test::MakeTempDir("amo-mp9");
  const std::string bundle = HospitalBundle(dir);
  auto run = zb::test::RunCli("amo import " + bundle + " --patient 999991000 --format json");
  INFO(run.err);
  REQUIRE(run.exit == 0);
  const json got = json::parse(run.out);
  CHECK(got.at("pages") == 0);
  CHECK(got.at("ocrPages") == 0);
  CHECK(got.at("patient").at("bsn") == "999991000");
  CHECK(got.at("patient").at("birthDate") == "1938-03-12");
  const auto& lines = got.at("lines");
  REQUIRE(lines.size() >= 5);

  const json* furosemide = LineWith(lines, "FUROSEMIDE");
  REQUIRE(furosemide);
  CHECK(furosemide->at("status") == "stopped");
  CHECK_FALSE(furosemide->at("stop").is_null());
  CHECK(furosemide->at("uncertain") == false);

  // The bundle does not say whether an ordinary agreement is new or continued: proposed, marked.
  const json* amoxi = LineWith(lines, "AMOXICILLINE");
  REQUIRE(amoxi);
  CHECK(amoxi->at("doseText") == "3 maal per dag 1 stuk, Oraal, 7 dagen");
  CHECK(amoxi->at("dose").at("perPeriod") == 3);
  CHECK(amoxi->at("dose").at("unit") == "stuk");
  CHECK(amoxi->at("route") == "oraal");
  CHECK(amoxi->at("uncertainFields") == json::array({"status"}));

  // A cancelled agreement never took effect: not a line, but said.
  bool cancelledSaid = false;
  for (const auto& w : got.at("warnings"))
    if (w.get<std::string>().find("cancelled") != std::string::npos) cancelledSaid = true;
  CHECK(cancelledSaid);

  auto other = zb::test::RunCli("amo import " + bundle + " --patient 999990019 --format json");
  CHECK(other.exit == 8);
  CHECK(other.out.empty());
}

TEST_CASE("a JSON file that is no MP9 bundle is refused with the reason", "[amo]") {
  const std::string dir = zb::test::MakeTempDir("amo-mp9-bad");
  std::ofstream(dir + "/leeg.json") << R"({"resourceType":"Bundle","type":"collection","entry":[]})";
  std::ofstream(dir + "/geen-fhir.json") << R"({"medicatie":["metoprolol"]})";
  auto empty = zb::test::RunCli("amo import " + dir + "/leeg.json --format json");
  CHECK(empty.exit == 2);
  CHECK(empty.err.find("no MP9 medication agreement") != std::string::npos);
  auto notFhir = zb::test::RunCli("amo import " + dir + "/geen-fhir.json --format json");
  CHECK(notFhir.exit == 2);
  CHECK(notFhir.out.empty());
  CHECK_FALSE(notFhir.err.empty());
}
