// SPDX-License-Identifier: GPL-3.0-or-later
#include "printing.h"

#include <cairo.h>
#include <wx/dcmemory.h>
#include <wx/graphics.h>

#include <memory>

namespace zb::gui {

ReportPrintout::ReportPrintout(present::Report report)
    : wxPrintout(wxString::FromUTF8(report.title)), m_report(std::move(report)) {}

void ReportPrintout::OnPreparePrinting() {
  // Lay out with an image surface's metrics: the same fonts as the PDF, independent of the printer.
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 8, 8);
  cairo_t* cr = cairo_create(surface);
  m_pages = report::LayOut(m_report, cr);
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
}

bool ReportPrintout::HasPage(int page) { return page >= 1 && static_cast<std::size_t>(page) <= m_pages.size(); }

void ReportPrintout::GetPageInfo(int* minPage, int* maxPage, int* from, int* to) {
  *minPage = 1;
  *maxPage = static_cast<int>(m_pages.size());
  *from = 1;
  *to = *maxPage;
}

bool ReportPrintout::OnPrintPage(int page) {
  if (!HasPage(page)) return false;
  wxDC* dc = GetDC();
  if (!dc) return false;
  // Any DC wx can wrap in a cairo graphics context: the print job's, or a bitmap's (preview, tests).
  std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::CreateFromUnknownDC(*dc));
  auto* cr = gc ? static_cast<cairo_t*>(gc->GetNativeContext()) : nullptr;
  if (!cr) return false;
  int w = 0, h = 0;
  GetPageSizePixels(&w, &h);
  // A bitmap DC (the preview's page, or a test's) is the page at its own size; the preview does
  // not scale the DC to the printer's pixels, so the page is fitted to the bitmap instead.
  if (dc->IsKindOf(wxCLASSINFO(wxMemoryDC))) {
    w = dc->GetSize().x;
    h = dc->GetSize().y;
  }
  cairo_save(cr);
  cairo_scale(cr, w / report::kPageWidth, h / report::kPageHeight);
  report::Draw(m_pages[static_cast<std::size_t>(page - 1)], cr);
  cairo_restore(cr);
  return true;
}

}  // namespace zb::gui
