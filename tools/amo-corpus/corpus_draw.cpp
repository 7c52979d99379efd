// SPDX-License-Identifier: GPL-3.0-or-later
#include "corpus_draw.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <cmath>
#include <memory>
#include <random>

#include "corpus_print.h"

namespace zb::corpus {
namespace {

constexpr double kMargin = 28;
constexpr double kBody = 8;     // table text, pt
constexpr double kLead = 10.5;  // line height of wrapped text
constexpr double kRowGap = 3;   // extra space between rows

struct Piece {
  double x;
  std::string text;
  bool bold = false;
  double size = kBody;
};
// One printed text line of the document, before pagination.
struct PrintLine {
  std::vector<Piece> pieces;
  double height = kLead;
  bool tableHeader = false;
  bool headerBlock = false;  // page 1 only
  bool keepWithNext = false;
};

double TextWidth(cairo_t* cr, const std::string& text, double size, bool bold) {
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                         bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, size);
  cairo_text_extents_t e;
  cairo_text_extents(cr, text.c_str(), &e);
  return e.x_advance;
}

std::vector<std::string> Wrap(cairo_t* cr, const std::string& text, double width) {
  std::vector<std::string> out;
  std::string line, word;
  auto flush = [&] {
    if (word.empty()) return;
    const std::string candidate = line.empty() ? word : line + " " + word;
    if (!line.empty() && TextWidth(cr, candidate, kBody, false) > width) {
      out.push_back(line);
      line = word;
    } else {
      line = candidate;
    }
    word.clear();
  };
  for (char c : text) {
    if (c == ' ') {
      flush();
    } else {
      word += c;
    }
  }
  flush();
  if (!line.empty()) out.push_back(line);
  return out;
}

std::string PrintedName(const Document& doc) {
  const auto& p = doc.patient;
  if (doc.layout == "hix") return p.surname + ", " + p.initials;
  if (doc.layout == "cgm") {
    std::string s = p.surname + ", " + p.initials;
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
  }
  return p.name;
}

std::string Bsn(const Document& doc) {
  const auto& b = doc.patient.bsn;
  if (doc.layout == "epic") return b.substr(0, 4) + "." + b.substr(4, 2) + "." + b.substr(6);
  return b;
}

std::vector<PrintLine> Compose(cairo_t* cr, const Document& doc, const Style& style, double pageWidth) {
  std::vector<PrintLine> out;
  auto header = [&](std::vector<Piece> pieces, double height = 13) {
    out.push_back(PrintLine{std::move(pieces), height, false, true, false});
  };
  const double half = pageWidth / 2;
  header({{kMargin, doc.hospital, true, 12}}, 18);
  header(
      {{kMargin, doc.layout == "apotheek" ? "Medicatieoverzicht (ontslagmedicatie)" : "Medicatieoverzicht bij ontslag",
        true, 11}},
      18);
  header({{kMargin, "Patiënt: " + PrintedName(doc), false, 9}, {half, "BSN: " + Bsn(doc), false, 9}});
  header({{kMargin, "Geboortedatum: " + PrintedDate(style, doc.patient.birthDate), false, 9},
          {half, "Afdeling: Interne geneeskunde", false, 9}});
  header({{kMargin, "Opnamedatum: " + PrintedDate(style, doc.admission), false, 9},
          {half, "Ontslagdatum: " + PrintedDate(style, doc.discharge), false, 9}});
  header({{kMargin, "Behandelend arts: " + doc.author, false, 9},
          {half, "Afgedrukt: " + PrintedDate(style, doc.printed) + " 14:32", false, 9}});
  header({{kMargin, "Allergieën: " + doc.allergies, false, 9}});
  header({{kMargin, "Nierfunctie: " + doc.renal, false, 9}, {half, "Gewicht: " + doc.weight, false, 9}}, 20);

  PrintLine th;
  th.tableHeader = true;
  th.height = 14;
  double x = kMargin;
  for (const auto& c : style.columns) {
    th.pieces.push_back({x + 2, c.title, true, kBody});
    x += c.width;
  }
  out.push_back(th);

  std::vector<const Line*> order;
  std::vector<std::string> sections;
  if (style.statusColumn) {
    for (const auto& l : doc.lines) order.push_back(&l), sections.emplace_back();
  } else {
    for (const char* st : {"continue", "changed", "new", "paused", "stopped"})
      for (const auto& l : doc.lines)
        if (l.status == st) order.push_back(&l), sections.emplace_back(st);
  }
  std::string current;
  for (size_t i = 0; i < order.size(); ++i) {
    if (!style.statusColumn && sections[i] != current) {
      current = sections[i];
      out.push_back(PrintLine{{{kMargin + 2, SectionHeading(style, current), true, 8.5}}, 14, false, false, true});
    }
    std::vector<std::vector<std::string>> cells;
    size_t rows = 1;
    for (const auto& c : style.columns) {
      cells.push_back(Wrap(cr, Printed(style, *order[i], c.key), c.width - 8));
      rows = std::max(rows, cells.back().size());
    }
    for (size_t r = 0; r < rows; ++r) {
      PrintLine pl;
      pl.height = r + 1 == rows ? kLead + kRowGap : kLead;
      double cx = kMargin;
      for (size_t c = 0; c < style.columns.size(); ++c) {
        if (r < cells[c].size()) pl.pieces.push_back({cx + 2, cells[c][r]});
        cx += style.columns[c].width;
      }
      out.push_back(pl);
    }
  }
  out.push_back(PrintLine{{}, 10});
  if (!doc.verification.empty())
    out.push_back(PrintLine{
        {{kMargin, "Geverifieerd: " + doc.verification + " (" + PrintedDate(style, doc.discharge) + ")", false, 9}},
        13});
  return out;
}

struct Surface {
  double width, height;
};

// Splits the printed lines into pages: the table header repeats on every page; a row may break
// between its wrapped lines (a row split over a page break).
std::vector<std::vector<const PrintLine*>> Paginate(const std::vector<PrintLine>& lines, double height) {
  std::vector<std::vector<const PrintLine*>> pages(1);
  const PrintLine* tableHeader = nullptr;
  double y = kMargin;
  const double bottom = height - kMargin - 20;
  for (size_t i = 0; i < lines.size(); ++i) {
    const auto& l = lines[i];
    if (l.tableHeader) tableHeader = &l;
    const double need = l.height + (l.keepWithNext && i + 1 < lines.size() ? lines[i + 1].height : 0);
    if (y + need > bottom) {
      pages.emplace_back();
      y = kMargin;
      if (tableHeader && !l.tableHeader) {
        pages.back().push_back(tableHeader);
        y += tableHeader->height;
      }
    }
    pages.back().push_back(&l);
    y += l.height;
  }
  return pages;
}

// A pen stroke over the printed line `scribble` (a ward nurse's tick and loop on the fax): the hard
// case of handwriting over a line. -1: none.
void Scribble(cairo_t* cr, double x, double y) {
  cairo_save(cr);
  cairo_set_line_width(cr, 1.2);
  cairo_move_to(cr, x, y + 6);
  cairo_curve_to(cr, x + 40, y - 6, x + 70, y + 16, x + 120, y + 2);
  cairo_curve_to(cr, x + 150, y - 4, x + 160, y + 10, x + 185, y + 4);
  cairo_stroke(cr);
  cairo_restore(cr);
}

void DrawPage(cairo_t* cr, const std::vector<const PrintLine*>& lines, const Document& doc, int number, int count,
              double width, double height, int scribble = -1) {
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  double y = kMargin;
  if (number > 1) {
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, 7.5);
    cairo_move_to(cr, kMargin, y + 8);
    cairo_show_text(cr, ("Medicatieoverzicht " + doc.patient.name).c_str());
    y += 14;
  }
  for (const PrintLine* l : lines) {
    for (const auto& p : l->pieces) {
      cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                             p.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
      cairo_set_font_size(cr, p.size);
      cairo_move_to(cr, p.x, y + p.size);
      cairo_show_text(cr, p.text.c_str());
    }
    if (l->tableHeader) {
      cairo_set_line_width(cr, 0.6);
      cairo_move_to(cr, kMargin, y + l->height - 2);
      cairo_line_to(cr, width - kMargin, y + l->height - 2);
      cairo_stroke(cr);
    }
    if (scribble-- == 0 && l->pieces.size() > 2) Scribble(cr, l->pieces[1].x - 20, y);
    y += l->height;
  }
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, 7.5);
  cairo_move_to(cr, width - kMargin - 70, height - kMargin);
  cairo_show_text(cr, ("Pagina " + std::to_string(number) + " van " + std::to_string(count)).c_str());
}

