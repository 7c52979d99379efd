// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Word wrap with the real font metrics, for table cells that must never cut their text: a product
// with its strength, a dose, a date. Breaks between words; a word wider than the cell breaks after
// a '/' or, failing that, between letters — the text is always shown whole, over more lines.
#include <wx/dc.h>
#include <wx/string.h>

#include <vector>

namespace zb::gui {

// The lines `text` takes in `width` pixels with `dc`'s font. Joined with the spaces that were
// broken on, they give `text` back.
std::vector<wxString> WrapCell(const wxDC& dc, const wxString& text, int width);

}  // namespace zb::gui
