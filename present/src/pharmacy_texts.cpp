// SPDX-License-Identifier: GPL-3.0-or-later
#include "present/pharmacy_texts.h"

#include "present/overview_view.h"
#include "present/tr.h"

namespace zb::present {

namespace d = zb::domain;

std::string RosterEntryText(const d::RosterPharmacy& p, bool address) {
  std::string text = p.name;
  if (p.onDuty) text += ", " + Tr("dienstapotheek");
  if (!p.phone.empty()) text += ", " + Fmt("tel {0}", {p.phone});
  if (address && !p.address.empty()) text += ", " + p.address;
  if (p.courier) text += ", " + Tr("bezorgt");
  return text;
}

std::string OwnPharmacyText(const d::PharmacyReach& reach, const std::map<std::string, std::string>& sourceNames) {
  if (!reach.own) return Tr("Eigen apotheek: onbekend (geen verstrekking of verstrekkingsverzoek met apotheek)");
  const auto& own = *reach.own;
  const std::string name =
      own.pharmacy.display.empty() && own.pharmacy.identifier ? own.pharmacy.identifier->code : own.pharmacy.display;
  const std::string date = own.registered ? d::FormatDate(own.registered->LocalDate()) : std::string("?");
  const std::string source = SourceNameOf(own.source, sourceNames);
  std::string text = own.from == d::BlockKind::kMedicationDispense
                         ? Fmt("Eigen apotheek: {0} (verstrekking {1}, {2})", {name, date, source})
                         : Fmt("Eigen apotheek: {0} (verstrekkingsverzoek {1}, {2})", {name, date, source});
  if (reach.ownEntry) {
    text += reach.ownOpen ? ", " + Tr("nu open") : ", " + Tr("nu gesloten");
    if (!reach.ownEntry->phone.empty()) text += ", " + Fmt("tel {0}", {reach.ownEntry->phone});
  }
  return text;
}

std::string OpenNowText(const d::PharmacyReach& reach, const d::PharmacyRoster& roster) {
  if (roster.empty()) return Tr("Geen apotheekrooster ingelezen (Bestand > Apotheekrooster inlezen)");
  const std::string updated = roster.updated() ? d::FormatDate(*roster.updated()) : std::string("?");
  std::string names;
  std::size_t listed = 0;
  for (const auto* p : reach.openNow) {
    if (p == reach.ownEntry) continue;
    if (++listed > 2) break;  // the header has one line; the draft editor lists them all
    names += (names.empty() ? "" : "; ") + RosterEntryText(*p, false);
  }
  if (names.empty())
    return Fmt("Volgens het apotheekrooster (bijgewerkt {0}) is nu geen andere apotheek open", {updated});
  return Fmt("Nu open: {0} (rooster {1})", {names, updated});
}

std::string ClosedWarning(const d::PharmacyReach& reach) {
  if (!reach.Warn()) return {};
  std::string hours;
  for (const auto& w : reach.ownEntry->windows) hours += (hours.empty() ? "" : ", ") + d::WindowText(w);
  return Fmt(
      "De eigen apotheek ({0}) is nu gesloten ({1}). Kies een apotheek die nu open is en vink zo nodig "
      "spoed en bezorgen aan.",
      {reach.ownEntry->name, hours});
}

}  // namespace zb::present
