// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A4 page layout of a report: words wrapped into cells with the font's real metrics, rows kept
// whole on a page, table headers repeated after a page break, a footer with "page n of m".
// Coordinates are PostScript points (1/72 inch); a print job scales its context to match.
#include <string>
#include <vector>

#include "present/overview_report.h"

typedef struct _cairo cairo_t;

namespace zb::report {

constexpr double kPageWidth = 595.28;  // A4 in points
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 42.0;

struct Run {
  double x = 0, y = 0;  // baseline start
  double size = 9;
  bool bold = false;
  std::string text;
};

struct Box {  // filled background (the banner, warning rows)
  double x = 0, y = 0, w = 0, h = 0;
  double r = 1, g = 1, b = 1;
};

struct Page {
  std::vector<Box> boxes;
  std::vector<Run> runs;
};

// `measure` is any cairo context (its font metrics are used; nothing is drawn on it).
std::vector<Page> LayOut(const present::Report& report, cairo_t* measure);
// Draws one laid-out page on a context whose user space is in points.
void Draw(const Page& page, cairo_t* cr);

}  // namespace zb::report
