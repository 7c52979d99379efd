// SPDX-License-Identifier: GPL-3.0-or-later
// The query plan against the official Nictiz TestScripts: every MP9 3.0 building-block query and
// both CiO flag queries must equal, parameter by parameter (order-insensitive, URL-decoded), a
// query the TestScripts send for that kind; the hypersensitivity follow-up must use a search
// parameter the CiO CapabilityStatement lists. Reads ../shared/fixtures/nictiz; skips with a
// message when it is absent. Proves it can fail: a plan query with one parameter changed or
// added matches no TestScript.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "fixtures.h"
#include "net/contract/query_kinds.h"
#include "net/http/client.h"
#include "query_plan.h"

namespace fs = std::filesystem;
using nlohmann::json;
using Params = std::multiset<std::pair<std::string, std::string>>;

namespace {

// The parameters of a full retrieval; a TestScript with any other parameter (identifier,
// period-of-use, medication.code, …) tests a filter, not the query a client sends for a picture.
const std::set<std::string> kRetrievalParameters{"patient.identifier", "category", "_include", "_include:iterate",
                                                 "_revinclude"};

struct Expected {
  std::string resource;
  Params params;
  std::string file;
};

Params Normalize(std::string_view query) {
  if (!query.empty() && query.front() == '?') query.remove_prefix(1);
  Params out;
  for (auto [name, value] : zb::net::http::ParseForm(query)) {
    // The BSN differs per TestScript; the system and the shape do not.
    if (name == "patient.identifier") value = std::regex_replace(value, std::regex("\\|[0-9]+$"), "|{BSN}");
    out.emplace(std::move(name), std::move(value));
  }
  return out;
}

bool IsRetrieval(const Params& p) {
  return std::all_of(p.begin(), p.end(), [](const auto& kv) { return kRetrievalParameters.count(kv.first) > 0; });
}

std::string Text(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Describe(const Params& p) {
  std::string out;
  for (const auto& [k, v] : p) out += "\n    " + k + "=" + v;
  return out;
}

// Compiled MP9 TestScripts (JSON): operation.resource + operation.params of each GET.
void ReadMp9(const fs::path& dir, std::vector<Expected>& out) {
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    const json script = json::parse(Text(entry.path()));
    for (const auto& test : script.value("test", json::array())) {
      for (const auto& action : test.value("action", json::array())) {
        if (!action.contains("operation")) continue;
        const json& op = action["operation"];
        if (!op.contains("params") || !op.contains("resource")) continue;
        out.push_back({op["resource"], Normalize(op["params"].get<std::string>()), entry.path().filename().string()});
      }
    }
  }
}

// CiO TestScripts exist only in Nictiz's "nts" source form (XML with with-parameter elements).
void ReadCio(const fs::path& dir, std::vector<Expected>& out) {
  const std::regex resource(R"re(name="resource"\s+value="([A-Za-z]+)")re");
  const std::regex params(R"re(name="params"\s+value="([^"]*)")re");
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.path().extension() != ".xml" || entry.path().string().find("/Retrieve/") == std::string::npos) continue;
    const std::string xml = Text(entry.path());
    std::smatch r, p;
    if (!std::regex_search(xml, r, resource) || !std::regex_search(xml, p, params)) continue;
    const std::string query = std::regex_replace(p[1].str(), std::regex("&amp;"), "&");
    out.push_back({r[1].str(), Normalize(query), entry.path().filename().string()});
  }
}

std::string KindOf(const Params& p) {
  for (const auto& [k, v] : p) {
    if (k != "category") continue;
    if (auto kind = zb::net::contract::KindOfCategory(v)) return std::string(kind->kind);
  }
  return {};
}

struct Planned {
  std::string kind;
  std::string resource;
  Params params;
};

Planned Plan(const zb::net::client::PlannedQuery& q) {
  const auto mark = q.pathAndQuery.find('?');
  return {q.kind, q.pathAndQuery.substr(0, mark), Normalize(q.pathAndQuery.substr(mark + 1))};
}

// The TestScript variants (distinct parameter sets) for a kind and resource type.
std::vector<Params> Variants(const std::vector<Expected>& scripts, const std::string& kind, const std::string& type) {
  std::vector<Params> out;
  for (const auto& s : scripts) {
    if (s.resource != type || !IsRetrieval(s.params) || KindOf(s.params) != kind) continue;
    if (std::find(out.begin(), out.end(), s.params) == out.end()) out.push_back(s.params);
  }
  return out;
}

}  // namespace

