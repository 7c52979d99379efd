// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Draws a corpus document as a PDF: with a text layer, or (scanned) as page images only —
// rasterised at fax resolution, turned a little, with speckle noise — so the importer must OCR it.
#include <string>

#include "corpus_model.h"

namespace zb::corpus {

// Writes the PDF; returns the number of pages.
int DrawPdf(const Document& doc, const std::string& path);

}  // namespace zb::corpus
