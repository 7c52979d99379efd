// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The home's formulary as the pharmacy or the home's own spreadsheet exports it: a CSV file with a
// header row naming the columns (any order, case-insensitive): naam, sterkte, vorm, prk, gpk, hpk,
// atc, stof, gds (ja/nee). Separator ';' (Dutch spreadsheets) or ',', taken from the header;
// fields may be quoted ("" for a quote); a UTF-8 byte-order mark is skipped. A file with any bad
// row is refused as a whole, every problem named by line and column, so a formulary is never half
// imported.
#include <string>
#include <string_view>
#include <vector>

#include "domain/formulary.h"
#include "domain/result.h"

namespace zb::net::formulary {

struct CsvLimits {
  std::size_t maxBytes = std::size_t{16} << 20;
  std::size_t maxRows = 100000;
  std::size_t maxProblems = 20;  // listed in the error; the count says how many more
};

// `origin` names the file in messages.
domain::Result<std::vector<domain::FormularyItem>> ReadFormularyCsv(std::string_view text, const std::string& origin,
                                                                    const CsvLimits& limits = {});

}  // namespace zb::net::formulary
