// SPDX-License-Identifier: GPL-3.0-or-later
// zorgbrug-amo-corpus OUTDIR [--per-layout N] [--scanned N] [--seed S]: writes the labelled AMO
// test corpus — per layout N text PDFs and N scanned (fax) copies, each with <id>.expected.json,
// the reading the importer must give. Generated, not committed: the tests and zorgbrug-bench make
// it when they need it.
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include "corpus_draw.h"
#include "corpus_print.h"

namespace {

// --long FILE N: an N-page document (what a misfiled discharge letter with attachments looks like),
// for the importer's page limit.
int WriteLong(const std::string& path, int pages) {
  cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), 595, 842);
  cairo_t* cr = cairo_create(surface);
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, 10);
  for (int p = 1; p <= pages; ++p) {
    cairo_move_to(cr, 40, 60);
    cairo_show_text(cr, ("Bijlage, pagina " + std::to_string(p)).c_str());
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  cairo_debug_reset_static_data();
  FcFini();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && std::string(argv[1]) == "--long") return WriteLong(argv[2], std::atoi(argv[3]));
  std::string dir;
  int perLayout = 3, scanned = 1;
  unsigned seed = 20261203;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--per-layout" && i + 1 < argc) {
      perLayout = std::atoi(argv[++i]);
    } else if (a == "--scanned" && i + 1 < argc) {
      scanned = std::atoi(argv[++i]);
    } else if (a == "--seed" && i + 1 < argc) {
      seed = static_cast<unsigned>(std::strtoul(argv[++i], nullptr, 10));
    } else if (dir.empty()) {
      dir = a;
    } else {
      std::cerr << "usage: zorgbrug-amo-corpus OUTDIR [--per-layout N] [--scanned N] [--seed S]\n";
      return 1;
    }
  }
  if (dir.empty()) {
    std::cerr << "usage: zorgbrug-amo-corpus OUTDIR [--per-layout N] [--scanned N] [--seed S]\n";
    return 1;
  }
  std::filesystem::create_directories(dir);
  auto docs = zb::corpus::MakeCorpus(seed, perLayout + scanned);
  int written = 0;
  std::map<std::string, int> made;
  for (auto& doc : docs) {
    const int n = made[doc.layout]++;
    if (n >= perLayout) {
      doc.scanned = true;
      doc.id += "-fax";
    }
    const std::string base = (std::filesystem::path(dir) / doc.id).string();
    const int pages = zb::corpus::DrawPdf(doc, base + ".pdf");
    auto expected = zb::corpus::Expected(doc);
    expected["pages"] = pages;
    std::ofstream(base + ".expected.json") << expected.dump(2) << "\n";
    ++written;
  }
  std::cout << written << " documents in " << dir << "\n";
  // Hand back cairo's and fontconfig's caches, so the sanitizer build's leak check sees our own only.
  cairo_debug_reset_static_data();
  FcFini();
  return 0;
}
