// SPDX-License-Identifier: GPL-3.0-or-later
// Golden tests of the pre-admission release (issue 15, prescribing.md §3, A-R2/A-R3): the original
// prescription is read from the Nictiz "a" fixture, the draft takes the clinical content of the "b"
// fixture (reason, new dose, amount), and what Zorgbrug compiles and writes must equal the "b"
// fixture in structure and codes — identifiers, UUIDs, timestamps and narrative aside. Then the
// official sending TestScript's asserts are evaluated on it with fhirpath.js, read from the
// TestScript as published, and the Bundle is validated against base R4 with @medplum/core.
// Reads ../shared/fixtures/nictiz; skips when absent (and the npm checks when tests/node_modules is).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "child_process.h"
#include "domain/prescription_draft.h"
#include "fhir_validation.h"
#include "fixtures.h"
#include "net/fhir/date_placeholders.h"
#include "net/fhir/prescription_writer.h"

using namespace zb;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

struct Scenario {
  const char* name;
  const char* original;  // "a" fixture with the original MA; empty: derived from the expected stop-MA
  const char* expected;  // "b" fixture
  const char* script;    // the sending TestScript
  domain::DraftAction action;
};

const Scenario kScenarios[] = {
    {"stop", "3-1a-stoppen", "3-1b-stoppen", "03-1b-stoppen", domain::DraftAction::kStop},
    {"change up, with a dispense request", "3-2a-wijzigen-verhoging", "3-2b-wijzigen-verhoging",
     "03-2b-wijzigen-verhoging", domain::DraftAction::kChange},
    {"change down, no dispense request", "3-3a-wijzigen-verlaging", "3-3b-wijzigen-verlaging",
     "03-3b-wijzigen-verlaging", domain::DraftAction::kChange},
    {"pause", "3-4a-onderbreken", "3-4b-onderbreken", "03-4b-onderbreken", domain::DraftAction::kPause},
    {"cancel a future start", "3-6a-annuleren", "3-6b-annuleren", "03-6b-annuleren", domain::DraftAction::kCancel},
    {"stop another prescriber's agreement", "", "8-2-staken-andermans-MA", "08-2-staken-andermans-MA",
     domain::DraftAction::kStop},
    {"change another prescriber's agreement", "", "8-4-wijzigen-andermans-MA", "08-4-wijzigen-andermans-M",
     domain::DraftAction::kChange},
};

fs::path FixtureFile(const fs::path& nictiz, const std::string& name) {
  return nictiz / "Nictiz-testscripts" / "mp9-fixtures-json" / ("mv-mp-vo-tst-" + name + "-v30.json");
}

fs::path ScriptFile(const fs::path& nictiz, const std::string& name) {
  const fs::path dir = nictiz / "Nictiz-testscripts" / "mp9-testscripts-send" / "Step-3" / "MA-VV" / "Sending-VOS";
  return dir / ("mp9-t-sen-vs-" + name + ".xml");
}

// Structure and codes: leaf values become their type, except the elements that carry meaning
// (codes, systems, URLs, types, status); identifiers, UUIDs, dates and narrative drop out.
// Identifier systems are the sender's own roots (ours: the organisation's OID), so inside an
// Identifier the system is compared as present, not by value; the tests compare the treatment and
// priorPrescription identifiers exactly where they must be equal.
json Shape(const json& j, const std::string& key = "", bool inIdentifier = false) {
  static const std::set<std::string> kKeep = {"system", "code",   "url",    "resourceType", "type",
                                              "method", "status", "intent", "periodUnit",   "profile"};
  inIdentifier = inIdentifier || key == "identifier" || key == "valueIdentifier";
  if (j.is_object()) {
    json out = json::object();
    for (const auto& [k, v] : j.items()) {
      if (k == "id" || k == "text" || k == "fullUrl") continue;
      out[k] = Shape(v, k, inIdentifier);
    }
    return out;
  }
  if (j.is_array()) {
    json out = json::array();
    for (const auto& v : j) out.push_back(Shape(v, key, inIdentifier));
    return out;
  }
  if (kKeep.count(key) && j.is_string() && !(inIdentifier && key == "system")) return j;
  return j.type_name();
}

