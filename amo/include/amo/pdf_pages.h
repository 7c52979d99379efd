// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads a PDF's pages as words with boxes: the text layer through poppler, and OCR through
// Tesseract for a page without one (a fax or a scan), rendered at fax resolution and deskewed.
// Runs only inside the importer process (its own time and memory limits, amo.md C-R10).
#include <string>
#include <vector>

#include "amo/page_words.h"
#include "domain/result.h"

namespace zb::amo {

struct PdfReadOptions {
  int maxPages = 50;  // an AMO is a few pages; a 200-page file is something else
  bool ocr = true;    // read pages without a text layer by OCR
  int ocrDpi = 300;   // faxes are 200 dpi at best; 300 keeps 8 pt print readable (400 read worse here)
};

// Refuses with a specific message: not a PDF, damaged, encrypted, no pages, too many pages.
domain::Result<std::vector<Page>> ReadPdfPages(const std::string& bytes, const PdfReadOptions& options);

// Renders one page as an 8-bit grey image (for OCR and for the review screen).
struct GreyImage {
  int width = 0, height = 0;
  std::vector<unsigned char> pixels;  // row-major, width bytes per row
};
domain::Result<GreyImage> RenderPage(const std::string& bytes, int pageNumber, int dpi);

}  // namespace zb::amo
