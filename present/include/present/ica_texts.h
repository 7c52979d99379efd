// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Words for the ICA cross-check and the ICA strip: why a line is marked ("overgevoelig voor
// PENICILLINES (huisarts, ziekenhuis): amoxicilline hoort bij de penicillines (ATC J01CA04 in
// J01C)"), which checks ran and which did not, and the patient's most dangerous facts in a strip
// that the header shows on every tab and the print puts on page 1.
#include <map>
#include <string>
#include <vector>

#include "domain/ica_check.h"
#include "domain/retrieval.h"
#include "present/overview_view.h"

namespace zb::present {

struct IcaStripItem {
  std::string text;     // "Allergie: PENICILLINES (hoog risico; anafylaxie)"
  std::string tooltip;  // who reported it
  Tone tone = Tone::kNeutral;
};

// Source id → "huisarts", "apotheek", "ziekenhuis"; the organisation's name where two sources of
// one kind would otherwise read alike.
std::map<std::string, std::string> SourceShortNames(const domain::PatientPicture& picture);

// One hit as a sentence; `names` maps source ids to how they are named here.
std::string IcaHitText(const domain::IcaHit& hit, const std::map<std::string, std::string>& names);
// The list cell: "ICA: overgevoelig voor PENICILLINES", empty when the line has no warning hit.
std::string IcaMark(const domain::LineIcaCheck& line);
// Which checks ran, on what, with which table — and that a licensed G-Standaard check is not among them.
std::string IcaChecksText(const domain::IcaCheck& check);

// Current allergies (high risk first), contra-indications, surveillance decisions and alerts, then
// which sources' ICA is missing; "Geen ICA ontvangen" when there is none, saying from whom.
std::vector<IcaStripItem> BuildIcaStrip(const domain::IcaSummary& ica, const domain::PatientPicture& picture);

}  // namespace zb::present
