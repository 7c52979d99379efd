// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The CSV reading the organisation's own lists share (the formulary, the pharmacy roster): files a
// Dutch spreadsheet writes, ';' or ',' as separator, quoted fields, yes/no in Dutch or English.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zb::net::csv {

std::string Lower(std::string text);
std::string Trim(std::string_view text);
// Splits one record starting at `at`; advances `at` past its line end and counts the lines it
// passes in `lines`. Quoted fields may hold the separator, quotes ("") and line breaks.
// nullopt: a quote is never closed.
std::optional<std::vector<std::string>> Record(std::string_view text, std::size_t& at, char separator,
                                               std::size_t& lines);
// ';' unless the header line has more ',' than ';'.
char SeparatorOf(std::string_view headerLine);
// ja/nee, j/n, yes/no, 1/0; empty is no; nullopt for anything else.
std::optional<bool> YesNo(const std::string& s);

}  // namespace zb::net::csv
