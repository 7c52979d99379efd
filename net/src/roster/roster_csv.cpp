// SPDX-License-Identifier: GPL-3.0-or-later
#include <algorithm>
#include <map>

#include "../formulary/csv_record.h"
#include "domain/codes.h"
#include "net/roster/roster.h"
#include "problems.h"

namespace zb::net::roster {

namespace d = zb::domain;

d::Result<std::vector<d::RosterPharmacy>> ReadRosterCsv(std::string_view text, const std::string& origin,
                                                        const Limits& limits) {
  if (text.size() > limits.maxBytes)
    return d::MakeError(d::ErrorCode::kOutOfRange, origin + ": larger than " + std::to_string(limits.maxBytes >> 20) +
                                                       " MB; is this the pharmacy roster?");
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  const char separator = csv::SeparatorOf(text.substr(0, text.find('\n')));
  std::size_t at = 0, line = 1;
  auto header = csv::Record(text, at, separator, line);
  std::map<std::string, std::size_t> column;
  if (header) {
    for (std::size_t i = 0; i < header->size(); ++i) column[csv::Lower((*header)[i])] = i;
  }
  for (const char* required : {"naam", "dagen", "van", "tot"}) {
    if (!column.count(required))
      return d::MakeError(d::ErrorCode::kMissing,
                          origin + ": the header has no column '" + required +
                              "' (expected naam;ura;agb;regio;telefoon;adres;bezorgen;dienst;dagen;van;tot)");
  }
  Problems problems(origin, limits.maxProblems);
  std::vector<d::RosterPharmacy> out;
  std::map<std::string, std::size_t> byKey;  // URA, AGB or name → index in out
  while (at < text.size()) {
    const std::string where = "line " + std::to_string(line);
    auto fields = csv::Record(text, at, separator, line);
    if (!fields) {
      problems.Add(where, "a quote is not closed");
      break;
    }
    if (std::all_of(fields->begin(), fields->end(), [](const std::string& f) { return f.empty(); })) continue;
    auto get = [&](const char* name) -> std::string {
      const auto it = column.find(name);
      return it == column.end() || it->second >= fields->size() ? std::string() : (*fields)[it->second];
    };
    d::RosterPharmacy p;
    p.name = get("naam");
    if (!get("ura").empty()) {
      p.identifier = d::Coding{std::string(d::systems::kUra), get("ura"), ""};
    } else if (!get("agb").empty()) {
      p.identifier = d::Coding{std::string(d::systems::kAgb), get("agb"), ""};
    }
    p.region = get("regio");
    p.phone = get("telefoon");
    p.address = get("adres");
    if (p.name.empty()) problems.Add(where + ", column 'naam'", "empty");
    const auto courier = csv::YesNo(get("bezorgen"));
    const auto duty = csv::YesNo(get("dienst"));
    if (!courier) problems.Add(where + ", column 'bezorgen'", "'" + get("bezorgen") + "' is not ja or nee");
    if (!duty) problems.Add(where + ", column 'dienst'", "'" + get("dienst") + "' is not ja or nee");
    p.courier = courier.value_or(false);
    p.onDuty = duty.value_or(false);
    const auto days = d::ParseDays(get("dagen"));
    const auto from = d::ParseClock(get("van"));
    const auto to = d::ParseClock(get("tot"));
    if (!days) problems.Add(where + ", column 'dagen'", "'" + get("dagen") + "' is not like ma-vr, za,zo or dagelijks");
    if (!from || *from == 24 * 60) problems.Add(where + ", column 'van'", "'" + get("van") + "' is not a time hh:mm");
    if (!to) problems.Add(where + ", column 'tot'", "'" + get("tot") + "' is not a time hh:mm (24:00 for midnight)");
    if (days && from && to) p.windows.push_back({*days, *from, *to});
    const std::string key = p.identifier ? p.identifier->system + "|" + p.identifier->code : "name|" + p.name;
    if (auto it = byKey.find(key); it != byKey.end()) {
      out[it->second].windows.insert(out[it->second].windows.end(), p.windows.begin(), p.windows.end());
      continue;
    }
    if (out.size() >= limits.maxPharmacies) {
      problems.Add(where, "more than " + std::to_string(limits.maxPharmacies) + " pharmacies");
      break;
    }
    byKey[key] = out.size();
    out.push_back(std::move(p));
  }
  if (problems.any()) return problems.Refusal();
  if (out.empty()) return d::MakeError(d::ErrorCode::kMissing, origin + ": the file lists no pharmacies");
  return out;
}

d::Result<std::vector<d::RosterPharmacy>> ReadRoster(std::string_view text, const std::string& origin,
                                                     const Limits& limits) {
  std::string_view rest = text;
  if (rest.substr(0, 3) == "\xEF\xBB\xBF") rest.remove_prefix(3);
  const auto first = rest.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && rest[first] == '{') return ReadRosterFhir(rest, origin, limits);
  return ReadRosterCsv(text, origin, limits);
}

}  // namespace zb::net::roster
