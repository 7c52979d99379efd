// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/quantity.h"

#include <charconv>

namespace zb::domain {

std::optional<double> Quantity::Number() const {
  if (decimal.empty()) return std::nullopt;
  double v = 0;
  const auto* first = decimal.data();
  const auto* last = first + decimal.size();
  auto [ptr, ec] = std::from_chars(first, last, v);
  if (ec != std::errc() || ptr != last) return std::nullopt;
  return v;
}

std::string Quantity::UnitKey() const {
  if (gstdUnit) return gstdUnit->system + "|" + gstdUnit->code;
  return system + "|" + code;
}

std::string Quantity::Label() const {
  std::string label = decimal;
  const std::string& u = gstdUnit && !gstdUnit->display.empty() ? gstdUnit->display : unit;
  if (!u.empty() && u != "1") label += (label.empty() ? "" : " ") + u;
  return label;
}

std::string Range::Label() const {
  std::string l = low ? low->decimal : std::string("?");
  std::string h = high ? high->Label() : std::string("?");
  if (!high && low) h = "? " + low->unit;
  return l + " - " + h;
}

std::string Ratio::Label() const {
  std::string n = numerator ? numerator->Label() : std::string("?");
  std::string d = denominator ? denominator->Label() : std::string("?");
  return n + " per " + d;
}

}  // namespace zb::domain
