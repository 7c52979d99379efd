// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Pharmacy reach at night (prescribing.md "Pharmacy reach"): which pharmacy is the patient's own
// — read from the newest dispense request, dispense, or preferred-pharmacy block, with the block
// it came from, because nobody types it in at 3 a.m. — and which pharmacy is on duty now, from the
// roster the organisation keeps (region, weekday/time windows in Dutch civil time, phone,
// address, courier). A release outside the own pharmacy's hours is warned about, and the pharmacies
// on duty then are offered instead.
#include <optional>
#include <string>
#include <vector>

#include "domain/building_blocks.h"
#include "domain/date_time.h"

namespace zb::domain {

// The patient's own pharmacy and the block that says so.
struct OwnPharmacy {
  Actor pharmacy;
  BlockKind from = BlockKind::kDispenseRequest;  // dispense request (performer) or dispense (supplier)
  BlockId block;
  std::string source;  // the source id the block came from
  std::optional<DateTime> registered;
};
// The pharmacy of the newest dispense request or dispense that names one (by registration time,
// then handing over); nullopt when no block names a pharmacy.
std::optional<OwnPharmacy> FindOwnPharmacy(const MedicationData& data);

// When a pharmacy serves: days 1 (Monday) … 7 (Sunday); minutes since local midnight. A window whose
// end is not after its start runs past midnight into the next day ("17:30–08:00").
struct ServiceWindow {
  std::vector<int> days;
  int from = 0;
  int to = 24 * 60;
  bool operator==(const ServiceWindow&) const = default;
};

struct RosterPharmacy {
  std::string name;
  std::optional<Coding> identifier;  // URA or AGB
  std::string region;
  std::string phone;
  std::string address;
  bool courier = false;  // delivers to the home
  bool onDuty = false;   // a duty pharmacy (dienstapotheek) rather than a pharmacy's own hours
  std::vector<ServiceWindow> windows;
  bool operator==(const RosterPharmacy&) const = default;
  // Whether a window covers the local (Dutch) wall-clock moment.
  bool OpenAt(Instant netherlandsLocal) const;
  Actor AsActor() const;
};

class PharmacyRoster {
 public:
  PharmacyRoster() = default;
  PharmacyRoster(std::vector<RosterPharmacy> pharmacies, std::optional<Date> updated);
  const std::vector<RosterPharmacy>& pharmacies() const { return m_pharmacies; }
  const std::optional<Date>& updated() const { return m_updated; }
  bool empty() const { return m_pharmacies.empty(); }
  // The roster's entry for a pharmacy: by identifier (same system and value), else by name.
  const RosterPharmacy* Find(const Actor& pharmacy) const;
  // Open at `utc`: duty pharmacies first, then by name.
  std::vector<const RosterPharmacy*> OpenAt(Instant utc) const;

 private:
  std::vector<RosterPharmacy> m_pharmacies;
  std::optional<Date> m_updated;
};

// What the overview and the draft editor say about reaching a pharmacy now.
struct PharmacyReach {
  std::optional<OwnPharmacy> own;
  const RosterPharmacy* ownEntry = nullptr;  // the own pharmacy on the roster, when it is
  bool ownOpen = false;                      // meaningful only with ownEntry
  std::vector<const RosterPharmacy*> openNow;
  // Release outside the own pharmacy's hours: its entry is on the roster and closed now.
  bool Warn() const { return ownEntry && !ownOpen; }
  // Who may dispense, for the draft editor: the own pharmacy first (when known), then the ones open
  // now that are not it.
  std::vector<Actor> Choices() const;
};
PharmacyReach ReachAt(const MedicationData& data, const PharmacyRoster& roster, Instant utc);

// "ma-vr", "za,zo", "dagelijks" → days; nullopt for anything else.
std::optional<std::vector<int>> ParseDays(std::string_view text);
// "08:00", "24:00" → minutes; nullopt otherwise.
std::optional<int> ParseClock(std::string_view text);
// Back to words: "ma-vr 08:00–17:30".
std::string WindowText(const ServiceWindow& window);

}  // namespace zb::domain
