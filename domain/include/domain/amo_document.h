// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A hospital's discharge medication overview (AMO) as read from its printed page (amo.md C.2):
// the header once, then one line per medicine with its discharge section. Every field keeps where
// it stood on the page and how sure the reading is, because the secretariat checks the
// transcription against the page and nothing below its threshold may pass unnoticed (C-R2, C-R3).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zb::domain {

// Where a field was printed: page (1-based) and its box in PDF points from the top left.
struct PageBox {
  int page = 0;
  double left = 0, top = 0, right = 0, bottom = 0;
  bool operator==(const PageBox&) const = default;
};

// One field as printed and as read. `text` is verbatim (after joining wrapped words); `value` is
// the normalised reading (an ISO date, a route, a number) and empty when it could not be read.
// `confidence` is 0..1: the OCR word confidence, lowered when the text does not read cleanly.
struct AmoField {
  std::string text;
  std::string value;
  std::optional<PageBox> box;
  double confidence = 1.0;
  bool uncertain = false;
  std::string why;  // why it is uncertain, in words a secretary can act on
  bool Present() const { return !text.empty(); }
  bool operator==(const AmoField&) const = default;
};

// The discharge sections of C.1/C.2; the CLI writes them as continue/changed/stopped/new/paused.
enum class AmoStatus { kUnknown, kContinue, kChanged, kStopped, kNew, kPaused };
const char* ToString(AmoStatus s);  // "continue", ... ; "" for unknown
AmoStatus AmoStatusFromString(std::string_view text);

// The structured reading of a printed dose ("2 dd 1 tablet", "1-0-1", "z.n. max 3 per dag").
struct AmoDose {
  std::string amount;              // decimal with a point ("0.5"); empty when not printed
  std::string amountMax;           // "1-2 tabletten": the upper bound
  std::string unit;                // normalised: mg, ml, IE, microgram, stuk, druppel, puf, ...
  int perPeriod = 0;               // administrations per period; 0 when not read
  std::string period;              // "d" or "wk"
  std::vector<std::string> times;  // hh:mm
  bool asNeeded = false;
  std::string condition;  // "bij pijn"
  std::string maxPerDay;  // "3": at most per day (as-needed maximum)
  bool schedule = false;  // "volgens schema": the amounts are on a separate schedule
  bool operator==(const AmoDose&) const = default;
};

struct AmoLine {
  AmoStatus status = AmoStatus::kUnknown;
  AmoField statusText;               // the section heading or status cell it came from
  AmoField product;                  // as printed: name, strength, form
  std::string name, strength, form;  // read from product: "metoprolol", "50 mg", "tablet"
  AmoField dose;                     // dose text as printed; value = a canonical reading of AmoDose
  AmoDose doseReading;
  AmoField route, start, stop, reason, prescriber, remarks;
  int page = 0;  // the page the line starts on
  bool Uncertain() const;
  std::vector<std::string> UncertainFields() const;  // "dose", "start", ...
};

// The named fields of a line, in reading order: one table for the JSON, the uncertainty list, the
// review and the screens ("status", "product", "dose", "route", "start", "stop", "reason",
// "prescriber", "remarks").
struct AmoLineField {
  const char* name;
  AmoField AmoLine::*field;
};
inline constexpr AmoLineField kAmoLineFields[] = {
    {"status", &AmoLine::statusText}, {"product", &AmoLine::product},       {"dose", &AmoLine::dose},
    {"route", &AmoLine::route},       {"start", &AmoLine::start},           {"stop", &AmoLine::stop},
    {"reason", &AmoLine::reason},     {"prescriber", &AmoLine::prescriber}, {"remarks", &AmoLine::remarks}};
// The field by its name; nullptr for an unknown name.
AmoField* LineField(AmoLine& line, std::string_view name);
const AmoField* LineField(const AmoLine& line, std::string_view name);

struct AmoHeader {
  AmoField patientName, bsn, birthDate, sex;
  AmoField hospital, department, author, title, printed;
  AmoField admission, discharge;
  AmoField allergies, renalFunction, weight, verification, pharmacy;
};

struct AmoDocument {
  AmoHeader header;
  std::vector<AmoLine> lines;
  int pages = 0;
  int ocrPages = 0;                   // pages read by OCR because they had no text layer
  std::vector<std::string> warnings;  // layout findings worth a look (a table row that fit no column)
};

}  // namespace zb::domain