bool IsStop(const json& mr) { return mr.contains("modifierExtension"); }
std::string Profile(const json& r) { return r["meta"]["profile"][0].get<std::string>(); }

// The MedicationRequests of a Bundle keyed by role: profile + whether it carries a stop type.
std::multimap<std::string, json> Requests(const json& bundle) {
  std::multimap<std::string, json> out;
  for (const auto& e : bundle["entry"]) {
    const auto& r = e["resource"];
    if (r["resourceType"] == "MedicationRequest") out.emplace(Profile(r) + (IsStop(r) ? " stop" : ""), r);
  }
  return out;
}

std::multiset<std::string> EntryKinds(const json& bundle) {
  std::multiset<std::string> out;
  for (const auto& e : bundle["entry"]) out.insert(Profile(e["resource"]));
  return out;
}

const domain::MedicationAgreement* Find(const domain::MedicationData& d, const std::string& idValue) {
  for (const auto& ma : d.agreements)
    if (ma.h.id.value == idValue) return &ma;
  return nullptr;
}

struct Compiled {
  json expected;
  json written;
  std::string bundleText;
  domain::BlockId originalTreatment;
};

Compiled CompileScenario(const fs::path& nictiz, const Scenario& s) {
  const auto expectedDoc = test::ReadFhir(FixtureFile(nictiz, s.expected), "voorschrijver");
  REQUIRE(expectedDoc.ErrorCount() == 0);
  const domain::MedicationAgreement* newMa = nullptr;
  const domain::MedicationAgreement* stopMa = nullptr;
  for (const auto& ma : expectedDoc.medication.agreements) (ma.h.IsStop() ? stopMa : newMa) = &ma;
  const auto& anyMa = stopMa ? *stopMa : *newMa;
  REQUIRE(anyMa.priorPrescription);

  // The original: from the "a" fixture, or (8.x, whose original is in no fixture) the stop-MA's
  // copy of it without the stop: the stop-MA copies product, dose and start of the original.
  domain::MedicationData originals;
  if (*s.original) {
    originals = test::ReadFhir(FixtureFile(nictiz, s.original), "ziekenhuis").medication;
  } else {
    domain::MedicationAgreement derived = *stopMa;
    derived.h.id = *stopMa->priorPrescription;
    derived.h.stop = {};
    derived.h.reason = {};
    derived.priorPrescription.reset();
    derived.h.period->end.reset();
    originals.agreements.push_back(derived);
  }
  const auto* original = Find(originals, anyMa.priorPrescription->value);
  REQUIRE(original != nullptr);

  domain::MedicationDraft draft;
  draft.action = s.action;
  draft.treatment = original->h.treatment;
  draft.against = original->h.id;
  draft.againstRegistered = original->h.registered;
  draft.reason = newMa && s.action == domain::DraftAction::kChange ? newMa->h.reason : stopMa->h.reason;
  if (s.action == domain::DraftAction::kChange) {
    draft.dosage = newMa->h.dosage;
    draft.renderedDosage = newMa->h.renderedDosage;
  }
  for (const auto& vv : expectedDoc.medication.dispenseRequests) {
    domain::DispenseDraft d;
    d.quantity = *vv.quantity;
    d.pharmacy = {"Apotheek De Gulle Gaper", domain::Coding{"http://fhir.nl/fhir/NamingSystem/ura", "00001234", ""}};
    draft.dispense = d;
  }
  const domain::Prescriber so{"A. de Vries", "900022159",           "01.047", "Specialist ouderengeneeskunde",
                              "90000380",    "Zorgcentrum De Linde"};
  int n = 0;
  const domain::IdentifierMint mint{"urn:oid:2.16.528.1.9999.1", "urn:oid:2.16.528.1.9999.2",
                                    "urn:oid:2.16.528.1.9999.3", [&] { return "zb-" + std::to_string(++n); }};
  const auto moment =
      stopMa && stopMa->h.period && stopMa->h.period->end ? *stopMa->h.period->end : *newMa->h.period->start;
  auto compiled = domain::CompileDraft(draft, original, so, moment, mint);
  REQUIRE(compiled.ok());

  net::fhir::ReleaseContent content;
  content.patient = expectedDoc.patients.at(0);
  content.prescriber = so;
  content.agreements = compiled->agreements;
  content.dispenseRequests = compiled->dispenseRequests;
  content.bundleId = {"urn:oid:2.16.528.1.9999.4", "release-1"};
  Compiled out;
  out.bundleText = net::fhir::WriteReleaseBundle(content, net::fhir::ReleaseTarget::kPharmacy);
  out.written = json::parse(out.bundleText);
  out.expected = json::parse(
      net::fhir::SubstituteDatePlaceholders(test::ReadText(FixtureFile(nictiz, s.expected)), test::kTestDay));
  out.originalTreatment = original->h.treatment;
  return out;
}

