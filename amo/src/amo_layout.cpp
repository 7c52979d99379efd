// SPDX-License-Identifier: GPL-3.0-or-later
// Layout analysis: words -> text lines -> cells; a line with three or more column words is a
// table header; the lines under it are rows, section headings or footers until a header label
// ends the table. Everything outside tables is read for "label: value" header pairs.
#include "amo/amo_layout.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <regex>

#include "domain/amo_reading.h"
#include "domain/amo_text.h"

namespace zb::amo {
namespace {

namespace d = domain;

struct Line {
  int page = 0;
  std::vector<Word> words;  // left to right
  double top = 0, bottom = 0;
  std::string Text() const {
    std::string t;
    for (const auto& w : words) t += (t.empty() ? "" : " ") + w.text;
    return t;
  }
};

// Letters and digits, including the accented letters, ½ and µ a Dutch AMO prints; OCR specks come
// out as quotes, dashes and degree signs.
bool HasAlnum(const std::string& t) {
  for (size_t i = 0; i < t.size(); ++i) {
    const auto c = static_cast<unsigned char>(t[i]);
    if (std::isalnum(c) || c == 0xC3 || c == 0xC4) return true;
    if (c == 0xC2 && i + 1 < t.size()) {
      const auto n = static_cast<unsigned char>(t[i + 1]);
      if (n == 0xBD || n == 0xBC || n == 0xB5) return true;
    }
  }
  return false;
}

// OCR of a fax confuses 1 with I, l or | and 0 with O next to digits ("Ix elke", "IMG", "2O26"),
// and reads specks as punctuation. Specks go; a repaired word keeps a confidence just under the
// threshold, so the field is right and still shown to the secretary to check.
Word Repaired(Word w, double threshold) {
  static const std::regex one(R"((^|[0-9(])[Il|](?=[0-9]|x|X|mg|MG|dd|-|$))");
  static const std::regex oneBefore(R"(([0-9])[Il|](?=[0-9]|$))");
  static const std::regex zeroUnit(R"(([0-9])[oO](?=[0-9]|[mM]|[iI][eE]|[µgG]))");  // "5omicrogram", "80oie"
  static const std::regex zero(R"(([0-9])[Oo](?=[0-9]|$)|(^)[Oo](?=[0-9]))");
  std::string t = std::regex_replace(w.text, one, "$011");
  t = std::regex_replace(t, oneBefore, "$011");
  t = std::regex_replace(t, zero, "$010");
  t = std::regex_replace(t, zeroUnit, "$010");
  static const std::regex joinedUnit(R"(([0-9])[-:](?=[A-Za-z]))");   // "500-MG"
  static const std::regex joinedTimes(R"(^([xX])[-:](?=[A-Za-z]))");  // "X:PER"
  t = std::regex_replace(t, joinedUnit, "$1");
  // The fraction sign is beyond Tesseract's Dutch data: "½" comes out as "%" where a dose stands
  // ("2dd%", "%-0-%"); "l" as "!" at a word's end ("Fentany!"); a speck before a word as "_".
  static const std::regex halfAfterDd(R"((dd\s?)%)");
  static const std::regex halfInPattern(R"((^|-)%(?=-|$))");
  static const std::regex bang(R"(([a-z])!(?=[a-z]|$))");
  t = std::regex_replace(t, halfAfterDd, "$1\xC2\xBD");
  t = std::regex_replace(t, halfInPattern, "$1\xC2\xBD");
  t = std::regex_replace(t, bang, "$1l");
  while (t.size() > 1 && (t.front() == '_' || t.front() == '|')) t.erase(t.begin());
  t = std::regex_replace(t, joinedTimes, "$1 ");
  if (t != w.text) {
    w.text = t;
    w.confidence = std::min(w.confidence, threshold - 0.01);
  }
  return w;
}

std::vector<Word> Cleaned(const Page& page, double threshold) {
  std::vector<Word> out;
  for (const auto& w : page.words) {
    if (!page.ocr) {
      out.push_back(w);
    } else if (HasAlnum(w.text) || w.text == "-" || w.text == "/") {
      out.push_back(Repaired(w, threshold));
    }
  }
  return out;
}

// Words -> lines: a word belongs to a line when their vertical extents overlap by half a word.
std::vector<Line> LinesOf(const Page& page, double threshold) {
  std::vector<Word> words = Cleaned(page, threshold);
  std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) { return a.top < b.top; });
  std::vector<Line> lines;
  for (const auto& w : words) {
    if (w.text.empty()) continue;
    const double h = std::max(1.0, w.bottom - w.top);
    Line* into = nullptr;
    for (auto it = lines.rbegin(); it != lines.rend() && it - lines.rbegin() < 3; ++it) {
      const double overlap = std::min(it->bottom, w.bottom) - std::max(it->top, w.top);
      if (overlap > 0.5 * std::min(h, it->bottom - it->top)) {
        into = &*it;
        break;
      }
    }
    if (!into) {
      lines.push_back(Line{page.number, {}, w.top, w.bottom});
      into = &lines.back();
    }
    into->words.push_back(w);
    into->top = std::min(into->top, w.top);
    into->bottom = std::max(into->bottom, w.bottom);
  }
  for (auto& l : lines)
    std::sort(l.words.begin(), l.words.end(), [](const Word& a, const Word& b) { return a.left < b.left; });
  std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.top < b.top; });
  return lines;
}

