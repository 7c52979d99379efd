// SPDX-License-Identifier: GPL-3.0-or-later
// The AMO importer against its labelled corpus (tools/amo-corpus): five layouts as text PDFs and as
// faxes, through `zorgbrug-cli amo import --format json` and the importer process. A line counts as
// right only when every critical field is exact (amo.md C-R2); a wrong field must be marked
// uncertain, never silently wrong. Then the files an AMO import must refuse (C-R10).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "amo/amo_json.h"
#include "child_process.h"
#include "cli_run.h"
#include "domain/amo_identity.h"

namespace fs = std::filesystem;
namespace d = zb::domain;
using nlohmann::json;

namespace {

struct Tally {
  int lines = 0, exact = 0, silent = 0, missing = 0, extra = 0, documents = 0, identity = 0;
};

std::string Corpus() {
  static const std::string dir = [] {
    const std::string out = zb::test::MakeTempDir("amo-corpus");
    const std::string cmd = std::string(ZB_AMO_CORPUS_PATH) + " " + out + " --per-layout 4 --scanned 1 > /dev/null";
    REQUIRE(std::system(cmd.c_str()) == 0);
    return out;
  }();
  return dir;
}

// The field of the uncertainty list a compared value belongs to.
std::string Owner(const std::string& key) {
  if (key == "name" || key == "strength") return "product";
  if (key.rfind("dose.", 0) == 0) return "dose";
  return key;
}

std::vector<std::string> Differences(const json& want, const json& got) {
  std::vector<std::string> out;
  for (const char* k : {"status", "name", "strength", "route", "start", "stop"})
    if (got.at(k) != want.at(k)) out.emplace_back(k);
  for (const char* k : {"amount", "unit", "perPeriod", "period", "asNeeded", "maxPerDay", "schedule", "times"})
    if (got.at("dose").at(k) != want.at("dose").at(k)) out.push_back(std::string("dose.") + k);
  return out;
}

// Lines are matched in order by product name, so one line OCR lost does not shift every line after it.
void Compare(const json& expected, const json& got, Tally& t, std::string& report) {
  const auto& want = expected.at("lines");
  const auto& have = got.at("lines");
  std::vector<bool> used(have.size(), false);
  size_t cursor = 0;
  for (const auto& w : want) {
    ++t.lines;
    std::optional<size_t> match;
    for (size_t j = cursor; j < have.size() && j < cursor + 4; ++j)
      if (!used[j] && have[j].at("name") == w.at("name")) {
        match = j;
        break;
      }
    if (!match && cursor < have.size() && !used[cursor]) match = cursor;  // same place, misread name
    if (!match) {
      ++t.missing;
      report += "  missing: " + w.at("name").get<std::string>() + "\n";
      continue;
    }
    used[*match] = true;
    cursor = *match + 1;
    const auto& g = have[*match];
    const auto diffs = Differences(w, g);
    if (diffs.empty()) {
      ++t.exact;
      continue;
    }
    const auto uncertain = g.at("uncertainFields").get<std::vector<std::string>>();
    bool silent = false;
    for (const auto& k : diffs)
      if (std::find(uncertain.begin(), uncertain.end(), Owner(k)) == uncertain.end()) silent = true;
    if (silent) {
      ++t.silent;
      report += "  SILENT " + w.at("name").get<std::string>() + ": " + g.dump() + "\n";
    }
  }
  for (size_t j = 0; j < have.size(); ++j)
    if (!used[j]) {
      ++t.extra;
      if (!have[j].at("uncertain").get<bool>()) {
        ++t.silent;
        report += "  SILENT extra line: " + have[j].at("product").get<std::string>() + "\n";
      }
    }
}

d::Patient PatientOf(const json& p) {
  return d::Patient{d::Bsn::Parse(p.at("bsn").get<std::string>()).value(), p.at("name").get<std::string>(),
                    d::ParseUserDate(p.at("birthDate").get<std::string>()).value(), ""};
}

}  // namespace

