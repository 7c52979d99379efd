// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/pharmacy_roster.h"

#include <algorithm>
#include <cctype>

namespace zb::domain {

namespace {

bool Named(const Actor& a) { return !a.display.empty() || a.identifier.has_value(); }

// Newest first: by registration time; a block without one counts as oldest.
bool Newer(const std::optional<DateTime>& a, const std::optional<DateTime>& b) {
  if (!a) return false;
  if (!b) return true;
  return a->Earliest() > b->Earliest();
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

const char* const kDayNames[] = {"ma", "di", "wo", "do", "vr", "za", "zo"};

std::optional<int> DayOf(std::string_view word) {
  for (int i = 0; i < 7; ++i) {
    if (word == kDayNames[i]) return i + 1;
  }
  return std::nullopt;
}

std::string Clock(int minutes) {
  const auto two = [](int v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  return two(minutes / 60) + ":" + two(minutes % 60);
}

}  // namespace

std::optional<OwnPharmacy> FindOwnPharmacy(const MedicationData& data) {
  std::optional<OwnPharmacy> best;
  auto consider = [&best](const BlockHeader& h, const Actor& who, std::optional<DateTime> when) {
    if (!Named(who)) return;
    if (best && !Newer(when, best->registered)) return;
    best = OwnPharmacy{who, h.kind, h.id, h.source, when};
  };
  for (const auto& vv : data.dispenseRequests) {
    if (!vv.cancelled) consider(vv.h, vv.performer, vv.h.registered);
  }
  for (const auto& mve : data.dispenses)
    consider(mve.h, mve.h.author, mve.h.registered ? mve.h.registered : mve.handedOver);
  return best;
}

bool RosterPharmacy::OpenAt(Instant local) const {
  const int weekday = local.date().day_of_week().as_number();  // 0 = Sunday
  const int today = weekday == 0 ? 7 : weekday;
  const int yesterday = today == 1 ? 7 : today - 1;
  const auto td = local.time_of_day();
  const int minute = static_cast<int>(td.hours()) * 60 + static_cast<int>(td.minutes());
  for (const auto& w : windows) {
    auto has = [&w](int day) { return std::find(w.days.begin(), w.days.end(), day) != w.days.end(); };
    if (w.to > w.from) {
      if (has(today) && minute >= w.from && minute < w.to) return true;
    } else {  // past midnight: the evening of a listed day, or the early morning after it
      if (has(today) && minute >= w.from) return true;
      if (has(yesterday) && minute < w.to) return true;
    }
  }
  return false;
}

Actor RosterPharmacy::AsActor() const { return Actor{name, identifier}; }

PharmacyRoster::PharmacyRoster(std::vector<RosterPharmacy> pharmacies, std::optional<Date> updated)
    : m_pharmacies(std::move(pharmacies)), m_updated(updated) {}

const RosterPharmacy* PharmacyRoster::Find(const Actor& pharmacy) const {
  if (pharmacy.identifier) {
    for (const auto& p : m_pharmacies) {
      if (p.identifier && p.identifier->system == pharmacy.identifier->system &&
          p.identifier->code == pharmacy.identifier->code)
        return &p;
    }
  }
  if (pharmacy.display.empty()) return nullptr;
  for (const auto& p : m_pharmacies) {
    if (Lower(p.name) == Lower(pharmacy.display)) return &p;
  }
  return nullptr;
}

std::vector<const RosterPharmacy*> PharmacyRoster::OpenAt(Instant utc) const {
  const Instant local = ToNetherlandsLocal(utc);
  std::vector<const RosterPharmacy*> out;
  for (const auto& p : m_pharmacies) {
    if (p.OpenAt(local)) out.push_back(&p);
  }
  std::stable_sort(out.begin(), out.end(), [](const RosterPharmacy* a, const RosterPharmacy* b) {
    if (a->onDuty != b->onDuty) return a->onDuty;
    return a->name < b->name;
  });
  return out;
}

std::vector<Actor> PharmacyReach::Choices() const {
  std::vector<Actor> out;
  if (own)
    out.push_back(
        ownEntry ? Actor{ownEntry->name, own->pharmacy.identifier ? own->pharmacy.identifier : ownEntry->identifier}
                 : own->pharmacy);
  for (const auto* p : openNow) {
    if (p != ownEntry) out.push_back(p->AsActor());
  }
  return out;
}

PharmacyReach ReachAt(const MedicationData& data, const PharmacyRoster& roster, Instant utc) {
  PharmacyReach reach;
  reach.own = FindOwnPharmacy(data);
  if (reach.own) reach.ownEntry = roster.Find(reach.own->pharmacy);
  if (reach.ownEntry) reach.ownOpen = reach.ownEntry->OpenAt(ToNetherlandsLocal(utc));
  reach.openNow = roster.OpenAt(utc);
  return reach;
}

std::optional<std::vector<int>> ParseDays(std::string_view text) {
  const std::string t = Lower(text);
  if (t == "dagelijks" || t == "ma-zo") return std::vector<int>{1, 2, 3, 4, 5, 6, 7};
  std::vector<int> days;
  std::size_t at = 0;
  while (at <= t.size()) {
    const auto comma = t.find(',', at);
    std::string part = t.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
    part.erase(0, part.find_first_not_of(' '));
    part.erase(part.find_last_not_of(' ') + 1);
    const auto dash = part.find('-');
    if (dash == std::string::npos) {
      auto d = DayOf(part);
      if (!d) return std::nullopt;
      days.push_back(*d);
    } else {
      auto a = DayOf(part.substr(0, dash));
      auto b = DayOf(part.substr(dash + 1));
      if (!a || !b || *b < *a) return std::nullopt;
      for (int d = *a; d <= *b; ++d) days.push_back(d);
    }
    if (comma == std::string::npos) break;
    at = comma + 1;
  }
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  if (days.empty()) return std::nullopt;
  return days;
}

std::optional<int> ParseClock(std::string_view text) {
  if (text.size() == 8 && text.substr(5) == ":00") text = text.substr(0, 5);  // FHIR time hh:mm:ss
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  for (std::size_t i : {0U, 1U, 3U, 4U}) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
  }
  const int h = (text[0] - '0') * 10 + (text[1] - '0');
  const int m = (text[3] - '0') * 10 + (text[4] - '0');
  if (m > 59 || h > 24 || (h == 24 && m != 0)) return std::nullopt;
  return h * 60 + m;
}

std::string WindowText(const ServiceWindow& window) {
  std::string days;
  const auto& d = window.days;
  const bool run = d.size() > 2 && d.back() - d.front() + 1 == static_cast<int>(d.size());
  if (d.size() == 7) {
    days = "dagelijks";
  } else if (run) {
    days = std::string(kDayNames[d.front() - 1]) + "-" + kDayNames[d.back() - 1];
  } else {
    for (std::size_t i = 0; i < d.size(); ++i) days += (i ? "," : "") + std::string(kDayNames[d[i] - 1]);
  }
  return days + " " + Clock(window.from) + "–" + Clock(window.to);
}

}  // namespace zb::domain
