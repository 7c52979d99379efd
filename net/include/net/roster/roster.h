// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The pharmacy roster the organisation keeps (prescribing.md "Pharmacy reach"), in either of two
// forms, refused as a whole with every problem named when any entry is bad:
//
// CSV, one row per service window, header naming the columns (any order, case-insensitive):
//   naam;ura;agb;regio;telefoon;adres;bezorgen;dienst;dagen;van;tot
// rows of one pharmacy (same URA, else AGB, else name) are merged; dagen "ma-vr", "za,zo",
// "dagelijks"; van/tot "08:00", tot "24:00" or before van for a window past midnight; bezorgen
// and dienst ja/nee (dienst: a duty pharmacy, listed first at night).
//
// FHIR R4: a Bundle of HealthcareService (with the Location it names, for the address) or one
// HealthcareService: name; identifier (URA or AGB); telecom phone; coverageArea display as
// region; availableTime (daysOfWeek mon…sun, allDay or availableStartTime/EndTime); location →
// Location.address.text (else line, postal code, city); courier and duty from characteristic or
// type codes/texts "bezorgen" and "dienstapotheek".
#include <string>
#include <string_view>
#include <vector>

#include "domain/pharmacy_roster.h"
#include "domain/result.h"

namespace zb::net::roster {

struct Limits {
  std::size_t maxBytes = std::size_t{4} << 20;
  std::size_t maxPharmacies = 5000;
  std::size_t maxProblems = 20;
};

domain::Result<std::vector<domain::RosterPharmacy>> ReadRosterCsv(std::string_view text, const std::string& origin,
                                                                  const Limits& limits = {});
domain::Result<std::vector<domain::RosterPharmacy>> ReadRosterFhir(std::string_view text, const std::string& origin,
                                                                   const Limits& limits = {});
// By the first character that is not white space or a byte-order mark: '{' is FHIR, else CSV.
domain::Result<std::vector<domain::RosterPharmacy>> ReadRoster(std::string_view text, const std::string& origin,
                                                               const Limits& limits = {});

}  // namespace zb::net::roster
