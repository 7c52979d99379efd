// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Dutch healthcare identifiers as strong types. They are strings of ASCII digits (leading zeros
// matter) and can only be constructed through Parse, so a Bsn in hand is always 11-test valid.
#include <string>
#include <string_view>

#include "domain/result.h"

namespace zb::domain {

// Burgerservicenummer: 9 digits passing the BSN 11-test (weights 9..2 and -1, sum != 0).
// Legacy 8-digit numbers are accepted and left-padded with one zero.
class Bsn {
 public:
  static Result<Bsn> Parse(std::string_view text);
  const std::string& digits() const { return m_digits; }
  // For display and logs: only the last three digits, so a BSN never lands in a log line whole.
  std::string Masked() const;
  bool operator==(const Bsn&) const = default;
  auto operator<=>(const Bsn&) const = default;

 private:
  explicit Bsn(std::string digits) : m_digits(std::move(digits)) {}
  std::string m_digits;
};

// URA (UZI-register abonneenummer): 8 digits, no check digit is documented.
class Ura {
 public:
  static Result<Ura> Parse(std::string_view text);
  const std::string& digits() const { return m_digits; }
  bool operator==(const Ura&) const = default;

 private:
  explicit Ura(std::string digits) : m_digits(std::move(digits)) {}
  std::string m_digits;
};

// DEZI number, which continues the UZI number series: 9 digits, no check digit.
class DeziNumber {
 public:
  static Result<DeziNumber> Parse(std::string_view text);
  const std::string& digits() const { return m_digits; }
  bool operator==(const DeziNumber&) const = default;

 private:
  explicit DeziNumber(std::string digits) : m_digits(std::move(digits)) {}
  std::string m_digits;
};
using UziNumber = DeziNumber;

// AGB code (Vektis): 8 digits; 00000000 means "no AGB code" and is refused as a value.
class Agb {
 public:
  static Result<Agb> Parse(std::string_view text);
  const std::string& digits() const { return m_digits; }
  // The first two digits name the kind of care (01 = huisartsen, ...).
  std::string_view CareKind() const { return std::string_view(m_digits).substr(0, 2); }
  bool operator==(const Agb&) const = default;

 private:
  explicit Agb(std::string digits) : m_digits(std::move(digits)) {}
  std::string m_digits;
};

}  // namespace zb::domain
