// SPDX-License-Identifier: GPL-3.0-or-later
// The PDF export: a real A4 PDF from cairo, long overviews break over pages, a folder that cannot
// be written gives a clear error and leaves nothing half-written behind.
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "child_process.h"
#include "domain/dose_form.h"
#include "domain/draft_form.h"
#include "fixtures.h"
#include "present/admission_report.h"
#include "present/prescription_report.h"
#include "report/page_layout.h"
#include "report/pdf_writer.h"

using namespace zb;

namespace {

present::Report Sample(std::size_t rows) {
  present::PatientHeader h;
  h.title = "J. Jansen";
  h.identity = "BSN 999991000 · geboren 12-03-1941 · 85 jaar";
  present::OverviewView v;
  v.banner =
      "ONVOLLEDIG OVERZICHT: geen gegevens van Apotheek Centrum (apotheek): toestemming geweigerd door de patiënt.";
  v.sources.push_back({"Apotheek Centrum (apotheek)", "030-0000402", "toestemming geweigerd door de patiënt", "", "",
                       present::Tone::kWarning});
  for (std::size_t i = 0; i < rows; ++i) {
    present::MedicationRow r;
    r.group = "ACTUEEL";
    r.product = "Geneesmiddel " + std::to_string(i) + " met een lange naam die moet afbreken";
    r.dose = "1 tablet 's ochtends en 1 tablet 's avonds";
    r.period = "vanaf 01-11-2026, doorlopend";
    r.sources = "huisarts, apotheek";
    r.sourcesFull = "Huisarts Test, Apotheek Centrum";
    r.warning = i % 7 == 0;
    r.line = i;
    v.medication.push_back(std::move(r));
  }
  return present::BuildOverviewReport(h, v, "23-11-2026 14:05", "A. de Vries");
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::size_t Count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// cairo and fontconfig keep font faces and patterns for the life of the process; release them at
// exit so LeakSanitizer (the CI's ASan run) reports only leaks of our own.
struct ReleaseFontCaches {
  ~ReleaseFontCaches() {
    cairo_debug_reset_static_data();
    FcFini();
  }
} g_releaseFontCaches;

}  // namespace

TEST_CASE("an overview becomes an A4 PDF with one page per screenful and a page count that matches") {
  const std::string dir = test::MakeTempDir("zb-pdf");
  const std::string small = dir + "/small.pdf";
  auto one = report::WritePdf(Sample(3), small);
  REQUIRE(one.ok());
  CHECK(one.value() == 1);
  const std::string pdf = ReadAll(small);
  CHECK(pdf.rfind("%PDF-", 0) == 0);
  CHECK(Count(pdf, "/Type /Page\n") + Count(pdf, "/Type /Page ") + Count(pdf, "/Type /Page>") >= 1);
  CHECK(pdf.find("/MediaBox [ 0 0 595.") != std::string::npos);  // A4 width in points
  CHECK_FALSE(std::filesystem::exists(small + ".partial"));

  auto many = report::WritePdf(Sample(150), dir + "/long.pdf");
  REQUIRE(many.ok());
  CHECK(many.value() > 3);
  const std::string longPdf = ReadAll(dir + "/long.pdf");
  CHECK(longPdf.find("/Count " + std::to_string(many.value())) != std::string::npos);
}

TEST_CASE("a PDF that cannot be written names the file and what to do, and leaves no partial file") {
  const std::string path = "/proc/zorgbrug-no-such-dir/overzicht.pdf";
  auto r = report::WritePdf(Sample(2), path);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().detail.find(path) != std::string::npos);
  CHECK(r.error().detail.find("Kies een map") != std::string::npos);
}

