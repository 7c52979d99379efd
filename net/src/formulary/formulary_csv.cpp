// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/formulary/formulary_csv.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>

#include "csv_record.h"

namespace zb::net::formulary {

namespace d = zb::domain;
using csv::Lower;
using csv::Record;
using csv::YesNo;

namespace {

bool Digits(const std::string& s, std::size_t max) {
  return !s.empty() && s.size() <= max &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

// WHO ATC at substance level (letter, 2 digits, 2 letters, 2 digits: "A02BC01"), or at the 4th
// level where WHO gives combinations no substance code ("A12AX", calcium with vitamin D).
bool Atc(const std::string& s) {
  if (s.size() != 7 && s.size() != 5) return false;
  auto alpha = [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; };
  auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
  const bool group = alpha(s[0]) && digit(s[1]) && digit(s[2]) && alpha(s[3]) && alpha(s[4]);
  return group && (s.size() == 5 || (digit(s[5]) && digit(s[6])));
}

}  // namespace

d::Result<std::vector<d::FormularyItem>> ReadFormularyCsv(std::string_view text, const std::string& origin,
                                                          const CsvLimits& limits) {
  if (text.size() > limits.maxBytes)
    return d::MakeError(d::ErrorCode::kOutOfRange, origin + ": larger than " + std::to_string(limits.maxBytes >> 20) +
                                                       " MB; is this the formulary?");
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  const auto headerEnd = text.find('\n');
  const std::string_view headerLine = text.substr(0, headerEnd);
  const char separator = csv::SeparatorOf(headerLine);
  std::size_t at = 0, line = 1;
  auto header = Record(text, at, separator, line);
  if (!header || header->size() < 2)
    return d::MakeError(d::ErrorCode::kInvalidFormat,
                        origin + ": line 1 is not a header row (expected columns naam;prk;gpk;hpk;atc;stof;gds)");
  std::map<std::string, std::size_t> column;
  for (std::size_t i = 0; i < header->size(); ++i) column[Lower((*header)[i])] = i;
  if (!column.count("naam")) return d::MakeError(d::ErrorCode::kMissing, origin + ": the header has no column 'naam'");
  if (!column.count("prk") && !column.count("gpk") && !column.count("hpk"))
    return d::MakeError(d::ErrorCode::kMissing, origin + ": the header needs a column prk, gpk or hpk");

  std::vector<d::FormularyItem> items;
  std::vector<std::string> problems;
  std::size_t problemCount = 0;
  auto problem = [&](std::size_t row, const std::string& col, const std::string& what) {
    if (++problemCount <= limits.maxProblems)
      problems.push_back("line " + std::to_string(row) + (col.empty() ? "" : ", column '" + col + "'") + ": " + what);
  };
  while (at < text.size()) {
    const std::size_t row = line;  // the line this record starts on
    auto fields = Record(text, at, separator, line);
    if (!fields) {
      problem(row, "", "a quote is not closed");
      break;
    }
    if (std::all_of(fields->begin(), fields->end(), [](const std::string& f) { return f.empty(); })) continue;
    if (items.size() >= limits.maxRows) {
      problem(row, "", "more than " + std::to_string(limits.maxRows) + " products");
      break;
    }
    auto get = [&](const char* name) -> std::string {
      const auto it = column.find(name);
      return it == column.end() || it->second >= fields->size() ? std::string() : (*fields)[it->second];
    };
    if (fields->size() > header->size()) problem(row, "", "more fields than the header has columns");
    d::FormularyItem item{get("naam"), get("sterkte"),    get("vorm"),        get("prk"), get("gpk"),
                          get("hpk"),  Lower(get("atc")), Lower(get("stof")), false};
    std::transform(item.atc.begin(), item.atc.end(), item.atc.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    if (item.name.empty()) problem(row, "naam", "empty");
    for (const auto& [name, value] : {std::pair{"prk", &item.prk}, {"gpk", &item.gpk}, {"hpk", &item.hpk}}) {
      if (!value->empty() && !Digits(*value, 8)) problem(row, name, "'" + *value + "' is not a G-Standaard code");
    }
    if (item.prk.empty() && item.gpk.empty() && item.hpk.empty()) problem(row, "", "no PRK, GPK or HPK code");
    if (!item.atc.empty() && !Atc(item.atc))
      problem(row, "atc", "'" + item.atc + "' is not an ATC code (like A02BC01, or A12AX for a combination)");
    const auto gds = YesNo(get("gds"));
    if (!gds) problem(row, "gds", "'" + get("gds") + "' is not ja or nee");
    item.inGds = gds.value_or(false);
    items.push_back(std::move(item));
  }
  if (problemCount > 0) {
    std::string detail =
        origin + ": not imported, " + std::to_string(problemCount) + " problem" + (problemCount == 1 ? "" : "s") + ":";
    for (const auto& p : problems) detail += "\n  " + p;
    if (problemCount > problems.size())
      detail += "\n  … and " + std::to_string(problemCount - problems.size()) + " more";
    return d::MakeError(d::ErrorCode::kInvalidFormat, detail);
  }
  if (items.empty()) return d::MakeError(d::ErrorCode::kMissing, origin + ": the file lists no products");
  return items;
}

}  // namespace zb::net::formulary