// Cells: runs of words closer together than a wide space.
std::vector<Line> CellsOf(const Line& line) {
  std::vector<Line> cells;
  for (const auto& w : line.words) {
    const double gap = cells.empty() ? 1e9 : w.left - cells.back().words.back().right;
    if (gap > std::max(6.0, 0.9 * (w.bottom - w.top))) cells.push_back(Line{line.page, {}, w.top, w.bottom});
    cells.back().words.push_back(w);
    cells.back().top = std::min(cells.back().top, w.top);
    cells.back().bottom = std::max(cells.back().bottom, w.bottom);
  }
  return cells;
}

std::string Key(std::string text) {
  text = d::amo::Trimmed(d::amo::Folded(text));
  while (!text.empty() && (text.back() == ':' || text.back() == '.')) text.pop_back();
  return text;
}

enum class Column { kNone, kProduct, kDose, kRoute, kStart, kStop, kReason, kPrescriber, kStatus, kRemarks };

Column ColumnOfWord(const std::string& word) {
  static const std::map<std::string, Column> kWords = {{"geneesmiddel", Column::kProduct},
                                                       {"medicatie", Column::kProduct},
                                                       {"middel", Column::kProduct},
                                                       {"artikel", Column::kProduct},
                                                       {"product", Column::kProduct},
                                                       {"medicijn", Column::kProduct},
                                                       {"preparaat", Column::kProduct},
                                                       {"dosering", Column::kDose},
                                                       {"dosis", Column::kDose},
                                                       {"gebruik", Column::kDose},
                                                       {"gebruiksvoorschrift", Column::kDose},
                                                       {"toediening", Column::kRoute},
                                                       {"toedieningsweg", Column::kRoute},
                                                       {"route", Column::kRoute},
                                                       {"wijze", Column::kRoute},
                                                       {"start", Column::kStart},
                                                       {"startdatum", Column::kStart},
                                                       {"begin", Column::kStart},
                                                       {"begindatum", Column::kStart},
                                                       {"ingangsdatum", Column::kStart},
                                                       {"vanaf", Column::kStart},
                                                       {"stop", Column::kStop},
                                                       {"stopdatum", Column::kStop},
                                                       {"einddatum", Column::kStop},
                                                       {"eind", Column::kStop},
                                                       {"einde", Column::kStop},
                                                       {"tot", Column::kStop},
                                                       {"duur", Column::kStop},
                                                       {"reden", Column::kReason},
                                                       {"indicatie", Column::kReason},
                                                       {"voorschrijver", Column::kPrescriber},
                                                       {"status", Column::kStatus},
                                                       {"actie", Column::kStatus},
                                                       {"opmerking", Column::kRemarks},
                                                       {"opmerkingen", Column::kRemarks},
                                                       {"bijzonderheden", Column::kRemarks},
                                                       {"instructie", Column::kRemarks}};
  const auto it = kWords.find(Key(word));
  return it == kWords.end() ? Column::kNone : it->second;
}

struct ColumnSpan {
  Column column;
  double left;
};