TEST_CASE("a word wider than its column breaks inside the column, never across the next one") {
  present::PatientHeader h;
  h.title = "A. Jansen";
  present::OverviewView v;
  present::MedicationRow r;
  r.group = "ACTUEEL";
  r.product = "CALCIUMCARBONAAT/COLECALCIFEROL KAUWTABLET 1,25G/800IE";
  r.dose = "1 maal per dag 1 stuk, kauwen";
  r.period = "vanaf 19-07-2025, doorlopend";
  r.sources = "huisarts, apotheek";
  v.medication.push_back(r);
  const auto printed = present::BuildOverviewReport(h, v, "01-12-2026 14:05", "A. de Vries");
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 8, 8);
  cairo_t* cr = cairo_create(surface);
  const auto pages = report::LayOut(printed, cr);
  // The medication table's columns: 13 % group, 27 % product, then the dose (overview_report.cpp).
  const double width = report::kPageWidth - 2 * report::kMargin;
  const double productStart = report::kMargin + 0.13 * width;
  const double doseStart = report::kMargin + 0.40 * width;
  std::string product;
  REQUIRE_FALSE(pages.empty());
  // Only the medication table: the sources table above it has columns of its own.
  double tableTop = 0;
  for (const auto& run : pages.front().runs) {
    if (run.text == "Geneesmiddel") tableTop = run.y;
  }
  REQUIRE(tableTop > 0);
  for (const auto& run : pages.front().runs) {
    if (run.y < tableTop || run.x < productStart - 1 || run.x >= doseStart - 1) continue;
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                           run.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, run.size);
    cairo_text_extents_t e;
    cairo_text_extents(cr, run.text.c_str(), &e);
    INFO(run.text);
    CHECK(run.x + e.x_advance <= doseStart);
    product += run.text;
  }
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  CHECK(product.find("CALCIUMCARBONAAT/") != std::string::npos);  // broken after the slash
  CHECK(product.find("COLECALCIFEROL") != std::string::npos);
}