TEST_CASE("the importer reads its labelled corpus: text PDFs exact, faxes never silently wrong", "[amo][corpus]") {
  const std::string dir = Corpus();
  std::map<std::string, Tally> byKind;
  std::string report;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string path = entry.path().string();
    if (path.size() < 14 || path.substr(path.size() - 14) != ".expected.json") continue;
    const json expected = json::parse(std::ifstream(path));
    const std::string pdf = path.substr(0, path.size() - 14) + ".pdf";
    const bool scanned = expected.at("scanned").get<bool>();
    const std::string kind = expected.at("layout").get<std::string>() + (scanned ? " (fax)" : " (tekst)");
    auto run = zb::test::RunCli("amo import " + pdf + " --format json");
    INFO(pdf << "\n" << run.err);
    REQUIRE(run.exit == 0);
    const json got = json::parse(run.out);
    Tally& t = byKind[kind];
    ++t.documents;
    report += entry.path().filename().string() + "\n";
    Compare(expected, got, t, report);
    // Identity: the AMO's own patient passes the gate when the header read cleanly; another
    // patient never does.
    auto doc = zb::amo::FromJson(got);
    REQUIRE(doc);
    const d::Patient own = PatientOf(expected.at("patient"));
    const d::Patient someoneElse =
        own.bsn->digits() == "999990019"
            ? d::Patient{d::Bsn::Parse("999991000").value(), "A. Jansen", d::Date(1938, 3, 12), ""}
            : d::Patient{d::Bsn::Parse("999990019").value(), "B. de Boer", d::Date(1945, 7, 2), ""};
    CHECK_FALSE(d::AmoIdentityDifferences(doc->header, someoneElse).empty());
    if (d::AmoIdentityDifferences(doc->header, own).empty()) {
      ++t.identity;
    } else {
      CHECK(scanned);  // a text PDF's header always reads
      CHECK((doc->header.bsn.uncertain || doc->header.bsn.text.empty()));
    }
    // C-R8: an AMO without a verification statement says "niet vermeld", not "niet geverifieerd".
    if (!scanned)
      CHECK(expected.at("verification").is_null() ==
            got.at("header").at("verification").at("text").get<std::string>().empty());
  }
  Tally text, fax;
  std::cout << "AMO corpus (" << dir << "):\n";
  for (const auto& [kind, t] : byKind) {
    std::cout << "  " << kind << ": " << t.documents << " documents, " << t.exact << "/" << t.lines << " lines exact, "
              << t.silent << " silently wrong, " << t.missing << " missing, " << t.extra << " extra, identity read on "
              << t.identity << "\n";
    Tally& sum = kind.find("fax") != std::string::npos ? fax : text;
    sum.lines += t.lines, sum.exact += t.exact, sum.silent += t.silent, sum.missing += t.missing;
    sum.documents += t.documents, sum.identity += t.identity;
    INFO(kind);
    if (kind.find("fax") == std::string::npos) {
      CHECK(t.exact * 100 >= t.lines * 98);
      CHECK(t.identity == t.documents);
    }
  }
  std::cout << "  text PDFs: " << text.exact << "/" << text.lines << " lines exact; faxes (OCR): " << fax.exact << "/"
            << fax.lines << "\n";
  INFO(report);
  CHECK(text.silent == 0);
  CHECK(text.missing == 0);
  CHECK(fax.silent == 0);
  CHECK(text.lines >= 200);
  CHECK(fax.documents == 5);
  CHECK(fax.exact * 2 >= fax.lines);  // a floor, so OCR breaking shows; the figures are in the output
}

TEST_CASE("an AMO of another patient is refused, naming each field, and nothing is printed", "[amo]") {
  const std::string dir = Corpus();
  const json expected = json::parse(std::ifstream(dir + "/hix-1.expected.json"));
  const std::string bsn = expected.at("patient").at("bsn").get<std::string>();
  const std::string other = bsn == "999990019" ? "999991000" : "999990019";
  auto own = zb::test::RunCli("amo import " + dir + "/hix-1.pdf --patient " + bsn + " --format json");
  CHECK(own.exit == 0);
  auto refused = zb::test::RunCli("amo import " + dir + "/hix-1.pdf --patient " + other + " --format json");
  CHECK(refused.exit == 8);
  CHECK(refused.out.empty());
  CHECK(refused.err.find("nothing was imported") != std::string::npos);
  CHECK(refused.err.find("BSN: op de AMO") != std::string::npos);
  CHECK(refused.err.find("geboortedatum") != std::string::npos);
  CHECK(refused.err.find(bsn) == std::string::npos);  // masked
}

TEST_CASE("files that are no readable AMO fail with a clear message and leave nothing behind", "[amo]") {
  const std::string corpus = Corpus();
  const std::string dir = zb::test::MakeTempDir("amo-bad");
  const std::string good = corpus + "/hix-1.pdf";
  // Encrypted, damaged, without pages, far too long, not a PDF at all.
  REQUIRE(std::system(("qpdf --encrypt geheim eigenaar 256 -- " + good + " " + dir + "/versleuteld.pdf").c_str()) == 0);
  {
    std::ifstream in(good, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), {});
    std::ofstream(dir + "/beschadigd.pdf", std::ios::binary) << bytes.substr(0, bytes.size() / 3);
    std::ofstream(dir + "/geen-pdf.pdf") << "Dit is een e-mail met de AMO als bijlage.\n";
  }
  std::ofstream(dir + "/leeg.pdf")
      << "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n"
         "trailer <</Root 1 0 R>>\n%%EOF\n";
  REQUIRE(std::system((std::string(ZB_AMO_CORPUS_PATH) + " --long " + dir + "/lang.pdf 200").c_str()) == 0);
  const std::map<std::string, std::string> expectations = {
      {"versleuteld.pdf", "protected with a password"},
      {"beschadigd.pdf", "damaged"},
      {"geen-pdf.pdf", "not a PDF"},
      {"leeg.pdf", "no pages"},
      {"lang.pdf", "200 pages"},
  };
  const auto before = std::distance(fs::directory_iterator(dir), fs::directory_iterator{});
  for (const auto& [file, why] : expectations) {
    auto run = zb::test::RunCli("amo import " + dir + "/" + file + " --patient 999991000 --format json");
    INFO(file << ": " << run.err);
    CHECK(run.exit == 2);
    CHECK(run.out.empty());
    CHECK(run.err.find(file) != std::string::npos);
    CHECK(run.err.find(why) != std::string::npos);
  }
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}) == before);
}

TEST_CASE("the importer is stopped at its deadline and the import fails cleanly", "[amo]") {
  const std::string corpus = Corpus();
  std::string fax;
  for (const auto& entry : fs::directory_iterator(corpus))
    if (entry.path().filename().string().find("-fax.pdf") != std::string::npos) fax = entry.path().string();
  REQUIRE_FALSE(fax.empty());
  auto run = zb::test::RunCli("amo import " + fax + " --timeout 1 --format json");
  INFO(run.err);
  CHECK(run.exit == 2);
  CHECK(run.err.find("took longer than 1 s") != std::string::npos);
  CHECK(run.out.empty());
  // Without OCR the fax has no text to read: refused, not an empty AMO.
  auto noOcr = zb::test::RunCli("amo import " + fax + " --no-ocr --format json");
  CHECK(noOcr.exit == 2);
  CHECK(noOcr.err.find("no AMO found") != std::string::npos);
}
