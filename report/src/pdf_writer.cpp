// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/pdf_writer.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>

#include <cstdio>

#include "pdf_archive.h"
#include "platform/private_file.h"
#include "report/page_layout.h"

namespace zb::report {

domain::Result<int> WritePdf(const present::Report& report, const std::string& path) {
  // Not "<path>.partial": another local user could pre-create or link that name.
  auto temporary = platform::CreatePrivateTemporary(path);
  if (!temporary)
    return domain::MakeError(domain::ErrorCode::kIo,
                             "PDF kan niet worden aangemaakt in " + path + ". Kies een map waarin u mag schrijven.");
  const std::string partial = temporary.value();
  cairo_surface_t* surface = cairo_pdf_surface_create(partial.c_str(), kPageWidth, kPageHeight);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    const std::string why = cairo_status_to_string(cairo_surface_status(surface));
    cairo_surface_destroy(surface);
    std::remove(partial.c_str());
    return domain::MakeError(domain::ErrorCode::kIo, "PDF kan niet worden aangemaakt in " + path + ": " + why +
                                                         ". Kies een map waarin u mag schrijven.");
  }
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, report.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Zorgbrug");
  cairo_t* cr = cairo_create(surface);
  const auto pages = LayOut(report, cr);
  for (const auto& page : pages) {
    Draw(page, cr);
    cairo_show_page(cr);
  }
  const cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t finished = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS || finished != CAIRO_STATUS_SUCCESS) {
    std::remove(partial.c_str());
    return domain::MakeError(domain::ErrorCode::kIo,
                             std::string("PDF niet geschreven naar ") + path + ": " +
                                 cairo_status_to_string(status != CAIRO_STATUS_SUCCESS ? status : finished));
  }
  // For the archive (the on-call report's PDF/A rendering): what cairo cannot write itself.
  if (auto archived = AppendPdfAIdentification(partial); !archived) {
    std::remove(partial.c_str());
    return archived.error();
  }
  if (std::rename(partial.c_str(), path.c_str()) != 0) {
    std::remove(partial.c_str());
    return domain::MakeError(domain::ErrorCode::kIo, "PDF niet op zijn plaats gezet: " + path);
  }
  return static_cast<int>(pages.size());
}

void ReleaseFontCaches() {
  cairo_debug_reset_static_data();
  FcFini();
}

}  // namespace zb::report
