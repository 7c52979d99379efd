// SPDX-License-Identifier: GPL-3.0-or-later
#include "cell_wrap.h"

namespace zb::gui {

namespace {

// Splits a word too wide for one line: after the last '/' that fits, else after the last letter
// that fits (at least one letter per line, so it always ends).
std::vector<wxString> BreakWord(const wxDC& dc, wxString word, int width) {
  std::vector<wxString> parts;
  while (dc.GetTextExtent(word).x > width && word.length() > 1) {
    std::size_t fit = 1;
    while (fit < word.length() && dc.GetTextExtent(word.Left(fit + 1)).x <= width) ++fit;
    const auto slash = word.Left(fit).find_last_of('/');
    const std::size_t cut = slash != wxString::npos && slash > 0 ? slash + 1 : fit;
    parts.push_back(word.Left(cut));
    word = word.Mid(cut);
  }
  parts.push_back(word);
  return parts;
}

}  // namespace

std::vector<wxString> WrapCell(const wxDC& dc, const wxString& text, int width) {
  std::vector<wxString> lines;
  wxString line;
  std::size_t start = 0;
  while (start <= text.length()) {
    auto end = text.find(' ', start);
    if (end == wxString::npos) end = text.length();
    const wxString word = text.Mid(start, end - start);
    const wxString candidate = line.empty() ? word : line + " " + word;
    if (dc.GetTextExtent(candidate).x <= width || (line.empty() && word.empty())) {
      line = candidate;
    } else {
      if (!line.empty()) lines.push_back(line);
      auto parts = BreakWord(dc, word, width);
      line = parts.back();
      parts.pop_back();
      for (auto& part : parts) lines.push_back(std::move(part));
    }
    start = end + 1;
  }
  if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

}  // namespace zb::gui