// A table header: three or more cells that each start with a column word, the product among them.
// Narrow columns leave little space between their titles ("Startdatum Stopdatum"), so a second
// column word inside a cell starts a column of its own.
std::optional<std::vector<ColumnSpan>> TableHeader(const Line& line) {
  std::vector<ColumnSpan> spans;
  for (const auto& cell : CellsOf(line)) {
    bool first = true;
    for (const auto& w : cell.words) {
      const Column here = ColumnOfWord(w.text);
      if (here == Column::kNone || (!first && here == spans.back().column)) continue;
      spans.push_back({here, first ? cell.words.front().left : w.left});
      first = false;
    }
    if (first) return std::nullopt;  // a cell without a column word: not a table header
  }
  const bool product =
      std::any_of(spans.begin(), spans.end(), [](const ColumnSpan& s) { return s.column == Column::kProduct; });
  if (spans.size() < 3 || !product) return std::nullopt;
  return spans;
}

Column ColumnAt(const std::vector<ColumnSpan>& spans, double left) {
  Column c = spans.front().column;
  for (const auto& s : spans)
    if (left >= s.left - 4.0) c = s.column;
  return c;
}

void Append(d::AmoField& field, const Word& w, int page) {
  field.text += (field.text.empty() ? "" : " ") + w.text;
  field.confidence = std::min(field.confidence, w.confidence);
  if (!field.box) {
    field.box = d::PageBox{page, w.left, w.top, w.right, w.bottom};
  } else if (field.box->page == page) {
    field.box->left = std::min(field.box->left, w.left);
    field.box->top = std::min(field.box->top, w.top);
    field.box->right = std::max(field.box->right, w.right);
    field.box->bottom = std::max(field.box->bottom, w.bottom);
  }
}

d::AmoField* FieldOf(d::AmoLine& row, Column c) {
  switch (c) {
    case Column::kProduct:
      return &row.product;
    case Column::kDose:
      return &row.dose;
    case Column::kRoute:
      return &row.route;
    case Column::kStart:
      return &row.start;
    case Column::kStop:
      return &row.stop;
    case Column::kReason:
      return &row.reason;
    case Column::kPrescriber:
      return &row.prescriber;
    case Column::kStatus:
      return &row.statusText;
    case Column::kRemarks:
      return &row.remarks;
    case Column::kNone:
      break;
  }
  return nullptr;
}

bool IsShort(Column c) {
  return c == Column::kRoute || c == Column::kStart || c == Column::kStop || c == Column::kStatus;
}

// A short cell of the row above that does not read yet ("22 nov" waiting for "2021", "t/m"
// waiting for its date): the line below that carries on in that column continues the row.
bool Unfinished(Column c, const d::AmoField& f) {
  if (f.text.empty()) return false;
  switch (c) {
    case Column::kStart:
      return !d::ReadAmoDate(f.text).has_value();
    case Column::kStop: {
      const auto words = d::amo::Words(f.text);
      return !words.empty() && !d::ReadAmoDate(words.back()) && !d::ReadAmoDate(f.text) &&
             d::amo::Folded(f.text).find("dag") == std::string::npos &&
             d::amo::Folded(f.text).find("week") == std::string::npos && words.size() < 3 &&
             (words.back() == "t/m" || words.back() == "tot" ||
              std::isdigit(static_cast<unsigned char>(words.back()[0])));
    }
    case Column::kRoute:
      return !d::ReadAmoRoute(f.text).has_value();
    case Column::kStatus:  // "Tijdelijk" reads as paused but waits for its "gestopt"
      return d::AmoStatusOfHeading(f.text) == d::AmoStatus::kUnknown || Key(f.text) == "tijdelijk";
    default:
      return false;
  }
}

// On a scanned page an empty cell may be a value OCR did not see (a faint date, a word run into
// the next column): the secretary checks it against the page.
void DoubtEmptyCells(d::AmoLine& row, const std::vector<Column>& columns) {
  for (Column c : {Column::kDose, Column::kRoute, Column::kStart, Column::kStop}) {
    if (std::find(columns.begin(), columns.end(), c) == columns.end()) continue;
    d::AmoField* f = FieldOf(row, c);
    if (f->text.empty() && !f->uncertain && !(c == Column::kDose && row.status == d::AmoStatus::kStopped)) {
      f->uncertain = true;
      f->why = "leeg op een gescande pagina: controleer of er iets staat";
    }
  }
}

bool IsFooter(const std::string& text) {
  static const std::regex page(R"((?:pagina|blad|page)\s*\d+\s*(?:van|/|of)\s*\d+)");
  return std::regex_search(Key(text), page);
}

