// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The medication list: a header with sort arrow over rows whose cells wrap to as many lines as
// they need, so a product with its strength, a dose and a stop date are always readable whole
// (single-line list cells cut "METOPROLOLSUCCINAAT TABLE…" where the 50 vs 100 mg difference
// was). Columns share the width in fixed proportions, so nothing needs sideways scrolling, down
// to 1024×700. Rows are drawn from the presenter's rows on demand (a virtual list), so hundreds
// of lines fill in constant time. An ICA hit is red, a discrepancy amber.
#include <wx/panel.h>

#include <functional>
#include <vector>

#include "present/medication_table.h"
#include "present/overview_view.h"

class wxHeaderCtrlEvent;

namespace zb::gui {

class MedicationRowsBox;
class GridHeader;

class MedicationGrid : public wxPanel {
 public:
  explicit MedicationGrid(wxWindow* parent);
  void SetRows(const std::vector<const present::MedicationRow*>* rows);
  void ShowSortIndicator(int column, bool ascending);

  int GetItemCount() const;
  // The cell's text as shown (with the row's warning sign in the product column).
  wxString GetItemText(long row, int column) const;
  // The lines the cell is drawn in, and the width it has (for the test that nothing is cut).
  std::vector<wxString> CellLines(long row, int column) const;
  int ColumnWidth(int column) const;  // room for text: the column less its margins
  int RowWidth() const;               // every column together
  wxColour RowBackground(long row) const;
  void Select(long row);  // as a click would: selects and tells onSelect
  long Selected() const;
  int GetSortIndicator() const { return m_sortColumn; }
  bool IsAscendingSortIndicator() const { return m_sortAscending; }

  std::function<void(long row)> onSelect;
  std::function<void(int column)> onColumnClick;

 private:
  friend class MedicationRowsBox;
  void Relayout();
  void ColumnClicked(wxHeaderCtrlEvent& event);

  GridHeader* m_header = nullptr;
  MedicationRowsBox* m_box = nullptr;
  const std::vector<const present::MedicationRow*>* m_rows = nullptr;
  std::vector<int> m_widths;
  std::vector<std::vector<std::vector<wxString>>> m_lines;  // [row][column] → wrapped lines
  int m_sortColumn = -1;
  bool m_sortAscending = true;
};

}  // namespace zb::gui