// Runs tools/testscript-asserts.mjs on one Bundle file; the tool's output lands in `log`.
int RunAsserts(const fs::path& script, const std::string& bundle, const std::string& log) {
  test::ChildProcess node(
      {"node", (fs::path(ZB_TESTS_DIR) / "conformance" / "tools" / "testscript-asserts.mjs").string(), script.string(),
       bundle},
      log, {}, true);
  return node.Wait(std::chrono::minutes(1));
}

}  // namespace

TEST_CASE("release: each draft action compiles to the Nictiz change pattern in structure and codes",
          "[conformance][release]") {
  const auto nictiz = test::NictizDir();
  if (!nictiz) {
    WARN("../shared/fixtures/nictiz is absent: the release golden tests are skipped");
    return;
  }
  for (const auto& s : kScenarios) {
    INFO("scenario " << s.name << " (expected: mv-mp-vo-tst-" << s.expected << ")");
    const auto c = CompileScenario(*nictiz, s);
    CHECK(Shape(c.written["meta"]) == Shape(c.expected["meta"]));
    CHECK(c.written["type"] == "transaction");
    CHECK(EntryKinds(c.written) == EntryKinds(c.expected));
    const auto ours = Requests(c.written);
    const auto theirs = Requests(c.expected);
    REQUIRE(ours.size() == theirs.size());
    for (const auto& [role, expected] : theirs) {
      INFO("role " << role);
      REQUIRE(ours.count(role) == 1);
      const json& mine = ours.find(role)->second;
      for (const auto& [element, value] : expected.items()) {
        if (element == "id" || element == "text") continue;  // POST entries carry no id; no narrative
        INFO("element " << element);
        REQUIRE(mine.contains(element));
        CHECK(Shape(mine[element], element).dump() == Shape(value, element).dump());
      }
      for (const auto& [element, value] : mine.items()) {
        INFO("element we add " << element);
        CHECK(expected.contains(element));
      }
      // Same treatment as the original, and the change refers to the original by its identifier.
      for (const auto& ext : mine["extension"]) {
        if (ext["url"].get<std::string>().ends_with("ext-PharmaceuticalTreatment.Identifier"))
          CHECK(ext["valueIdentifier"]["value"] == c.originalTreatment.value);
      }
      if (expected.contains("priorPrescription"))
        CHECK(mine["priorPrescription"]["identifier"] == expected["priorPrescription"]["identifier"]);
    }
    for (const auto& e : c.written["entry"]) {
      CHECK_FALSE(e["resource"].contains("id"));
      CHECK(e["fullUrl"].get<std::string>().rfind("urn:uuid:", 0) == 0);
      CHECK(e["request"]["method"] == "POST");
    }
  }
}