d::AmoField* HeaderFieldOf(d::AmoHeader& h, const std::string& label) {
  static const std::map<std::string, d::AmoField d::AmoHeader::*> kLabels = {
      {"naam", &d::AmoHeader::patientName},
      {"patiënt", &d::AmoHeader::patientName},
      {"patient", &d::AmoHeader::patientName},
      {"naam patiënt", &d::AmoHeader::patientName},
      {"patiëntnaam", &d::AmoHeader::patientName},
      {"bsn", &d::AmoHeader::bsn},
      {"burgerservicenummer", &d::AmoHeader::bsn},
      {"geboortedatum", &d::AmoHeader::birthDate},
      {"geb.datum", &d::AmoHeader::birthDate},
      {"geb. datum", &d::AmoHeader::birthDate},
      {"geboren", &d::AmoHeader::birthDate},
      {"geslacht", &d::AmoHeader::sex},
      {"ziekenhuis", &d::AmoHeader::hospital},
      {"instelling", &d::AmoHeader::hospital},
      {"afzender", &d::AmoHeader::hospital},
      {"afdeling", &d::AmoHeader::department},
      {"specialisme", &d::AmoHeader::department},
      {"arts", &d::AmoHeader::author},
      {"behandelend arts", &d::AmoHeader::author},
      {"opgesteld door", &d::AmoHeader::author},
      {"hoofdbehandelaar", &d::AmoHeader::author},
      {"ontslagarts", &d::AmoHeader::author},
      {"afgedrukt", &d::AmoHeader::printed},
      {"afdrukdatum", &d::AmoHeader::printed},
      {"printdatum", &d::AmoHeader::printed},
      {"aangemaakt", &d::AmoHeader::printed},
      {"datum overzicht", &d::AmoHeader::printed},
      {"opnamedatum", &d::AmoHeader::admission},
      {"opname", &d::AmoHeader::admission},
      {"datum opname", &d::AmoHeader::admission},
      {"ontslagdatum", &d::AmoHeader::discharge},
      {"ontslag", &d::AmoHeader::discharge},
      {"datum ontslag", &d::AmoHeader::discharge},
      {"allergieën", &d::AmoHeader::allergies},
      {"allergieen", &d::AmoHeader::allergies},
      {"allergie", &d::AmoHeader::allergies},
      {"overgevoeligheden", &d::AmoHeader::allergies},
      {"allergieën/intoleranties", &d::AmoHeader::allergies},
      {"egfr", &d::AmoHeader::renalFunction},
      {"nierfunctie", &d::AmoHeader::renalFunction},
      {"kreatinineklaring", &d::AmoHeader::renalFunction},
      {"gewicht", &d::AmoHeader::weight},
      {"geverifieerd", &d::AmoHeader::verification},
      {"verificatie", &d::AmoHeader::verification},
      {"geverifieerd met patiënt", &d::AmoHeader::verification},
      {"medicatieverificatie", &d::AmoHeader::verification},
      {"apotheek", &d::AmoHeader::pharmacy},
      {"afleverende apotheek", &d::AmoHeader::pharmacy},
      {"eigen apotheek", &d::AmoHeader::pharmacy}};
  const auto it = kLabels.find(Key(label));
  return it == kLabels.end() ? nullptr : &(h.*(it->second));
}

// "Label: value" pairs of a line; a label cell may stand alone with its value in the next cell.
// Returns whether the line held a known label.
bool ReadHeaderLine(const Line& line, d::AmoHeader& header) {
  bool any = false;
  d::AmoField* open = nullptr;
  for (const auto& cell : CellsOf(line)) {
    std::string label;
    size_t valueFrom = 0;
    for (size_t i = 0; i < cell.words.size(); ++i) {
      label += (label.empty() ? "" : " ") + cell.words[i].text;
      if (!label.empty() && label.back() == ':') {
        valueFrom = i + 1;
        break;
      }
    }
    d::AmoField* field = valueFrom > 0 ? HeaderFieldOf(header, label) : nullptr;
    if (field && field->text.empty()) {
      any = true;
      for (size_t i = valueFrom; i < cell.words.size(); ++i) Append(*field, cell.words[i], line.page);
      open = field->text.empty() ? field : nullptr;
    } else if (open) {
      for (const auto& w : cell.words) Append(*open, w, line.page);
      open = nullptr;
    }
  }
  return any;
}

}  // namespace

