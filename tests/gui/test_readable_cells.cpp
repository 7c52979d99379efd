// SPDX-License-Identifier: GPL-3.0-or-later
// Nothing that decides is cut off: for every demo patient, at 1440×900 and at 1024×700, every cell
// of the medication list is drawn whole — each of its lines fits the column, no text is lost in
// wrapping — and the columns fit the visible width, so nothing hides to the right either.
#include <catch2/catch.hpp>
#include <cstdlib>

#include "gui_support.h"
#include "main_frame.h"
#include "medication_grid.h"

using namespace zb;
using test::WaitFor;
using namespace std::chrono_literals;

namespace {

wxString WithoutSpaces(wxString text) {
  text.Replace(" ", "");
  return text;
}

}  // namespace

TEST_CASE("product with strength, dose and dates are never cut, at 1440x900 and at 1024x700") {
  const std::string dir = test::MakeTempDir("zb-gui");
  workstation::User user;
  auto w = test::LoggedIn(dir, user);
  auto* frame = new gui::MainFrame(*w, user);
  frame->Show();
  for (const wxSize size : {wxSize(1440, 900), wxSize(1024, 700)}) {
    frame->SetSize(size);
    for (const char* bsn : {"999991000", "999990019", "999900109"}) {
      REQUIRE(frame->OpenPatient(bsn));
      REQUIRE(WaitFor([&] { return !frame->lookupRunning(); }, 20s));
      wxYield();
      auto* grid = dynamic_cast<gui::MedicationGrid*>(wxWindow::FindWindowByName("medication", frame));
      REQUIRE(grid);
      REQUIRE(grid->GetItemCount() > 0);
      INFO("patient " << bsn << " at " << size.x << "x" << size.y);
      auto* rows = wxWindow::FindWindowByName("medication-rows", grid);
      REQUIRE(rows);
      wxFont bold = rows->GetFont().Bold();                // warning rows are drawn bold: the wider font
      CHECK(grid->RowWidth() <= rows->GetClientSize().x);  // no column reaches past the right edge
      for (long row = 0; row < grid->GetItemCount(); ++row) {
        for (int column = 0; column < 7; ++column) {
          const wxString text = grid->GetItemText(row, column);
          const auto lines = grid->CellLines(row, column);
          INFO("row " << row << " column " << column << ": " << text.utf8_string());
          wxString joined;
          for (const auto& line : lines) {
            int width = 0, height = 0;
            rows->GetTextExtent(line, &width, &height, nullptr, nullptr, &bold);
            CHECK(width <= grid->ColumnWidth(column));
            joined += line;
          }
          if (column == 6) {  // remarks may end in "…" after three lines (whole in tooltip and detail)
            CHECK(lines.size() <= 3);
            if (WithoutSpaces(joined) != WithoutSpaces(text)) CHECK(lines.back().EndsWith(wxString::FromUTF8("…")));
            continue;
          }
          CHECK(WithoutSpaces(joined) == WithoutSpaces(text));  // every letter drawn, none lost
        }
      }
      // This test sets the sizes itself: its pictures only in the run at the windows' own size.
      if (!std::getenv("ZB_SCREENSHOT_SIZE")) {
        test::Screenshot(frame,
                         "overview-" + std::string(bsn) + "-" + std::to_string(size.x) + "x" + std::to_string(size.y));
      }
    }
  }
  test::Close(frame);
}
