// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Amounts as FHIR carries them: a decimal (kept in its exact lexical form, "1.50" stays "1.50"),
// a UCUM unit, and the G-Standaard unit translation MP9 adds (e.g. 245 "stuk").
#include <optional>
#include <string>

#include "domain/codes.h"

namespace zb::domain {

struct Quantity {
  std::string decimal;             // exact lexical value; empty when the source gave none
  std::string unit;                // human-readable unit as sent
  std::string system;              // usually UCUM
  std::string code;                // UCUM code, "1" for "stuk"
  std::optional<Coding> gstdUnit;  // G-Standaard translation of the unit
  std::optional<double> Number() const;
  // Unit for comparisons: the G-Standaard code if present (most specific), else the UCUM code.
  std::string UnitKey() const;
  std::string Label() const;  // "2 stuk"
  bool operator==(const Quantity&) const = default;
};

struct Range {
  std::optional<Quantity> low;
  std::optional<Quantity> high;
  std::string Label() const;  // "1 - 2 stuk"
  bool operator==(const Range&) const = default;
};

struct Ratio {
  std::optional<Quantity> numerator;
  std::optional<Quantity> denominator;
  std::string Label() const;  // "6 stuk per 1 dag"
  bool operator==(const Ratio&) const = default;
};

}  // namespace zb::domain
