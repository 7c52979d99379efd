// SPDX-License-Identifier: GPL-3.0-or-later
// Dose texts: Zorgbrug's own rendering of structured dosage follows the reader's language; a
// source's own text is shown as sent and marked as the source's.
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "builders.h"
#include "present/discrepancy_texts.h"
#include "present/dose_texts.h"
#include "present/texts.h"
#include "present/tr.h"

namespace d = zb::domain;
namespace present = zb::present;
using zb::test::Daily;

namespace {

// The shipped English catalog, read the simple way the project writes it (one line per msgid/msgstr).
const std::map<std::string, std::string>& English() {
  static const std::map<std::string, std::string> catalog = [] {
    std::map<std::string, std::string> out;
    std::ifstream in(std::string(ZB_SOURCE_DIR) + "/resources/locale/en/zorgbrug.po");
    std::string line, id;
    while (std::getline(in, line)) {
      if (line.rfind("msgid ", 0) == 0) id = nlohmann::json::parse(line.substr(6)).get<std::string>();
      if (line.rfind("msgstr ", 0) == 0 && !id.empty())
        out[id] = nlohmann::json::parse(line.substr(7)).get<std::string>();
    }
    return out;
  }();
  return catalog;
}

std::string ToEnglish(const char* id) {
  auto it = English().find(id);
  return it == English().end() || it->second.empty() ? std::string(id) : it->second;
}

struct InEnglish {
  InEnglish() { present::SetTranslator(ToEnglish); }
  ~InEnglish() { present::SetTranslator(nullptr); }
};

}  // namespace

TEST_CASE("structured dosage is written from its fields, in Dutch by default", "[dose]") {
  CHECK(present::DescribeDosage({Daily(3, "2")}) == "3 maal per dag 2 stuk, Oraal");
  d::Dosage prn = Daily(1, "1");
  prn.asNeeded = true;
  prn.asNeededCriterion.codings = {{"urn:oid:2.16.840.1.113883.2.4.4.5", "1028", "Bij pijn"}};
  CHECK(present::DescribeDosage({prn}) == "zo nodig 1 maal per dag 1 stuk, Oraal (Bij pijn)");
  d::Dosage every8h = Daily(1, "1");
  every8h.timing.period = 8;
  every8h.timing.periodUnit = "h";
  CHECK(present::DescribeDosage({every8h}) == "1 maal per 8 uur 1 stuk, Oraal");
  d::Dosage withText = Daily(1, "1");
  withText.text = "volgens schema";
  CHECK(present::DescribeDosage({withText}) == "volgens schema");
}

TEST_CASE("in English our own dose texts are English, the source's words stay as sent and marked", "[dose]") {
  REQUIRE_FALSE(English().empty());
  InEnglish english;
  CHECK(present::DescribeDosage({Daily(3, "2")}) == "3x per day 2 piece(s), oral");
  d::Dosage prn = Daily(1, "1");
  prn.asNeeded = true;
  prn.timing.period = 2;
  CHECK(present::DescribeDosage({prn}) == "as needed 1x per 2 days 1 piece(s), oral");

  d::BlockHeader rendered;
  rendered.dosage = {Daily(3, "1")};
  rendered.renderedDosage = "3 maal per dag 1 stuk, Oraal, 7 dagen";
  const auto dose = present::DoseOf(rendered);
  CHECK(dose.fromSource);
  CHECK(dose.text == "3 maal per dag 1 stuk, Oraal, 7 dagen");  // exactly as the source sent it
  CHECK(present::DoseCell(&rendered) == "\u201C3 maal per dag 1 stuk, Oraal, 7 dagen\u201D");

  d::BlockHeader structured;
  structured.dosage = {Daily(1, "1")};
  structured.cycle = d::Duration{28, "d"};
  CHECK_FALSE(present::DoseOf(structured).fromSource);
  CHECK(present::DoseCell(&structured) == "1x per day 1 piece(s), oral (cyclic schedule, repeat after 28 days)");
  // Our note on the cycle stays outside the source's quoted words.
  rendered.cycle = d::Duration{1, "wk"};
  CHECK(present::DoseCell(&rendered) ==
        "\u201C3 maal per dag 1 stuk, Oraal, 7 dagen\u201D (cyclic schedule, repeat after 1 week)");
  CHECK(present::DoseCell(nullptr).empty());
}

TEST_CASE("a pharmacy dose that differs from the agreement names both doses from their blocks", "[dose]") {
  auto ta = std::make_shared<d::BlockHeader>();
  ta->kind = d::BlockKind::kAdministrationAgreement;
  ta->dosage = {Daily(2, "1")};
  ta->renderedDosage = "2 maal per dag 1 stuk";
  auto ma = std::make_shared<d::BlockHeader>();
  ma->dosage = {Daily(1, "1")};
  d::Discrepancy x{d::DiscrepancyKind::kAdministrationDoseDiffers,
                   d::Severity::kWarning,
                   {"apotheek", "huisarts"},
                   {"TA1"},
                   {ta, ma}};
  CHECK(
      present::Describe(x) ==
      "Dosering van de apotheek wijkt af: \u201C2 maal per dag 1 stuk\u201D; afgesproken: 1 maal per dag 1 stuk, Oraal");
  InEnglish english;
  CHECK(present::Describe(x).find("agreed: 1x per day 1 piece(s), oral") != std::string::npos);
}

TEST_CASE("an uncertain status says so first, with who stopped what and what to do", "[status]") {
  CHECK(present::StatusLabel(d::TreatmentStatus::kUncertain) == "status onzeker — controleer");
  CHECK(present::StatusHeading(d::TreatmentStatus::kUncertain).rfind("STATUS ONZEKER — CONTROLEER", 0) == 0);
  d::Discrepancy x{d::DiscrepancyKind::kStatusUncertain,
                   d::Severity::kWarning,
                   {"ziekenhuis"},
                   {"ACENO-STOP", "suspended", "urn:other|ACENO-MA0"}};
  const std::map<std::string, std::string> names{{"ziekenhuis", "Ziekenhuis Rivierenland"}};
  CHECK(present::Describe(x, names) ==
        "Status onzeker — controleer: Ziekenhuis Rivierenland meldt onderbroken voor afspraak urn:other|ACENO-MA0, die "
        "wij niet ontvingen");
  d::Discrepancy linked{
      d::DiscrepancyKind::kLinkedByValue, d::Severity::kInfo, {"ziekenhuis"}, {"S1", "urn:b|MA1", "urn:a|MA1"}};
  CHECK(present::Describe(linked, names).find("zelfde nummer, ander systeem") != std::string::npos);
  InEnglish english;
  CHECK(present::StatusLabel(d::TreatmentStatus::kUncertain) == "status uncertain — check");
}
