// SPDX-License-Identifier: GPL-3.0-or-later
#include "medication_grid.h"

#include <wx/dcclient.h>
#include <wx/headerctrl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/vlbox.h>

#include <algorithm>
#include <array>

#include "cell_wrap.h"
#include "i18n.h"
#include "tone.h"

namespace zb::gui {

namespace {

struct ColumnSpec {
  const char* title;
  double share;  // of the row's width
  int least;     // pixels
};
// Product, dose and period get most of the room: they decide.
constexpr std::array<ColumnSpec, 7> kColumns{{{N_("Groep"), 0.10, 105},
                                              {N_("Geneesmiddel"), 0.27, 150},
                                              {N_("Dosering"), 0.18, 115},
                                              {N_("Periode"), 0.14, 100},
                                              {N_("Bron"), 0.09, 95},
                                              {"GDS", 0.10, 60},
                                              {N_("Let op"), 0.12, 80}}};
// The remarks column alone may end in "…" after this many lines: its whole text is in the detail
// pane and the tooltip, and a remark must not make one row fill the list.
constexpr std::size_t kMarksLines = 3;
constexpr int kPadX = 4;  // pixels left and right of a cell's text
constexpr int kPadY = 3;  // pixels above and below a row's text

}  // namespace

// The header: its columns follow the grid's widths (the user does not drag them: the grid shares
// the width out itself) and one of them shows the sort arrow.
class GridHeader : public wxHeaderCtrl {
 public:
  explicit GridHeader(wxWindow* parent) : wxHeaderCtrl(parent, wxID_ANY) {
    for (const auto& c : kColumns) {
      const wxString title = std::string(c.title) == "GDS" ? wxString("GDS") : T(c.title);  // not-ui: GDS
      m_columns.emplace_back(title, c.least, wxALIGN_LEFT, wxCOL_SORTABLE);
    }
    SetColumnCount(static_cast<unsigned>(m_columns.size()));
  }
  void SetWidths(const std::vector<int>& widths) {
    for (std::size_t i = 0; i < widths.size() && i < m_columns.size(); ++i) {
      m_columns[i].SetWidth(widths[i]);
      UpdateColumn(static_cast<unsigned>(i));
    }
  }
  void SetSort(int column, bool ascending) {
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
      if (static_cast<int>(i) == column)
        m_columns[i].SetSortOrder(ascending);
      else
        m_columns[i].UnsetAsSortKey();
      UpdateColumn(static_cast<unsigned>(i));
    }
  }

 private:
  const wxHeaderColumn& GetColumn(unsigned idx) const override { return m_columns[idx]; }
  std::vector<wxHeaderColumnSimple> m_columns;
};

class MedicationRowsBox : public wxVListBox {
 public:
  explicit MedicationRowsBox(MedicationGrid* grid) : wxVListBox(grid, wxID_ANY), m_grid(grid) {}

 private:
  wxCoord OnMeasureItem(std::size_t n) const override {
    std::size_t lines = 1;
    if (n < m_grid->m_lines.size()) {
      for (const auto& cell : m_grid->m_lines[n]) lines = std::max(lines, cell.size());
    }
    return static_cast<wxCoord>(lines) * GetCharHeight() + 2 * kPadY;
  }
  void OnDrawBackground(wxDC& dc, const wxRect& rect, std::size_t n) const override {
    if (IsSelected(n)) {
      wxVListBox::OnDrawBackground(dc, rect, n);
    } else {
      dc.SetBrush(wxBrush(m_grid->RowBackground(static_cast<long>(n))));
      dc.SetPen(*wxTRANSPARENT_PEN);
      dc.DrawRectangle(rect);
    }
    dc.SetPen(wxPen(wxColour(0xDD, 0xDD, 0xDD)));
    dc.DrawLine(rect.GetLeft(), rect.GetBottom(), rect.GetRight(), rect.GetBottom());
  }
  void OnDrawItem(wxDC& dc, const wxRect& rect, std::size_t n) const override {
    if (n >= m_grid->m_lines.size()) return;
    const auto* row = (*m_grid->m_rows)[n];
    dc.SetFont(row->icaWarning ? GetFont().Bold() : GetFont());
    dc.SetTextForeground(IsSelected(n)     ? wxSystemSettings::GetColour(wxSYS_COLOUR_HIGHLIGHTTEXT)
                         : row->icaWarning ? wxColour(0x80, 0x10, 0x10)
                                           : GetForegroundColour());
    int x = rect.GetLeft();
    for (std::size_t column = 0; column < m_grid->m_widths.size(); ++column) {
      int y = rect.GetTop() + kPadY;
      for (const auto& line : m_grid->m_lines[n][column]) {
        dc.DrawText(line, x + kPadX, y);
        y += GetCharHeight();
      }
      x += m_grid->m_widths[column];
    }
  }
  MedicationGrid* m_grid;
};

MedicationGrid::MedicationGrid(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
  m_header = new GridHeader(this);
  m_header->SetName("medication-header");
  m_box = new MedicationRowsBox(this);
  m_box->SetName("medication-rows");
  auto* box = new wxBoxSizer(wxVERTICAL);
  box->Add(m_header, 0, wxEXPAND);
  box->Add(m_box, 1, wxEXPAND);
  SetSizer(box);
  m_header->Bind(wxEVT_HEADER_CLICK, &MedicationGrid::ColumnClicked, this);
  // The row's tooltip: every source's full name (the cell has short ones) and the ICA basis.
  m_box->Bind(wxEVT_MOTION, [this](wxMouseEvent& e) {
    e.Skip();
    const int row = m_box->VirtualHitTest(e.GetPosition().y);
    wxString tip;
    if (m_rows && row >= 0 && static_cast<std::size_t>(row) < m_rows->size()) {
      const auto& r = *(*m_rows)[static_cast<std::size_t>(row)];
      tip = TF("Bronnen: {0}", {r.sourcesFull});
      if (!r.icaText.empty()) tip += "\n" + U(r.icaText);
      if (!r.marks.empty()) tip += "\n" + TF("Let op: {0}", {r.marks});
    }
    if (tip != m_box->GetToolTipText()) m_box->SetToolTip(tip);
  });
  m_box->Bind(wxEVT_LISTBOX, [this](wxCommandEvent& e) {
    if (onSelect) onSelect(e.GetSelection());
  });
  // The column widths follow the visible width, so the cells re-wrap on every resize.
  m_box->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    e.Skip();
    Relayout();
  });
}

