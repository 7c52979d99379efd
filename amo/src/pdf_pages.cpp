// SPDX-License-Identifier: GPL-3.0-or-later
#include "amo/pdf_pages.h"

#include <leptonica/allheaders.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>
#include <tesseract/baseapi.h>

#include <cstring>
#include <memory>

namespace zb::amo {
namespace {

using domain::ErrorCode;
using domain::MakeError;

// poppler prints syntax errors of damaged files to stderr; the importer reports one clear message
// of its own instead.
void Quiet(const std::string&, void*) {}

std::string Utf8(const poppler::ustring& s) {
  const auto bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

domain::Result<std::unique_ptr<poppler::document>> Open(const std::string& bytes, const PdfReadOptions* options) {
  poppler::set_debug_error_function(Quiet, nullptr);
  // A PDF starts with %PDF- within its first 1024 bytes (ISO 32000-1, 7.5.2 as readers apply it).
  const auto head = bytes.substr(0, 1024);
  if (head.find("%PDF-") == std::string::npos) {
    return MakeError(ErrorCode::kInvalidFormat,
                     "the file is not a PDF (no %PDF- header); import the AMO as a PDF or as an MP9 FHIR bundle");
  }
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) {
    return MakeError(ErrorCode::kInvalidFormat,
                     "the PDF is damaged and cannot be read; ask the hospital to send the AMO again");
  }
  if (doc->is_locked() || doc->is_encrypted()) {
    return MakeError(ErrorCode::kUnsupported,
                     "the PDF is protected with a password or encryption; ask the hospital for an unprotected copy");
  }
  if (doc->pages() <= 0) return MakeError(ErrorCode::kMissing, "the PDF has no pages");
  if (options && doc->pages() > options->maxPages) {
    return MakeError(ErrorCode::kOutOfRange, "the PDF has " + std::to_string(doc->pages()) +
                                                 " pages; an AMO has at most " + std::to_string(options->maxPages) +
                                                 ": check that this is the discharge medication overview");
  }
  return doc;
}

domain::Result<GreyImage> Render(const poppler::document& doc, int index, int dpi) {
  std::unique_ptr<poppler::page> page(doc.create_page(index));
  if (!page) return MakeError(ErrorCode::kInvalidFormat, "page " + std::to_string(index + 1) + " cannot be read");
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer.set_image_format(poppler::image::format_gray8);
  const poppler::image img = renderer.render_page(page.get(), dpi, dpi);
  if (!img.is_valid() || img.width() <= 0 || img.height() <= 0)
    return MakeError(ErrorCode::kInvalidFormat, "page " + std::to_string(index + 1) + " cannot be rendered");
  GreyImage out;
  out.width = img.width();
  out.height = img.height();
  out.pixels.resize(static_cast<size_t>(out.width) * static_cast<size_t>(out.height));
  for (int y = 0; y < out.height; ++y)
    std::memcpy(&out.pixels[static_cast<size_t>(y) * static_cast<size_t>(out.width)],
                img.const_data() + static_cast<ptrdiff_t>(y) * img.bytes_per_row(), static_cast<size_t>(out.width));
  return out;
}

// OCR of one rendered page: deskewed (a fax feeds crooked), words with Tesseract's confidence.
domain::Result<std::vector<Word>> Ocr(const GreyImage& image, int dpi) {
  std::unique_ptr<PIX, void (*)(PIX*)> pix(pixCreate(image.width, image.height, 8), [](PIX* p) { pixDestroy(&p); });
  if (!pix) return MakeError(ErrorCode::kOutOfRange, "the page image is too large for OCR");
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x)
      pixSetPixel(pix.get(), x, y,
                  image.pixels[static_cast<size_t>(y) * static_cast<size_t>(image.width) + static_cast<size_t>(x)]);
  std::unique_ptr<PIX, void (*)(PIX*)> straight(pixDeskew(pix.get(), 0), [](PIX* p) { pixDestroy(&p); });
  PIX* straightened = straight ? straight.get() : pix.get();
  // Fax speckle: black and white, then every blot of at most 2 x 2 pixels removed (the dot of
  // an i or a decimal comma is larger at this resolution).
  std::unique_ptr<PIX, void (*)(PIX*)> bw(pixConvertTo1(straightened, 160), [](PIX* p) { pixDestroy(&p); });
  std::unique_ptr<PIX, void (*)(PIX*)> clean(
      bw ? pixSelectBySize(bw.get(), 2, 2, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GT, nullptr) : nullptr,
      [](PIX* p) { pixDestroy(&p); });
  PIX* use = clean ? clean.get() : straightened;
  tesseract::TessBaseAPI api;
  if (api.Init(nullptr, "nld") != 0)
    return MakeError(ErrorCode::kUnavailable, "OCR is not available (Tesseract's Dutch language data is missing)");
  // Tesseract reports oddities ("Detected 618 diacritics") on stdout, where the answer goes.
  api.SetVariable("debug_file", "/dev/null");
  api.SetPageSegMode(tesseract::PSM_AUTO);
  api.SetImage(use);
  api.SetSourceResolution(dpi);
  if (api.Recognize(nullptr) != 0) return MakeError(ErrorCode::kInvalidFormat, "OCR could not read the page");
  std::vector<Word> words;
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  const double scale = 72.0 / dpi;
  if (it) {
    do {
      std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
      if (!text || text[0] == 0) continue;
      int l = 0, t = 0, r = 0, b = 0;
      it->BoundingBox(tesseract::RIL_WORD, &l, &t, &r, &b);
      words.push_back(
          Word{text.get(), l * scale, t * scale, r * scale, b * scale, it->Confidence(tesseract::RIL_WORD) / 100.0});
    } while (it->Next(tesseract::RIL_WORD));
  }
  api.End();
  return words;
}

}  // namespace

domain::Result<std::vector<Page>> ReadPdfPages(const std::string& bytes, const PdfReadOptions& options) {
  auto doc = Open(bytes, &options);
  if (!doc) return doc.error();
  std::vector<Page> pages;
  for (int i = 0; i < doc.value()->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc.value()->create_page(i));
    if (!page) return MakeError(ErrorCode::kInvalidFormat, "page " + std::to_string(i + 1) + " cannot be read");
    Page p;
    p.number = i + 1;
    const auto rect = page->page_rect();
    p.width = rect.width();
    p.height = rect.height();
    for (const auto& box : page->text_list()) {
      const auto r = box.bbox();
      p.words.push_back(Word{Utf8(box.text()), r.left(), r.top(), r.right(), r.bottom(), 1.0});
    }
    if (p.words.empty() && options.ocr) {
      auto image = Render(*doc.value(), i, options.ocrDpi);
      if (!image) return image.error();
      auto words = Ocr(image.value(), options.ocrDpi);
      if (!words) return words.error();
      p.words = std::move(words).value();
      p.ocr = true;
    }
    pages.push_back(std::move(p));
  }
  return pages;
}

domain::Result<GreyImage> RenderPage(const std::string& bytes, int pageNumber, int dpi) {
  auto doc = Open(bytes, nullptr);
  if (!doc) return doc.error();
  if (pageNumber < 1 || pageNumber > doc.value()->pages())
    return MakeError(ErrorCode::kOutOfRange, "the PDF has no page " + std::to_string(pageNumber));
  return Render(*doc.value(), pageNumber - 1, dpi);
}

}  // namespace zb::amo
