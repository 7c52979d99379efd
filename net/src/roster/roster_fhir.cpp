// SPDX-License-Identifier: GPL-3.0-or-later
#include <map>
#include <nlohmann/json.hpp>

#include "../formulary/csv_record.h"
#include "domain/codes.h"
#include "net/json_member.h"
#include "net/roster/roster.h"
#include "problems.h"

namespace zb::net::roster {

namespace d = zb::domain;
using nlohmann::json;

namespace {

std::string AddressText(const json& address) {
  std::string text = StringMember(address, "text");
  if (!text.empty()) return text;
  for (const auto& l : MemberRef(address, "line")) {
    if (l.is_string()) text += (text.empty() ? "" : ", ") + l.get<std::string>();
  }
  const std::string place = StringMember(address, "postalCode") + " " + StringMember(address, "city");
  if (place != " ") text += (text.empty() ? "" : ", ") + csv::Trim(place);
  return text;
}

// Whether one of the concepts says `word` (in a code or a text, case-insensitive).
bool Says(const json& concepts, const std::string& word) {
  for (const auto& c : concepts) {
    if (csv::Lower(StringMember(c, "text")) == word) return true;
    for (const auto& coding : MemberRef(c, "coding")) {
      if (csv::Lower(StringMember(coding, "code")) == word || csv::Lower(StringMember(coding, "display")) == word)
        return true;
    }
  }
  return false;
}

d::RosterPharmacy Pharmacy(const json& s, const std::map<std::string, const json*>& locations, const std::string& where,
                           Problems& problems) {
  d::RosterPharmacy p;
  p.name = StringMember(s, "name");
  if (p.name.empty()) problems.Add(where + ", name", "missing");
  for (const auto& id : MemberRef(s, "identifier")) {
    const std::string system = StringMember(id, "system");
    if (system == d::systems::kUra || (system == d::systems::kAgb && !p.identifier))
      p.identifier = d::Coding{system, StringMember(id, "value"), ""};
  }
  for (const auto& t : MemberRef(s, "telecom")) {
    if (StringMember(t, "system") == "phone" && p.phone.empty()) p.phone = StringMember(t, "value");
  }
  for (const auto& area : MemberRef(s, "coverageArea")) {
    if (p.region.empty()) p.region = StringMember(area, "display");
  }
  for (const auto& ref : MemberRef(s, "location")) {
    const auto it = locations.find(StringMember(ref, "reference"));
    if (it != locations.end() && p.address.empty()) p.address = AddressText(MemberRef(*it->second, "address"));
  }
  p.courier = Says(MemberRef(s, "characteristic"), "bezorgen");
  p.onDuty = Says(MemberRef(s, "type"), "dienstapotheek") || Says(MemberRef(s, "characteristic"), "dienstapotheek");
  static const std::map<std::string, int> kDays{{"mon", 1}, {"tue", 2}, {"wed", 3}, {"thu", 4},
                                                {"fri", 5}, {"sat", 6}, {"sun", 7}};
  const json& times = MemberRef(s, "availableTime");
  for (std::size_t i = 0; times.is_array() && i < times.size(); ++i) {
    const std::string at = where + ", availableTime[" + std::to_string(i) + "]";
    d::ServiceWindow w;
    for (const auto& day : MemberRef(times[i], "daysOfWeek")) {
      const auto it = day.is_string() ? kDays.find(day.get<std::string>()) : kDays.end();
      if (it == kDays.end()) {
        problems.Add(at + ".daysOfWeek",
                     "'" + (day.is_string() ? day.get<std::string>() : day.dump()) + "' is not mon … sun");
      } else {
        w.days.push_back(it->second);
      }
    }
    if (w.days.empty()) {
      problems.Add(at + ".daysOfWeek", "no day");
      continue;
    }
    if (MemberRef(times[i], "allDay") == json(true)) {
      p.windows.push_back(w);
      continue;
    }
    const auto from = d::ParseClock(StringMember(times[i], "availableStartTime"));
    const auto to = d::ParseClock(StringMember(times[i], "availableEndTime"));
    if (!from) problems.Add(at + ".availableStartTime", "missing or not hh:mm:ss");
    if (!to) problems.Add(at + ".availableEndTime", "missing or not hh:mm:ss");
    if (!from || !to) continue;
    // FHIR ends a day at 23:59:59 or 00:00:00; both mean midnight here.
    w.from = *from;
    w.to = *to == 0 ? 24 * 60 : *to;
    p.windows.push_back(w);
  }
  if (p.windows.empty()) problems.Add(where + ", availableTime", "no service window (when is it open?)");
  return p;
}

}  // namespace

d::Result<std::vector<d::RosterPharmacy>> ReadRosterFhir(std::string_view text, const std::string& origin,
                                                         const Limits& limits) {
  if (text.size() > limits.maxBytes)
    return d::MakeError(d::ErrorCode::kOutOfRange, origin + ": larger than " + std::to_string(limits.maxBytes >> 20) +
                                                       " MB; is this the pharmacy roster?");
  const json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object())
    return d::MakeError(d::ErrorCode::kInvalidFormat,
                        origin + ": not JSON (expected a FHIR Bundle of HealthcareService)");
  std::vector<std::pair<std::string, const json*>> services;
  std::map<std::string, const json*> locations;  // by "Location/<id>" and by fullUrl
  const std::string type = StringMember(doc, "resourceType");
  if (type == "HealthcareService") {
    services.emplace_back("HealthcareService", &doc);
  } else if (type == "Bundle") {
    const json& entries = MemberRef(doc, "entry");
    for (std::size_t i = 0; entries.is_array() && i < entries.size(); ++i) {
      const json& r = MemberRef(entries[i], "resource");
      const std::string kind = StringMember(r, "resourceType"), id = StringMember(r, "id");
      if (kind == "HealthcareService")
        services.emplace_back("entry " + std::to_string(i + 1) + (id.empty() ? "" : " (HealthcareService/" + id + ")"),
                              &r);
      if (kind == "Location") {
        if (!id.empty()) locations["Location/" + id] = &r;
        const std::string full = StringMember(entries[i], "fullUrl");
        if (!full.empty()) locations[full] = &r;
      }
    }
  } else {
    return d::MakeError(d::ErrorCode::kInvalidFormat, origin + ": resourceType '" + type +
                                                          "'; expected a Bundle of HealthcareService or one of them");
  }
  if (services.empty()) return d::MakeError(d::ErrorCode::kMissing, origin + ": the Bundle holds no HealthcareService");
  if (services.size() > limits.maxPharmacies)
    return d::MakeError(d::ErrorCode::kOutOfRange,
                        origin + ": more than " + std::to_string(limits.maxPharmacies) + " pharmacies");
  Problems problems(origin, limits.maxProblems);
  std::vector<d::RosterPharmacy> out;
  for (const auto& [where, s] : services) out.push_back(Pharmacy(*s, locations, where, problems));
  if (problems.any()) return problems.Refusal();
  return out;
}

}  // namespace zb::net::roster
