// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/page_layout.h"

#include <cairo.h>

#include <algorithm>
#include <optional>
#include <sstream>

namespace zb::report {

namespace {

using present::ReportBlock;
using present::ReportStyle;

// The one family every Debian desktop has (fonts-dejavu-core comes with GTK), with all Dutch letters.
constexpr const char* kFamily = "DejaVu Sans";

double SizeOf(ReportStyle s) {
  switch (s) {
    case ReportStyle::kTitle:
      return 15;
    case ReportStyle::kHeading:
      return 11.5;
    case ReportStyle::kBanner:
      return 9.5;
    case ReportStyle::kSmall:
      return 7.5;
    case ReportStyle::kTableHeader:
      return 8;
    default:
      return 8.5;
  }
}
bool BoldOf(ReportStyle s) {
  return s == ReportStyle::kTitle || s == ReportStyle::kHeading || s == ReportStyle::kBanner ||
         s == ReportStyle::kTableHeader;
}

class Layouter {
 public:
  explicit Layouter(cairo_t* cr) : m_cr(cr) { NewPage(); }

  void Add(const ReportBlock& block) {
    const double size = SizeOf(block.style);
    const bool bold = BoldOf(block.style);
    const double lineHeight = size * 1.35;
    const double width = kPageWidth - 2 * kMargin;
    std::vector<double> widths = block.widths;
    if (widths.size() != block.cells.size())
      widths.assign(block.cells.size(), 1.0 / static_cast<double>(std::max<std::size_t>(block.cells.size(), 1)));
    // Wrap each cell into its column; the row is as tall as its tallest cell.
    std::vector<std::vector<std::string>> lines;
    std::size_t rowLines = 1;
    for (std::size_t i = 0; i < block.cells.size(); ++i) {
      const double pad = block.cells.size() > 1 ? 4 : (block.style == ReportStyle::kBanner ? 8 : 0);
      lines.push_back(Wrap(block.cells[i], widths[i] * width - pad, size, bold));
      rowLines = std::max(rowLines, lines.back().size());
    }
    const double before = block.style == ReportStyle::kHeading ? 10 : block.style == ReportStyle::kBanner ? 6 : 1;
    const double padY = block.style == ReportStyle::kBanner ? 5 : 1.5;
    const double height = before + static_cast<double>(rowLines) * lineHeight + 2 * padY;
    if (block.style == ReportStyle::kTableHeader) m_header = block;
    // A heading, banner or table header never ends a page: it keeps room for what it introduces
    // (a heading: a banner, a table header and a row).
    const double keep = block.style == ReportStyle::kHeading                                              ? 80
                        : block.style == ReportStyle::kBanner || block.style == ReportStyle::kTableHeader ? 30
                                                                                                          : 0;
    if (m_y + height + keep > kPageHeight - kMargin - 20) {
      NewPage();
      // A table continued on a new page repeats its header.
      if (block.style == ReportStyle::kTableRow && m_header) Add(*m_header);
    }
    if (block.style != ReportStyle::kTableRow && block.style != ReportStyle::kTableHeader) m_header.reset();
    m_y += before;
    Page& page = m_pages.back();
    if (block.style == ReportStyle::kBanner)
      page.boxes.push_back({kMargin, m_y, width, height - before, 0.70, 0.15, 0.12});
    else if (block.warning)
      page.boxes.push_back({kMargin, m_y, width, height - before, 1.0, 0.96, 0.85});
    else if (block.style == ReportStyle::kTableHeader)
      page.boxes.push_back({kMargin, m_y, width, height - before, 0.93, 0.94, 0.95});
    double x = kMargin + (block.style == ReportStyle::kBanner ? 4 : 0);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      double y = m_y + padY + size;
      for (const auto& text : lines[i]) {
        page.runs.push_back({x + (block.cells.size() > 1 ? 2 : 0), y, size, bold, text});
        y += lineHeight;
      }
      x += widths[i] * width;
    }
    m_y += height - before;
  }

