// SPDX-License-Identifier: GPL-3.0-or-later
// The on-call report as PDF (waarneem.md B-R9): pdftotext of the real PDF holds every section's
// content in the document's order, and every page carries the patient's identifiers and page n/m.
#include <catch2/catch.hpp>
#include <cctype>
#include <cstdlib>

#include "child_process.h"
#include "fixtures.h"
#include "locum_example.h"
#include "pdf_archive.h"
#include "present/locum_report_paper.h"
#include "report/pdf_writer.h"

using namespace zb;
namespace d = zb::domain;

namespace {

std::string Fold(const std::string& text) {
  std::string folded;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!folded.empty() && folded.back() != ' ') folded += ' ';
    } else {
      folded += c;
    }
  }
  return folded;
}

// The PDF's text, one string per page (pdftotext ends each page with a form feed).
std::vector<std::string> PdfPages(const d::LocumReport& rep, const std::string& name) {
  const std::string dir = test::MakeTempDir("zb-locum-pdf");
  // scripts/update-screenshots.sh keeps the example's PDF for docs/screenshots/.
  const char* shots = std::getenv("ZB_SCREENSHOT_DIR");
  const std::string pdf =
      shots && name == "verslag" ? std::string(shots) + "/locum-report-jansen.pdf" : dir + "/" + name + ".pdf";
  auto pages = report::WritePdf(present::BuildLocumReportPaper(rep, "03-12-2026 08:00"), pdf);
  REQUIRE(pages.ok());
  test::ChildProcess tool({"pdftotext", pdf, dir + "/out.txt"}, dir + "/pdftotext.log");
  if (tool.Wait(std::chrono::seconds(30)) != 0)
    FAIL("pdftotext failed: " << test::ReadTextFile(dir + "/pdftotext.log"));
  const std::string text = test::ReadTextFile(dir + "/out.txt");
  std::vector<std::string> out;
  std::size_t at = 0;
  for (std::size_t ff = text.find('\f'); ff != std::string::npos; at = ff + 1, ff = text.find('\f', at))
    out.push_back(Fold(text.substr(at, ff - at)));
  CHECK(static_cast<int>(out.size()) == pages.value());
  return out;
}

std::string Joined(const std::vector<std::string>& pages) {
  std::string all;
  for (const auto& p : pages) all += p + " ";
  return all;
}

}  // namespace

TEST_CASE("the on-call report's PDF holds every section's content in the document's order") {
  const auto rep = test::ExampleLocumReport();
  const std::string text = Joined(PdfPages(rep, "verslag"));
  INFO(text);
  // Headings in the fixed order of the FHIR document.
  std::size_t at = 0;
  for (const char* heading :
       {"Reden van contact", "Subjectief", "Objectief", "Evaluatie", "Beleid", "Medicatie gewijzigd tijdens de dienst",
        "Verzoek aan eigen arts", "Afspraken met familie en zorgteam", "Overzicht bij het contact (context)",
        "Waarnemend arts"}) {
    const std::size_t found = text.find(heading, at);
    CHECK(found != std::string::npos);
    if (found != std::string::npos) at = found;
  }
  for (const std::string& content :
       {rep.reason,
        rep.subjective,
        rep.objective,
        rep.evaluation,
        rep.plan,
        rep.medication[0].text,
        std::string("Dochter (eerste contactpersoon) 's nachts gebeld en ingelicht."),
        std::string("Bedhek niet gebruiken; sensormat aan."),
        std::string("Bloeddruk 132/78 mmHg"),
        std::string("Temperatuur 37,2 °C"),
        std::string("Glucose 6,4 mmol/l"),
        std::string("Saturatie 96 %"),
        std::string("Diagnose: Ongeval/letsel (ICPC A80)"),
        std::string("Voorstel episode: Ongeval/letsel"),
        std::string("Gebeld door: verpleging / verzorging (EVV'er afdeling Linde), urgentie U2"),
        std::string("Contact: 02-12-2026 02:10 tot 02-12-2026 02:45, visite, Zorgcentrum De Linde, afdeling 2"),
        std::string("Ondertekend 02-12-2026 03:05 door dr. M. de Wit"),
        std::string("DEZI-nummer 900099994"),
        std::string("Specialist ouderengeneeskunde (01.047)"),
        std::string("URA 90000380"),
        std::string("030-0000399")}) {
    CHECK_THAT(text, Catch::Contains(Fold(content)));
  }
  for (const auto& q : rep.requests) {
    CHECK_THAT(text, Catch::Contains(Fold(q.text)) && Catch::Contains(d::FormatDate(q.due)));
  }
  // The overview as context: when it was retrieved, that it is context, what was missing, every line.
  CHECK_THAT(text, Catch::Contains("opgehaald 02-12-2026 02:20. Context, geen bron"));
  CHECK_THAT(text, Catch::Contains(Fold(rep.context->incomplete)));
  for (const auto& line : rep.context->sources) CHECK_THAT(text, Catch::Contains(Fold("Bron: " + line)));
  for (const auto& line : rep.context->medication) CHECK_THAT(text, Catch::Contains(Fold(line)));
  for (const auto& line : rep.context->ica) CHECK_THAT(text, Catch::Contains(Fold(line)));
  CHECK_THAT(text, Catch::Contains("spoed") && Catch::Contains("gewoon"));
  CHECK(text.find("CONCEPT") == std::string::npos);
}

