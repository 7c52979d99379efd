// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/dosage.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>

namespace zb::domain {
namespace {

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string QKey(const Quantity& q) {
  auto n = q.Number();
  return (n ? Num(*n) : q.decimal) + "@" + q.UnitKey();
}

std::string Sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  std::string out;
  for (const auto& s : v) out += s + ",";
  return out;
}

std::string LineKey(const Dosage& dosage) {
  std::string k = "s" + (dosage.sequence ? std::to_string(*dosage.sequence) : std::string("-"));
  const Timing& t = dosage.timing;
  k += "|f" + (t.frequency ? std::to_string(*t.frequency) : std::string()) + "-" +
       (t.frequencyMax ? std::to_string(*t.frequencyMax) : std::string());
  k += "/" + (t.period ? Num(*t.period) : std::string()) + t.periodUnit;
  k += "|c" + (t.count ? std::to_string(*t.count) : std::string());
  k += "|b" + (t.boundsDuration ? Num(t.boundsDuration->value) + t.boundsDuration->unit : std::string());
  k += "|w" + Sorted(t.dayOfWeek) + "|t" + Sorted(t.timeOfDay) + "|e" + Sorted(t.when);
  k += dosage.asNeeded ? "|prn" : "|sched";
  std::vector<std::string> doses;
  for (const auto& dr : dosage.doseAndRate) {
    std::string dk;
    if (dr.dose) dk += "d" + QKey(*dr.dose);
    if (dr.doseRange) {
      dk += "r" + (dr.doseRange->low ? QKey(*dr.doseRange->low) : std::string()) + "~" +
            (dr.doseRange->high ? QKey(*dr.doseRange->high) : std::string());
    }
    if (dr.rate) dk += "q" + QKey(*dr.rate);
    doses.push_back(dk);
  }
  k += "|" + Sorted(doses);
  const Coding* route = dosage.route.codings.empty() ? nullptr : &dosage.route.codings.front();
  k += "|r" + (route ? route->code : std::string());
  return k;
}

// Administrations per day, or nullopt when the timing does not say.
std::optional<double> PerDay(const Timing& t) {
  const double weekFactor = t.dayOfWeek.empty() ? 1.0 : static_cast<double>(t.dayOfWeek.size()) / 7.0;
  if (t.frequency && t.period && *t.period > 0) {
    double days = 0;
    if (t.periodUnit == "h")
      days = *t.period / 24.0;
    else if (t.periodUnit == "d")
      days = *t.period;
    else if (t.periodUnit == "wk")
      days = *t.period * 7.0;
    else if (t.periodUnit == "mo")
      days = *t.period * 30.0;
    else
      return std::nullopt;
    return *t.frequency / days * weekFactor;
  }
  if (!t.timeOfDay.empty()) return static_cast<double>(t.timeOfDay.size()) * weekFactor;
  if (!t.when.empty()) return static_cast<double>(t.when.size()) * weekFactor;
  if (!t.dayOfWeek.empty()) return weekFactor;
  return std::nullopt;
}

}  // namespace

std::string DailyAmountKey(const std::vector<Dosage>& dosage) {
  std::map<std::string, double> totals;  // "sched|unit|route" -> amount per day
  std::vector<std::string> other;
  for (const auto& d : dosage) {
    const auto perDay = PerDay(d.timing);
    const std::string route = d.route.codings.empty() ? std::string() : d.route.codings.front().code;
    bool used = false;
    for (const auto& dr : d.doseAndRate) {
      if (!perDay || !dr.dose || !dr.dose->Number() || d.timing.boundsDuration || d.sequence.value_or(1) > 1) continue;
      totals[std::string(d.asNeeded ? "prn|" : "sched|") + dr.dose->UnitKey() + "|" + route] +=
          *dr.dose->Number() * *perDay;
      used = true;
    }
    if (!used) other.push_back(LineKey(d));
  }
  std::vector<std::string> parts;
  for (const auto& [k, v] : totals) parts.push_back(k + "=" + Num(std::round(v * 1e6) / 1e6));
  for (auto& o : other) parts.push_back(std::move(o));
  return Sorted(std::move(parts));
}

std::string DosageKey(const std::vector<Dosage>& dosage) {
  std::vector<std::string> lines;
  lines.reserve(dosage.size());
  for (const auto& d : dosage) lines.push_back(LineKey(d));
  return Sorted(std::move(lines));
}

}  // namespace zb::domain
