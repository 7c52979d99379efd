// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Pharmacy reach in words (prescribing.md "Pharmacy reach"): the patient's own pharmacy with the
// block that names it, whether it is open now by the organisation's roster, and who is on duty
// now with the phone number to call — one line in the patient header, so the night physician
// does not search for it.
#include <map>
#include <string>

#include "domain/pharmacy_roster.h"

namespace zb::present {

// "Eigen apotheek: Apotheek De Brug (verstrekking 12-11-2026, Apotheek De Brug), nu gesloten, tel …"
// or "Eigen apotheek: onbekend (geen verstrekking of verstrekkingsverzoek met apotheek)".
std::string OwnPharmacyText(const domain::PharmacyReach& reach, const std::map<std::string, std::string>& sourceNames);
// "Nu open: Dienstapotheek Utrecht (dienstapotheek, tel 030-0000490, bezorgt) · rooster van 01-12-2026",
// "Volgens het rooster (…) is nu geen apotheek open", "Geen apotheekrooster ingelezen".
std::string OpenNowText(const domain::PharmacyReach& reach, const domain::PharmacyRoster& roster);
// For the draft editor and the release: "De eigen apotheek (…) is nu gesloten (ma-vr 08:00–17:30);
// kies een apotheek die nu open is en vink zo nodig spoed en bezorgen aan." Empty when nothing to warn.
std::string ClosedWarning(const domain::PharmacyReach& reach);
// One roster entry in words: "Dienstapotheek Utrecht, tel 030-0000490, Biltstraat 1 Utrecht, bezorgt"
// (without the address for the header's single line).
std::string RosterEntryText(const domain::RosterPharmacy& pharmacy, bool address = true);

}  // namespace zb::present
