// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Layout analysis of an AMO (amo.md C.2, C.3): the header's "label: value" pairs, and the
// medication table(s) across pages — column headers found by their words and repeated on every
// page, section headings (doorgaan / gewijzigd / gestopt / nieuw / tijdelijk gestopt) or a status
// column, wrapped cells and rows split over a page break, "Pagina 1 van 3" footers skipped.
#include <vector>

#include "amo/page_words.h"
#include "domain/amo_document.h"

namespace zb::amo {

// Below this confidence a field is uncertain (C-R2). Text-layer words have confidence 1; OCR words
// carry Tesseract's, which on faxes is above 0.8 for words it still misreads ("tabiet"), so the
// bar is high.
constexpr double kConfidenceThreshold = 0.90;

domain::AmoDocument ReadLayout(const std::vector<Page>& pages, double threshold = kConfidenceThreshold);

}  // namespace zb::amo
