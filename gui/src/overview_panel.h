// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The patient overview: header, the incomplete-overview banner, the per-source rows, and tabs for
// medication, ICA and sources. It shows an OverviewView (present/) and nothing else.
#include <wx/panel.h>

#include "present/overview_view.h"

class wxListCtrl;
class wxNotebook;
class wxStaticText;

namespace zb::gui {

class OverviewPanel : public wxPanel {
 public:
  explicit OverviewPanel(wxWindow* parent);
  void ShowHeader(const std::string& header, const std::string& retrieved);
  void Show(const present::OverviewView& view);
  void Clear();

 private:
  wxStaticText* m_header = nullptr;
  wxStaticText* m_retrieved = nullptr;
  wxStaticText* m_banner = nullptr;
  wxNotebook* m_tabs = nullptr;
  wxListCtrl* m_medication = nullptr;
  wxListCtrl* m_ica = nullptr;
  wxListCtrl* m_sources = nullptr;
};

}  // namespace zb::gui
