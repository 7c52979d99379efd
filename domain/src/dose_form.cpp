// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/dose_form.h"

#include <algorithm>
#include <cctype>

namespace zb::domain {

namespace {

bool IsDecimal(const std::string& text) {
  if (text.empty() || text.front() == '.' || text.back() == '.') return false;
  if (std::count(text.begin(), text.end(), '.') > 1) return false;
  if (!std::all_of(text.begin(), text.end(),
                   [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.'; }))
    return false;
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '1' && c <= '9'; });  // > 0
}

bool IsTime(const std::string& t) {
  if (t.size() != 5 || t[2] != ':') return false;
  for (std::size_t i : {0U, 1U, 3U, 4U}) {
    if (!std::isdigit(static_cast<unsigned char>(t[i]))) return false;
  }
  return std::stoi(t.substr(0, 2)) < 24 && std::stoi(t.substr(3, 2)) < 60;
}

Quantity Amount(const std::string& value, const DoseUnit& unit) {
  Quantity q;
  q.decimal = value;
  q.unit = value == "1" || value.find('.') != std::string::npos ? unit.singular : unit.plural;
  q.system = std::string(systems::kUcum);
  q.code = unit.ucum;
  q.gstdUnit = Coding{std::string(systems::kGstdUnit), unit.gstdCode, unit.singular};
  return q;
}

// "0.5 stuk", "2 stuks", "1 à 2 stuks" (the plural follows the larger amount, as the fixtures write it).
std::string AmountWords(const std::string& amount, const std::string& amountMax, const DoseUnit& unit) {
  const std::string& last = amountMax.empty() ? amount : amountMax;
  const bool single = last == "1" || last.find('.') != std::string::npos;
  return amount + (amountMax.empty() ? "" : " à " + amountMax) + " " + (single ? unit.singular : unit.plural);
}

std::string TimesWords(const std::vector<std::string>& times) {
  std::string out;
  for (std::size_t i = 0; i < times.size(); ++i) {
    out += (i == 0 ? "" : (i + 1 == times.size() ? " en " : ", ")) + times[i];
  }
  return out;
}

Error Refuse(const std::string& field, const std::string& what) {
  return MakeError(ErrorCode::kInvalidFormat, "dose, " + field + ": " + what);
}

}  // namespace

Result<Quantity> DoseQuantity(const std::string& amount, std::string_view unit, const std::string& field) {
  if (!IsDecimal(amount)) return Refuse(field, "'" + amount + "' is not a positive number (write 0.5, not 0,5)");
  const DoseUnit* known = FindDoseUnit(unit);
  if (!known) return Refuse(field, "'" + std::string(unit) + "' is not a unit the editor knows");
  return Amount(amount, *known);
}

const std::vector<DoseUnit>& DoseUnits() {
  static const std::vector<DoseUnit> units{{"245", "stuk", "stuks", "1"},
                                           {"215", "gram", "gram", "g"},
                                           {"233", "milliliter", "milliliter", "ml"},
                                           {"208", "dosis", "doses", "1"},
                                           {"303", "druppel", "druppels", "[drp]"}};
  return units;
}

const DoseUnit* FindDoseUnit(std::string_view codeOrName) {
  for (const auto& u : DoseUnits()) {
    if (u.gstdCode == codeOrName || u.singular == codeOrName || u.plural == codeOrName) return &u;
  }
  return nullptr;
}

const std::vector<Coding>& DoseRoutes() {
  static const std::vector<Coding> routes = [] {
    std::vector<Coding> out;
    for (const auto& [code, name] : {std::pair{"9", "Oraal"},
                                     {"53", "Cutaan"},
                                     {"5", "Intraveneus"},
                                     {"58", "Transdermaal"},
                                     {"62", "Inhalatie"},
                                     {"34", "Oromucosaal"},
                                     {"7", "Oculair"},
                                     {"10", "Parenteraal"}})
      out.push_back({std::string(systems::kGstdRoute), code, name});
    return out;
  }();
  return routes;
}

std::optional<Concept> FindDoseRoute(std::string_view codeOrName) {
  std::string wanted(codeOrName);
  std::transform(wanted.begin(), wanted.end(), wanted.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const auto& route : DoseRoutes()) {
    std::string name = route.display;
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (route.code == wanted || name == wanted) return Concept{{route}, ""};
  }
  return std::nullopt;
}

Result<std::vector<Dosage>> ToDosage(const DoseForm& form) {
  const DoseUnit* unit = FindDoseUnit(form.unit);
  const bool hasAmount = !form.amount.empty();
  if (hasAmount && !IsDecimal(form.amount))
    return Refuse("amount", "'" + form.amount + "' is not a positive number (write 0.5, not 0,5 or ½)");
  if (!form.amountMax.empty() &&
      (!hasAmount || !IsDecimal(form.amountMax) || std::stod(form.amountMax) <= std::stod(form.amount)))
    return Refuse("upper amount", "'" + form.amountMax + "' must be a number above the amount");
  if (hasAmount && !unit) return Refuse("unit", "'" + form.unit + "' is not a unit the editor knows");
  if (!hasAmount && !form.asNeeded) return Refuse("amount", "an amount is required");
  if (form.timesPerDay < 0 || form.everyDays < 1) return Refuse("frequency", "must be a positive number");
  if (form.timesPerDay > 0 && !form.timesOfDay.empty())
    return Refuse("frequency", "give either times per day or times of day, not both");
  if (form.timesPerDay == 0 && form.timesOfDay.empty() && !form.asNeeded)
    return Refuse("frequency", "give times per day or times of day (or mark the dose as needed)");
  for (const auto& t : form.timesOfDay) {
    if (!IsTime(t)) return Refuse("time of day", "'" + t + "' is not a time hh:mm");
  }
  if (!form.maxPerDay.empty() && !form.asNeeded)
    return Refuse("maximum per day", "a maximum belongs to a dose taken as needed");
  if (!form.maxPerDay.empty() && (!IsDecimal(form.maxPerDay) || !unit))
    return Refuse("maximum per day", "'" + form.maxPerDay + "' is not a positive number");
  if (form.durationDays && *form.durationDays < 1) return Refuse("duration", "at least one day");
  if (form.route.empty()) return Refuse("route", "a route is required (e.g. Oraal)");

  Dosage d;
  Timing& t = d.timing;
  if (form.timesPerDay > 0) {
    t.frequency = form.timesPerDay;
    t.period = form.everyDays;
    t.periodUnit = "d";
  }
  for (const auto& time : form.timesOfDay) t.timeOfDay.push_back(time + ":00");
  if (form.durationDays) t.boundsDuration = Duration{static_cast<double>(*form.durationDays), "d"};
  d.asNeeded = form.asNeeded;
  d.asNeededCriterion = form.asNeededCondition;
  d.route = form.route;
  if (hasAmount) {
    DoseAndRate dr;
    if (form.amountMax.empty()) {
      dr.dose = Amount(form.amount, *unit);
    } else {
      dr.doseRange = Range{Amount(form.amount, *unit), Amount(form.amountMax, *unit)};
    }
    d.doseAndRate.push_back(std::move(dr));
  }
  if (!form.maxPerDay.empty()) {
    Quantity day;
    day.decimal = "1";
    day.unit = "dag";
    day.system = std::string(systems::kUcum);
    day.code = "d";
    d.maxDosePerPeriod = Ratio{Amount(form.maxPerDay, *unit), day};
  }
  return std::vector<Dosage>{std::move(d)};
}

std::string RenderDose(const DoseForm& form) {
  const DoseUnit* unit = FindDoseUnit(form.unit);
  std::vector<std::string> parts;
  std::string main;
  if (form.durationDays)
    main += "gedurende " + std::to_string(*form.durationDays) + (*form.durationDays == 1 ? " dag " : " dagen ");
  if (form.asNeeded) {
    main += form.asNeededCondition.empty() ? (main.empty() ? "Zo nodig " : "zo nodig ")
                                           : form.asNeededCondition.Label() + " ";
  }
  if (form.timesPerDay > 0) {
    main += std::to_string(form.timesPerDay) + " maal per " +
            (form.everyDays == 1 ? std::string("dag") : std::to_string(form.everyDays) + " dagen") + " ";
  } else if (!form.timesOfDay.empty()) {
    main += "elke dag om " + TimesWords(form.timesOfDay) + " ";
  }
  if (!form.amount.empty() && unit) main += AmountWords(form.amount, form.amountMax, *unit);
  while (!main.empty() && main.back() == ' ') main.pop_back();
  parts.push_back(main);
  if (!form.maxPerDay.empty() && unit)
    parts.push_back("maximaal " + AmountWords(form.maxPerDay, "", *unit) + " per dag");
  parts.push_back(form.route.Label());
  std::string out;
  for (const auto& p : parts) {
    if (!p.empty()) out += (out.empty() ? "" : ", ") + p;
  }
  return out;
}

}  // namespace zb::domain
