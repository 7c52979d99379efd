// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz harness for the AMO importer (amo.md C-R10): input starting with %PDF goes through the PDF
// stage (poppler's text layer, no OCR) and then layout analysis; input starting with { is read as
// the structured AMO (an MP9 Bundle, amo/structured_amo.h); anything else is read as a word
// list (amo/word_list.h) straight into layout analysis and the cell readers. Every input is read
// or refused with a reason; never a crash or a hang. What is read must hold up: its JSON reads
// back to the same JSON, and a line nobody needs to check has a known status and readable dates.
#include <cstddef>
#include <cstdint>
#include <string>

#include "amo/amo_json.h"
#include "amo/amo_layout.h"
#include "amo/pdf_pages.h"
#include "amo/structured_amo.h"
#include "amo/word_list.h"

namespace {

void Check(const zb::domain::AmoDocument& doc) {
  const auto json = zb::amo::ToJson(doc);
  auto back = zb::amo::FromJson(json);
  if (!back || zb::amo::ToJson(back.value()) != json) __builtin_trap();
  for (const auto& line : doc.lines) {
    if (line.Uncertain()) continue;
    if (line.status == zb::domain::AmoStatus::kUnknown) __builtin_trap();
    if (!line.start.text.empty() && line.start.value.size() != 10) __builtin_trap();
    if (!line.dose.text.empty() && line.dose.value.empty()) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  if (bytes.rfind("%PDF", 0) == 0) {
    zb::amo::PdfReadOptions options;
    options.ocr = false;  // OCR of fuzzed pages is Tesseract's business, and slow
    options.maxPages = 4;
    auto pages = zb::amo::ReadPdfPages(bytes, options);
    if (!pages) {
      if (pages.error().detail.empty()) __builtin_trap();
      return 0;
    }
    Check(zb::amo::ReadLayout(pages.value()));
    return 0;
  }
  if (bytes.rfind("{", 0) == 0) {
    auto doc = zb::amo::ReadStructuredAmo(bytes, "fuzz");
    if (!doc) {
      if (doc.error().detail.empty()) __builtin_trap();
      return 0;
    }
    Check(doc.value());
    return 0;
  }
  Check(zb::amo::ReadLayout(zb::amo::ReadWordList(bytes)));
  return 0;
}