TEST_CASE("the on-call report's PDF identifies as PDF/A-2b: XMP mirroring the document info, sRGB intent, file id") {
  auto rep = test::ExampleLocumReport();
  rep.patient.name = "É. Jansen-Müller";  // a title cairo writes as UTF-16: mirrored into the XMP as text
  const std::string dir = test::MakeTempDir("zb-locum-pdfa");
  const std::string pdf = dir + "/verslag.pdf";
  REQUIRE(report::WritePdf(present::BuildLocumReportPaper(rep, "03-12-2026 08:00"), pdf).ok());
  auto run = [&](std::vector<std::string> argv, const std::string& out) {
    test::ChildProcess tool({"/bin/sh", "-c",
                             [&] {
                               std::string cmd;
                               for (const auto& a : argv) cmd += "'" + a + "' ";
                               return cmd + "> '" + out + "'";
                             }()},
                            dir + "/tool.log");
    const int rc = tool.Wait(std::chrono::seconds(30));
    INFO(test::ReadTextFile(dir + "/tool.log"));
    CHECK(rc == 0);
    return test::ReadTextFile(out);
  };
  const std::string xmp = run({"pdfinfo", "-meta", pdf}, dir + "/meta.txt");
  CHECK_THAT(xmp, Catch::Contains("<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>"));
  CHECK_THAT(xmp, Catch::Contains("<rdf:li xml:lang=\"x-default\">Waarneemverslag É. Jansen-Müller</rdf:li>"));
  CHECK_THAT(xmp, Catch::Contains("<xmp:CreatorTool>Zorgbrug</xmp:CreatorTool>") &&
                      Catch::Contains("<pdf:Producer>cairo ") && Catch::Contains("<xmp:CreateDate>20"));
  const std::string info = run({"pdfinfo", pdf}, dir + "/info.txt");
  CHECK_THAT(info, Catch::Contains("Waarneemverslag É. Jansen-Müller") && Catch::Contains("Metadata Stream: yes"));
  // The output intent and the file identifier are in the last trailer's reach; qpdf, a reader we
  // did not write, finds the file (with its incremental update) sound.
  const std::string raw = test::ReadTextFile(pdf);
  CHECK_THAT(raw, Catch::Contains("/OutputIntents [") && Catch::Contains("/S /GTS_PDFA1") &&
                      Catch::Contains("/DestOutputProfile") && Catch::Contains("/ID [<"));
  const std::string check = run({"qpdf", "--check", pdf}, dir + "/qpdf.txt");
  CHECK_THAT(check, Catch::Contains("No syntax or stream encoding errors found"));
  // The ICC profile: its declared size, the 'acsp' signature, display class, RGB to XYZ.
  const std::string icc = report::SrgbIccProfile();
  REQUIRE(icc.size() > 128);
  const auto size = (static_cast<unsigned char>(icc[0]) << 24) | (static_cast<unsigned char>(icc[1]) << 16) |
                    (static_cast<unsigned char>(icc[2]) << 8) | static_cast<unsigned char>(icc[3]);
  CHECK(static_cast<std::size_t>(size) == icc.size());
  CHECK(icc.substr(12, 12) == "mntrRGB XYZ ");
  CHECK(icc.substr(36, 4) == "acsp");
  CHECK(raw.find(icc) != std::string::npos);
}

TEST_CASE("every page of a long on-call report names the patient and says page n of m") {
  auto draft = test::ExampleLocumDraft();
  for (int i = 0; i < 70; ++i) draft.plan += "\nAfspraak " + std::to_string(i) + ": observatie volgens protocol.";
  const auto rep = d::Sign(draft, *test::ExampleLocumReport().signedAt).value();
  const auto pages = PdfPages(rep, "lang");
  REQUIRE(pages.size() >= 2);
  for (std::size_t i = 0; i < pages.size(); ++i) {
    INFO("page " << i + 1 << ": " << pages[i]);
    CHECK_THAT(pages[i], Catch::Contains("A. Jansen, BSN 999991000, geb. 12-03-1938") &&
                             Catch::Contains(std::to_string(i + 1) + "/" + std::to_string(pages.size())));
  }
  CHECK_THAT(Joined(pages), Catch::Contains("Afspraak 69: observatie volgens protocol."));
}

TEST_CASE("a draft on paper says it is not signed, and a correction names the version it replaces") {
  CHECK_THAT(Joined(PdfPages(test::ExampleLocumDraft(), "concept")),
             Catch::Contains("CONCEPT — niet ondertekend en niet verzonden"));
  auto correction = d::Correct(test::ExampleLocumReport(), "0f3a8e44-1c55-4a2b-9d1e-7b6c5a4f3e21").value();
  const auto amended = d::Sign(correction, *test::ExampleLocumReport().signedAt + boost::posix_time::hours(1)).value();
  CHECK_THAT(Joined(PdfPages(amended, "correctie")),
             Catch::Contains("Correctie (versie 2): vervangt het eerder verzonden verslag "
                             "5b0d9a52-2f0e-4c1e-9a57-3c2b7f1e8d40"));
  CHECK(present::LocumReportFileName(amended) == "Waarneemverslag A. Jansen 02-12-2026.pdf");
}