  std::vector<Page> Finish(const std::string& footer) {
    const std::size_t n = m_pages.size();
    for (std::size_t i = 0; i < n; ++i) {
      std::ostringstream text;
      text << footer << " · " << (i + 1) << "/" << n;
      m_pages[i].runs.push_back({kMargin, kPageHeight - kMargin + 10, 7, false, text.str()});
    }
    return std::move(m_pages);
  }

 private:
  void NewPage() {
    m_pages.emplace_back();
    m_y = kMargin;
  }

  double TextWidth(const std::string& s, double size, bool bold) {
    cairo_select_font_face(m_cr, kFamily, CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(m_cr, size);
    cairo_text_extents_t e;
    cairo_text_extents(m_cr, s.c_str(), &e);
    return e.x_advance;
  }

  // Pieces of a word too wide for its column ("CALCIUMCARBONAAT/COLECALCIFEROL"): broken after the
  // last '/' that fits, else after the last whole UTF-8 character that fits — never drawn across
  // the next column.
  std::vector<std::string> BreakWord(std::string word, double maxWidth, double size, bool bold) {
    std::vector<std::string> pieces;
    while (word.size() > 1 && TextWidth(word, size, bold) > maxWidth) {
      std::size_t fit = 0;
      for (std::size_t end = 1; end <= word.size(); ++end) {
        if (end < word.size() && (static_cast<unsigned char>(word[end]) & 0xC0) == 0x80)
          continue;  // inside a character
        if (TextWidth(word.substr(0, end), size, bold) > maxWidth) break;
        fit = end;
      }
      if (fit == 0) fit = 1;
      const auto slash = word.substr(0, fit).find_last_of('/');
      const std::size_t cut = slash != std::string::npos && slash > 0 ? slash + 1 : fit;
      pieces.push_back(word.substr(0, cut));
      word.erase(0, cut);
    }
    pieces.push_back(word);
    return pieces;
  }

  std::vector<std::string> Wrap(const std::string& text, double maxWidth, double size, bool bold) {
    std::vector<std::string> out;
    std::istringstream words(text);
    std::string word, line;
    while (words >> word) {
      const std::string candidate = line.empty() ? word : line + " " + word;
      if (TextWidth(candidate, size, bold) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (!line.empty()) out.push_back(line);
      auto pieces = BreakWord(word, maxWidth, size, bold);
      line = pieces.back();
      pieces.pop_back();
      for (auto& piece : pieces) out.push_back(std::move(piece));
    }
    if (!line.empty() || out.empty()) out.push_back(line);
    return out;
  }

  cairo_t* m_cr;
  std::vector<Page> m_pages;
  double m_y = 0;
  std::optional<ReportBlock> m_header;
};

}  // namespace

std::vector<Page> LayOut(const present::Report& report, cairo_t* measure) {
  Layouter l(measure);
  for (const auto& b : report.blocks) l.Add(b);
  return l.Finish(report.footer);
}

void Draw(const Page& page, cairo_t* cr) {
  for (const auto& b : page.boxes) {
    cairo_set_source_rgb(cr, b.r, b.g, b.b);
    cairo_rectangle(cr, b.x, b.y, b.w, b.h);
    cairo_fill(cr);
  }
  for (const auto& r : page.runs) {
    // White text only on the dark banner background.
    bool onBanner = false;
    for (const auto& b : page.boxes) {
      if (b.r < 0.8 && r.y > b.y && r.y < b.y + b.h) onBanner = true;
    }
    if (onBanner)
      cairo_set_source_rgb(cr, 1, 1, 1);
    else
      cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    cairo_select_font_face(cr, kFamily, CAIRO_FONT_SLANT_NORMAL,
                           r.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, r.size);
    cairo_move_to(cr, r.x, r.y);
    cairo_show_text(cr, r.text.c_str());
  }
}

}  // namespace zb::report