TEST_CASE("release: the sending TestScripts' FHIRPath asserts and base R4 pass on every compiled bundle",
          "[conformance][release]") {
  const auto nictiz = test::NictizDir();
  if (!nictiz) {
    WARN("../shared/fixtures/nictiz is absent: the TestScript asserts are skipped");
    return;
  }
  const fs::path tools = fs::path(ZB_TESTS_DIR) / "node_modules" / "fhirpath";
  if (!fs::exists(tools)) {
    WARN("tests/node_modules lacks fhirpath (npm ci --prefix tests): the TestScript asserts are skipped");
    return;
  }
  const std::string dir = test::MakeTempDir("zb-release");
  const std::string good = dir + "/bundles";
  fs::create_directory(good);
  for (const auto& s : kScenarios) {
    INFO("scenario " << s.name);
    const auto c = CompileScenario(*nictiz, s);
    const std::string file = good + "/" + std::string(s.expected) + ".json";
    std::ofstream(file) << c.bundleText;
    const std::string log = dir + "/" + std::string(s.expected) + ".log";
    const int exit = RunAsserts(ScriptFile(*nictiz, s.script), file, log);
    const std::string out = test::ReadTextFile(log);
    INFO(out);
    CHECK(exit == 0);
    // 17 asserts: profile validation and the answer's status are not about what is sent.
    CHECK(out.find("checked 15 request asserts") != std::string::npos);
    CHECK(out.find(", 0 warnings;") != std::string::npos);
  }
  // The asserts can fail: a Reference without display, and a second Medication, are named.
  {
    auto broken = CompileScenario(*nictiz, kScenarios[0]);
    for (auto& e : broken.written["entry"]) {
      if (e["resource"]["resourceType"] == "MedicationRequest") e["resource"]["subject"].erase("display");
    }
    auto extra = broken.written["entry"].back();
    extra["fullUrl"] = "urn:uuid:00000000-0000-4000-8000-000000000001";
    broken.written["entry"].push_back(extra);
    const std::string file = dir + "/broken.json";
    std::ofstream(file) << broken.written.dump();
    const std::string log = dir + "/broken.log";
    CHECK(RunAsserts(ScriptFile(*nictiz, kScenarios[0].script), file, log) == 1);
    const std::string out = test::ReadTextFile(log);
    CHECK(out.find("FAILED: Confirm that all Reference") != std::string::npos);
    CHECK(out.find("FAILED: Confirm that the request Bundle contains 1 Medication resource(s).") != std::string::npos);
  }
  auto validation = test::ValidateFhir(good);
  REQUIRE(validation);
  INFO(validation->output);
  CHECK(validation->exitCode == 0);
  CHECK(validation->summary.find("validated 7 files") == 0);
  CHECK(validation->summary.find(" 0 base-R4 errors") != std::string::npos);
}

TEST_CASE("release: the accepted change and stop reasons are exactly the published ValueSet",
          "[conformance][release]") {
  const auto nictiz = test::NictizDir();
  if (!nictiz) {
    WARN("../shared/fixtures/nictiz is absent: the value set comparison is skipped");
    return;
  }
  const auto file =
      *nictiz / "Nictiz-R4-MedicationProcess" / "terminology" /
      "ValueSet-RedenWijzigen_StakenCodelijst-2.16.840.1.113883.2.4.3.11.60.20.77.11.42--20221114132525.json";
  const auto vs = json::parse(test::ReadText(file));
  std::set<std::string> published;
  bool nullFlavorOther = false;
  for (const auto& inc : vs["compose"]["include"]) {
    for (const auto& c : inc["concept"]) {
      if (inc["system"] == "http://snomed.info/sct") {
        published.insert(c["code"].get<std::string>());
        // The display we send is the ValueSet's.
        const auto ours = domain::ChangeOrStopReason(c["code"].get<std::string>());
        REQUIRE(ours);
        CHECK(ours->codings.front().display == c["display"].get<std::string>());
      }
      if (inc["system"] == "http://terminology.hl7.org/CodeSystem/v3-NullFlavor" && c["code"] == "OTH")
        nullFlavorOther = true;
    }
  }
  const auto ours = domain::ChangeOrStopReasonCodes();
  CHECK(std::set<std::string>(ours.begin(), ours.end()) == published);
  CHECK(published.size() == 17);
  CHECK(nullFlavorOther);
  for (const auto& code : published) {
    CHECK(domain::IsChangeOrStopReason(domain::Concept{{{"http://snomed.info/sct", code, ""}}, ""}));
  }
}