// A fax: 200 dpi, black and white, turned by up to a degree, with speckles.
void DrawScanned(cairo_t* pdf, const std::vector<const PrintLine*>& lines, const Document& doc, int number, int count,
                 double width, double height, std::mt19937& rng) {
  constexpr double kDpi = 200;
  const double scale = kDpi / 72.0;
  const int w = static_cast<int>(width * scale), h = static_cast<int>(height * scale);
  std::unique_ptr<cairo_surface_t, void (*)(cairo_surface_t*)> img(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h),
                                                                   cairo_surface_destroy);
  cairo_t* cr = cairo_create(img.get());
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  const double angle = (static_cast<double>(rng() % 200) / 100.0 - 1.0) * M_PI / 180.0;
  cairo_translate(cr, w / 2.0, h / 2.0);
  cairo_rotate(cr, angle);
  cairo_translate(cr, -w / 2.0, -h / 2.0);
  cairo_scale(cr, scale, scale);
  // On the first page, a stroke across the product and dose of a line some way down the table.
  DrawPage(cr, lines, doc, number, count, width, height, number == 1 ? 14 : -1);
  cairo_destroy(cr);
  cairo_surface_flush(img.get());
  unsigned char* data = cairo_image_surface_get_data(img.get());
  const int stride = cairo_image_surface_get_stride(img.get());
  for (int y = 0; y < h; ++y) {
    auto* row = reinterpret_cast<uint32_t*>(data + static_cast<ptrdiff_t>(y) * stride);
    for (int x = 0; x < w; ++x) {
      const uint32_t grey = (row[x] >> 8) & 0xff;
      bool black = grey < 150;
      if (rng() % 1000 < 2) black = !black;  // speckle
      row[x] = black ? 0xff000000u : 0xffffffffu;
    }
  }
  cairo_surface_mark_dirty(img.get());
  cairo_save(pdf);
  cairo_scale(pdf, 1 / scale, 1 / scale);
  cairo_set_source_surface(pdf, img.get(), 0, 0);
  cairo_paint(pdf);
  cairo_restore(pdf);
}

}  // namespace

int DrawPdf(const Document& doc, const std::string& path) {
  const Style& style = StyleOf(doc.layout);
  const double width = style.landscape ? 842 : 595, height = style.landscape ? 595 : 842;
  cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), width, height);
  cairo_t* cr = cairo_create(surface);
  const auto lines = Compose(cr, doc, style, width);
  const auto pages = Paginate(lines, height);
  std::mt19937 rng(static_cast<unsigned>(doc.id.size() * 7919 + doc.lines.size()));
  for (size_t p = 0; p < pages.size(); ++p) {
    const int number = static_cast<int>(p) + 1, count = static_cast<int>(pages.size());
    if (doc.scanned) {
      DrawScanned(cr, pages[p], doc, number, count, width, height, rng);
    } else {
      DrawPage(cr, pages[p], doc, number, count, width, height);
    }
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return static_cast<int>(pages.size());
}

}  // namespace zb::corpus
