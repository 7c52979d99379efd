// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reading the printed cells of an AMO line in the Dutch notations hospitals and pharmacy systems
// use (amo.md C.3): decimal comma, "½", "1-0-1", "1dd1", "2 dd 1 tablet", "z.n.", "vlgs schema",
// "t/m", "12 mrt 2026", upper-case and tall-man names. Each reader says whether it read the whole
// text: a word it could not place makes the field uncertain rather than quietly dropped.
#include <optional>
#include <string>
#include <string_view>

#include "domain/amo_document.h"
#include "domain/date_time.h"

namespace zb::domain {

// A section heading or status cell: "Nieuwe medicatie", "ONGEWIJZIGD", "Tijdelijk gestopt".
AmoStatus AmoStatusOfHeading(std::string_view text);

// dd-mm-jjjj, d-m-jjjj, dd/mm/jjjj, dd.mm.jjjj, jjjj-mm-dd, "12 mrt 2026", "12 maart 2026".
std::optional<Date> ReadAmoDate(std::string_view text);

struct AmoDoseReading {
  AmoDose dose;
  bool complete = false;  // every word of the text was placed
  std::string unread;     // the words that were not
};
AmoDoseReading ReadAmoDose(std::string_view text);
// A canonical wording of a dose reading, for comparison and display: "1 stuk 2x/d zn".
std::string AmoDoseValue(const AmoDose& dose);

struct AmoProductReading {
  std::string name;      // lower case, as printed otherwise ("metoprolol")
  std::string strength;  // "50 mg", "0.5 mg", "10 mg/ml"; empty when none printed
  std::string form;      // "tablet", "capsule", "zetpil", ...; empty when none printed
  bool complete = false;
};
AmoProductReading ReadAmoProduct(std::string_view text);

// The canonical route ("oraal", "rectaal", "subcutaan", ...), or nullopt for an unknown wording.
std::optional<std::string> ReadAmoRoute(std::string_view text);

// Fills every field's value and uncertainty from its printed text (and the OCR confidence already
// on it): dates read, "t/m" and durations turned into a stop date, dose and product structured.
// A field whose confidence is below `threshold` is uncertain whatever it reads as.
void ReadAmoLine(AmoLine& line, double threshold);
void ReadAmoHeader(AmoHeader& header, double threshold);

}  // namespace zb::domain