d::AmoDocument ReadLayout(const std::vector<Page>& pages, double threshold) {
  d::AmoDocument doc;
  doc.pages = static_cast<int>(pages.size());
  std::vector<Line> outside;  // lines that are not part of a table: header, title, footers
  std::optional<std::vector<ColumnSpan>> columns;
  d::AmoField section;
  bool statusColumn = false;
  std::vector<Column> columnsSeen;
  for (const auto& page : pages) {
    if (page.ocr) ++doc.ocrPages;
    bool inTable = false;
    d::AmoHeader probe;
    for (const auto& line : LinesOf(page, threshold)) {
      const std::string text = line.Text();
      if (IsFooter(text) || !HasAlnum(text)) continue;
      if (auto header = TableHeader(line)) {
        columns = header;  // a repeated header on the next page re-reads the columns
        for (const auto& span : *header) columnsSeen.push_back(span.column);
        statusColumn = std::any_of(header->begin(), header->end(),
                                   [](const ColumnSpan& s) { return s.column == Column::kStatus; });
        inTable = true;
        continue;
      }
      if (!inTable || !columns) {
        outside.push_back(line);
        continue;
      }
      if (ReadHeaderLine(line, probe)) {  // a header label under the table ends it on this page
        inTable = false;
        outside.push_back(line);
        continue;
      }
      std::map<Column, std::vector<Word>> cells;
      for (const auto& w : line.words) cells[ColumnAt(*columns, w.left)].push_back(w);
      // A section heading: a few words naming a discharge section, no dates or doses, all in the
      // first column ("POEDER aangepast" is a wrapped product beside a wrapped reason).
      const auto headingWords = d::amo::Words(text);
      const bool digits =
          std::any_of(text.begin(), text.end(), [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); });
      if (!statusColumn && !digits && headingWords.size() <= 4 &&
          d::AmoStatusOfHeading(text) != d::AmoStatus::kUnknown && cells.size() == 1 && cells.count(Column::kProduct)) {
        section = d::AmoField{};
        for (const auto& w : line.words) Append(section, w, line.page);
        continue;
      }
      bool startsRow = cells.count(Column::kProduct) > 0 &&
                       std::any_of(cells.begin(), cells.end(), [](const auto& c) { return IsShort(c.first); });
      if (startsRow && !doc.lines.empty()) {
        bool continues = true;
        for (const auto& [column, words] : cells)
          if (IsShort(column)) continues = continues && Unfinished(column, *FieldOf(doc.lines.back(), column));
        startsRow = !continues;
      }
      if (startsRow || doc.lines.empty()) {
        d::AmoLine row;
        row.page = line.page;
        if (!statusColumn) row.statusText = section;
        doc.lines.push_back(std::move(row));
        if (!startsRow)
          doc.warnings.push_back("pagina " + std::to_string(line.page) + ": regel '" + text +
                                 "' staat in de tabel maar begint geen medicatieregel");
      }
      for (const auto& [column, words] : cells) {
        d::AmoField* field = FieldOf(doc.lines.back(), column);
        if (!field) continue;
        for (const auto& w : words) Append(*field, w, line.page);
      }
    }
  }
  for (const auto& line : outside) {
    if (ReadHeaderLine(line, doc.header)) continue;
    const std::string key = Key(line.Text());
    if (doc.header.title.text.empty() &&
        (key.find("medicatieoverzicht") != std::string::npos || key.find("ontslagmedicatie") != std::string::npos)) {
      for (const auto& w : line.words) Append(doc.header.title, w, line.page);
    } else if (doc.header.hospital.text.empty() && line.page == 1 && doc.header.title.text.empty()) {
      // The first line above the title is the letterhead: the hospital's name.
      for (const auto& w : line.words) Append(doc.header.hospital, w, line.page);
    }
  }
  d::ReadAmoHeader(doc.header, threshold);
  for (auto& row : doc.lines) {
    d::ReadAmoLine(row, threshold);
    if (row.page >= 1 && row.page <= static_cast<int>(pages.size()) && pages[static_cast<size_t>(row.page - 1)].ocr)
      DoubtEmptyCells(row, columnsSeen);
  }
  return doc;
}

}  // namespace zb::amo