TEST_CASE("every MP9 3.0 and CiO query of the plan is one the Nictiz TestScripts send", "[conformance][queries]") {
  const auto nictiz = zb::test::NictizDir();
  if (!nictiz) {
    WARN("skipped: ../shared/fixtures/nictiz is absent (the Nictiz TestScripts live there)");
    return;
  }
  std::vector<Expected> scripts;
  ReadMp9(*nictiz / "Nictiz-testscripts" / "mp9-testscripts-retrieve", scripts);
  ReadCio(*nictiz / "Nictiz-testscripts" / "cio-2-0-0-beta", scripts);
  REQUIRE(scripts.size() > 100);

  std::set<std::string> planned;
  for (const auto& q : zb::net::client::MedicationQueries("999900468")) {
    const Planned p = Plan(q);
    planned.insert(p.kind);
    const auto variants = Variants(scripts, p.kind, p.resource);
    INFO(p.kind << " " << p.resource << ":" << Describe(p.params));
    REQUIRE_FALSE(variants.empty());
    const bool matches = std::find(variants.begin(), variants.end(), p.params) != variants.end();
    if (!matches) {
      for (const auto& v : variants) UNSCOPED_INFO("a TestScript sends:" << Describe(v));
    }
    CHECK(matches);

    // The comparison can fail: the same query with any one value changed, or with a parameter
    // added, matches no TestScript. (Dropping one can match: some scripts add _include=…:subject.)
    for (auto it = p.params.begin(); it != p.params.end(); ++it) {
      Params changed = p.params;
      changed.erase(changed.find(*it));
      changed.emplace(it->first, it->second + "x");
      CHECK(std::find(variants.begin(), variants.end(), changed) == variants.end());
    }
    Params added = p.params;
    added.emplace("_count", "50");
    CHECK(std::find(variants.begin(), variants.end(), added) == variants.end());
  }
  // Every kind the TestScripts retrieve is asked.
  for (const auto& s : scripts) {
    if (!IsRetrieval(s.params)) continue;
    INFO(s.file);
    CHECK(planned.count(KindOf(s.params)) == 1);
  }
}

TEST_CASE("hypersensitivities are fetched by a search parameter the CiO CapabilityStatement lists",
          "[conformance][queries]") {
  const auto nictiz = zb::test::NictizDir();
  if (!nictiz) {
    WARN("skipped: ../shared/fixtures/nictiz is absent (the CiO CapabilityStatements live there)");
    return;
  }
  const json cs = json::parse(Text(*nictiz / "Nictiz-R4-cio" / "CapabilityStatements" /
                                   "CapabilityStatement-cio-MedicationHypersensitivities.RetrieveServe.json"));
  std::set<std::string> allowed;
  for (const auto& rest : cs.value("rest", json::array())) {
    for (const auto& r : rest.value("resource", json::array())) {
      if (r.value("type", "") != "AllergyIntolerance") continue;
      for (const auto& sp : r.value("searchParam", json::array())) allowed.insert(sp.value("name", ""));
    }
  }
  REQUIRE_FALSE(allowed.empty());
  const Planned p = Plan(zb::net::client::HypersensitivityQuery("urn:oid:2.16.840.1.113883.2.4.3.11.999.26.1.341|g1"));
  CHECK(p.resource == "AllergyIntolerance");
  for (const auto& [name, value] : p.params) {
    INFO(name << "=" << value);
    CHECK(allowed.count(name) == 1);
  }
  CHECK(p.params ==
        Params{{"medication-hypersensitivity-identifier", "urn:oid:2.16.840.1.113883.2.4.3.11.999.26.1.341|g1"}});
}
