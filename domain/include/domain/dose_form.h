// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the dose editor of a draft asks (prescribing.md: amount, unit, frequency, times of day,
// as needed with condition and maximum, duration, route), turned into MP9 Dosage lines and into
// the dose in MP9's words (ext-RenderedDosageInstruction, written in Dutch as the fixtures do:
// "3 maal per dag 1 stuk, Oraal", "elke dag om 08:00 en 20:00 1 stuk, Oraal",
// "Bij pijn 1 à 2 stuks, maximaal 6 stuks per dag, Oraal"). The text is data sent with the
// agreement, not a screen text, so it is never translated.
#include <optional>
#include <string>
#include <vector>

#include "domain/codes.h"
#include "domain/dosage.h"
#include "domain/result.h"

namespace zb::domain {

// The units the editor offers: the G-Standaard unit (table 900.2) with its UCUM code, as the
// Nictiz fixtures write them. Any other unit is refused by name (write the dose as text instead).
struct DoseUnit {
  std::string gstdCode;  // 245 stuk, 215 gram, 233 milliliter, 208 dosis, 303 druppel
  std::string singular;  // "stuk"
  std::string plural;    // "stuks"
  std::string ucum;      // "1", "g", "ml", "[drp]"
};
const std::vector<DoseUnit>& DoseUnits();
const DoseUnit* FindDoseUnit(std::string_view gstdCodeOrName);

// The routes the editor offers (G-Standaard table 7, codes as the Nictiz fixtures use them).
const std::vector<Coding>& DoseRoutes();
// By code or by name, case-insensitive ("9", "oraal"); nullopt when the editor does not know it.
std::optional<Concept> FindDoseRoute(std::string_view codeOrName);

struct DoseForm {
  std::string amount;                   // decimal with a point ("1", "0.5"); empty only for "as needed" without amount
  std::string amountMax;                // "1 à 2 stuks": the upper amount, or empty
  std::string unit;                     // G-Standaard unit code or name (see DoseUnits)
  int timesPerDay = 0;                  // "3 maal per dag"; 0 with timesOfDay, or for as-needed without frequency
  int everyDays = 1;                    // "1 maal per 2 dagen": with timesPerDay
  std::vector<std::string> timesOfDay;  // "08:00", in the day's order
  bool asNeeded = false;                // zo nodig
  Concept asNeededCondition;            // NHG table 25, e.g. 1028 "Bij pijn"
  std::string maxPerDay;                // as needed: at most this amount per day (same unit)
  std::optional<int> durationDays;      // "gedurende 4 dagen"
  Concept route;                        // G-Standaard route, e.g. 9 "Oraal"
};

// An amount in one of the editor's units, as the fixtures write quantities (UCUM with the
// G-Standaard unit as translation); refused when the amount is not a positive decimal or the unit
// unknown. `field` names the field in the refusal.
Result<Quantity> DoseQuantity(const std::string& amount, std::string_view unit, const std::string& field);

// One Dosage line. Refuses, naming the field: an amount that is not a positive decimal, an unknown
// unit, no frequency and no times (unless as needed), frequency and times together, a time that is
// not hh:mm, a maximum without "as needed", a duration below one day, no route.
Result<std::vector<Dosage>> ToDosage(const DoseForm& form);
// The dose in MP9's words; call on a form ToDosage accepted.
std::string RenderDose(const DoseForm& form);

}  // namespace zb::domain