TEST_CASE("the PDF is written 0600 under an unpredictable temporary name: a planted .partial link is not followed") {
  namespace fs = std::filesystem;
  const std::string dir = test::MakeTempDir("zb-pdf-private");
  const std::string path = dir + "/overzicht.pdf";
  // Another local user's trap: the old predictable temporary name, linked to a file of the victim.
  std::ofstream(dir + "/victim.txt") << "keep me";
  fs::create_symlink(dir + "/victim.txt", path + ".partial");
  const mode_t old = ::umask(022);
  auto written = report::WritePdf(Sample(2), path);
  ::umask(old);
  REQUIRE(written.ok());
  CHECK(test::ReadTextFile(dir + "/victim.txt") == "keep me");
  CHECK((fs::status(path).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
  int leftovers = 0;
  for (const auto& e : fs::directory_iterator(dir))
    leftovers += e.path().filename().string().rfind(".overzicht", 0) == 0;
  CHECK(leftovers == 0);
}

TEST_CASE("a heading, banner or table header never ends a page: it goes over with what it introduces") {
  // Overviews of every length from 10 to 60 rows put the ICA heading at every height of a page.
  for (std::size_t rows = 10; rows <= 60; ++rows) {
    present::Report printed = Sample(rows);
    present::DraftRow d;
    d.action = "stoppen";
    d.product = "FUROSEMIDE TABLET 40MG";
    d.reason = "geneesmiddel niet voorradig";
    d.state = "concept, niet verzonden";
    present::AppendAdmissionMedication(printed, {d}, {});
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 8, 8);
    cairo_t* cr = cairo_create(surface);
    const auto pages = report::LayOut(printed, cr);
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    for (std::size_t p = 0; p + 1 < pages.size(); ++p) {
      // The last text of a page (before the footer, added at the end) is no heading or header.
      const auto& runs = pages[p].runs;
      REQUIRE(runs.size() >= 2);
      const auto& last = runs[runs.size() - 2];
      INFO(rows << " rows, page " << p + 1 << " ends with: " << last.text);
      CHECK(last.text != "Medicatie bij opname: concepten en vrijgaven");
      CHECK(last.text.rfind("Concepten zijn NIET", 0) != 0);
      CHECK(last.text != "Status");  // the last column of the drafts' table header
      CHECK(last.text.rfind("Intoleranties, contra-indicaties", 0) != 0);
    }
  }
}

TEST_CASE("a paper prescription names patient, each agreement and dispense request, and the prescriber from DEZI") {
  const std::string dir = test::MakeTempDir("zb-paper");
  present::PrescriptionPaper p;
  p.patientName = "A. Jansen";
  p.bsn = "999991000";
  p.birthDate = domain::Date(1938, 3, 12);
  p.prescriberName = "A. de Vries";
  p.deziNumber = "900000047";
  p.roleCode = "01.047";
  p.roleName = "Specialist ouderengeneeskunde";
  p.organisationUra = "90000380";
  p.organisationName = "Zorginstelling De Linde";
  domain::MedicationAgreement stop;
  stop.h.product = domain::Product{{}, "OMEPRAZOL CAPSULE MSR 20MG", {}, {}, ""};
  stop.h.renderedDosage = "1 maal per dag 1 stuk, Oraal";
  stop.h.stop.type = domain::StopType::kStopped;
  stop.h.reason = *domain::ChangeOrStopReason("182856006");
  domain::MedicationAgreement start;
  start.h.product = domain::Product{{}, "Pantoprazol tablet msr 20mg", {}, {}, ""};
  start.h.renderedDosage = "1 maal per dag 1 stuk, Oraal";
  start.priorPrescription = domain::BlockId{"urn:oid:2.999", "ma-1"};
  start.h.period =
      domain::PeriodOfUse{domain::DateTime::Parse("2026-12-03T10:00:00+01:00").value(), std::nullopt, std::nullopt, ""};
  p.agreements = {stop, start};
  domain::DispenseRequest vv;
  vv.h.product = start.h.product;
  vv.quantity = domain::DoseQuantity("30", "stuk", "quantity").value();
  vv.performer = domain::Actor{"Dienstapotheek Utrecht Stad", std::nullopt};
  vv.additionalWishes = domain::DispenseWishes({true, "30", "stuk", {}, "", true, false, true});
  p.dispenseRequests = {vv};
  p.releasedAt = domain::DateTime::Parse("2026-12-03T02:10:00Z").value().Earliest();
  p.bundleIdentifier = "urn:oid:2.999.380.4|5b0d";
  p.sha256 = std::string(64, 'a');
  p.state = "no-receiver";
  const std::string pdf = dir + "/recept.pdf";
  REQUIRE(report::WritePdf(present::BuildPrescriptionReport(p, "03-12-2026 03:15"), pdf).ok());
  test::ChildProcess tool({"pdftotext", "-layout", pdf, dir + "/recept.txt"}, dir + "/pdftotext.log");
  if (tool.Wait(std::chrono::seconds(30)) != 0)
    FAIL("pdftotext failed: " << test::ReadTextFile(dir + "/pdftotext.log"));
  std::string text = test::ReadTextFile(dir + "/recept.txt");
  // Columns wrap words onto several lines: compare with the white space folded.
  std::string folded;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!folded.empty() && folded.back() != ' ') folded += ' ';
    } else {
      folded += c;
    }
  }
  INFO(text);
  CHECK_THAT(folded, Catch::Contains("niet elektronisch afgeleverd") && Catch::Contains("A. Jansen, BSN 999991000") &&
                         Catch::Contains("12-03-1938") && Catch::Contains("stoppen") && Catch::Contains("OMEPRAZOL") &&
                         Catch::Contains("wijzigen") && Catch::Contains("Pantoprazol") &&
                         Catch::Contains("vanaf 03-12-2026") && Catch::Contains("Dienstapotheek Utrecht Stad") &&
                         Catch::Contains("spoed") && Catch::Contains("bezorgen") &&
                         Catch::Contains("DEZI-nummer 900000047") && Catch::Contains("01.047") &&
                         Catch::Contains("URA 90000380") && Catch::Contains("Niet elektronisch ondertekend"));
  CHECK(folded.find("starten") == std::string::npos);  // the new agreement of a change is no new start
}
