// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Paper and PDF from the same laid-out pages (report/): the PDF through cairo's PDF surface, the
// print job through the cairo context wxGTK prints with. What is printed is the printed report of
// present/, so paper says the same as the screen, banner included.
#include <wx/print.h>

#include <vector>

#include "present/overview_report.h"
#include "report/page_layout.h"

namespace zb::gui {

class ReportPrintout : public wxPrintout {
 public:
  explicit ReportPrintout(present::Report report);
  void OnPreparePrinting() override;
  bool HasPage(int page) override;
  void GetPageInfo(int* minPage, int* maxPage, int* from, int* to) override;
  bool OnPrintPage(int page) override;

 private:
  present::Report m_report;
  std::vector<report::Page> m_pages;
};

}  // namespace zb::gui
