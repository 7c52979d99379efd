// SPDX-License-Identifier: GPL-3.0-or-later
// The gateway API contract: what the gateway writes, the desktop reads back unchanged; a member
// that is missing is named; every problem code the gateway sends is in the one table with its
// status and listed in docs/gateway-api.yaml; and the query plan, the relay's audit and the
// sandbox holders name each MP9/CiO query by the same category code.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "net/contract/gateway_api_json.h"
#include "net/contract/query_kinds.h"
#include "net/http/client.h"
#include "query_plan.h"

using namespace zb;
namespace contract = zb::net::contract;

namespace {

std::string Read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("contract values survive the JSON both ways") {
  contract::SessionInfo session{
      "tok-123",
      1767225600,
      contract::SessionUser{"900000054", "A. de Vries", "A.", "de", "Vries", "01.047", "Specialist ouderengeneeskunde",
                            "90000380", "Test Zorginstelling"},
      {"retrieve"}};
  auto back = contract::ReadSessionInfo(contract::ToJson(session).dump(), true);
  REQUIRE(back.ok());
  CHECK(back->token == "tok-123");
  CHECK(back->expiresAt == 1767225600);
  CHECK(back->user.roleCode == "01.047");
  CHECK(back->user.displayName == "A. de Vries");
  CHECK(back->user.organisation == "Test Zorginstelling");
  CHECK(back->permissions == std::vector<std::string>{"retrieve"});
  // who-am-I carries no token, and must not be read as if it did.
  session.token.clear();
  CHECK(contract::ReadSessionInfo(contract::ToJson(session).dump(), false).ok());
  CHECK_FALSE(contract::ReadSessionInfo(contract::ToJson(session).dump(), true).ok());

  contract::LoginConfiguration config;
  config.issuer = "https://dezi.example";
  config.authorizationEndpoint = "https://dezi.example/authorize";
  config.clientId = "zorgbrug";
  config.redirectUris = {"http://127.0.0.1/callback"};
  config.organisation = {"90000380", "Test Zorginstelling 01"};
  auto configBack = contract::ReadLoginConfiguration(contract::ToJson(config).dump());
  REQUIRE(configBack.ok());
  CHECK(configBack->authorizationEndpoint == config.authorizationEndpoint);
  CHECK(configBack->redirectUris == config.redirectUris);
  CHECK(configBack->organisation.name == "Test Zorginstelling 01");

  const std::vector<contract::DirectoryEntry> entries{{"medicatieoverdracht-gf", "90000402", "Apotheek Centrum",
                                                       "Utrecht", "https://apotheek.example/fhir", "030-0000402"},
                                                      {"HuisartsVVTInzage", "90000401", "De Linde", "", "", ""}};
  auto entriesBack = contract::ReadDirectory(contract::ToJson(entries).dump());
  REQUIRE(entriesBack.ok());
  REQUIRE(entriesBack->size() == 2);
  CHECK(entriesBack->front().fhirBaseUrl == "https://apotheek.example/fhir");
  CHECK(entriesBack->front().phone == "030-0000402");
  CHECK(entriesBack->back().phone.empty());
  CHECK_FALSE(contract::ToJson(entries)["holders"][1].contains("phone"));

  const contract::LoginRequest request{"code", "verifier", "http://127.0.0.1:5/cb", "nonce"};
  CHECK(contract::ReadLoginRequest(contract::ToJson(request).dump())->codeVerifier == "verifier");

  auto problem = contract::ReadProblem(403, contract::ToJson(contract::Problem{403, "verklaring_revoked", "x"}).dump());
  REQUIRE(problem);
  CHECK(problem->code == "verklaring_revoked");
  const auto error = contract::ToError(*problem);
  CHECK(error.code == domain::ErrorCode::kRefused);
  CHECK(error.problem == "verklaring_revoked");
  CHECK(error.status == 403);
}

TEST_CASE("an answer that does not match the contract names what is missing") {
  auto noRole = contract::ReadSessionInfo(
      R"({"session_token":"t","expires_at":1,"user":{"dezi_number":"1","display_name":"x","role_name":"r","ura":"u","organisation":"o"}})",
      true);
  REQUIRE_FALSE(noRole.ok());
  CHECK(noRole.error().detail.find("user.member 'role_code'") != std::string::npos);
  auto badHolders = contract::ReadDirectory(R"({"holders":[{"service":"s","ura":"1","name":"n"},{"ura":"2"}]})");
  REQUIRE_FALSE(badHolders.ok());
  CHECK(badHolders.error().detail.find("holders[1]") != std::string::npos);
  CHECK_FALSE(contract::ReadDirectory("[]").ok());
  CHECK_FALSE(contract::ReadLoginConfiguration("not json").ok());
  CHECK_FALSE(contract::ReadProblem(500, "<html>").has_value());
}

TEST_CASE("every problem code the gateway sends is in the one table, with its status, and documented") {
  const std::string root = ZB_SOURCE_DIR;
  std::string sources;
  // Every source file of the gateway: a new one cannot send codes the table and the API document miss.
  for (const auto& file : std::filesystem::directory_iterator(root + "/gateway/src")) {
    if (file.path().extension() == ".cpp") sources += Read(file.path().string());
  }
  sources += Read(root + "/net/src/http/async_server.cpp");  // the server's own refusals (limits, overload)
  const std::regex sent(R"re((?:Failure|Fail|Refuse|refusal)\(\s*(\d{3}),\s*"([a-z_]+)")re");
  std::set<std::string> codes;
  for (auto it = std::sregex_iterator(sources.begin(), sources.end(), sent); it != std::sregex_iterator(); ++it) {
    const std::string code = (*it)[2];
    const int status = std::stoi((*it)[1]);
    INFO("gateway sends " << code << " with " << status);
    const auto known = contract::FindProblemCode(code);
    REQUIRE(known);
    // userinfo_invalid is also a 502 (DEZI's userinfo endpoint answering nonsense): both are errors.
    if (code != "userinfo_invalid") CHECK(known->status == status);
    codes.insert(code);
  }
  CHECK(codes.size() >= 35);  // the scan found the gateway's refusals, not nothing
  const std::string api = Read(root + "/docs/gateway-api.yaml");
  for (const auto& code : codes) {
    INFO(code);
    CHECK(api.find(code) != std::string::npos);
  }
  for (const auto& entry : contract::ProblemCodes()) {
    if (entry.status == 0) continue;  // made by the desktop, never sent
    INFO(entry.code);
    CHECK(codes.count(std::string(entry.code)) == 1);  // no table entry the gateway never sends
  }
}

TEST_CASE("the query plan names every category by the one table of query kinds") {
  std::size_t withCategory = 0;
  for (const auto& query : net::client::MedicationQueries("999991000")) {
    const auto q = query.pathAndQuery.find('?');
    for (const auto& [name, value] : net::http::ParseForm(query.pathAndQuery.substr(q + 1))) {
      if (name != "category") continue;
      const auto kind = contract::KindOfCategory(value);
      REQUIRE(kind);
      CHECK(kind->kind == query.kind);
      CHECK(query.pathAndQuery.rfind(std::string(kind->resourceType) + "?", 0) == 0);
      ++withCategory;
    }
  }
  CHECK(withCategory == 9);  // seven MP9 building blocks and two CiO flags; allergies have none
  // Zorginzage: both agreement categories (the text's 16076005, the profile's 33633005).
  const auto zorginzage = net::client::ZorginzageQueries("p1");
  CHECK(zorginzage.at(0).pathAndQuery.find("16076005") != std::string::npos);
  CHECK(zorginzage.at(1).pathAndQuery.find("33633005") != std::string::npos);
  CHECK(contract::CategoriesFor(contract::Exchange::kZorginzage, "MedicationRequest") ==
        std::vector<std::string>{"http://snomed.info/sct|16076005", "http://snomed.info/sct|33633005"});
  CHECK(contract::CategoriesFor(contract::Exchange::kMedication, "MedicationRequest").size() == 3);
  CHECK_FALSE(contract::KindOfCategory("http://snomed.info/sct|12345"));
}