void MedicationGrid::SetRows(const std::vector<const present::MedicationRow*>* rows) {
  m_rows = rows;
  m_box->SetSelection(wxNOT_FOUND);
  Relayout();
}

void MedicationGrid::Relayout() {
  // The rows' room: the box's width less its scroll bar, which may come and go.
  const int room = std::max(0, m_box->GetClientSize().x);
  // Shares of the room; a column whose share is below its least width gets that width and the
  // others share what is left (when even the least widths do not fit, the list scrolls sideways).
  m_widths.assign(kColumns.size(), 0);
  std::vector<bool> fixed(kColumns.size(), false);
  for (bool changed = true; changed;) {
    changed = false;
    int left = room;
    double shares = 0;
    for (std::size_t i = 0; i < kColumns.size(); ++i) {
      if (fixed[i])
        left -= kColumns[i].least;
      else
        shares += kColumns[i].share;
    }
    for (std::size_t i = 0; i < kColumns.size(); ++i) {
      if (fixed[i]) {
        m_widths[i] = kColumns[i].least;
        continue;
      }
      m_widths[i] = static_cast<int>(kColumns[i].share / shares * std::max(0, left));
      if (m_widths[i] < kColumns[i].least) {
        fixed[i] = true;
        changed = true;
      }
    }
  }
  m_header->SetWidths(m_widths);
  wxClientDC dc(m_box);
  dc.SetFont(m_box->GetFont().Bold());  // wrap for the wider (bold) font, which warning rows use
  m_lines.assign(m_rows ? m_rows->size() : 0, {});
  for (std::size_t r = 0; r < m_lines.size(); ++r) {
    for (std::size_t c = 0; c < m_widths.size(); ++c) {
      auto lines = WrapCell(dc, GetItemText(static_cast<long>(r), static_cast<int>(c)), m_widths[c] - 2 * kPadX);
      if (c == static_cast<std::size_t>(present::MedicationColumn::kMarks) && lines.size() > kMarksLines) {
        lines.resize(kMarksLines);
        const wxString ellipsis = wxString::FromUTF8("…");  // wx reads plain literals in the C locale
        wxString& last = lines.back();
        while (!last.empty() && dc.GetTextExtent(last + ellipsis).x > m_widths[c] - 2 * kPadX) last.RemoveLast();
        last += ellipsis;
      }
      m_lines[r].push_back(std::move(lines));
    }
  }
  m_box->SetItemCount(m_lines.size());
  m_box->RefreshAll();
}

int MedicationGrid::GetItemCount() const { return static_cast<int>(m_rows ? m_rows->size() : 0); }

wxString MedicationGrid::GetItemText(long row, int column) const {
  if (!m_rows || row < 0 || static_cast<std::size_t>(row) >= m_rows->size()) return {};
  const auto& r = *(*m_rows)[static_cast<std::size_t>(row)];
  if (column == static_cast<int>(present::MedicationColumn::kProduct)) {
    // A no-break space keeps the sign on the product's first line.
    return U((r.warning || r.icaWarning ? "⚠ " : "") + r.product);
  }
  return U(present::CellOf(r, static_cast<present::MedicationColumn>(column)));
}

std::vector<wxString> MedicationGrid::CellLines(long row, int column) const {
  if (row < 0 || static_cast<std::size_t>(row) >= m_lines.size() || column < 0 ||
      static_cast<std::size_t>(column) >= m_widths.size())
    return {};
  return m_lines[static_cast<std::size_t>(row)][static_cast<std::size_t>(column)];
}

int MedicationGrid::RowWidth() const {
  int total = 0;
  for (int w : m_widths) total += w;
  return total;
}

int MedicationGrid::ColumnWidth(int column) const {
  return column >= 0 && static_cast<std::size_t>(column) < m_widths.size()
             ? m_widths[static_cast<std::size_t>(column)] - 2 * kPadX
             : 0;
}

wxColour MedicationGrid::RowBackground(long row) const {
  if (!m_rows || row < 0 || static_cast<std::size_t>(row) >= m_rows->size()) return *wxWHITE;
  const auto& r = *(*m_rows)[static_cast<std::size_t>(row)];
  if (r.icaWarning) return ToneColour(present::Tone::kDanger);
  return r.warning ? ToneColour(present::Tone::kWarning) : *wxWHITE;
}

void MedicationGrid::Select(long row) {
  m_box->SetSelection(static_cast<int>(row));
  if (onSelect) onSelect(row);
}

long MedicationGrid::Selected() const { return m_box->GetSelection(); }

void MedicationGrid::ShowSortIndicator(int column, bool ascending) {
  m_sortColumn = column;
  m_sortAscending = ascending;
  m_header->SetSort(column, ascending);
}

void MedicationGrid::ColumnClicked(wxHeaderCtrlEvent& event) {
  if (onColumnClick) onColumnClick(event.GetColumn());
}

}  // namespace zb::gui
