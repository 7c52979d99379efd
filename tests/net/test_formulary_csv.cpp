// SPDX-License-Identifier: GPL-3.0-or-later
// The formulary CSV: the demo file reads, spreadsheet variants read the same, and a file with a
// bad row is refused as a whole with every problem named by line and column.
#include <catch2/catch.hpp>

#include "child_process.h"
#include "net/formulary/formulary_csv.h"

using zb::net::formulary::ReadFormularyCsv;

TEST_CASE("the demo formulary reads completely") {
  const auto text = zb::test::ReadTextFile(std::string(ZB_DEMO_DIR) + "/../formulary/demo-formularium.csv");
  REQUIRE_FALSE(text.empty());
  auto items = ReadFormularyCsv(text, "demo-formularium.csv");
  INFO((items.ok() ? std::string() : items.error().detail));
  REQUIRE(items.ok());
  CHECK(items->size() == 13);
  const auto& first = items->front();
  CHECK(first.name == "Metoprololsuccinaat tablet mga 50mg");
  CHECK(first.prk == "900101");
  CHECK(first.gpk == "900201");
  CHECK(first.atc == "C07AB02");
  CHECK(first.substance == "metoprolol");
  CHECK(first.inGds);
  CHECK_FALSE((*items)[2].inGds);
}

TEST_CASE("comma separation, quotes, a byte-order mark, CRLF and any column order read the same") {
  const std::string semicolon = "naam;prk;atc;gds\nOmeprazol capsule;900105;A02BC01;ja\n";
  const std::string variant =
      "\xEF\xBB\xBF"
      "GDS,ATC,PRK,Naam\r\nja,a02bc01,900105,\"Omeprazol capsule\"\r\n\r\n";
  auto a = ReadFormularyCsv(semicolon, "a.csv");
  auto b = ReadFormularyCsv(variant, "b.csv");
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(a.value() == b.value());
  auto quoted = ReadFormularyCsv("naam;prk\n\"Calcium; \"\"kauw\"\"tablet\";900112\n", "c.csv");
  REQUIRE(quoted.ok());
  CHECK(quoted->front().name == "Calcium; \"kauw\"tablet");
}

TEST_CASE("a formulary with bad rows is refused whole, each problem named") {
  const std::string text =
      "naam;prk;gpk;atc;gds\n"
      "Goed tablet;900101;;C07AB02;ja\n"
      ";900102;;C07AB02;ja\n"
      "Code fout;90O103;;C03CA01;nee\n"
      "Geen code;;;C03CA01;nee\n"
      "ATC fout;900104;;B01A;nee\n"
      "GDS fout;900105;;A02BC01;misschien\n";
  auto r = ReadFormularyCsv(text, "formularium.csv");
  REQUIRE_FALSE(r.ok());
  const auto& d = r.error().detail;
  INFO(d);
  CHECK(d.find("formularium.csv: not imported, 5 problems") == 0);
  CHECK(d.find("line 3, column 'naam': empty") != std::string::npos);
  CHECK(d.find("line 4, column 'prk': '90O103' is not a G-Standaard code") != std::string::npos);
  CHECK(d.find("line 5: no PRK, GPK or HPK code") != std::string::npos);
  CHECK(d.find("line 6, column 'atc': 'B01A'") != std::string::npos);
  CHECK(d.find("line 7, column 'gds': 'misschien' is not ja or nee") != std::string::npos);

  CHECK(ReadFormularyCsv("prk;atc\n900101;C07AB02\n", "x.csv").error().detail.find("no column 'naam'") !=
        std::string::npos);
  CHECK(ReadFormularyCsv("naam;atc\nX;C07AB02\n", "x.csv").error().detail.find("prk, gpk or hpk") != std::string::npos);
  CHECK(ReadFormularyCsv("naam;prk\n", "x.csv").error().detail.find("lists no products") != std::string::npos);
  CHECK(ReadFormularyCsv("naam;prk\n\"open;900101\n", "x.csv").error().detail.find("quote is not closed") !=
        std::string::npos);
  zb::net::formulary::CsvLimits small;
  small.maxBytes = 10;
  CHECK(ReadFormularyCsv("naam;prk\nX;900101\n", "x.csv", small).error().code == zb::domain::ErrorCode::kOutOfRange);
  small = {};
  small.maxRows = 1;
  CHECK_FALSE(ReadFormularyCsv("naam;prk\nX;900101\nY;900102\n", "x.csv", small).ok());
}
